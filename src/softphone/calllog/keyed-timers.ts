import type { Scheduler } from '../telephony/scheduler';

/** At most one pending timer per key (an outbox entry's next attempt). */
export class KeyedTimers {
    private readonly handles = new Map<string, unknown>();

    constructor(private readonly scheduler: Scheduler) {}

    /** Runs `fire` after `delayMs`, replacing the key's pending timer. */
    start(key: string, delayMs: number, fire: () => void): void {
        this.cancel(key);
        const handle = this.scheduler.setTimeout(() => {
            this.handles.delete(key);
            fire();
        }, delayMs);
        this.handles.set(key, handle);
    }

    cancel(key: string): void {
        const handle = this.handles.get(key);
        if (handle !== undefined) {
            this.scheduler.clearTimeout(handle);
            this.handles.delete(key);
        }
    }

    cancelAll(): void {
        for (const handle of this.handles.values()) {
            this.scheduler.clearTimeout(handle);
        }
        this.handles.clear();
    }
}
