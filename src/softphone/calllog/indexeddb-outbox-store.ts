import { wrap } from 'idb';
import type { IDBPDatabase } from 'idb';
import { parseOutboxEntry } from './outbox-entry';
import type { OutboxEntry } from './outbox-entry';
import type { OutboxStore } from './outbox-store';

export const OUTBOX_DB_NAME = 'open-cti-softphone';
export const OUTBOX_STORE_NAME = 'call-log-outbox';
const OUTBOX_DB_VERSION = 1;

export interface IndexedDbOutboxStoreOptions {
    /** Told about stored rows that fail validation; they are left in place, not returned. */
    readonly onInvalidEntry?: (key: IDBValidKey) => void;
}

/** The durable store: one IndexedDB object store keyed by callId. */
export class IndexedDbOutboxStore implements OutboxStore {
    readonly durable = true;

    private constructor(
        private readonly db: IDBPDatabase,
        private readonly onInvalidEntry: ((key: IDBValidKey) => void) | undefined
    ) {}

    /** Opens (creating on first use) the database; rejects when IndexedDB refuses. */
    static async open(
        factory: IDBFactory,
        options: IndexedDbOutboxStoreOptions = {}
    ): Promise<IndexedDbOutboxStore> {
        // idb's openDB always uses the global indexedDB; wrapping our own request lets the
        // factory be injected (tests use fake-indexeddb's).
        const request = factory.open(OUTBOX_DB_NAME, OUTBOX_DB_VERSION);
        request.addEventListener('upgradeneeded', () => {
            const db = request.result;
            if (!db.objectStoreNames.contains(OUTBOX_STORE_NAME)) {
                db.createObjectStore(OUTBOX_STORE_NAME, { keyPath: 'callId' });
            }
        });
        const db = await wrap(request);
        if (db === undefined) {
            // i18n-exempt: becomes openOutboxStore's fallback reason, for the diagnostic log
            throw new Error('IndexedDB did not open the call log outbox');
        }
        // Another tab upgrading the schema: step aside rather than block it.
        db.addEventListener('versionchange', () => db.close());
        return new IndexedDbOutboxStore(db, options.onInvalidEntry);
    }

    async getAll(): Promise<readonly OutboxEntry[]> {
        const transaction = this.db.transaction(OUTBOX_STORE_NAME, 'readonly');
        const store = transaction.objectStore(OUTBOX_STORE_NAME);
        const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
        await transaction.done;
        const entries: OutboxEntry[] = [];
        values.forEach((value: unknown, index) => {
            const entry = parseOutboxEntry(value);
            if (entry === undefined) {
                const key = keys[index];
                if (key !== undefined) {
                    this.onInvalidEntry?.(key);
                }
                return;
            }
            entries.push(entry);
        });
        return entries;
    }

    async put(entry: OutboxEntry): Promise<void> {
        const transaction = this.db.transaction(OUTBOX_STORE_NAME, 'readwrite');
        await transaction.objectStore(OUTBOX_STORE_NAME).put(entry);
        await transaction.done;
    }

    async delete(callId: string): Promise<void> {
        const transaction = this.db.transaction(OUTBOX_STORE_NAME, 'readwrite');
        await transaction.objectStore(OUTBOX_STORE_NAME).delete(callId);
        await transaction.done;
    }

    close(): void {
        this.db.close();
    }
}
