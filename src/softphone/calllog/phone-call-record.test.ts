import { durationSeconds, toPhoneCallRecord, toWrapUpUpdate } from './phone-call-record';
import { AGENT_ID, CONTACT_ID, endedCall, START } from './test-support/outbox-fixtures';

const inbound = endedCall('prov-1', { answeredAt: START + 5_000, endedAt: START + 47_400 });

describe('toPhoneCallRecord', () => {
    it('maps an answered inbound call with a contact', () => {
        expect(
            toPhoneCallRecord(inbound, {
                agentUserId: AGENT_ID,
                queue: 'Support',
                recordingUrl: 'https://rec.example.com/1'
            })
        ).toEqual({
            entityApiName: 'Phone_Call__c',
            Provider_Call_Id__c: 'prov-1',
            Direction__c: 'Inbound',
            From_Number__c: '+14155550100',
            To_Number__c: '+14155550199',
            Started__c: '2026-01-15T12:00:00.000Z',
            Answered__c: '2026-01-15T12:00:05.000Z',
            Ended__c: '2026-01-15T12:00:47.400Z',
            Duration_Seconds__c: 42,
            Outcome__c: 'Connected',
            Related_Record_Id__c: CONTACT_ID,
            Contact__c: CONTACT_ID,
            Agent__c: AGENT_ID,
            Queue__c: 'Support',
            Recording_URL__c: 'https://rec.example.com/1'
        });
    });

    it.each([
        ['Contact', 'Contact__c'],
        ['Lead', 'Lead__c'],
        ['Account', 'Account__c'],
        ['Case', 'Case__c']
    ])('sets the %s lookup', (objectType, field) => {
        const record = toPhoneCallRecord({
            ...inbound,
            related: { recordId: CONTACT_ID, objectType }
        }) as unknown as Record<string, unknown>;
        expect(record[field]).toBe(CONTACT_ID);
        const lookups = ['Contact__c', 'Lead__c', 'Account__c', 'Case__c'].filter(
            (name) => record[name] !== undefined
        );
        expect(lookups).toEqual([field]);
    });

    it('keeps only the related Id for objects without a lookup, and drops a bad Id', () => {
        const opportunity = toPhoneCallRecord({
            ...inbound,
            related: { recordId: '0065g00000OpPoRAAA', objectType: 'Opportunity' }
        });
        expect(opportunity.Related_Record_Id__c).toBe('0065g00000OpPoRAAA');
        expect(opportunity.Contact__c).toBeUndefined();
        const bad = toPhoneCallRecord({
            ...inbound,
            related: { recordId: 'javascript:alert(1)', objectType: 'Contact' }
        });
        expect(bad.Related_Record_Id__c).toBeUndefined();
        expect(bad.Contact__c).toBeUndefined();
    });

    it('logs an unanswered outbound call with duration 0 and no answer time', () => {
        const record = toPhoneCallRecord({
            id: 'prov-2',
            direction: 'Outbound',
            from: '',
            to: '+442071838750',
            state: 'ended',
            startedAt: START,
            endedAt: START + 30_000,
            outcome: 'No Answer',
            muted: false
        });
        expect(record.Duration_Seconds__c).toBe(0);
        expect(record.Answered__c).toBeUndefined();
        expect(record.From_Number__c).toBeUndefined();
        expect(record.Outcome__c).toBe('No Answer');
        expect(record.Agent__c).toBeUndefined();
    });

    it('clips numbers to the Phone field length and never throws on bad times', () => {
        const record = toPhoneCallRecord({
            ...inbound,
            from: `sip:${'1'.repeat(100)}@pbx.example.com`,
            startedAt: Number.NaN,
            endedAt: Number.NaN
        });
        expect(record.From_Number__c).toHaveLength(40);
        expect(record.Started__c).toBeUndefined();
        expect(record.Duration_Seconds__c).toBe(0);
    });

    it('computes talk time from answered to ended', () => {
        expect(durationSeconds(inbound)).toBe(42);
        expect(durationSeconds({ ...inbound, endedAt: undefined })).toBe(0);
        expect(durationSeconds({ ...inbound, answeredAt: undefined })).toBe(0);
    });
});

describe('wrap-up values and the Task mirror request', () => {
    it('builds the wrap-up update', () => {
        expect(toWrapUpUpdate('a01000000000000001', { disposition: 'Sale', notes: 'n' })).toEqual({
            Id: 'a01000000000000001',
            Disposition__c: 'Sale',
            Notes__c: 'n'
        });
        expect(toWrapUpUpdate('a01000000000000001', { disposition: 'Sale' })).not.toHaveProperty(
            'Notes__c'
        );
    });

    it('asks the Task mirror flow for a Task with Mirror_To_Task__c, only when told', () => {
        expect(toPhoneCallRecord(inbound, { mirrorToTask: true }).Mirror_To_Task__c).toBe(true);
        expect(toPhoneCallRecord(inbound)).not.toHaveProperty('Mirror_To_Task__c');
        expect(toPhoneCallRecord(inbound, { mirrorToTask: false })).not.toHaveProperty(
            'Mirror_To_Task__c'
        );
    });
});
