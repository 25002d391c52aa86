import * as v from 'valibot';
import { StatePayloadSchema } from '../channel/message-contract';
import { initialAppState } from './app-state';
import { withCallBarState } from './call-bar-state';
import type { Call } from '../calls/call-model';

const BASE = {
    agentState: 'AfterCallWork',
    connectionStatus: 'connected',
    softphoneVersion: '1'
} as const;

describe('withCallBarState', () => {
    it('clips long texts and lists so the state event always keeps the contract', () => {
        const payload = withCallBarState(BASE, {
            calls: [],
            app: {
                ...initialAppState,
                breakReason: 'r'.repeat(300),
                wrapUp: {
                    callId: 'c'.repeat(300),
                    remoteLabel: 'n'.repeat(300),
                    outcome: 'Connected',
                    durationSeconds: 3,
                    disposition: 'd'.repeat(300),
                    notes: 'x'.repeat(40000),
                    endsAt: 12.6,
                    saving: false,
                    error: 'e'.repeat(2000)
                }
            },
            breakReasons: Array.from({ length: 60 }, (_, index) => `reason ${index}`),
            dispositions: ['Resolved', 'z'.repeat(300)],
            dispositionRequired: false
        });
        expect(v.is(StatePayloadSchema, payload)).toBe(true);
        expect(payload.breakReasons).toHaveLength(50);
        expect(payload.wrapUp).toMatchObject({ endsAt: 13, dispositionRequired: false });
        expect(payload.wrapUp?.notes).toHaveLength(32768);
    });

    it('adds nothing when there is no reason, waiting call or wrap-up', () => {
        expect(
            withCallBarState(BASE, {
                calls: [],
                app: initialAppState,
                breakReasons: [],
                dispositions: [],
                dispositionRequired: true
            })
        ).toEqual(BASE);
    });
});

describe('withCallBarState: two calls', () => {
    const call = (id: string, state: Call['state'], marks: Partial<Call> = {}): Call => ({
        id,
        direction: 'Inbound',
        from: '+14155550101',
        to: '+14155550100',
        state,
        startedAt: 1000,
        muted: false,
        ...marks
    });
    const withCalls = (calls: Call[], activeCallId: string) =>
        withCallBarState(BASE, {
            calls,
            activeCallId,
            app: initialAppState,
            breakReasons: [],
            dispositions: [],
            dispositionRequired: false
        });

    it('shows the held caller beside a consult call about her, tied as a consult', () => {
        const payload = withCalls(
            [call('a', 'held'), call('b', 'connected', { direction: 'Outbound', consultOf: 'a' })],
            'b'
        );
        expect(v.is(StatePayloadSchema, payload)).toBe(true);
        expect(payload.otherCall).toMatchObject({ callId: 'a', state: 'held' });
        expect(payload.callsLink).toBe('consult');
        expect(payload.consultCallId).toBe('b');
    });

    it('still ties them as a consult after a swap back to the caller', () => {
        const payload = withCalls(
            [call('a', 'connected'), call('b', 'held', { consultOf: 'a' })],
            'a'
        );
        expect(payload.otherCall).toMatchObject({ callId: 'b' });
        expect(payload.callsLink).toBe('consult');
        expect(payload.consultCallId).toBe('b');
    });

    it('ties two merged calls as a conference', () => {
        const payload = withCalls(
            [
                call('a', 'connected', { conference: true }),
                call('b', 'connected', { conference: true })
            ],
            'a'
        );
        expect(payload.otherCall).toMatchObject({ callId: 'b', state: 'connected' });
        expect(payload.callsLink).toBe('conference');
        expect(payload.consultCallId).toBeUndefined();
    });

    it('ties a consult merged into a conference as a conference, still naming the consult call', () => {
        const payload = withCalls(
            [
                call('a', 'connected', { conference: true }),
                call('b', 'connected', { conference: true, consultOf: 'a' })
            ],
            'b'
        );
        expect(payload.callsLink).toBe('conference');
        expect(payload.consultCallId).toBe('b');
    });

    it('leaves two separate calls untied, and a ringing call to waitingCall', () => {
        const payload = withCalls([call('a', 'held'), call('b', 'connected')], 'b');
        expect(payload.otherCall).toMatchObject({ callId: 'a' });
        expect(payload.callsLink).toBeUndefined();
        const ringing = withCalls([call('a', 'connected'), call('b', 'ringing')], 'a');
        expect(ringing.otherCall).toBeUndefined();
        expect(ringing.waitingCall).toMatchObject({ callId: 'b' });
    });
});
