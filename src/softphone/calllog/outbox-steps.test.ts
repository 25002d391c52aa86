import type { OutboxEntry } from './outbox-entry';
import {
    applyDuplicate,
    applyStepSuccess,
    hasPendingWrites,
    isFinished,
    nextStep
} from './outbox-steps';
import type { OutboxStep } from './outbox-steps';
import { LOCKED_PHONE_CALL_FIELDS, toPhoneCallRecord, toTaskRecord } from './phone-call-record';
import { endedCall, START } from './test-support/outbox-fixtures';

const RECORD_ID = 'a015g00000PhOnEAAA';
const TASK_ID = '00T5g00000TaSkAAAA';

const call = endedCall('call-1');

/** A freshly enqueued entry (nothing saved yet), optionally mirrored to a Task. */
function freshEntry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
    return {
        callId: call.id,
        record: toPhoneCallRecord(call),
        recordRevision: 1,
        savedRecordRevision: 0,
        savedWrapUpRevision: 0,
        wrapUpOpen: false,
        taskLinked: false,
        taskWrapUpRevision: 0,
        attempts: 0,
        nextAttemptAt: START,
        parked: false,
        enqueuedAt: START,
        ...overrides
    };
}

/** The next step, failing the test when there is none. */
function stepOf(entry: OutboxEntry): OutboxStep {
    const step = nextStep(entry);
    if (step === null) {
        throw new Error('expected a step, got none');
    }
    return step;
}

describe('outbox steps', () => {
    it('walks a mirrored log through create, Task create, link, and Task update, then stops', () => {
        const wrapUp = { disposition: 'Sale', notes: 'Signed up', revision: 1 };
        let entry = freshEntry({ task: toTaskRecord(call), wrapUp });
        const kinds: string[] = [];
        const returnedIds: Record<string, string | null> = {
            create: RECORD_ID,
            createTask: TASK_ID,
            update: RECORD_ID,
            updateTask: TASK_ID
        };
        for (let guard = 0; guard < 10 && hasPendingWrites(entry); guard += 1) {
            const step = stepOf(entry);
            kinds.push(step.kind);
            entry = applyStepSuccess(entry, step, returnedIds[step.kind] ?? null, START);
        }

        // The wrap-up known before the first write travels with the creates: no Task update
        // is needed afterwards, only the link.
        expect(kinds).toEqual(['create', 'createTask', 'update']);
        expect(entry).toMatchObject({
            savedRecordId: RECORD_ID,
            taskId: TASK_ID,
            taskLinked: true,
            savedWrapUpRevision: 1,
            taskWrapUpRevision: 1
        });
        expect(nextStep(entry)).toBeNull();
        expect(isFinished(entry)).toBe(true);
        expect(isFinished({ ...entry, wrapUpOpen: true })).toBe(false);
    });

    it('sends the wrap-up fields with the creates when they are known', () => {
        const wrapUp = { disposition: 'Sale', notes: 'Signed up', revision: 1 };
        const create = stepOf(freshEntry({ task: toTaskRecord(call), wrapUp }));
        expect(create.value).toMatchObject({
            entityApiName: 'Phone_Call__c',
            Disposition__c: 'Sale',
            Notes__c: 'Signed up'
        });
        expect(create.wrapUpRevision).toBe(1);

        const afterCreate = applyStepSuccess(
            freshEntry({ task: toTaskRecord(call), wrapUp }),
            create,
            RECORD_ID,
            START
        );
        const createTask = stepOf(afterCreate);
        expect(createTask.kind).toBe('createTask');
        expect(createTask.value).toMatchObject({
            entityApiName: 'Task',
            CallDisposition: 'Sale',
            Description: 'Signed up'
        });
    });

    it('updates the Task once a wrap-up arrives after it was created and linked', () => {
        const linked = freshEntry({
            task: toTaskRecord(call),
            savedRecordId: RECORD_ID,
            savedRecordRevision: 1,
            taskId: TASK_ID,
            taskLinked: true
        });
        const withWrapUp = { ...linked, wrapUp: { disposition: 'Callback', revision: 1 } };

        const update = stepOf(withWrapUp);
        expect(update).toMatchObject({
            kind: 'update',
            value: { Id: RECORD_ID, Disposition__c: 'Callback' },
            linksTask: false
        });
        const updated = applyStepSuccess(withWrapUp, update, RECORD_ID, START);
        const updateTask = stepOf(updated);
        expect(updateTask).toMatchObject({
            kind: 'updateTask',
            value: { Id: TASK_ID, CallDisposition: 'Callback', Description: '' }
        });
        expect(nextStep(applyStepSuccess(updated, updateTask, TASK_ID, START))).toBeNull();
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

    it('after a duplicate, syncs every field that may change onto the existing record and relinks its Task', () => {
        // The create reached Salesforce before a crash, the Task too; the replayed create
        // then hit the unique Provider_Call_Id__c.
        const replayed = freshEntry({
            task: toTaskRecord(call),
            taskId: TASK_ID,
            wrapUp: { disposition: 'Sale', revision: 1 }
        });
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
        expect(sync.linksTask).toBe(true);
        expect(sync.value).toMatchObject({
            Id: RECORD_ID,
            Disposition__c: 'Sale',
            Task_Id__c: TASK_ID
        });
        expect(sync.value).not.toHaveProperty('entityApiName');
        // The call's facts are locked once the create wrote them: never sent again.
        for (const locked of LOCKED_PHONE_CALL_FIELDS) {
            expect(sync.value).not.toHaveProperty(locked);
        }

        const synced = applyStepSuccess(duplicate, sync, RECORD_ID, START);
        expect(synced).toMatchObject({ savedRecordRevision: 1, taskLinked: true });
        // The Task was created with revision 0 of the wrap-up: it still needs the disposition.
        expect(stepOf(synced).kind).toBe('updateTask');
    });

    it('syncs without a Task link when no Task exists yet, then creates the Task', () => {
        const duplicate = applyDuplicate(freshEntry({ task: toTaskRecord(call) }), RECORD_ID, 0);
        const sync = stepOf(duplicate);
        expect(sync.kind).toBe('sync');
        expect(sync.linksTask).toBe(false);
        expect(sync.value).not.toHaveProperty('Task_Id__c');
        expect(stepOf(applyStepSuccess(duplicate, sync, RECORD_ID, 0)).kind).toBe('createTask');
    });

    it('keeps asking for the create while no record Id is known', () => {
        const entry = freshEntry();
        const create = stepOf(entry);
        const confirmedWithoutId = applyStepSuccess(entry, create, null, START);
        expect(confirmedWithoutId.savedRecordId).toBeUndefined();
        expect(stepOf(confirmedWithoutId).kind).toBe('create');
    });

    it('keeps asking for the Task create while no Task Id is known', () => {
        const entry = freshEntry({
            task: toTaskRecord(call),
            savedRecordId: RECORD_ID,
            savedRecordRevision: 1
        });
        const createTask = stepOf(entry);
        expect(createTask.kind).toBe('createTask');
        const confirmedWithoutId = applyStepSuccess(entry, createTask, null, START);
        expect(confirmedWithoutId.taskId).toBeUndefined();
        expect(stepOf(confirmedWithoutId).kind).toBe('createTask');
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
