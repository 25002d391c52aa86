import { answerCall, createAppHarness } from './test-support/app-harness';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('SoftphoneApp: transfer and conference', () => {
    it('tells the LWCs how a blind transfer goes and that the call ended Transferred', async () => {
        const harness = createAppHarness();
        await harness.start();
        const { lms, errors } = await harness.attachLms();
        const callId = await harness.ring('+14155550101');
        await answerCall(harness, callId);

        const transfer = harness.controls.transfer('+14155551234', 'blind');
        await harness.advance(2000);
        await expect(transfer).resolves.toEqual({ ok: true });

        expect(lms.payloadsOf('transferUpdate').map((payload) => payload.progress)).toEqual([
            'requested',
            'trying',
            'ringing',
            'accepted'
        ]);
        expect(lms.payloadsOf('callEnded')).toEqual([
            expect.objectContaining({ outcome: 'Transferred' })
        ]);
        expect(errors).toEqual([]);
    });

    it('tells the LWCs the size of the conference, and when it is over', async () => {
        const harness = createAppHarness();
        await harness.start();
        const { lms } = await harness.attachLms();
        const callId = await harness.ring('+14155550101');
        await answerCall(harness, callId);
        const consult = harness.controls.transfer('+14155551234', 'consult');
        await harness.advance(2000);
        await expect(consult).resolves.toEqual({ ok: true });
        expect(harness.view().calls.map((call) => call.handover?.live ?? false)).toEqual([
            false,
            true
        ]);

        const merge = harness.controls.merge();
        await harness.advance(200);
        await expect(merge).resolves.toEqual({ ok: true });
        expect(harness.view().conference).toEqual({ parties: 3 });
        const consultId = harness.view().calls[1]?.callId ?? '';
        const drop = harness.controls.dropParty(consultId);
        await harness.advance(200);
        await expect(drop).resolves.toEqual({ ok: true });

        expect(lms.payloadsOf('conferenceUpdate')).toEqual([{ parties: 3 }, { parties: 0 }]);
        expect(harness.view().conference).toBeUndefined();
    });

    it('swaps two calls and cancels a consult', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await harness.ring('+14155550101');
        await answerCall(harness, callId);
        const consult = harness.controls.transfer('+14155551234', 'consult');
        await harness.advance(2000);
        await consult;
        const swap = harness.controls.swap();
        await harness.advance(300);
        await expect(swap).resolves.toEqual({ ok: true });
        expect(harness.view().calls.map((call) => call.state)).toEqual(['connected', 'held']);
        await expect(harness.controls.completeConsult()).resolves.toMatchObject({ ok: false });
        const back = harness.controls.swap();
        await harness.advance(300);
        await back;
        const cancel = harness.controls.cancelConsult();
        await harness.advance(300);
        await expect(cancel).resolves.toEqual({ ok: true });
        expect(harness.view().calls.map((call) => call.state)).toEqual(['connected']);
    });
});

describe('SoftphoneApp: the wrap-up after a consult', () => {
    it("is about the customer's call when the consult is completed into a transfer", async () => {
        const harness = createAppHarness({ wrapUp: { afterCallWorkSeconds: 60 } });
        await harness.start();
        const callId = await harness.ring('+14155550101');
        await answerCall(harness, callId);
        const consult = harness.controls.transfer('+14155551234', 'consult');
        await harness.advance(2000);
        await expect(consult).resolves.toEqual({ ok: true });
        const consultId = harness.view().calls[1]?.callId;

        const complete = harness.controls.completeConsult();
        await harness.advance(2000);
        await expect(complete).resolves.toEqual({ ok: true });

        expect(consultId).toBeDefined();
        expect(harness.app.wrapUp.current?.callId).toBe(callId);
        await harness.app.wrapUp.save(callId, { disposition: 'Resolved', notes: 'Handed over' });
        await harness.settle();
        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: 'Resolved',
            Notes__c: 'Handed over'
        });
        expect(
            harness.host.phoneCallByProviderId(consultId ?? '')?.fields.Disposition__c
        ).toBeUndefined();
    });
});

describe('SoftphoneApp: a transfer target goes through the dial rules', () => {
    it('refuses a blind transfer to a person on the Do Not Call list, the caller staying connected', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await harness.ring('+14155550101');
        await answerCall(harness, callId);

        const transfer = harness.controls.transfer('(510) 555-0121', 'blind');
        await harness.advance(2000);

        await expect(transfer).resolves.toEqual({
            ok: false,
            code: 'do-not-call',
            message: 'Olivia Grant has asked not to be called (Do Not Call)'
        });
        const [call] = harness.view().calls;
        expect(call?.state).toBe('connected');
        expect(call?.handover?.transfer).toBeUndefined();
        expect(harness.host.searches.map((search) => search.callType)).toContain('outbound');
    });

    it('refuses a consult call to a person on the Do Not Call list without holding the caller', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await harness.ring('+14155550101');
        await answerCall(harness, callId);

        const consult = harness.controls.transfer('+15105550121', 'consult', callId);
        await harness.advance(2000);

        await expect(consult).resolves.toMatchObject({ ok: false, code: 'do-not-call' });
        expect(harness.view().calls.map((call) => call.state)).toEqual(['connected']);
    });

    it('sends an extension of the dial plan as typed, and a phone number normalised', async () => {
        const harness = createAppHarness();
        await harness.start();
        const { lms } = await harness.attachLms();
        const first = await harness.ring('+14155550101');
        await answerCall(harness, first);
        const consult = harness.controls.transfer(' 2002 ', 'consult');
        await harness.advance(2000);
        await expect(consult).resolves.toEqual({ ok: true });
        expect(harness.view().calls[1]?.number).toBe('2002');
        const cancel = harness.controls.cancelConsult();
        await harness.advance(300);
        await cancel;

        const blind = harness.controls.transfer('(415) 555-1234', 'blind');
        await harness.advance(2000);
        await expect(blind).resolves.toEqual({ ok: true });
        expect(lms.payloadsOf('transferUpdate').map((payload) => payload.target)).toContain(
            '+14155551234'
        );
    });

    it('refuses a target that is neither a number nor an extension, as a dial would', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await harness.ring('+14155550101');
        await answerCall(harness, callId);

        await expect(harness.controls.transfer('front desk', 'blind')).resolves.toMatchObject({
            ok: false,
            code: 'invalid-number'
        });
        expect(harness.view().calls.map((call) => call.state)).toEqual(['connected']);
    });

    it('with Warn, transfers although the list could not be checked, and says so', async () => {
        const harness = createAppHarness({ dialPolicy: { onCheckFailure: 'Warn' } });
        await harness.start();
        const callId = await harness.ring('+14155550101');
        await answerCall(harness, callId);
        harness.host.searchError = 'search is down';

        const consult = harness.controls.transfer('+14155551234', 'consult');
        await harness.advance(2000);

        const result = await consult;
        expect(result).toMatchObject({
            ok: true,
            warning: { message: expect.stringContaining('search is down') }
        });
        const consultId = harness.view().calls[1]?.callId;
        expect(result.ok && result.warning?.callId).toBe(consultId);
    });

    it('with Block, refuses the transfer when the list could not be checked', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await harness.ring('+14155550101');
        await answerCall(harness, callId);
        harness.host.searchError = 'search is down';

        const transfer = harness.controls.transfer('+14155551234', 'blind', callId);
        await harness.advance(2000);

        await expect(transfer).resolves.toMatchObject({ ok: false, code: 'do-not-call-unchecked' });
        expect(harness.view().calls.map((call) => call.state)).toEqual(['connected']);
    });

    it("answers an LWC's transfer to a person on the Do Not Call list with the refusal", async () => {
        const harness = createAppHarness();
        await harness.start();
        const { lms } = await harness.attachLms();
        const callId = await harness.ring('+14155550101');
        await answerCall(harness, callId);

        lms.listener?.({
            version: 1,
            type: 'transfer',
            requestId: 'lwc-7',
            payload: { target: '(510) 555-0121', mode: 'blind' }
        });
        await harness.advance(2000);

        expect(lms.payloadsOf('error')).toEqual([
            expect.objectContaining({
                code: 'do-not-call',
                message: 'Olivia Grant has asked not to be called (Do Not Call)'
            })
        ]);
        expect(lms.payloadsOf('transferUpdate')).toEqual([]);
        expect(harness.view().calls.map((call) => call.state)).toEqual(['connected']);
    });

    it('says there is no call to transfer when none is live', async () => {
        const harness = createAppHarness();
        await harness.start();
        await expect(harness.controls.transfer('2002', 'blind')).resolves.toMatchObject({
            ok: false,
            code: 'no-such-call'
        });
    });
});
