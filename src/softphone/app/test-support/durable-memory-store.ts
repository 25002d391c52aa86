import { MemoryOutboxStore } from '../../calllog/memory-outbox-store';
import type { OutboxEntry } from '../../calllog/outbox-entry';
import type { OutboxStore } from '../../calllog/outbox-store';

/** The memory store standing in for IndexedDB: same behaviour, but it says it survives reloads. */
export class DurableMemoryStore implements OutboxStore {
    readonly durable = true;
    private readonly inner = new MemoryOutboxStore();

    getAll(): Promise<readonly OutboxEntry[]> {
        return this.inner.getAll();
    }

    put(entry: OutboxEntry): Promise<void> {
        return this.inner.put(entry);
    }

    delete(callId: string): Promise<void> {
        return this.inner.delete(callId);
    }
}
