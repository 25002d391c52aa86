export interface FailureLimiterOptions {
    readonly maxFailures: number;
    readonly windowMs: number;
    readonly lockoutMs: number;
    /** Addresses remembered at once; the least recent are forgotten first. */
    readonly capacity: number;
    /** Epoch milliseconds. */
    readonly now: () => number;
}

interface AddressRecord {
    /** Times of the failures within the window, oldest first. */
    failures: number[];
    lockedUntil: number;
}

/**
 * Counts failed sign-ins per source address: after `maxFailures` within `windowMs`, the address
 * is locked out for `lockoutMs` (its sign-ins are refused without being checked). A success does
 * not clear the count, so that a valid token cannot be used to keep guessing others.
 */
export class FailureLimiter {
    private readonly addresses = new Map<string, AddressRecord>();

    constructor(private readonly options: FailureLimiterOptions) {}

    /** Milliseconds the address is still locked out for; 0 when it may sign in. */
    lockedFor(address: string): number {
        const record = this.addresses.get(address);
        return record ? Math.max(0, record.lockedUntil - this.options.now()) : 0;
    }

    /** Records a failure; true when it locks the address out (from now on). */
    fail(address: string): boolean {
        const now = this.options.now();
        const record = this.addresses.get(address) ?? { failures: [], lockedUntil: 0 };
        record.failures = record.failures.filter((time) => time > now - this.options.windowMs);
        record.failures.push(now);
        let locked = false;
        if (record.failures.length >= this.options.maxFailures && record.lockedUntil <= now) {
            record.lockedUntil = now + this.options.lockoutMs;
            record.failures = [];
            locked = true;
        }
        this.addresses.delete(address);
        this.addresses.set(address, record);
        while (this.addresses.size > this.options.capacity) {
            const oldest = this.addresses.keys().next();
            if (oldest.done) {
                break;
            }
            this.addresses.delete(oldest.value);
        }
        return locked;
    }
}
