// The record store's shapes, apart from the store, so that what the store runs on a save (the
// played Task mirror flow) can name them without importing the store.
import type { FieldValue } from './object-catalog';

export interface StoredRecord {
    readonly type: string;
    readonly values: Readonly<Record<string, FieldValue>>;
}

/** A failed save, with the status code and message Salesforce would give. */
export interface DmlError {
    readonly statusCode: string;
    readonly message: string;
    readonly fields?: readonly string[];
}

export type DmlResult =
    { readonly ok: true; readonly id: string } | { readonly ok: false; readonly error: DmlError };
