/**
 * Writes of one key (an outbox entry's store puts and deletes) run one after another, in the
 * order they were asked for; a failed write is reported and does not stop the next.
 */
export class SerialWrites {
    private readonly chains = new Map<string, Promise<void>>();

    /** Keys with a write queued or running. */
    get size(): number {
        return this.chains.size;
    }

    /** The chains still running (to wait for them). */
    pending(): Promise<void>[] {
        return [...this.chains.values()];
    }

    run(key: string, write: () => Promise<void>, onError: (error: unknown) => void): Promise<void> {
        const previous = this.chains.get(key) ?? Promise.resolve();
        const next = previous.then(write).catch(onError);
        this.chains.set(key, next);
        void next.then(() => {
            if (this.chains.get(key) === next) {
                this.chains.delete(key);
            }
        });
        return next;
    }
}
