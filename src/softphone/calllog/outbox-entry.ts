/**
 * One call log waiting in the outbox, keyed by the provider call id. It is plain JSON (it lives
 * in IndexedDB) and says, through revision counters, what Salesforce already has:
 *
 *   record          ──create (or duplicate → sync)──▶ savedRecordId, savedRecordRevision
 *   wrapUp.revision ──create or update──▶ savedWrapUpRevision
 *   parentRecordId  ──create, sync or link──▶ savedParentRecordId   (a consult call's parent)
 *
 * The Task mirror is not the outbox's: the Phone Call Task Mirror flow creates it with the
 * Phone_Call__c (Mirror_To_Task__c) and keeps it in step. Entries stored by an earlier version
 * may still carry task fields: the schema drops them (that Task mirror is then not written).
 *
 * An entry is finished when nothing is left to write and its wrap-up window is closed.
 */
import * as v from 'valibot';
import type { RelatedRecord } from '../calls/call-model';
import type { PhoneCallCreateValue, WrapUp } from './phone-call-record';

export interface OutboxWrapUp extends WrapUp {
    /** Increases with every setWrapUp, so a change made while a save is in flight is not lost. */
    readonly revision: number;
}

export interface OutboxEntry {
    readonly callId: string;
    /** The Phone_Call__c create value, without wrap-up fields (added when sending). */
    readonly record: PhoneCallCreateValue;
    /** Increases when the call is enqueued again with different data. */
    readonly recordRevision: number;
    /** The record revision Salesforce is known to hold; 0 until the create is confirmed. */
    readonly savedRecordRevision: number;
    readonly savedRecordId?: string;
    readonly related?: RelatedRecord;
    readonly wrapUp?: OutboxWrapUp;
    readonly savedWrapUpRevision: number;
    /** A consult call's: the provider call id of the call it was about. */
    readonly parentCallId?: string;
    /** The parent call's Phone_Call__c Id, once that log is saved (Parent_Call__c). */
    readonly parentRecordId?: string;
    /** The Parent_Call__c Salesforce is known to hold. */
    readonly savedParentRecordId?: string;
    /** True while the agent may still add a disposition or notes (after-call work). */
    readonly wrapUpOpen: boolean;
    /** Failed attempts in a row (reset by any successful write). */
    readonly attempts: number;
    /** Epoch ms of the next attempt. */
    readonly nextAttemptAt: number;
    readonly lastError?: string;
    /** Stopped after an error that retrying cannot fix; retried on replay or retryNow. */
    readonly parked: boolean;
    readonly enqueuedAt: number;
}

const fieldValue = v.union([v.string(), v.number(), v.boolean(), v.null()]);
const fieldValues = v.record(v.string(), fieldValue);
const revision = v.pipe(v.number(), v.integer(), v.minValue(0));
const optionalText = v.optional(v.string());

/**
 * Validates what IndexedDB hands back (written by an older version, or damaged): it is outside
 * input like any other. Field values are checked for type, not for meaning.
 */
export const OutboxEntrySchema = v.object({
    callId: v.pipe(v.string(), v.minLength(1)),
    record: v.intersect([
        fieldValues,
        v.looseObject({
            entityApiName: v.literal('Phone_Call__c'),
            Provider_Call_Id__c: v.string(),
            Direction__c: v.picklist(['Inbound', 'Outbound'])
        })
    ]),
    recordRevision: revision,
    savedRecordRevision: revision,
    savedRecordId: optionalText,
    related: v.optional(
        v.object({ recordId: v.string(), objectType: v.string(), recordName: optionalText })
    ),
    wrapUp: v.optional(
        v.object({ disposition: v.string(), notes: optionalText, revision: revision })
    ),
    savedWrapUpRevision: revision,
    parentCallId: optionalText,
    parentRecordId: optionalText,
    savedParentRecordId: optionalText,
    wrapUpOpen: v.boolean(),
    attempts: revision,
    nextAttemptAt: v.number(),
    lastError: optionalText,
    parked: v.boolean(),
    enqueuedAt: v.number()
});

export function parseOutboxEntry(value: unknown): OutboxEntry | undefined {
    const result = v.safeParse(OutboxEntrySchema, value);
    // The schema checks shape and the fields the outbox relies on; the record's own fields were
    // typed when they were built, so the cast only restores that static type.
    return result.success ? (result.output as unknown as OutboxEntry) : undefined;
}
