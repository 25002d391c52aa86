import * as v from 'valibot';

/** A 15- or 18-character Salesforce record id. */
export const RECORD_ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** An sObject API name: Contact, Phone_Call__c, ns__Obj__c. */
export const OBJECT_API_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

export const RecordIdSchema = v.pipe(
    v.string('must be text'),
    v.regex(RECORD_ID_PATTERN, 'is not a Salesforce record id')
);

export const ObjectApiNameSchema = v.pipe(
    v.string('must be text'),
    v.regex(OBJECT_API_NAME_PATTERN, 'is not an object API name')
);

/** Salesforce leaves fields blank ('' or null) when they do not apply. */
export const optionalBlank = <T extends v.GenericSchema<unknown, unknown>>(
    schema: T,
    message = 'must be text'
) => v.optional(v.nullable(v.union([v.literal(''), schema], message)));

export const OptionalTextSchema = optionalBlank(
    v.pipe(v.string('must be text'), v.maxLength(255, 'is too long'))
);

/** '' and null become undefined: "not given". */
export function present<T>(value: T | '' | null | undefined): T | undefined {
    return value === '' || value === null ? undefined : value;
}

/** Keeps "absent" absent, so callers and tests see only what Salesforce sent. */
export function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(
        Object.entries(value).filter(([, entry]) => entry !== undefined)
    ) as T;
}
