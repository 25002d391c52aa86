import { label } from '../i18n';
import { invalid, type Validated } from './invalid-payload-error';
import { RECORD_ID_PATTERN } from './salesforce-schemas';

/**
 * Reads the `returnValue` of a successful `saveLog`: the Id of the created or updated record.
 *
 * Which shape a real org sends is not settled by the documentation, so both are accepted:
 * - The saveLog page types `returnValue` as an **object** described as "ID of object if creating
 *   or updating the object was successful; null otherwise"
 *   (https://developer.salesforce.com/docs/service/api-cti/guide/sforce-api-cti-savelog-lex.html).
 * - Public Lightning adapters read `response.returnValue.recordId` (an Amazon Connect CTI
 *   adapter's CallTask module, a Twilio Flex plugin), and one passes `returnValue` unchanged as
 *   the `params` of a SOBJECT screenPop, which only works when it is `{ recordId }`.
 * Conclusion: `{ recordId: '<Id>' }` is what the host most likely answers (the local console's
 * default); a bare Id string (what this adapter first assumed, and a reading of "ID of object")
 * is accepted too. `null` (documented for "not successful") means "no Id". Anything else is an
 * invalid answer. src/local-console/FIDELITY.md keeps this UNCONFIRMED until a real org answers.
 */
export function parseSaveLogResult(returnValue: unknown): Validated<string | null> {
    if (returnValue === null || returnValue === undefined) {
        return { ok: true, value: null };
    }
    if (typeof returnValue === 'string') {
        return RECORD_ID_PATTERN.test(returnValue)
            ? { ok: true, value: returnValue }
            : invalid('saveLogResult', [
                  label('Softphone_Pop_Value_Not_Record_Id', describe(returnValue))
              ]);
    }
    if (typeof returnValue === 'object' && !Array.isArray(returnValue)) {
        const recordId = (returnValue as Record<string, unknown>).recordId;
        if (typeof recordId === 'string' && RECORD_ID_PATTERN.test(recordId)) {
            return { ok: true, value: recordId };
        }
        return invalid('saveLogResult', [
            recordId === undefined
                ? label(
                      'Softphone_Pop_Object_Without_Record_Id',
                      Object.keys(returnValue).slice(0, 5).join(', ') || label('Softphone_Pop_None')
                  )
                : `recordId: ${label('Softphone_Pop_Value_Not_Record_Id', describe(recordId))}`
        ]);
    }
    return invalid('saveLogResult', [
        label('Softphone_Pop_Not_Save_Result', describe(returnValue))
    ]);
}

function describe(value: unknown): string {
    const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
