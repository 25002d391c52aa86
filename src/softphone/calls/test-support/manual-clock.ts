import type { Clock } from '../call-model';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
    constructor(private time = 1_700_000_000_000) {}

    now(): number {
        return this.time;
    }

    advance(ms: number): void {
        this.time += ms;
    }
}
