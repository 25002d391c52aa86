import * as v from 'valibot';
import { describeIssues, invalid, type Validated } from './invalid-payload-error';
import {
    ObjectApiNameSchema,
    OptionalTextSchema,
    RecordIdSchema,
    optionalBlank,
    present,
    withoutUndefined
} from './salesforce-schemas';

/** What an agent clicked in a `lightning-click-to-dial` (onClickToDial payload, validated). */
export interface ClickToDialRequest {
    /** The number as shown, not yet normalised (the docs type it "number"; it is text in practice). */
    readonly number: string;
    readonly recordId?: string;
    readonly recordName?: string;
    /** sObject API name of the record, e.g. Contact, Lead, Account. */
    readonly objectType?: string;
    /** Person accounts only: the account or person contact id. */
    readonly accountId?: string;
    readonly contactId?: string;
    /** Present only when person accounts are enabled. */
    readonly personAccount?: boolean;
    /** The component's `params` attribute, a comma-separated string. */
    readonly params?: string;
}

const MAX_NUMBER_LENGTH = 100;

const ClickToDialSchema = v.looseObject({
    number: v.union(
        [
            v.pipe(
                v.string(),
                v.trim(),
                v.nonEmpty('is empty'),
                v.maxLength(MAX_NUMBER_LENGTH, 'is too long')
            ),
            v.pipe(
                v.number(),
                v.safeInteger('must be a whole number'),
                v.minValue(0, 'must not be negative'),
                v.transform(String)
            )
        ],
        'must be the phone number that was clicked'
    ),
    recordId: optionalBlank(RecordIdSchema),
    recordName: OptionalTextSchema,
    objectType: optionalBlank(ObjectApiNameSchema),
    accountId: optionalBlank(RecordIdSchema),
    contactId: optionalBlank(RecordIdSchema),
    personAccount: v.optional(v.nullable(v.boolean('must be true or false'))),
    params: optionalBlank(v.pipe(v.string('must be text'), v.maxLength(2000, 'is too long')))
});

export function parseClickToDialRequest(payload: unknown): Validated<ClickToDialRequest> {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
        return invalid('clickToDial', ['it is not an object']);
    }
    const result = v.safeParse(ClickToDialSchema, payload);
    if (!result.success) {
        return invalid('clickToDial', describeIssues(result.issues));
    }
    const data = result.output;
    const request: ClickToDialRequest = {
        number: data.number,
        recordId: present(data.recordId),
        recordName: present(data.recordName),
        objectType: present(data.objectType),
        accountId: present(data.accountId),
        contactId: present(data.contactId),
        personAccount: present(data.personAccount),
        params: present(data.params)
    };
    return { ok: true, value: withoutUndefined(request) };
}
