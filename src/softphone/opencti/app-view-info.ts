import * as v from 'valibot';
import { parseObjectPayload, type Validated } from './invalid-payload-error';
import {
    labelMessage,
    RecordFieldsSchema,
    optionalBlank,
    present,
    recordFieldsOf,
    withoutUndefined,
    type RecordFields
} from './salesforce-schemas';

/** Where the agent is (getAppViewInfo returnValue, onNavigationChange payload). */
export interface AppViewInfo extends RecordFields {
    /** Don't build logic on its structure: the docs say it can change. */
    readonly url?: string;
}

const AppViewInfoSchema = v.looseObject({
    url: optionalBlank(
        v.pipe(
            v.string(labelMessage('Softphone_Pop_Must_Be_Text')),
            v.maxLength(4000, labelMessage('Softphone_Pop_Too_Long'))
        )
    ),
    ...RecordFieldsSchema.entries
});

/** Nothing (console list views send no payload) reads as "not on a record". */
export function parseAppViewInfo(payload: unknown): Validated<AppViewInfo> {
    if (payload === null || payload === undefined) {
        return { ok: true, value: {} };
    }
    const parsed = parseObjectPayload('appViewInfo', AppViewInfoSchema, payload);
    if (!parsed.ok) {
        return parsed;
    }
    const info: AppViewInfo = { url: present(parsed.value.url), ...recordFieldsOf(parsed.value) };
    return { ok: true, value: withoutUndefined(info) };
}
