import * as v from 'valibot';
import { label, type LabelName } from '../i18n';

/** A valibot message read when the issue is raised, so it is in the user's language. */
export function labelMessage(name: LabelName): () => string {
    return () => label(name);
}

/** A 15- or 18-character Salesforce record id. */
export const RECORD_ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** An sObject API name: Contact, Phone_Call__c, ns__Obj__c. */
export const OBJECT_API_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

export const RecordIdSchema = v.pipe(
    v.string(labelMessage('Softphone_Pop_Must_Be_Text')),
    v.regex(RECORD_ID_PATTERN, labelMessage('Softphone_Pop_Not_Record_Id'))
);

export const ObjectApiNameSchema = v.pipe(
    v.string(labelMessage('Softphone_Pop_Must_Be_Text')),
    v.regex(OBJECT_API_NAME_PATTERN, labelMessage('Softphone_Pop_Not_Object_Name'))
);

/** Salesforce leaves fields blank ('' or null) when they do not apply. */
export const optionalBlank = <T extends v.GenericSchema<unknown, unknown>>(
    schema: T,
    message: () => string = labelMessage('Softphone_Pop_Must_Be_Text')
) => v.optional(v.nullable(v.union([v.literal(''), schema], message)));

export const OptionalTextSchema = optionalBlank(
    v.pipe(
        v.string(labelMessage('Softphone_Pop_Must_Be_Text')),
        v.maxLength(255, labelMessage('Softphone_Pop_Too_Long'))
    )
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

/**
 * What Open CTI says about a record the agent is on (getAppViewInfo, onNavigationChange) or
 * clicked (onClickToDial).
 */
export interface RecordFields {
    readonly recordId?: string;
    readonly recordName?: string;
    /** sObject API name of the record, e.g. Contact, Lead, Account. */
    readonly objectType?: string;
    /** Person accounts only: the account or person contact id. */
    readonly accountId?: string;
    readonly contactId?: string;
    /** Present only when person accounts are enabled. */
    readonly personAccount?: boolean;
}

/** The schema of the RecordFields in a payload; spread its `entries` into the payload's schema. */
export const RecordFieldsSchema = v.looseObject({
    recordId: optionalBlank(RecordIdSchema),
    recordName: OptionalTextSchema,
    objectType: optionalBlank(ObjectApiNameSchema),
    accountId: optionalBlank(RecordIdSchema),
    contactId: optionalBlank(RecordIdSchema),
    personAccount: v.optional(v.nullable(v.boolean(labelMessage('Softphone_Pop_True_False'))))
});

/** The RecordFields of a payload parsed with RecordFieldsSchema's entries, blanks as undefined. */
export function recordFieldsOf(data: v.InferOutput<typeof RecordFieldsSchema>): RecordFields {
    return {
        recordId: present(data.recordId),
        recordName: present(data.recordName),
        objectType: present(data.objectType),
        accountId: present(data.accountId),
        contactId: present(data.contactId),
        personAccount: present(data.personAccount)
    };
}
