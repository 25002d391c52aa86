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
