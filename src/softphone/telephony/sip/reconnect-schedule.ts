import { computeRetryDelay, type BackoffPolicy } from '../../shared/backoff';
import type { Scheduler } from '../scheduler';

/**
 * How soon the SIP connector opens its WebSocket again after losing it: 0.25–0.5 s, then
 * doubling, never more than 1.5–3 s apart (each delay is drawn between half and all of its
 * step, so agents cut off by the same outage do not come back in lockstep). An attempt is a
 * WebSocket opening, the cheapest probe a browser has of a SIP server; the REGISTER follows in
 * the same breath once it opens. So the softphone is registered at most one step (≤ 3 s) plus a
 * round trip after the server is back, and a server that is down sees at most one refused
 * connection per agent every 1.5–3 s. JsSIP's own recovery (whole seconds, up to
 * reconnectMaxSeconds, without useful jitter once capped) stays as a fallback.
 */
export const sipReconnectPolicy: BackoffPolicy = { baseDelayMs: 500, maxDelayMs: 3000 };

/** The reconnection attempts after a WebSocket loss: one timer, the attempt count, its reset. */
export class ReconnectSchedule {
    private attempt = 0;
    private timer?: unknown;

    constructor(
        private readonly scheduler: Scheduler,
        private readonly random: () => number,
        private readonly policy: BackoffPolicy = sipReconnectPolicy
    ) {}

    /** The WebSocket closed (or an attempt failed): `reconnect` runs after the next delay. */
    lost(reconnect: () => void): number {
        this.cancel();
        this.attempt += 1;
        const delay = computeRetryDelay(this.attempt, this.random, this.policy);
        this.timer = this.scheduler.setTimeout(() => {
            this.timer = undefined;
            reconnect();
        }, delay);
        return delay;
    }

    /** The WebSocket is open again: the next loss starts from the shortest delay. */
    connected(): void {
        this.cancel();
        this.attempt = 0;
    }

    /** No attempt is to run (the connector disconnects or gave up). */
    cancel(): void {
        if (this.timer !== undefined) {
            this.scheduler.clearTimeout(this.timer);
            this.timer = undefined;
        }
    }
}
