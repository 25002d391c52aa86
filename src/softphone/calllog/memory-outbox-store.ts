import type { OutboxEntry } from './outbox-entry';
import type { OutboxStore } from './outbox-store';

/**
 * The fallback when IndexedDB is unavailable (blocked storage, some private modes): the outbox
 * still retries, but only for as long as the page lives — hence `durable: false`.
 */
export class MemoryOutboxStore implements OutboxStore {
    readonly durable = false;
    private readonly entries = new Map<string, OutboxEntry>();

    getAll(): Promise<readonly OutboxEntry[]> {
        return Promise.resolve([...this.entries.values()].map(copyEntry));
    }

    put(entry: OutboxEntry): Promise<void> {
        // A copy, like IndexedDB's structured clone: later changes to the caller's object must
        // not leak into what is stored.
        this.entries.set(entry.callId, copyEntry(entry));
        return Promise.resolve();
    }

    delete(callId: string): Promise<void> {
        this.entries.delete(callId);
        return Promise.resolve();
    }
}

function copyEntry(entry: OutboxEntry): OutboxEntry {
    return structuredClone(entry);
}
