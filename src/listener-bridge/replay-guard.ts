/**
 * Remembers keys (used signatures, agent + call id + event type) in memory for `ttlMs`, at most
 * `capacity` of them (the oldest go first), so that a replayed request is refused. Nothing is
 * written anywhere; a restart forgets, and the ±5 minute timestamp window still bounds what a
 * signed request can replay.
 */
export class ReplayGuard {
    private readonly seen = new Map<string, number>();

    constructor(
        private readonly ttlMs: number,
        private readonly capacity: number,
        private readonly now: () => number
    ) {}

    has(key: string): boolean {
        this.expire();
        return this.seen.has(key);
    }

    remember(key: string): void {
        this.expire();
        this.seen.delete(key);
        this.seen.set(key, this.now() + this.ttlMs);
        while (this.seen.size > this.capacity) {
            const oldest = this.seen.keys().next();
            if (oldest.done) {
                break;
            }
            this.seen.delete(oldest.value);
        }
    }

    get size(): number {
        return this.seen.size;
    }

    private expire(): void {
        const now = this.now();
        // Insertion order is expiry order (every key lives ttlMs): stop at the first live one.
        for (const [key, expiresAt] of this.seen) {
            if (expiresAt > now) {
                return;
            }
            this.seen.delete(key);
        }
    }
}
