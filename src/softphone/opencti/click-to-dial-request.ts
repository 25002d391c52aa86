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
                v.nonEmpty(labelMessage('Softphone_Pop_Is_Empty')),
                v.maxLength(MAX_NUMBER_LENGTH, labelMessage('Softphone_Pop_Too_Long'))
            ),
            v.pipe(
                v.number(),
                v.safeInteger(labelMessage('Softphone_Pop_Whole_Number')),
                v.minValue(0, labelMessage('Softphone_Pop_Not_Negative')),
                v.transform(String)
            )
        ],
        labelMessage('Softphone_Pop_Clicked_Number')
    ),
    ...RecordFieldsSchema.entries,
    params: optionalBlank(
        v.pipe(
            v.string(labelMessage('Softphone_Pop_Must_Be_Text')),
            v.maxLength(2000, labelMessage('Softphone_Pop_Too_Long'))
        )
    )
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
