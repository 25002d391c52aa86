import { parseOutboxEntry } from './outbox-entry';
import { toPhoneCallRecord } from './phone-call-record';
import { endedCall, START } from './test-support/outbox-fixtures';

describe('parseOutboxEntry', () => {
    it('reads an entry stored by a version that wrote the Task mirror itself, without its task fields', () => {
        const call = endedCall('call-1');
        const stored = {
            callId: call.id,
            record: toPhoneCallRecord(call),
            recordRevision: 1,
            savedRecordRevision: 0,
            savedWrapUpRevision: 0,
            wrapUpOpen: false,
            task: { entityApiName: 'Task', Subject: 'Inbound call' },
            taskId: '00T5g00000TaSkAAAA',
            taskLinked: false,
            taskWrapUpRevision: 0,
            attempts: 0,
            nextAttemptAt: START,
            parked: false,
            enqueuedAt: START
        };
        const entry = parseOutboxEntry(stored);
        expect(entry).toMatchObject({ callId: 'call-1', recordRevision: 1 });
        expect(entry).not.toHaveProperty('task');
        expect(entry).not.toHaveProperty('taskId');
        expect(entry).not.toHaveProperty('taskLinked');
    });
});
