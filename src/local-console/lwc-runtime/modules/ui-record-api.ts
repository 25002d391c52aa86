// lightning/uiRecordApi, played over the console's record store: getRecord (wire adapter),
// getFieldValue, updateRecord and notifyRecordUpdateAvailable, in the UI API's shapes
// (https://developer.salesforce.com/docs/platform/lwc/guide/reference-ui-api-record.html).
import { toId18 } from '../../browser/record-ids';
import { lwcRuntime } from '../runtime-context';
import type { FieldReference, UiRecord } from '../ui-api-shapes';
import { injectedFaultMessage, injectedReadError, isFaulted } from '../ui-api-faults';
import { fieldPath, getRecordShape } from '../ui-api-shapes';
import { PlayedWireAdapter, isSet, refreshRecords } from '../wire-adapter';

interface GetRecordConfig {
    readonly recordId?: string;
    readonly fields?: FieldReference | readonly FieldReference[];
    readonly optionalFields?: FieldReference | readonly FieldReference[];
}

function list(value: FieldReference | readonly FieldReference[] | undefined): FieldReference[] {
    if (value === undefined || value === null) {
        return [];
    }
    return Array.isArray(value) ? [...(value as FieldReference[])] : [value as FieldReference];
}

export class getRecord extends PlayedWireAdapter<GetRecordConfig> {
    protected read(config: GetRecordConfig) {
        const fields = list(config.fields);
        const optionalFields = list(config.optionalFields);
        if (!isSet(config.recordId) || (fields.length === 0 && optionalFields.length === 0)) {
            return undefined;
        }
        return (
            injectedReadError('getRecord') ??
            getRecordShape(lwcRuntime().store, String(config.recordId), fields, optionalFields)
        );
    }

    override concerns(recordIds: ReadonlySet<string>): boolean {
        const id = this.currentConfig?.recordId;
        const id18 = typeof id === 'string' ? toId18(id) : undefined;
        return id18 !== undefined && recordIds.has(id18);
    }
}

/** The value of a field of a record representation; `Object.Field` or `Object.Rel.Field`. */
export function getFieldValue(record: UiRecord | undefined, field: FieldReference): unknown {
    const { path } = fieldPath(field);
    let current: UiRecord | undefined = record;
    for (const [index, name] of path.entries()) {
        const entry = current?.fields[name];
        if (!entry) {
            return undefined;
        }
        if (index === path.length - 1) {
            return entry.value;
        }
        current =
            typeof entry.value === 'object' && entry.value !== null
                ? (entry.value as UiRecord)
                : undefined;
    }
    return undefined;
}

/** The display value of a field, like getFieldValue. */
export function getFieldDisplayValue(record: UiRecord | undefined, field: FieldReference): unknown {
    const { path } = fieldPath(field);
    const last = path[path.length - 1];
    const parentPath = path.slice(0, -1);
    let current: UiRecord | undefined = record;
    for (const name of parentPath) {
        const value = current?.fields[name]?.value;
        current = typeof value === 'object' && value !== null ? (value as UiRecord) : undefined;
    }
    return last === undefined ? undefined : current?.fields[last]?.displayValue;
}

/** A UI API write error, as updateRecord rejects with it (`body.output.errors/fieldErrors`). */
function writeError(
    statusCode: string,
    message: string,
    fields: readonly string[] | undefined,
    status = 400
) {
    const entry = {
        constituentField: null,
        duplicateRecordError: null,
        errorCode: statusCode,
        field: null,
        fieldLabel: null,
        message
    };
    const fieldErrors = Object.fromEntries(
        (fields ?? []).map((field) => [field, [{ ...entry, field, fieldLabel: field }]])
    );
    return {
        ok: false,
        status,
        statusText: status === 400 ? 'Bad Request' : 'Server Error',
        headers: {},
        body: {
            enhancedErrorType: 'RecordError',
            message: 'An error occurred while trying to update the record. Please try again.',
            output: { errors: fields && fields.length > 0 ? [] : [entry], fieldErrors }
        }
    };
}

/** updateRecord({ fields: { Id, … } }): saves through the store and updates the LDS "cache". */
export async function updateRecord(recordInput: {
    readonly fields?: Readonly<Record<string, unknown>>;
}): Promise<UiRecord> {
    await Promise.resolve();
    const fields = recordInput?.fields;
    const id = fields?.['Id'];
    if (!fields || typeof id !== 'string') {
        throw writeError(
            'INVALID_FIELD',
            'updateRecord needs fields with the record Id',
            undefined
        );
    }
    if (isFaulted('updateRecord')) {
        throw writeError('UNKNOWN_EXCEPTION', injectedFaultMessage('updateRecord'), undefined, 500);
    }
    const { store } = lwcRuntime();
    const saved = store.update(id, fields);
    if (!saved.ok) {
        throw writeError(saved.error.statusCode, saved.error.message, saved.error.fields);
    }
    await refreshRecords([saved.id]);
    const record = store.get(saved.id);
    const names = Object.keys(fields).map((name) => [name]);
    const shape = record
        ? getRecordShape(
              store,
              saved.id,
              [],
              names.map((path) => `${record.type}.${path.join('.')}`)
          )
        : undefined;
    if (!shape || !shape.ok) {
        throw writeError('NOT_FOUND', 'The requested resource does not exist', undefined);
    }
    return shape.data;
}

/** notifyRecordUpdateAvailable([{ recordId }]): the records changed elsewhere; adapters re-read. */
export function notifyRecordUpdateAvailable(
    items: readonly { readonly recordId: string }[]
): Promise<void> {
    const ids = (Array.isArray(items) ? items : [])
        .map((item) => toId18(String(item?.recordId)))
        .filter((id): id is string => id !== undefined);
    return refreshRecords(ids);
}
