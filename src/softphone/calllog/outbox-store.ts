import type { OutboxEntry } from './outbox-entry';

/** Where outbox entries live between attempts (and across reloads, when `durable`). */
export interface OutboxStore {
    /** False when entries live only in memory: a reload or crash loses them. */
    readonly durable: boolean;
    getAll(): Promise<readonly OutboxEntry[]>;
    /** Inserts or replaces the entry with the same callId. */
    put(entry: OutboxEntry): Promise<void>;
    delete(callId: string): Promise<void>;
}
