import * as v from 'valibot';
import { label, type LabelName } from '../i18n';

/** What the adapter received from Salesforce and could not accept. */
export type PayloadKind =
    | 'clickToDial'
    | 'searchResult'
    | 'callCenterSettings'
    | 'appViewInfo'
    | 'saveLogResult'
    | 'softphoneLayout';

const PAYLOAD_LABELS: Readonly<Record<PayloadKind, LabelName>> = {
    clickToDial: 'Softphone_Pop_Payload_Click_To_Dial',
    searchResult: 'Softphone_Pop_Payload_Search_Result',
    callCenterSettings: 'Softphone_Pop_Payload_Settings',
    appViewInfo: 'Softphone_Pop_Payload_Page_Info',
    saveLogResult: 'Softphone_Pop_Payload_Save_Log',
    softphoneLayout: 'Softphone_Pop_Payload_Layout'
};

export class InvalidPayloadError extends Error {
    override readonly name = 'InvalidPayloadError';
    readonly payload: PayloadKind;
    /** One line per problem, naming the field, e.g. 'recordId: is not a Salesforce record id'. */
    readonly issues: readonly string[];

    constructor(payload: PayloadKind, issues: readonly string[]) {
        super(
            label(
                'Softphone_Pop_Payload_Not_Understood',
                label(PAYLOAD_LABELS[payload]),
                issues.join('; ')
            )
        );
        this.payload = payload;
        this.issues = issues;
    }
}

/** A validator's answer: the typed value, or the named error (never thrown). */
export type Validated<T> =
    | { readonly ok: true; readonly value: T }
    | { readonly ok: false; readonly error: InvalidPayloadError };

export function invalid<T>(payload: PayloadKind, issues: readonly string[]): Validated<T> {
    return { ok: false, error: new InvalidPayloadError(payload, issues) };
}

/** Turns valibot issues into 'path: message' lines. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
    return issues.map((issue) => {
        const path = v.getDotPath(issue);
        // valibot reports a missing key as an object issue whose input is undefined.
        const message =
            issue.kind === 'schema' && issue.type.endsWith('object') && issue.input === undefined
                ? label('Softphone_Pop_Is_Missing')
                : issue.message;
        return path === null ? message : `${path}: ${message}`;
    });
}

/** Validates a payload that must be an object against `schema`: its output, or the named error. */
export function parseObjectPayload<Schema extends v.GenericSchema>(
    payload: PayloadKind,
    schema: Schema,
    value: unknown
): Validated<v.InferOutput<Schema>> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return invalid(payload, [label('Softphone_Pop_Not_Object')]);
    }
    const result = v.safeParse(schema, value);
    return result.success
        ? { ok: true, value: result.output }
        : invalid(payload, describeIssues(result.issues));
}
