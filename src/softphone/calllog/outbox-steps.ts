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

export type OutboxStepKind = 'create' | 'sync' | 'update' | 'link';

export interface OutboxStep {
    readonly kind: OutboxStepKind;
    readonly value: SaveLogValue;
    /** What this write carries, so a success only marks what was actually sent as saved. */
    readonly recordRevision: number;
    readonly wrapUpRevision: number;
    /** The Parent_Call__c this write carries (undefined: none). */
    readonly parentRecordId?: string;
}

export function wrapUpRevisionOf(entry: OutboxEntry): number {
    return entry.wrapUp?.revision ?? 0;
}

export function nextStep(entry: OutboxEntry): OutboxStep | null {
    const wrapUpRevision = wrapUpRevisionOf(entry);
    const wrapUpFields = entry.wrapUp === undefined ? {} : toWrapUpFields(entry.wrapUp);
    const parentId = entry.parentRecordId;
    const parentFields: SaveLogValue = parentId === undefined ? {} : { Parent_Call__c: parentId };
    const parentMark = parentId === undefined ? {} : { parentRecordId: parentId };
    if (entry.savedRecordId === undefined) {
        return {
            kind: 'create',
            value: { ...entry.record, ...wrapUpFields, ...parentFields },
            recordRevision: entry.recordRevision,
            wrapUpRevision,
            ...parentMark
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
            value: { ...fields, ...wrapUpFields, ...parentFields, Id: recordId },
            recordRevision: entry.recordRevision,
            wrapUpRevision,
            ...parentMark
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
    if (entry.parentRecordId !== undefined && entry.savedParentRecordId !== entry.parentRecordId) {
        // The parent call was logged after this consult call: link them now.
        return {
            kind: 'link',
            value: { Id: recordId, Parent_Call__c: entry.parentRecordId },
            recordRevision: entry.recordRevision,
            wrapUpRevision: entry.savedWrapUpRevision,
            parentRecordId: entry.parentRecordId
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
        ...(step.parentRecordId === undefined ? {} : { savedParentRecordId: step.parentRecordId }),
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
        case 'link':
            return progressed;
    }
}

/** A create that found the record already there: keep its Id, then sync every field onto it. */
export function applyDuplicate(entry: OutboxEntry, existingId: string, now: number): OutboxEntry {
    const { savedParentRecordId: _sent, ...rest } = entry;
    return {
        ...rest,
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
