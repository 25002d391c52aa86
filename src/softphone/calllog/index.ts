export { LogOutbox, CallLogError } from './log-outbox';
export type {
    CallLogErrorCode,
    CallLogFailedEvent,
    CallLoggedEvent,
    EnqueueOptions,
    LogOutboxEvents,
    LogOutboxOptions,
    OutboxStoreErrorEvent
} from './log-outbox';
export type { CallLogWriter } from './call-log-writer';
export type { OutboxEntry, OutboxWrapUp } from './outbox-entry';
export type { OutboxStore } from './outbox-store';
export { MemoryOutboxStore } from './memory-outbox-store';
export { IndexedDbOutboxStore, OUTBOX_DB_NAME, OUTBOX_STORE_NAME } from './indexeddb-outbox-store';
export type { IndexedDbOutboxStoreOptions } from './indexeddb-outbox-store';
export { openOutboxStore } from './open-outbox-store';
export type { OpenOutboxStoreOptions } from './open-outbox-store';
export { computeRetryDelay, defaultBackoffPolicy } from '../shared/backoff';
export type { BackoffPolicy } from '../shared/backoff';
export {
    FIELD_LIMITS,
    PHONE_CALL_OBJECT,
    durationSeconds,
    toPhoneCallRecord,
    toWrapUpUpdate
} from './phone-call-record';
export type {
    FieldValue,
    PhoneCallCreateValue,
    PhoneCallFields,
    PhoneCallRecordOptions,
    SaveLogValue,
    WrapUp
} from './phone-call-record';
export { describeSaveError, isPermanentSaveFailure, parseDuplicateRecordId } from './save-error';
export type { SaveFailure } from './save-error';
