import type { CallbackResponse } from '../shared/host-protocol';
import type { FaultSettings } from './console-logs';
import type { DmlError, RecordStore } from './record-store';
import type { Args } from './opencti-responses';
import { failure, invalidParam, isRecord, ok } from './opencti-responses';

/**
 * The shape of a successful saveLog's returnValue. UNCONFIRMED: the saveLog page types it
 * "object" ("ID of object if creating or updating the object was successful",
 * https://developer.salesforce.com/docs/service/api-cti/guide/sforce-api-cti-savelog-lex.html)
 * and public adapters read `returnValue.recordId`, so the console answers `{ recordId }` by
 * default; `host.saveLogReturn=id` answers the bare Id string instead (FIDELITY.md).
 */
export type SaveLogReturn = 'object' | 'id';

export function saveLogAnswer(id: string, shape: SaveLogReturn): unknown {
    return shape === 'id' ? id : { recordId: id };
}

/** What saveLog works with: the record store, the fault injection's dice and clock. */
export interface SaveLogHost {
    readonly store: RecordStore;
    readonly random: () => number;
    readonly sleep: (ms: number) => Promise<void>;
    readonly saveLogReturn: SaveLogReturn;
}

/**
 * saveLog: creates (entityApiName) or updates (Id) a record of the store, with the injected
 * latency, failures and lost answers of the console's fault settings.
 */
export async function saveLog(
    args: Args,
    faults: FaultSettings,
    host: SaveLogHost
): Promise<CallbackResponse> {
    const value = args['value'];
    if (!isRecord(value)) {
        return invalidParam('value', 'An object of field values', value);
    }
    if (faults.saveLogLatencyMs > 0) {
        await host.sleep(faults.saveLogLatencyMs);
    }
    if (faults.saveLogFailureRate > 0 && host.random() * 100 < faults.saveLogFailureRate) {
        return failure({
            code: 'SERVER_ERROR',
            description:
                'A problem was encountered on the server. (Injected by the local console: saveLog failure rate.)'
        });
    }
    const { entityApiName, Id, ...fields } = value;
    const { store } = host;
    let result;
    if (Id !== undefined) {
        result = store.update(Id, fields);
    } else if (typeof entityApiName === 'string' && entityApiName !== '') {
        result = store.create(entityApiName, fields);
    } else {
        return invalidParam('value', 'Id (to update) or entityApiName (to create)', value);
    }
    if (!result.ok) {
        return saveLogError(result.error);
    }
    const lostRate = faults.saveLogLostAnswerRate ?? 0;
    if (lostRate > 0 && host.random() * 100 < lostRate) {
        return failure({
            code: 'SERVER_ERROR',
            description:
                'A problem was encountered on the server. (Injected by the local console: the write was done, its answer lost.)'
        });
    }
    return ok(saveLogAnswer(result.id, host.saveLogReturn));
}

function saveLogError(error: DmlError): CallbackResponse {
    return failure({
        code: 'GENERIC_ERROR',
        description:
            'An error occurred while calling the saveLog() API method. Review the Details field in the error section.',
        details: [
            {
                message: error.message,
                statusCode: error.statusCode,
                ...(error.fields ? { fields: error.fields } : {})
            }
        ]
    });
}
