import { MemoryOutboxStore } from './memory-outbox-store';
import { toPhoneCallRecord } from './phone-call-record';
import { AGENT_ID, createOutboxHarness, endedCall } from './test-support/outbox-fixtures';

function harness() {
    return createOutboxHarness(new MemoryOutboxStore(), { agentUserId: AGENT_ID });
}

describe('Phone_Call__c of a transfer, a consult call and a conference', () => {
    it('records the transfer target and the conference parties', () => {
        const record = toPhoneCallRecord({
            ...endedCall('call-1', {
                outcome: 'Transferred',
                conferenceParties: ['+14155550123', '+14155550124']
            }),
            transferredTo: ' +14155550123 '
        });
        expect(record).toMatchObject({
            Outcome__c: 'Transferred',
            Transfer_Target__c: '+14155550123',
            Conference_Parties__c: '+14155550123, +14155550124'
        });
        expect(toPhoneCallRecord(endedCall('call-2'))).not.toHaveProperty('Transfer_Target__c');
    });
});

describe('LogOutbox: a consult call is linked to its parent call', () => {
    it('links at create when the parent call was logged first (consult completed)', async () => {
        const h = harness();
        await h.outbox.enqueue(endedCall('parent'), { awaitWrapUp: false });
        await h.settle();
        await h.outbox.enqueue(endedCall('consult', { consultOf: 'parent' }), {
            awaitWrapUp: false
        });
        await h.settle();

        const parent = h.salesforce.phoneCallByProviderId('parent');
        expect(h.salesforce.phoneCallByProviderId('consult')?.fields.Parent_Call__c).toBe(
            parent?.id
        );
        expect(h.outbox.snapshot()).toEqual([]);
    });

    it('links afterwards when the consult call ended first (consult cancelled)', async () => {
        const h = harness();
        // The parent is still live: its log is not in the outbox yet.
        await h.outbox.enqueue(endedCall('consult', { consultOf: 'parent' }), {
            awaitWrapUp: false
        });
        await h.settle();
        expect(
            h.salesforce.phoneCallByProviderId('consult')?.fields.Parent_Call__c
        ).toBeUndefined();
        // Nothing to wait for: the parent's log is not known to this outbox yet.
        expect(h.outbox.snapshot()).toEqual([]);

        await h.outbox.enqueue(endedCall('parent'), { awaitWrapUp: false });
        await h.settle();

        const parent = h.salesforce.phoneCallByProviderId('parent');
        expect(h.salesforce.phoneCallByProviderId('consult')?.fields.Parent_Call__c).toBe(
            parent?.id
        );
        expect(h.salesforce.calls.at(-1)).toEqual({
            Id: h.salesforce.phoneCallByProviderId('consult')?.id,
            Parent_Call__c: parent?.id
        });
        expect(h.outbox.snapshot()).toEqual([]);
    });

    it('waits for a parent still in the outbox, then writes the link', async () => {
        const h = harness();
        h.salesforce.failWith = (value) =>
            value.Provider_Call_Id__c === 'parent' ? 'before' : undefined;
        await h.outbox.enqueue(endedCall('parent'), { awaitWrapUp: false });
        await h.outbox.enqueue(endedCall('consult', { consultOf: 'parent' }), {
            awaitWrapUp: false
        });
        await h.settle();
        expect(h.salesforce.phoneCallByProviderId('consult')).toBeDefined();
        expect(h.outbox.snapshot().map((entry) => entry.callId)).toEqual(['parent', 'consult']);

        h.salesforce.failWith = () => undefined;
        await h.advance(60_000);

        const parent = h.salesforce.phoneCallByProviderId('parent');
        expect(h.salesforce.phoneCallByProviderId('consult')?.fields.Parent_Call__c).toBe(
            parent?.id
        );
        expect(h.outbox.snapshot()).toEqual([]);
    });
});
