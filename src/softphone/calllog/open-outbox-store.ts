import { systemScheduler } from '../telephony/scheduler';
import type { Scheduler } from '../telephony/scheduler';
import { IndexedDbOutboxStore } from './indexeddb-outbox-store';
import type { IndexedDbOutboxStoreOptions } from './indexeddb-outbox-store';
import { MemoryOutboxStore } from './memory-outbox-store';
import type { OutboxStore } from './outbox-store';

export interface OpenOutboxStoreOptions extends IndexedDbOutboxStoreOptions {
    /** Defaults to the page's `indexedDB`, read when called (absent in some sandboxed frames). */
    readonly indexedDB?: IDBFactory | null;
    /** Why IndexedDB was not used, for the logger; the result then has `durable: false`. */
    readonly onFallback?: (reason: string) => void;
    /** How long opening may take before falling back (an open can hang while blocked). */
    readonly openTimeoutMs?: number;
    readonly scheduler?: Scheduler;
}

const DEFAULT_OPEN_TIMEOUT_MS = 5000;

/**
 * The durable IndexedDB store when the browser allows it, else the in-memory store (the outbox
 * then reports `durable: false` and the UI warns that a reload loses unsaved logs).
 */
export async function openOutboxStore(options: OpenOutboxStoreOptions = {}): Promise<OutboxStore> {
    const factory = 'indexedDB' in options ? options.indexedDB : readGlobalIndexedDb();
    if (factory === undefined || factory === null) {
        // i18n-exempt: a reason for the diagnostic log, which stays English
        options.onFallback?.('IndexedDB is not available in this browser frame');
        return new MemoryOutboxStore();
    }
    let opening: Promise<IndexedDbOutboxStore> | undefined;
    try {
        opening = IndexedDbOutboxStore.open(factory, options);
        return await withTimeout(
            opening,
            options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS,
            options.scheduler ?? systemScheduler
        );
    } catch (error) {
        // An open that answers after we gave up must not keep a connection (and block upgrades).
        opening?.then(
            (late) => late.close(),
            () => undefined
        );
        // e.g. SecurityError with storage blocked for the frame, InvalidStateError in private mode.
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        // i18n-exempt: a reason for the diagnostic log, which stays English
        options.onFallback?.(`IndexedDB could not be opened (${reason})`);
        return new MemoryOutboxStore();
    }
}

function readGlobalIndexedDb(): IDBFactory | undefined {
    try {
        return (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    } catch {
        // Reading window.indexedDB itself throws where storage is denied (e.g. some iframes).
        return undefined;
    }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, scheduler: Scheduler): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const timer = scheduler.setTimeout(() => {
            reject(new Error(`no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        promise.then(
            (value) => {
                scheduler.clearTimeout(timer);
                resolve(value);
            },
            (error: unknown) => {
                scheduler.clearTimeout(timer);
                reject(error instanceof Error ? error : new Error(String(error)));
            }
        );
    });
}
