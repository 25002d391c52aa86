import type { CallbackResponse, OpenCtiErrorObject } from '../shared/host-protocol';
import type { FieldValue } from './object-catalog';

/**
 * The envelopes an Open CTI method answers with (`{ success, returnValue, errors }`) and the
 * documented error texts, as the local console's host methods build them:
 * https://developer.salesforce.com/docs/atlas.en-us.api_cti.meta/api_cti/sforce_api_cti_errors_lex.htm
 */
export type Args = Readonly<Record<string, unknown>>;

export function ok(returnValue: unknown = null): CallbackResponse {
    return { success: true, returnValue, errors: null };
}

export function failure(error: OpenCtiErrorObject): CallbackResponse {
    return { success: false, returnValue: null, errors: [error] };
}

export function invalidParam(parameter: string, expected: string, got: unknown): CallbackResponse {
    const found = got === undefined ? 'undefined' : (JSON.stringify(got) ?? typeof got);
    return failure({
        code: 'INVALID_PARAM',
        description: `An invalid value was passed to the parameter ${parameter}. ${expected} was expected, but ${found.slice(0, 80)} was found instead.`
    });
}

export function genericError(description: string): CallbackResponse {
    return failure({ code: 'GENERIC_ERROR', description });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field values of an object argument; values that are not field values are left out. */
export function fieldValues(value: unknown): Record<string, FieldValue> {
    if (!isRecord(value)) {
        return {};
    }
    return Object.fromEntries(
        Object.entries(value).filter(
            (entry): entry is [string, FieldValue] =>
                entry[1] === null || ['string', 'number', 'boolean'].includes(typeof entry[1])
        )
    );
}
