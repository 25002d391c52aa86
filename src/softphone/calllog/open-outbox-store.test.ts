// idb checks requests with instanceof against the global IDB classes: install fake-indexeddb's.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { IndexedDbOutboxStore, OUTBOX_DB_NAME, OUTBOX_STORE_NAME } from './indexeddb-outbox-store';
import { MemoryOutboxStore } from './memory-outbox-store';
import { openOutboxStore } from './open-outbox-store';
import type { OpenOutboxStoreOptions } from './open-outbox-store';
import type { OutboxEntry } from './outbox-entry';
import { toPhoneCallRecord } from './phone-call-record';
import { ManualScheduler } from './test-support/manual-scheduler';

function entry(callId: string): OutboxEntry {
    return {
        callId,
        record: toPhoneCallRecord({
            id: callId,
            direction: 'Outbound',
            from: '',
            to: '+14155550100',
            state: 'ended',
            startedAt: 0,
            endedAt: 1000,
            outcome: 'No Answer',
            muted: false
        }),
        recordRevision: 1,
        savedRecordRevision: 0,
        savedWrapUpRevision: 0,
        wrapUpOpen: true,
        attempts: 2,
        nextAttemptAt: 5000,
        lastError: 'Network error',
        parked: false,
        enqueuedAt: 0
    };
}

/** Starts openOutboxStore with `options`; `reasons` collects why it fell back to memory. */
function openRecordingFallbacks(options: OpenOutboxStoreOptions = {}) {
    const reasons: string[] = [];
    const opening = openOutboxStore({ ...options, onFallback: (reason) => reasons.push(reason) });
    return { opening, reasons };
}

describe('openOutboxStore', () => {
    it('opens the durable IndexedDB store when IndexedDB works', async () => {
        const store = await openOutboxStore({ indexedDB: new IDBFactory() });
        expect(store).toBeInstanceOf(IndexedDbOutboxStore);
        expect(store.durable).toBe(true);
    });

    it.each([
        ['absent', undefined],
        ['null', null]
    ])('falls back to memory (durable false) when IndexedDB is %s', async (_label, factory) => {
        const { opening, reasons } = openRecordingFallbacks({ indexedDB: factory });
        const store = await opening;
        expect(store).toBeInstanceOf(MemoryOutboxStore);
        expect(store.durable).toBe(false);
        expect(reasons).toEqual(['IndexedDB is not available in this browser frame']);
    });

    it('falls back to memory when opening throws (storage blocked for the frame)', async () => {
        const factory = {
            open: () => {
                throw new DOMException('The operation is insecure.', 'SecurityError');
            }
        } as unknown as IDBFactory;
        const { opening, reasons } = openRecordingFallbacks({ indexedDB: factory });
        const store = await opening;
        expect(store.durable).toBe(false);
        expect(reasons[0]).toContain('SecurityError');
    });

    it('falls back to memory when opening hangs', async () => {
        const scheduler = new ManualScheduler();
        // A request that never fires success or error, as when another tab blocks the open.
        const neverAnswers: IDBOpenDBRequest = Object.create(IDBOpenDBRequest.prototype, {
            addEventListener: { value: () => undefined },
            removeEventListener: { value: () => undefined }
        });
        const factory = { open: () => neverAnswers } as unknown as IDBFactory;
        const { opening: hanging, reasons } = openRecordingFallbacks({
            indexedDB: factory,
            scheduler,
            openTimeoutMs: 1000
        });
        await scheduler.advance(999);
        expect(reasons).toEqual([]);
        await scheduler.advance(1);
        const store = await hanging;
        expect(store).toBeInstanceOf(MemoryOutboxStore);
        expect(reasons[0]).toContain('no answer within 1000 ms');
    });

    it('names the error IndexedDB refused with', async () => {
        const factory = {
            open: () => {
                throw new TypeError('Failed to execute open on IDBFactory');
            }
        } as unknown as IDBFactory;
        const { opening, reasons } = openRecordingFallbacks({ indexedDB: factory });
        const store = await opening;
        expect(store).toBeInstanceOf(MemoryOutboxStore);
        expect(reasons).toEqual([
            'IndexedDB could not be opened (TypeError: Failed to execute open on IDBFactory)'
        ]);
    });

    it('falls back to memory when IndexedDB answers without a database', async () => {
        // A success event whose request holds no database (seen with broken storage shims).
        const listeners = new Map<string, () => void>();
        const emptyAnswer: IDBOpenDBRequest = Object.create(IDBOpenDBRequest.prototype, {
            addEventListener: {
                value: (type: string, listener: () => void) => listeners.set(type, listener)
            },
            removeEventListener: { value: () => undefined },
            result: { value: undefined }
        });
        const factory = {
            open: () => {
                setImmediate(() => listeners.get('success')?.());
                return emptyAnswer;
            }
        } as unknown as IDBFactory;
        const { opening, reasons } = openRecordingFallbacks({ indexedDB: factory });
        const store = await opening;
        expect(store).toBeInstanceOf(MemoryOutboxStore);
        expect(reasons).toEqual([
            'IndexedDB could not be opened (Error: IndexedDB did not open the call log outbox)'
        ]);
    });

    it('closes a database that opens only after it gave up waiting', async () => {
        const scheduler = new ManualScheduler();
        const factory = new IDBFactory();
        const close = jest.spyOn(IndexedDbOutboxStore.prototype, 'close');
        try {
            const opening = openOutboxStore({ indexedDB: factory, scheduler, openTimeoutMs: 10 });
            // fake-indexeddb answers on a later macrotask: the timer fires first.
            await scheduler.advance(10);
            expect(await opening).toBeInstanceOf(MemoryOutboxStore);
            expect(close).not.toHaveBeenCalled();

            for (let tick = 0; tick < 50 && close.mock.calls.length === 0; tick += 1) {
                await new Promise((resolve) => setImmediate(resolve));
            }
            expect(close).toHaveBeenCalledTimes(1);
            // Closed, so it does not block another page from upgrading the database.
            const upgraded = await new Promise<string>((resolve) => {
                const request = factory.open(OUTBOX_DB_NAME, 2);
                request.onblocked = () => resolve('blocked');
                request.onsuccess = () => {
                    request.result.close();
                    resolve('opened');
                };
            });
            expect(upgraded).toBe('opened');
        } finally {
            close.mockRestore();
        }
    });

    it('falls back to memory where reading the page IndexedDB throws', async () => {
        // Some sandboxed frames throw a SecurityError from the indexedDB getter itself.
        const original = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
        Object.defineProperty(globalThis, 'indexedDB', {
            configurable: true,
            get: () => {
                throw new DOMException('Access is denied for this document.', 'SecurityError');
            }
        });
        try {
            const { opening, reasons } = openRecordingFallbacks();
            const store = await opening;
            expect(store.durable).toBe(false);
            expect(reasons).toEqual(['IndexedDB is not available in this browser frame']);
        } finally {
            if (original !== undefined) {
                Object.defineProperty(globalThis, 'indexedDB', original);
            }
        }
    });

    it('uses the page IndexedDB by default', async () => {
        const store = await openOutboxStore();
        expect(store.durable).toBe(true);
    });
});

describe('IndexedDbOutboxStore', () => {
    it('keeps entries across connections (a reload) and deletes them', async () => {
        const factory = new IDBFactory();
        const first = await IndexedDbOutboxStore.open(factory);
        await first.put(entry('a'));
        await first.put(entry('b'));
        await first.put({ ...entry('a'), attempts: 3 });
        first.close();

        const second = await IndexedDbOutboxStore.open(factory);
        const all = await second.getAll();
        expect(all.map((item) => [item.callId, item.attempts])).toEqual([
            ['a', 3],
            ['b', 2]
        ]);
        expect(all[0]).toEqual({ ...entry('a'), attempts: 3 });
        await second.delete('a');
        await second.delete('missing');
        expect((await second.getAll()).map((item) => item.callId)).toEqual(['b']);
    });

    it('closes its connection when another page upgrades the database', async () => {
        const factory = new IDBFactory();
        const store = await IndexedDbOutboxStore.open(factory);
        await store.put(entry('a'));

        const upgrade = await new Promise<string>((resolve) => {
            const request = factory.open(OUTBOX_DB_NAME, 2);
            request.onblocked = () => {
                // Let the upgrade finish so that a failing run ends instead of hanging.
                store.close();
                resolve('blocked');
            };
            request.onsuccess = () => {
                request.result.close();
                resolve('upgraded');
            };
        });

        expect(upgrade).toBe('upgraded');
        // The old connection stepped aside: it can no longer be used.
        await expect(store.getAll()).rejects.toThrow();
        const reopened = await new Promise<IDBDatabase>((resolve) => {
            const request = factory.open(OUTBOX_DB_NAME, 2);
            request.onsuccess = () => resolve(request.result);
        });
        expect(reopened.objectStoreNames.contains(OUTBOX_STORE_NAME)).toBe(true);
        reopened.close();
    });

    it('skips rows that fail validation and reports their keys', async () => {
        const factory = new IDBFactory();
        const store = await IndexedDbOutboxStore.open(factory);
        await store.put(entry('good'));
        // Something else (an older version, a damaged row) wrote into the same object store.
        await new Promise<void>((resolve, reject) => {
            const request = factory.open(OUTBOX_DB_NAME, 1);
            request.onsuccess = () => {
                const transaction = request.result.transaction(OUTBOX_STORE_NAME, 'readwrite');
                transaction.objectStore(OUTBOX_STORE_NAME).put({ callId: 'bad', record: 'oops' });
                transaction.oncomplete = () => {
                    request.result.close();
                    resolve();
                };
                transaction.onerror = () => reject(transaction.error);
            };
        });
        const invalid: IDBValidKey[] = [];
        const reopened = await IndexedDbOutboxStore.open(factory, {
            onInvalidEntry: (key) => invalid.push(key)
        });
        expect((await reopened.getAll()).map((item) => item.callId)).toEqual(['good']);
        expect(invalid).toEqual(['bad']);
    });
});

describe('MemoryOutboxStore', () => {
    it('stores copies, not the caller objects', async () => {
        const store = new MemoryOutboxStore();
        const original = entry('a');
        await store.put(original);
        const [stored] = await store.getAll();
        expect(stored).toEqual(original);
        expect(stored).not.toBe(original);
    });
});
