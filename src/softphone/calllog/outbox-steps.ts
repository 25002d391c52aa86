/**
 * The outbox's decisions, as pure functions of an entry: which write comes next, and what the
 * entry looks like once Salesforce confirmed it. Order: the Phone_Call__c first (create, or the
 * full update that replaces a create Salesforce already had), then updates. The Task mirror is
 * the Phone Call Task Mirror flow's, not a write of the outbox.
 */
import type { OutboxEntry } from './outbox-entry';
import { LOCKED_PHONE_CALL_FIELDS, toWrapUpFields } from './phone-call-record';
import type { SaveLogValue } from './phone-call-record';

const LOCKED_FIELDS: ReadonlySet<string> = new Set(LOCKED_PHONE_CALL_FIELDS);

export type OutboxStepKind = 'create' | 'sync' | 'update';

export interface OutboxStep {
    readonly kind: OutboxStepKind;
    readonly value: SaveLogValue;
    /** What this write carries, so a success only marks what was actually sent as saved. */
    readonly recordRevision: number;
    readonly wrapUpRevision: number;
}

export function wrapUpRevisionOf(entry: OutboxEntry): number {
    return entry.wrapUp?.revision ?? 0;
}

export function nextStep(entry: OutboxEntry): OutboxStep | null {
    const wrapUpRevision = wrapUpRevisionOf(entry);
    const wrapUpFields = entry.wrapUp === undefined ? {} : toWrapUpFields(entry.wrapUp);
    if (entry.savedRecordId === undefined) {
        return {
            kind: 'create',
            value: { ...entry.record, ...wrapUpFields },
            recordRevision: entry.recordRevision,
            wrapUpRevision
        };
    }
    const recordId = entry.savedRecordId;
    if (entry.savedRecordRevision !== entry.recordRevision) {
        // The record exists (a replayed create hit the unique Provider_Call_Id__c, or the call
        // was enqueued again): write the fields that may still change over it (the related
        // record). The call's facts were written by the create and are locked in Salesforce.
        const fields = Object.fromEntries(
            Object.entries(entry.record).filter(
                ([name]) => name !== 'entityApiName' && !LOCKED_FIELDS.has(name)
            )
        );
        return {
            kind: 'sync',
            value: { ...fields, ...wrapUpFields, Id: recordId },
            recordRevision: entry.recordRevision,
            wrapUpRevision
        };
    }
    if (entry.wrapUp !== undefined && entry.savedWrapUpRevision !== wrapUpRevision) {
        return {
            kind: 'update',
            value: { Id: recordId, ...wrapUpFields },
            recordRevision: entry.recordRevision,
            wrapUpRevision
        };
    }
    return null;
}

/** The entry after Salesforce confirmed `step`; `recordId` is the Id saveLog resolved with. */
export function applyStepSuccess(
    entry: OutboxEntry,
    step: OutboxStep,
    recordId: string | null,
    now: number
): OutboxEntry {
    const progressed: OutboxEntry = {
        ...entry,
        attempts: 0,
        nextAttemptAt: now,
        lastError: undefined,
        parked: false
    };
    switch (step.kind) {
        case 'create':
            return {
                ...progressed,
                savedRecordId: recordId ?? undefined,
                savedRecordRevision: step.recordRevision,
                savedWrapUpRevision: step.wrapUpRevision
            };
        case 'sync':
            return {
                ...progressed,
                savedRecordRevision: step.recordRevision,
                savedWrapUpRevision: step.wrapUpRevision
            };
        case 'update':
            return { ...progressed, savedWrapUpRevision: step.wrapUpRevision };
    }
}

/** A create that found the record already there: keep its Id, then sync every field onto it. */
export function applyDuplicate(entry: OutboxEntry, existingId: string, now: number): OutboxEntry {
    return {
        ...entry,
        savedRecordId: existingId,
        savedRecordRevision: 0,
        attempts: 0,
        nextAttemptAt: now,
        lastError: undefined,
        parked: false
    };
}

/** Writes are outstanding (what pendingCount counts). */
export function hasPendingWrites(entry: OutboxEntry): boolean {
    return nextStep(entry) !== null;
}

/** Nothing to write and no wrap-up to wait for: the entry can leave the store. */
export function isFinished(entry: OutboxEntry): boolean {
    return !entry.wrapUpOpen && !hasPendingWrites(entry);
}
