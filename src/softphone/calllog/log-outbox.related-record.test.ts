import { CallLogError } from './log-outbox';
import { MemoryOutboxStore } from './memory-outbox-store';
import {
    AGENT_ID,
    CONTACT_ID,
    createOutboxHarness,
    endedCall
} from './test-support/outbox-fixtures';

const ACCOUNT = { recordId: '0015g00000AcMeRAAZ', objectType: 'Account', recordName: 'Acme' };
const LEAD = { recordId: '00Q5g00000LeAdXAAZ', objectType: 'Lead', recordName: 'Lee' };
const CUSTOM = { recordId: 'a025g00000CuStMAAZ', objectType: 'Order__c' };

function harness(mirrorToTask = false) {
    return createOutboxHarness(new MemoryOutboxStore(), { agentUserId: AGENT_ID, mirrorToTask });
}

describe('LogOutbox.setRelatedRecord: the agent moves the log to another record', () => {
    it('before the first save, the create carries the new lookup and clears the others', async () => {
        const h = harness();
        h.salesforce.failWith = () => 'before';
        await h.outbox.enqueue(endedCall('call-1'));
        await h.outbox.setRelatedRecord('call-1', ACCOUNT);
        h.salesforce.failWith = () => undefined;
        await h.advance(60_000);

        const record = h.salesforce.phoneCallByProviderId('call-1');
        expect(record?.fields).toMatchObject({
            Related_Record_Id__c: ACCOUNT.recordId,
            Account__c: ACCOUNT.recordId,
            Contact__c: null,
            Lead__c: null,
            Case__c: null
        });
        expect(h.logged).toEqual([{ callId: 'call-1', recordId: record?.id, related: ACCOUNT }]);
    });

    it('after the first save, clears the old lookup and sets the new one, and tells who listens', async () => {
        const h = harness();
        await h.outbox.enqueue(endedCall('call-1'));
        await h.outbox.setWrapUp('call-1', { disposition: 'Sale', notes: 'n' });
        await h.settle();
        const record = h.salesforce.phoneCallByProviderId('call-1');
        expect(record?.fields.Contact__c).toBe(CONTACT_ID);

        await h.outbox.setRelatedRecord('call-1', LEAD);
        await h.settle();

        expect(h.salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
        expect(record?.fields).toMatchObject({
            Related_Record_Id__c: LEAD.recordId,
            Lead__c: LEAD.recordId,
            Contact__c: null,
            Disposition__c: 'Sale',
            Notes__c: 'n'
        });
        expect(h.logged.map((event) => event.related?.recordId)).toEqual([
            CONTACT_ID,
            LEAD.recordId
        ]);
    });

    it('keeps only the id for an object without a typed lookup', async () => {
        const h = harness();
        await h.outbox.enqueue(endedCall('call-1'));
        await h.settle();
        await h.outbox.setRelatedRecord('call-1', CUSTOM);
        await h.settle();
        expect(h.salesforce.phoneCallByProviderId('call-1')?.fields).toMatchObject({
            Related_Record_Id__c: CUSTOM.recordId,
            Contact__c: null,
            Account__c: null
        });
    });

    it('does nothing for the record the log already has', async () => {
        const h = harness();
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        const writes = h.salesforce.calls.length;
        await h.outbox.setRelatedRecord('call-1', { recordId: CONTACT_ID, objectType: 'Contact' });
        await h.settle();
        expect(h.salesforce.calls).toHaveLength(writes);
        expect(h.logged).toHaveLength(1);
        expect(h.outbox.snapshot()).toEqual([]);
    });

    it('moves a log that already left the outbox (wrap-up done)', async () => {
        const h = harness();
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        expect(h.outbox.snapshot()).toEqual([]);
        await h.outbox.setRelatedRecord('call-1', ACCOUNT);
        await h.settle();
        expect(h.salesforce.phoneCallByProviderId('call-1')?.fields.Account__c).toBe(
            ACCOUNT.recordId
        );
    });

    it('rejects an unknown call and an id that is not a Salesforce id', async () => {
        const h = harness();
        await expect(h.outbox.setRelatedRecord('nope', ACCOUNT)).rejects.toMatchObject({
            code: 'UNKNOWN_CALL'
        });
        await h.outbox.enqueue(endedCall('call-1'));
        await expect(
            h.outbox.setRelatedRecord('call-1', { recordId: '<b>', objectType: 'Contact' })
        ).rejects.toBeInstanceOf(CallLogError);
    });

    it('moves the Task mirror too: WhoId cleared, WhatId set, after the Task exists', async () => {
        const h = harness(true);
        await h.outbox.enqueue(endedCall('call-1'));
        await h.outbox.setWrapUp('call-1', { disposition: 'Sale' });
        await h.settle();
        const [task] = h.salesforce.recordsOf('Task');
        expect(task?.fields.WhoId).toBe(CONTACT_ID);

        await h.outbox.setRelatedRecord('call-1', ACCOUNT);
        await h.settle();

        expect(h.salesforce.recordsOf('Task')).toHaveLength(1);
        expect(task?.fields).toMatchObject({
            WhoId: null,
            WhatId: ACCOUNT.recordId,
            CallDisposition: 'Sale'
        });
        await h.outbox.setRelatedRecord('call-1', LEAD);
        await h.outbox.setWrapUp('call-1', { disposition: 'Lost', notes: 'x' });
        await h.settle();
        expect(task?.fields).toMatchObject({
            WhoId: LEAD.recordId,
            WhatId: null,
            CallDisposition: 'Lost',
            Description: 'x'
        });
        expect(await h.store.getAll()).toEqual([]);
    });

    it('creates the Task on the new record when the move comes before the Task create', async () => {
        const h = harness(true);
        h.salesforce.failWith = () => 'before';
        await h.outbox.enqueue(endedCall('call-1'));
        await h.outbox.setRelatedRecord('call-1', ACCOUNT);
        h.salesforce.failWith = () => undefined;
        await h.advance(60_000);
        const [task] = h.salesforce.recordsOf('Task');
        expect(task?.fields.WhatId).toBe(ACCOUNT.recordId);
        expect(task?.fields).not.toHaveProperty('WhoId');
        // Nothing more to send to the Task: its create carried the move.
        expect(h.outbox.snapshot()[0]?.savedTaskRelatedRevision).toBe(1);
    });

    it('updates a Task created in flight with the old record', async () => {
        const h = harness(true);
        await h.outbox.enqueue(endedCall('call-1'));
        let moved = false;
        h.salesforce.onCall = async (value) => {
            if (value.entityApiName === 'Task' && !moved) {
                moved = true;
                await h.outbox.setRelatedRecord('call-1', ACCOUNT);
            }
        };
        await h.settle();
        const [task] = h.salesforce.recordsOf('Task');
        expect(task?.fields).toMatchObject({ WhoId: null, WhatId: ACCOUNT.recordId });
    });
});
