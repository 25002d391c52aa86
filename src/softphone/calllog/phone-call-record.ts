/**
 * Pure mapping from the engine's Call to the `saveLog` values the call log writes: the
 * Phone_Call__c create and its wrap-up update. The optional Task mirror is asked for with
 * Mirror_To_Task__c and written by the Phone Call Task Mirror flow
 * (force-app/main/default/flows), once, in the transaction that creates the Phone_Call__c.
 *
 * Text is clipped to the field lengths of the deployed metadata: a value Salesforce would reject
 * as too long would never heal by retrying, and a log with a clipped caller id beats no log.
 */
import type { EndedCall } from '../calls/ended-call';
import { talkTimeSeconds } from '../calls/ended-call';
import type { Call, CallDirection, CallOutcome, RelatedRecord } from '../calls/call-model';
import type { CallData } from '../telephony/call-data';
import { isSalesforceId } from '../shared/salesforce-id';

export const PHONE_CALL_OBJECT = 'Phone_Call__c';

/** Field lengths (Phone fields are 40; Text/Url 255; Ids 18; see objects/Phone_Call__c). */
export const FIELD_LIMITS = {
    phone: 40,
    text: 255,
    disposition: 255,
    notes: 32768,
    callData: 32768
} as const;

/**
 * The call's facts, which no one may change once the softphone has written them (the
 * validation rule Phone_Call__c.Call_Metrics_Are_Locked refuses it, and history tracking records
 * every change an admin makes with the rule off). The softphone writes them once, with the
 * create, and never sends them again: its updates carry the wrap-up, the related record and the
 * Task link only. The rule's formula is held to this list by phone-call-locked-fields.test.ts.
 */
export const LOCKED_PHONE_CALL_FIELDS = [
    'Direction__c',
    'From_Number__c',
    'To_Number__c',
    'Started__c',
    'Answered__c',
    'Ended__c',
    'Duration_Seconds__c',
    'Outcome__c',
    'Agent__c',
    'Provider_Call_Id__c',
    'Recording_URL__c',
    'Queue__c',
    'Dialled_Number__c',
    'Redirecting_Number__c',
    'Transfer_Target__c',
    'Conference_Parties__c'
] as const;

/** A value of an sObject field as saveLog takes it. */
export type FieldValue = string | number | boolean | null;

/** What `saveLog({ value })` receives: `entityApiName` to create, `Id` to update. */
export type SaveLogValue = Readonly<Record<string, FieldValue>>;

export interface PhoneCallFields {
    readonly Direction__c: CallDirection;
    readonly From_Number__c?: string;
    readonly To_Number__c?: string;
    readonly Started__c?: string;
    readonly Answered__c?: string;
    readonly Ended__c?: string;
    readonly Duration_Seconds__c: number;
    readonly Outcome__c?: CallOutcome;
    readonly Disposition__c?: string;
    readonly Notes__c?: string;
    readonly Related_Record_Id__c?: string;
    readonly Contact__c?: string;
    readonly Lead__c?: string;
    readonly Account__c?: string;
    readonly Case__c?: string;
    readonly Agent__c?: string;
    readonly Provider_Call_Id__c: string;
    readonly Recording_URL__c?: string;
    readonly Queue__c?: string;
    readonly Dialled_Number__c?: string;
    readonly Redirecting_Number__c?: string;
    readonly Call_Data__c?: string;
    readonly Transfer_Target__c?: string;
    readonly Conference_Parties__c?: string;
    /** The parent call's record Id (a consult call's), set by the outbox once it is known. */
    readonly Parent_Call__c?: string;
    readonly Task_Id__c?: string;
    readonly Mirror_To_Task__c?: boolean;
}

export interface PhoneCallCreateValue extends PhoneCallFields {
    readonly entityApiName: typeof PHONE_CALL_OBJECT;
}

export interface WrapUp {
    readonly disposition: string;
    readonly notes?: string;
}

export interface PhoneCallRecordOptions {
    /** The agent's User Id (Agent__c). */
    readonly agentUserId?: string;
    readonly queue?: string;
    readonly recordingUrl?: string;
    /** Ask the Task mirror flow for a Task (Mirror_To_Task__c). */
    readonly mirrorToTask?: boolean;
    /** Call-data keys written to fields (callData/logFields); the rest goes to Call_Data__c. */
    readonly callDataFields?: readonly CallDataLogField[];
}

/** A call-data key and the Phone_Call__c field it fills (validated by the settings). */
export interface CallDataLogField {
    readonly key: string;
    readonly field: string;
}

/** The typed lookup for each object a related record can be (others keep only the Id). */
const LOOKUP_FIELD_BY_OBJECT: Readonly<
    Record<string, 'Contact__c' | 'Lead__c' | 'Account__c' | 'Case__c'>
> = {
    Contact: 'Contact__c',
    Lead: 'Lead__c',
    Account: 'Account__c',
    Case: 'Case__c'
};

export { isSalesforceId };

/** The Phone_Call__c create value; wrap-up fields are added by the outbox when known. */
export function toPhoneCallRecord(
    call: Call & Partial<Pick<EndedCall, 'transferredTo'>>,
    options: PhoneCallRecordOptions = {}
): PhoneCallCreateValue {
    const fields: Record<string, FieldValue> = {
        entityApiName: PHONE_CALL_OBJECT,
        Provider_Call_Id__c: clip(call.id, FIELD_LIMITS.text),
        Direction__c: call.direction,
        Duration_Seconds__c: durationSeconds(call)
    };
    setDateTime(fields, 'Started__c', call.startedAt);
    setDateTime(fields, 'Answered__c', call.answeredAt);
    setDateTime(fields, 'Ended__c', call.endedAt);
    setText(fields, 'From_Number__c', call.from, FIELD_LIMITS.phone);
    setText(fields, 'To_Number__c', call.to, FIELD_LIMITS.phone);
    if (call.outcome !== undefined) {
        fields.Outcome__c = call.outcome;
    }
    setText(fields, 'Transfer_Target__c', call.transferredTo, FIELD_LIMITS.phone);
    setText(fields, 'Conference_Parties__c', call.conferenceParties?.join(', '), FIELD_LIMITS.text);
    const related = usableRelated(call.related);
    if (related !== undefined) {
        fields.Related_Record_Id__c = related.recordId;
        const lookup = LOOKUP_FIELD_BY_OBJECT[related.objectType];
        if (lookup !== undefined) {
            fields[lookup] = related.recordId;
        }
    }
    if (isSalesforceId(options.agentUserId)) {
        fields.Agent__c = options.agentUserId;
    }
    setText(fields, 'Queue__c', options.queue, FIELD_LIMITS.text);
    setText(fields, 'Recording_URL__c', options.recordingUrl, FIELD_LIMITS.text);
    setCallData(fields, call.data, options.callDataFields ?? []);
    if (options.mirrorToTask === true) {
        fields.Mirror_To_Task__c = true;
    }
    return fields as unknown as PhoneCallCreateValue;
}

const PHONE_FIELDS: readonly string[] = ['Dialled_Number__c', 'Redirecting_Number__c'];

/**
 * Call data on the create (the mapped fields are locked after it): each mapped key fills its
 * field (a field set already is kept; a recording link only when it is an http(s) URL), and
 * every other pair goes to Call_Data__c as JSON. Secrets never reach here: the engine drops
 * them as the call arrives.
 */
function setCallData(
    fields: Record<string, FieldValue>,
    data: CallData | undefined,
    mapping: readonly CallDataLogField[]
): void {
    if (data === undefined) {
        return;
    }
    const rest: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) {
        const target = mapping.find((each) => each.key === key)?.field;
        if (target === undefined || fields[target] !== undefined || !fitsField(target, value)) {
            rest[key] = value;
            continue;
        }
        setText(
            fields,
            target,
            value,
            PHONE_FIELDS.includes(target) ? FIELD_LIMITS.phone : FIELD_LIMITS.text
        );
    }
    const json = JSON.stringify(rest);
    // 20 pairs of at most 40 + 256 characters always fit; the check keeps the bound explicit.
    if (Object.keys(rest).length > 0 && json.length <= FIELD_LIMITS.callData) {
        fields.Call_Data__c = json;
    }
}

function fitsField(field: string, value: string): boolean {
    return field !== 'Recording_URL__c' || isWebUrl(value);
}

/** An absolute http: or https: URL (a recording link the agent may open). */
export function isWebUrl(value: string): boolean {
    try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
        return false;
    }
}

/**
 * Disposition and notes as Phone_Call__c fields; empty notes clear the field, absent notes (a
 * disposition set from elsewhere, e.g. an LWC) leave the saved notes alone.
 */
export function toWrapUpFields(wrapUp: WrapUp): {
    readonly Disposition__c: string;
    readonly Notes__c?: string;
} {
    return {
        Disposition__c: wrapUp.disposition,
        ...(wrapUp.notes === undefined ? {} : { Notes__c: wrapUp.notes })
    };
}

export function toWrapUpUpdate(
    recordId: string,
    wrapUp: WrapUp
): { readonly Id: string; readonly Disposition__c: string; readonly Notes__c?: string } {
    return { Id: recordId, ...toWrapUpFields(wrapUp) };
}

/**
 * The related-record fields after the agent changed the record a saved log goes to: the new
 * lookup is set and every other lookup is cleared (null), so the log is never related to two
 * records. An object without a typed lookup keeps only Related_Record_Id__c.
 */
export function toRelatedRecordFields(
    related: RelatedRecord
): Readonly<Record<string, FieldValue>> {
    const fields: Record<string, FieldValue> = { Related_Record_Id__c: related.recordId };
    const chosen = LOOKUP_FIELD_BY_OBJECT[related.objectType];
    for (const lookup of Object.values(LOOKUP_FIELD_BY_OBJECT)) {
        fields[lookup] = lookup === chosen ? related.recordId : null;
    }
    return fields;
}

function usableRelated(related: RelatedRecord | undefined): RelatedRecord | undefined {
    return related !== undefined && isSalesforceId(related.recordId) ? related : undefined;
}

function setText(
    fields: Record<string, FieldValue>,
    name: string,
    value: string | undefined,
    max: number
): void {
    if (value !== undefined && value.trim() !== '') {
        fields[name] = clip(value.trim(), max);
    }
}

/** Talk time (answered → ended), 0 if never answered or not ended; never NaN. */
export function durationSeconds(call: Call): number {
    if (call.endedAt === undefined) {
        return 0;
    }
    const seconds = talkTimeSeconds(call.answeredAt, call.endedAt);
    return Number.isFinite(seconds) ? seconds : 0;
}

/** ISO 8601 in UTC; a bad time is left out rather than allowed to throw and lose the log. */
function setDateTime(
    fields: Record<string, FieldValue>,
    name: string,
    epochMs: number | undefined
): void {
    if (epochMs !== undefined && Number.isFinite(epochMs)) {
        fields[name] = new Date(epochMs).toISOString();
    }
}

function clip(text: string, max: number): string {
    return text.length <= max ? text : text.slice(0, max);
}
