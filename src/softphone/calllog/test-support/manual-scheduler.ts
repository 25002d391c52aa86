import type { Clock } from '../../calls/call-model';
import type { Scheduler } from '../../telephony/scheduler';

interface PendingTimer {
    readonly at: number;
    readonly callback: () => void;
}

/** A clock and timers that move only when the test says so. */
export class ManualScheduler implements Scheduler, Clock {
    private time: number;
    private nextHandle = 1;
    private readonly timers = new Map<number, PendingTimer>();

    constructor(startAt = 1_767_225_600_000) {
        this.time = startAt;
    }

    now(): number {
        return this.time;
    }

    setTimeout(callback: () => void, delayMs: number): unknown {
        const handle = this.nextHandle;
        this.nextHandle += 1;
        this.timers.set(handle, { at: this.time + Math.max(0, delayMs), callback });
        return handle;
    }

    clearTimeout(handle: unknown): void {
        this.timers.delete(handle as number);
    }

    get pendingTimers(): number {
        return this.timers.size;
    }

    /**
     * Moves time forward by `ms`, firing due timers in order; `settle` runs before each timer
     * and at the end so that the work a timer started finishes before time moves on.
     */
    async advance(
        ms: number,
        settle: () => Promise<void> = () => Promise.resolve()
    ): Promise<void> {
        const target = this.time + ms;
        for (;;) {
            await settle();
            const due = this.nextDue(target);
            if (due === undefined) {
                break;
            }
            this.timers.delete(due.handle);
            this.time = Math.max(this.time, due.timer.at);
            due.timer.callback();
        }
        this.time = target;
        await settle();
    }

    private nextDue(target: number): { handle: number; timer: PendingTimer } | undefined {
        let found: { handle: number; timer: PendingTimer } | undefined;
        for (const [handle, timer] of this.timers) {
            if (timer.at <= target && (found === undefined || timer.at < found.timer.at)) {
                found = { handle, timer };
            }
        }
        return found;
    }
}
