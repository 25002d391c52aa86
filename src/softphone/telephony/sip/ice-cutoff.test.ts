import { systemScheduler } from '../scheduler';
import { IceCutoff } from './ice-cutoff';
import type { SipIceCandidate } from './sip-user-agent';

/** A candidate that counts its ready() calls. */
function candidate(candidateType?: string): { readyCalls: number; candidate: SipIceCandidate } {
    const counted = {
        readyCalls: 0,
        candidate: {
            ...(candidateType === undefined ? {} : { candidateType }),
            ready: () => {
                counted.readyCalls += 1;
            }
        }
    };
    return counted;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('IceCutoff', () => {
    it('without ICE servers, sends on the first candidate', () => {
        const cutoff = new IceCutoff(false, 500, systemScheduler);
        const first = candidate('host');
        cutoff.onCandidate(first.candidate);
        expect(first.readyCalls).toBe(1);
    });

    it('with ICE servers, sends at once on a server-derived candidate', () => {
        const cutoff = new IceCutoff(true, 500, systemScheduler);
        const host = candidate('host');
        const relay = candidate('relay');
        cutoff.onCandidate(host.candidate);
        expect(host.readyCalls).toBe(0);
        cutoff.onCandidate(relay.candidate);
        expect(relay.readyCalls).toBe(1);
        jest.advanceTimersByTime(1000);
        expect(host.readyCalls).toBe(0);
    });

    it('with ICE servers, sends the latest SDP at most maxWait after the first candidate', () => {
        const cutoff = new IceCutoff(true, 500, systemScheduler);
        const first = candidate('host');
        const second = candidate();
        cutoff.onCandidate(first.candidate);
        jest.advanceTimersByTime(300);
        cutoff.onCandidate(second.candidate);
        jest.advanceTimersByTime(199);
        expect(second.readyCalls).toBe(0);
        jest.advanceTimersByTime(1);
        expect(second.readyCalls).toBe(1);
        expect(first.readyCalls).toBe(0);
    });

    it('cancel() stops the pending cut-off', () => {
        const cutoff = new IceCutoff(true, 500, systemScheduler);
        const first = candidate('host');
        cutoff.onCandidate(first.candidate);
        cutoff.cancel();
        jest.advanceTimersByTime(1000);
        expect(first.readyCalls).toBe(0);
    });
});
