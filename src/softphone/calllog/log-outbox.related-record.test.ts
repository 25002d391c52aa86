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
        // Saved, its wrap-up written, then moved: each time the cards follow it.
        expect(h.logged.map((event) => event.related?.recordId)).toEqual([
            CONTACT_ID,
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

    it('with Task mirroring, writes no Task itself: the move reaches the Phone_Call__c the flow mirrors', async () => {
        const h = harness(true);
        await h.outbox.enqueue(endedCall('call-1'));
        await h.outbox.setWrapUp('call-1', { disposition: 'Sale' });
        await h.settle();
        await h.outbox.setRelatedRecord('call-1', ACCOUNT);
        await h.settle();

        expect(h.salesforce.recordsOf('Task')).toHaveLength(0);
        expect(h.salesforce.calls.some((value) => value.entityApiName === 'Task')).toBe(false);
        expect(h.salesforce.phoneCallByProviderId('call-1')?.fields).toMatchObject({
            Mirror_To_Task__c: true,
            Contact__c: null,
            Account__c: ACCOUNT.recordId,
            Disposition__c: 'Sale'
        });
        expect(await h.store.getAll()).toEqual([]);
    });
});
