import * as v from 'valibot';
import { parseObjectPayload, type Validated } from './invalid-payload-error';
import {
    RecordFieldsSchema,
    optionalBlank,
    present,
    recordFieldsOf,
    withoutUndefined,
    type RecordFields
} from './salesforce-schemas';

/** What an agent clicked in a `lightning-click-to-dial` (onClickToDial payload, validated). */
export interface ClickToDialRequest extends RecordFields {
    /** The number as shown, not yet normalised (the docs type it "number"; it is text in practice). */
    readonly number: string;
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
    ...RecordFieldsSchema.entries,
    params: optionalBlank(v.pipe(v.string('must be text'), v.maxLength(2000, 'is too long')))
});

export function parseClickToDialRequest(payload: unknown): Validated<ClickToDialRequest> {
    const parsed = parseObjectPayload('clickToDial', ClickToDialSchema, payload);
    if (!parsed.ok) {
        return parsed;
    }
    const data = parsed.value;
    const request: ClickToDialRequest = {
        number: data.number,
        ...recordFieldsOf(data),
        params: present(data.params)
    };
    return { ok: true, value: withoutUndefined(request) };
}
