// What the call log outbox (log-outbox.ts) tells its listeners.
import type { RelatedRecord } from '../calls/call-model';

export interface CallLoggedEvent {
    readonly callId: string;
    readonly recordId: string;
    readonly related?: RelatedRecord;
}

export interface CallLogFailedEvent {
    readonly callId: string;
    readonly error: string;
    /** Failed attempts in a row, this one included. */
    readonly attempt: number;
    /** Epoch ms of the next attempt; null when parked (retrying cannot help). */
    readonly nextAttemptAt: number | null;
    readonly permanent: boolean;
}

export interface OutboxStoreErrorEvent {
    readonly callId?: string;
    readonly operation: 'put' | 'delete' | 'getAll';
    readonly error: string;
}

export interface LogOutboxEvents {
    logged: CallLoggedEvent;
    failed: CallLogFailedEvent;
    pendingCount: number;
    storeError: OutboxStoreErrorEvent;
}
