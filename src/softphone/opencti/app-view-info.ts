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

/** Where the agent is (getAppViewInfo returnValue, onNavigationChange payload). */
export interface AppViewInfo {
    /** Don't build logic on its structure: the docs say it can change. */
    readonly url?: string;
    readonly recordId?: string;
    readonly recordName?: string;
    readonly objectType?: string;
    readonly accountId?: string;
    readonly contactId?: string;
    readonly personAccount?: boolean;
}

const AppViewInfoSchema = v.looseObject({
    url: optionalBlank(v.pipe(v.string('must be text'), v.maxLength(4000, 'is too long'))),
    recordId: optionalBlank(RecordIdSchema),
    recordName: OptionalTextSchema,
    objectType: optionalBlank(ObjectApiNameSchema),
    accountId: optionalBlank(RecordIdSchema),
    contactId: optionalBlank(RecordIdSchema),
    personAccount: v.optional(v.nullable(v.boolean('must be true or false')))
});

/** Nothing (console list views send no payload) reads as "not on a record". */
export function parseAppViewInfo(payload: unknown): Validated<AppViewInfo> {
    if (payload === null || payload === undefined) {
        return { ok: true, value: {} };
    }
    if (typeof payload !== 'object' || Array.isArray(payload)) {
        return invalid('appViewInfo', ['it is not an object']);
    }
    const result = v.safeParse(AppViewInfoSchema, payload);
    if (!result.success) {
        return invalid('appViewInfo', describeIssues(result.issues));
    }
    const data = result.output;
    const info: AppViewInfo = {
        url: present(data.url),
        recordId: present(data.recordId),
        recordName: present(data.recordName),
        objectType: present(data.objectType),
        accountId: present(data.accountId),
        contactId: present(data.contactId),
        personAccount: present(data.personAccount)
    };
    return { ok: true, value: withoutUndefined(info) };
}
