import type { PersonRecord } from './test-support/fake-salesforce-host';
import { answerCall, createAppHarness, MARIA, type AppHarness } from './test-support/app-harness';

const T0 = Date.UTC(2025, 2, 3, 15, 30, 0);
const UNKNOWN = '+12125550199';
const NEW_CONTACT = {
    recordId: '003000000000000099',
    objectType: 'Contact',
    recordName: 'Jo Blake'
};
const OTHER_CONTACT = {
    recordId: '003000000000000077',
    objectType: 'Contact',
    recordName: 'Al Park'
};
const ACME = { recordId: '001000000000000001', objectType: 'Account', recordName: 'Acme' };
const SARAH: PersonRecord = {
    Id: '003000000000000011',
    Name: 'Sarah Miller',
    RecordType: 'Contact',
    Phone: '+15105550121',
    DoNotCall: false
};
const KEVIN: PersonRecord = { ...SARAH, Id: '003000000000000012', Name: 'Kevin Miller' };

beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
});

afterEach(() => {
    jest.useRealTimers();
});

async function answer(harness: AppHarness, callId: string): Promise<void> {
    await answerCall(harness, callId);
    await harness.settle();
}

async function hangUp(harness: AppHarness, callId: string): Promise<void> {
    const hanging = harness.controls.hangup(callId);
    await harness.advance(200);
    await expect(hanging).resolves.toEqual({ ok: true });
    await harness.settle();
}

/** What Salesforce's onNavigationChange sends when the agent is on a record. */
function on(record: { recordId: string; objectType: string; recordName?: string }) {
    return {
        url: `https://example.lightning.force.com/lightning/r/${record.recordId}/view`,
        ...record
    };
}

function loggedTo(harness: AppHarness) {
    return harness.view().calls[0]?.loggedTo;
}

describe('SoftphoneApp: the record a call is logged to', () => {
    it('relates the Contact the agent saves from the new-record form, and logs the call to it', async () => {
        const harness = createAppHarness();
        await harness.start();
        harness.app.navigated(on(OTHER_CONTACT));
        const callId = await harness.ring(UNKNOWN);
        await answer(harness, callId);
        expect(harness.host.pops.map((pop) => pop.type)).toEqual(['NEW_RECORD_MODAL']);

        // The form is a page without a record; Save lands on the new Contact.
        harness.app.navigated({
            url: 'https://example.lightning.force.com/lightning/o/Contact/new'
        });
        harness.app.navigated(on(NEW_CONTACT));

        expect(harness.engine.getCall(callId)?.related).toEqual(NEW_CONTACT);
        expect(loggedTo(harness)).toEqual({
            current: { recordId: NEW_CONTACT.recordId, label: 'Jo Blake (Contact)' },
            options: [{ recordId: NEW_CONTACT.recordId, label: 'Jo Blake (Contact)' }]
        });
        await hangUp(harness, callId);
        expect(harness.host.recordsOf('Phone_Call__c')[0]?.fields).toMatchObject({
            Contact__c: NEW_CONTACT.recordId,
            Related_Record_Id__c: NEW_CONTACT.recordId
        });
    });

    it('does not relate the page under a cancelled form, nor a page refresh', async () => {
        const harness = createAppHarness();
        await harness.start();
        harness.app.navigated(on(OTHER_CONTACT));
        const callId = await harness.ring(UNKNOWN);
        await answer(harness, callId);
        harness.app.navigated({
            url: 'https://example.lightning.force.com/lightning/o/Contact/new'
        });
        // Cancel: back to the Contact that was on screen.
        harness.app.navigated(on(OTHER_CONTACT));
        harness.app.navigated(on(OTHER_CONTACT));

        expect(harness.engine.getCall(callId)?.related).toBeUndefined();
        expect(loggedTo(harness)).toEqual({
            options: [{ recordId: OTHER_CONTACT.recordId, label: 'Al Park (Contact)' }]
        });
    });

    it('relates the Contact the agent opens from the search page of two matches', async () => {
        const harness = createAppHarness({ people: [SARAH, KEVIN] });
        await harness.start();
        const callId = await harness.ring('+15105550121');
        expect(harness.host.pops.map((pop) => pop.type)).toEqual(['SEARCH']);
        await answer(harness, callId);
        expect(loggedTo(harness)?.options.map((option) => option.label)).toEqual([
            'Sarah Miller (Contact)',
            'Kevin Miller (Contact)'
        ]);

        harness.app.navigated(on({ recordId: KEVIN.Id, objectType: 'Contact' }));
        expect(harness.engine.getCall(callId)?.related?.recordId).toBe(KEVIN.Id);
        // Another record opened later is offered, not taken.
        harness.app.navigated(on(ACME));
        expect(harness.engine.getCall(callId)?.related?.recordId).toBe(KEVIN.Id);
        expect(loggedTo(harness)?.options.map((option) => option.label)).toEqual([
            'Sarah Miller (Contact)',
            'Kevin Miller (Contact)',
            'Acme (Account)'
        ]);
    });

    it('lets the agent log a live call to another record seen, and refuses one never seen', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await harness.ring(MARIA.Phone);
        await answer(harness, callId);
        harness.app.navigated(on(ACME));
        expect(harness.engine.getCall(callId)?.related?.recordId).toBe(MARIA.Id);

        harness.app.relateCall(callId, ACME.recordId);
        expect(harness.engine.getCall(callId)?.related).toEqual(ACME);
        harness.app.relateCall(callId, '001000000000000999');
        expect(harness.view().errors.map((error) => error.message)).toEqual([
            'That record was not seen during this call: choose one listed.'
        ]);
        expect(harness.engine.getCall(callId)?.related).toEqual(ACME);
    });

    it('moves the saved log when the agent changes the record in wrap-up', async () => {
        const harness = createAppHarness({ wrapUp: { afterCallWorkSeconds: 60 } });
        await harness.start();
        const { lms } = await harness.attachLms();
        const callId = await harness.ring(MARIA.Phone);
        await answer(harness, callId);
        await hangUp(harness, callId);
        expect(harness.view().wrapUp?.loggedTo?.current?.recordId).toBe(MARIA.Id);
        const [log] = harness.host.recordsOf('Phone_Call__c');
        expect(log?.fields.Contact__c).toBe(MARIA.Id);

        harness.app.navigated(on(ACME));
        harness.app.relateCall(callId, ACME.recordId);
        await harness.settle();

        expect(harness.view().wrapUp?.loggedTo?.current).toEqual({
            recordId: ACME.recordId,
            label: 'Acme (Account)'
        });
        expect(log?.fields).toMatchObject({ Contact__c: null, Account__c: ACME.recordId });
        // The LWCs hear the call move: callLogged names the Account after the Contact.
        expect(lms.payloadsOf('callLogged').map((payload) => payload.relatedRecordId)).toEqual([
            MARIA.Id,
            ACME.recordId
        ]);
    });

    it('shows a move the outbox refuses', async () => {
        const harness = createAppHarness({ wrapUp: { afterCallWorkSeconds: 60 } });
        await harness.start();
        const callId = await harness.ring(MARIA.Phone);
        await answer(harness, callId);
        await hangUp(harness, callId);
        harness.app.navigated(on({ recordId: 'a0X000000000001', objectType: 'Thing__c' }));
        jest.spyOn(harness.outbox, 'setRelatedRecord').mockRejectedValueOnce(new Error('full'));
        harness.app.relateCall(callId, 'a0X000000000001');
        await harness.settle();
        expect(harness.view().errors.map((error) => error.message)).toEqual([
            'The call log could not be moved to a0X000000000001: full'
        ]);
    });

    it('ignores navigation without a call, and payloads Salesforce should not send', async () => {
        const harness = createAppHarness();
        await harness.start();
        harness.app.navigated(on(ACME));
        harness.app.navigated({ recordId: 42 });
        harness.app.navigated(undefined);
        expect(harness.view().errors).toEqual([]);
        const callId = await harness.ring(MARIA.Phone);
        await answer(harness, callId);
        expect(loggedTo(harness)?.options.map((option) => option.recordId)).toEqual([MARIA.Id]);
    });

    it('pops a new-record form at once when the call was answered before the search ended', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = harness.simulator.simulateIncoming({ from: UNKNOWN });
        // Answer while the three searches are still running.
        const answering = harness.controls.answer(callId);
        await harness.advance(200);
        await answering;
        await harness.settle();
        expect(harness.host.pops.map((pop) => pop.type)).toEqual(['NEW_RECORD_MODAL']);
    });

    it('never pops the form of a call declined while it rang', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await harness.ring(UNKNOWN);
        const declining = harness.controls.decline(callId);
        await harness.advance(200);
        await declining;
        expect(harness.host.pops).toEqual([]);
    });
});
