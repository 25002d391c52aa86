import type { OutboxEntry } from './outbox-entry';
import {
    applyDuplicate,
    applyStepSuccess,
    hasPendingWrites,
    isFinished,
    nextStep
} from './outbox-steps';
import { LOCKED_PHONE_CALL_FIELDS, toPhoneCallRecord } from './phone-call-record';
import { freshOutboxEntry, stepOf } from './test-support/outbox-entries';
import { endedCall, START } from './test-support/outbox-fixtures';

const RECORD_ID = 'a015g00000PhOnEAAA';

const call = endedCall('call-1');

const freshEntry = (overrides: Partial<OutboxEntry> = {}): OutboxEntry =>
    freshOutboxEntry(call, overrides);

describe('outbox steps', () => {
    it('walks a log through create and a later wrap-up update, then stops', () => {
        let entry = freshEntry({ record: toPhoneCallRecord(call, { mirrorToTask: true }) });
        const kinds: string[] = [];
        for (let guard = 0; guard < 10 && hasPendingWrites(entry); guard += 1) {
            const step = stepOf(entry);
            kinds.push(step.kind);
            entry = applyStepSuccess(entry, step, RECORD_ID, START);
            if (step.kind === 'create') {
                entry = { ...entry, wrapUp: { disposition: 'Callback', revision: 1 } };
            }
        }

        // The Task mirror is the flow's: the outbox writes only the Phone_Call__c, and asks
        // for the Task with Mirror_To_Task__c on the create.
        expect(kinds).toEqual(['create', 'update']);
        expect(entry).toMatchObject({ savedRecordId: RECORD_ID, savedWrapUpRevision: 1 });
        expect(nextStep(entry)).toBeNull();
        expect(isFinished(entry)).toBe(true);
        expect(isFinished({ ...entry, wrapUpOpen: true })).toBe(false);
    });

    it('sends the wrap-up fields with the create when they are known', () => {
        const wrapUp = { disposition: 'Sale', notes: 'Signed up', revision: 1 };
        const create = stepOf(
            freshEntry({ record: toPhoneCallRecord(call, { mirrorToTask: true }), wrapUp })
        );
        expect(create.value).toMatchObject({
            entityApiName: 'Phone_Call__c',
            Mirror_To_Task__c: true,
            Disposition__c: 'Sale',
            Notes__c: 'Signed up'
        });
        expect(create.wrapUpRevision).toBe(1);
        const afterCreate = applyStepSuccess(freshEntry({ wrapUp }), create, RECORD_ID, START);
        expect(nextStep(afterCreate)).toBeNull();
    });

    it('marks saved only the wrap-up revision a write carried, not one set while it flew', () => {
        const saved = freshEntry({
            savedRecordId: RECORD_ID,
            savedRecordRevision: 1,
            wrapUp: { disposition: 'Sale', revision: 1 }
        });
        const update = stepOf(saved);
        // The agent edits the disposition while that update is in flight.
        const edited = { ...saved, wrapUp: { disposition: 'No sale', revision: 2 } };
        const afterFirst = applyStepSuccess(edited, update, RECORD_ID, START);

        expect(afterFirst.savedWrapUpRevision).toBe(1);
        expect(stepOf(afterFirst)).toMatchObject({
            kind: 'update',
            value: { Id: RECORD_ID, Disposition__c: 'No sale' },
            wrapUpRevision: 2
        });
    });

    it('after a duplicate, syncs every field that may change onto the existing record', () => {
        // The create reached Salesforce before a crash; the replayed create then hit the
        // unique Provider_Call_Id__c (and the flow, which runs on create only, made no Task).
        const replayed = freshEntry({ wrapUp: { disposition: 'Sale', revision: 1 } });
        const duplicate = applyDuplicate(replayed, RECORD_ID, START + 5);
        expect(duplicate).toMatchObject({
            savedRecordId: RECORD_ID,
            savedRecordRevision: 0,
            attempts: 0,
            nextAttemptAt: START + 5,
            parked: false
        });

        const sync = stepOf(duplicate);
        expect(sync.kind).toBe('sync');
        expect(sync.value).toMatchObject({
            Id: RECORD_ID,
            Disposition__c: 'Sale'
        });
        expect(sync.value).not.toHaveProperty('entityApiName');
        // The call's facts are locked once the create wrote them: never sent again.
        for (const locked of LOCKED_PHONE_CALL_FIELDS) {
            expect(sync.value).not.toHaveProperty(locked);
        }

        const synced = applyStepSuccess(duplicate, sync, RECORD_ID, START);
        expect(synced).toMatchObject({ savedRecordRevision: 1, savedWrapUpRevision: 1 });
        expect(nextStep(synced)).toBeNull();
    });

    it('keeps asking for the create while no record Id is known', () => {
        const entry = freshEntry();
        const create = stepOf(entry);
        const confirmedWithoutId = applyStepSuccess(entry, create, null, START);
        expect(confirmedWithoutId.savedRecordId).toBeUndefined();
        expect(stepOf(confirmedWithoutId).kind).toBe('create');
    });

    it('clears the failure state on any success', () => {
        const failing = freshEntry({
            attempts: 4,
            nextAttemptAt: START + 60_000,
            lastError: 'Network error',
            parked: true
        });
        const after = applyStepSuccess(failing, stepOf(failing), RECORD_ID, START + 1);
        expect(after).toMatchObject({ attempts: 0, nextAttemptAt: START + 1, parked: false });
        expect(after.lastError).toBeUndefined();
    });
});
