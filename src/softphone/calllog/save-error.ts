/**
 * Reading a failed saveLog: Salesforce's error text is the only signal, so this is where the
 * outbox learns (1) that a create hit the unique Provider_Call_Id__c — the record already exists,
 * and its Id is in the message — and (2) that an error will never heal by retrying.
 */

export interface SaveFailure {
    /** Everything Salesforce said, joined: the message and any extra messages on the error. */
    readonly message: string;
    /** Status codes carried by the error, when the writer passes them (e.g. DUPLICATE_VALUE). */
    readonly codes: readonly string[];
}

const MAX_MESSAGE_LENGTH = 2000;

/** Reads any thrown value; an Open CTI wrapper error may carry `errors` and `codes` arrays. */
export function describeSaveError(error: unknown): SaveFailure {
    const parts: string[] = [];
    let codes: string[] = [];
    if (error instanceof Error) {
        parts.push(error.message);
    } else if (typeof error === 'string') {
        parts.push(error);
    }
    if (typeof error === 'object' && error !== null) {
        const extra = error as { errors?: unknown; codes?: unknown };
        for (const text of stringsOf(extra.errors)) {
            if (!parts.includes(text)) {
                parts.push(text);
            }
        }
        codes = stringsOf(extra.codes);
    }
    const message = parts
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .join(' | ');
    return {
        message: (message || 'saveLog failed without a message').slice(0, MAX_MESSAGE_LENGTH),
        codes
    };
}

const ID_AFTER_LABEL = /\bid\s*:\s*([A-Za-z0-9]{18}|[A-Za-z0-9]{15})(?![A-Za-z0-9])/i;
const CUSTOM_NAME = /\b[A-Za-z][A-Za-z0-9_]*__c\b/g;
const IDEMPOTENCY_FIELD = 'Provider_Call_Id__c';

/**
 * The Id of the record a create collided with on Provider_Call_Id__c, e.g. from
 * `duplicate value found: Provider_Call_Id__c duplicates value on record with id: a015g00000XyZAbAAN`.
 * Lenient about wording (any "duplicate" text and a 15/18-character Id after "id:"), but a
 * duplicate on some *other* named field is not ours to turn into an update.
 */
export function parseDuplicateRecordId(failure: SaveFailure): string | null {
    const text = failure.message;
    const isDuplicate = /duplicate/i.test(text) || failure.codes.includes('DUPLICATE_VALUE');
    if (!isDuplicate) {
        return null;
    }
    const customNames: readonly string[] = text.match(CUSTOM_NAME) ?? [];
    const namesOtherFieldOnly =
        customNames.some((name) => name !== 'Phone_Call__c') &&
        !customNames.includes(IDEMPOTENCY_FIELD);
    if (namesOtherFieldOnly) {
        return null;
    }
    return ID_AFTER_LABEL.exec(text)?.[1] ?? null;
}

/**
 * Errors about the request itself (fields, picklist values, validation rules, access): the same
 * request fails the same way until an admin changes something, so retrying every minute only
 * burns API calls. Anything not listed (timeouts, network, server errors) counts as transient.
 */
const PERMANENT_MARKERS: readonly RegExp[] = [
    /REQUIRED_FIELD_MISSING|Required fields are missing/i,
    /INVALID_FIELD(?:_FOR_INSERT_UPDATE)?\b|No such column/i,
    /INVALID_TYPE\b|sObject type .* is not supported/i,
    /FIELD_CUSTOM_VALIDATION_EXCEPTION/i,
    /STRING_TOO_LONG|data value too large/i,
    /INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST|bad value for restricted picklist/i,
    /FIELD_INTEGRITY_EXCEPTION/i,
    /MALFORMED_ID|INVALID_ID_FIELD/i,
    /INSUFFICIENT_ACCESS/i,
    /INVALID_CROSS_REFERENCE_KEY/i,
    /ENTITY_IS_DELETED/i,
    /INVALID_PARAM/i,
    /DUPLICATE_VALUE|duplicate value found/i
];

export function isPermanentSaveFailure(failure: SaveFailure): boolean {
    const text = `${failure.message} ${failure.codes.join(' ')}`;
    return PERMANENT_MARKERS.some((marker) => marker.test(text));
}

function stringsOf(value: unknown): string[] {
    return Array.isArray(value)
        ? value.filter((item): item is string => typeof item === 'string')
        : [];
}
