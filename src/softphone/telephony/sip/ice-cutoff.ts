import type { Scheduler } from '../scheduler';
import type { SipIceCandidate } from './sip-user-agent';

/**
 * Decides when an offer or answer may leave without waiting for ICE gathering to finish
 * (which takes 100+ ms even with no STUN/TURN server and dominates call set-up time).
 *
 * - No ICE servers configured: the first candidate is all the far end can use, so send at once.
 * - ICE servers configured: send on the first server-derived candidate (srflx or relay), or
 *   `maxWaitMs` after the first candidate, whichever comes first; gathering that completes
 *   earlier releases the SDP by itself (JsSIP's own rule).
 */
export class IceCutoff {
    private timer: unknown;
    private latest?: SipIceCandidate;

    constructor(
        private readonly hasIceServers: boolean,
        private readonly maxWaitMs: number,
        private readonly scheduler: Scheduler
    ) {}

    onCandidate(candidate: SipIceCandidate): void {
        // Each SDP JsSIP builds has its own ready(); calling one twice is harmless.
        this.latest = candidate;
        const fromServer =
            candidate.candidateType === 'srflx' || candidate.candidateType === 'relay';
        if (!this.hasIceServers || fromServer) {
            this.release(candidate);
            return;
        }
        if (this.timer === undefined) {
            this.timer = this.scheduler.setTimeout(() => {
                this.timer = undefined;
                this.latest?.ready();
            }, this.maxWaitMs);
        }
    }

    /** Stops a pending timer (the call ended). */
    cancel(): void {
        if (this.timer !== undefined) {
            this.scheduler.clearTimeout(this.timer);
            this.timer = undefined;
        }
    }

    private release(candidate: SipIceCandidate): void {
        this.cancel();
        candidate.ready();
    }
}
