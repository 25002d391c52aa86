import { createAppHarness, type AppHarness } from './test-support/app-harness';
import { dispositionRequiredMessage, type WrapUpSettings } from './wrap-up-controller';

const T0 = Date.UTC(2025, 2, 3, 15, 30, 0);

beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
});

afterEach(() => {
    jest.useRealTimers();
});

async function started(wrapUp: Partial<WrapUpSettings> = {}): Promise<AppHarness> {
    const harness = createAppHarness({ wrapUp });
    await harness.start();
    return harness;
}

/** Runs a control while the simulator confirms it (100 ms per request). */
async function run<T>(harness: AppHarness, pending: Promise<T>, ms = 200): Promise<T> {
    await harness.advance(ms);
    return pending;
}

/** Maria's call connected, and Daniel ringing as a waiting call. */
async function connectedWithWaiting(harness: AppHarness) {
    const maria = await harness.ring('+14155550101');
    await run(harness, harness.controls.answer(maria));
    const daniel = await harness.ring('+14155550105');
    return { maria, daniel };
}

function states(harness: AppHarness): Record<string, string> {
    return Object.fromEntries(harness.engine.snapshot().calls.map((call) => [call.id, call.state]));
}

describe('CallControls.answer', () => {
    it('holds the connected call before answering the waiting one', async () => {
        const harness = await started();
        const { maria, daniel } = await connectedWithWaiting(harness);
        const hold = jest.spyOn(harness.simulator, 'hold');
        const answer = jest.spyOn(harness.simulator, 'answer');

        await expect(run(harness, harness.controls.answer(daniel))).resolves.toEqual({
            ok: true
        });

        expect(hold).toHaveBeenCalledWith(maria);
        expect(answer).toHaveBeenCalledWith(daniel);
        expect(hold.mock.invocationCallOrder[0]).toBeLessThan(
            answer.mock.invocationCallOrder[0] ?? 0
        );
        expect(states(harness)).toEqual({ [maria]: 'held', [daniel]: 'connected' });
    });

    it('answers the ringing call when no call id is given', async () => {
        const harness = await started();
        const callId = await harness.ring('+14155550101');

        await expect(run(harness, harness.controls.answer())).resolves.toEqual({ ok: true });

        expect(states(harness)).toEqual({ [callId]: 'connected' });
    });

    it('says so when nothing rings', async () => {
        const harness = await started();

        await expect(harness.controls.answer()).resolves.toEqual({
            ok: false,
            code: 'no-such-call',
            message: 'There is no ringing call to answer.'
        });
    });

    it('does not answer when the connected call cannot be held', async () => {
        const harness = await started();
        const { maria, daniel } = await connectedWithWaiting(harness);
        // A hold already on its way: the engine refuses a second one.
        const holding = harness.controls.hold(maria);

        await expect(harness.controls.answer(daniel)).resolves.toEqual({
            ok: false,
            code: 'in-progress',
            message: 'Wait until the phone system confirms your last request on this call.'
        });
        await run(harness, holding);
        expect(states(harness)).toEqual({ [maria]: 'held', [daniel]: 'ringing' });
    });
});

describe('CallControls.resume', () => {
    it('holds the other connected call before resuming the held one', async () => {
        const harness = await started();
        const { maria, daniel } = await connectedWithWaiting(harness);
        await run(harness, harness.controls.answer(daniel));
        const hold = jest.spyOn(harness.simulator, 'hold');
        const resume = jest.spyOn(harness.simulator, 'resume');

        await expect(run(harness, harness.controls.resume())).resolves.toEqual({ ok: true });

        expect(hold).toHaveBeenCalledWith(daniel);
        expect(resume).toHaveBeenCalledWith(maria);
        expect(hold.mock.invocationCallOrder[0]).toBeLessThan(
            resume.mock.invocationCallOrder[0] ?? 0
        );
        expect(states(harness)).toEqual({ [maria]: 'connected', [daniel]: 'held' });
    });

    it('resumes a held call when nothing else is connected', async () => {
        const harness = await started();
        const callId = await harness.ring('+14155550101');
        await run(harness, harness.controls.answer(callId));
        await run(harness, harness.controls.hold());
        const hold = jest.spyOn(harness.simulator, 'hold');

        await expect(run(harness, harness.controls.resume(callId))).resolves.toEqual({
            ok: true
        });

        expect(hold).not.toHaveBeenCalled();
        expect(states(harness)).toEqual({ [callId]: 'connected' });
    });

    it('says so when no call is held', async () => {
        const harness = await started();

        await expect(harness.controls.resume()).resolves.toEqual({
            ok: false,
            code: 'no-such-call',
            message: 'There is no held call to resume.'
        });
    });
});

describe('CallControls on the active call', () => {
    it('holds, mutes and hangs up the active call when no call id is given', async () => {
        const harness = await started();
        const callId = await harness.ring('+14155550101');
        await run(harness, harness.controls.answer());

        await expect(harness.controls.mute(true)).resolves.toEqual({ ok: true });
        expect(harness.engine.getCall(callId)?.muted).toBe(true);
        await expect(run(harness, harness.controls.hold())).resolves.toEqual({ ok: true });
        expect(states(harness)).toEqual({ [callId]: 'held' });
        await expect(run(harness, harness.controls.hangup())).resolves.toEqual({ ok: true });
        expect(harness.engine.snapshot().calls).toEqual([]);
    });

    it('refuses to act when there is no call', async () => {
        const harness = await started();
        const none = {
            ok: false,
            code: 'no-such-call',
            message: 'There is no call in progress.'
        };

        await expect(harness.controls.hangup()).resolves.toEqual(none);
        await expect(harness.controls.hold()).resolves.toEqual(none);
        await expect(harness.controls.mute(true)).resolves.toEqual(none);
    });
});

describe('CallControls errors', () => {
    it("returns the engine's refusal as { ok: false, code, message }", async () => {
        const harness = await started();
        const callId = await harness.ring('+14155550101');

        await expect(harness.controls.hold(callId)).resolves.toEqual({
            ok: false,
            code: 'invalid-state',
            message: 'Only a connected call can be held (this call: Inbound call, Ringing)'
        });
        await expect(harness.controls.hangup(callId)).resolves.toEqual({
            ok: false,
            code: 'invalid-state',
            message: 'A ringing call has not been answered: decline it instead of hanging up.'
        });
        await expect(harness.controls.decline('sim-404')).resolves.toEqual({
            ok: false,
            code: 'no-such-call',
            message: 'There is no live call with id sim-404.'
        });
    });

    it('refuses tones that cannot be sent', async () => {
        const harness = await started();
        const callId = await harness.ring('+14155550101');
        await run(harness, harness.controls.answer(callId));

        await expect(harness.controls.sendDtmf(callId, '12x')).resolves.toEqual({
            ok: false,
            code: 'invalid-argument',
            message: '"12x" cannot be sent as tones: use only 0-9, *, # and A-D.'
        });
        await expect(harness.controls.sendDtmf(callId, '12#')).resolves.toEqual({ ok: true });
        expect(harness.simulator.sentDigits(callId)).toBe('12#');
    });

    it("returns the dialer's refusal and a plain ok for a dial", async () => {
        const harness = await started();

        await expect(harness.controls.dial('')).resolves.toEqual({
            ok: false,
            code: 'invalid-number',
            message: 'Enter a phone number to call.'
        });
        await expect(harness.controls.dial('(415) 555-1234')).resolves.toEqual({ ok: true });
        expect(harness.engine.snapshot().calls).toEqual([
            expect.objectContaining({ direction: 'Outbound', to: '+14155551234' })
        ]);
    });
});

describe('CallControls.setDisposition', () => {
    async function workedCall(harness: AppHarness): Promise<string> {
        const callId = await harness.ring('+14155550101');
        await run(harness, harness.controls.answer(callId));
        await run(harness, harness.controls.hangup(callId));
        return callId;
    }

    it('saves through the open wrap-up form', async () => {
        const harness = await started();
        const callId = await workedCall(harness);

        await expect(
            harness.controls.setDisposition(callId, 'Resolved', 'Sent the invoice')
        ).resolves.toEqual({ ok: true });
        await harness.settle();

        expect(harness.app.wrapUp.current).toMatchObject({
            callId,
            disposition: 'Resolved',
            notes: 'Sent the invoice',
            saved: { disposition: 'Resolved', notes: 'Sent the invoice' }
        });
        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: 'Resolved',
            Notes__c: 'Sent the invoice'
        });
    });

    it("keeps the form's notes when none are given", async () => {
        const harness = await started();
        const callId = await workedCall(harness);
        await harness.app.wrapUp.save(callId, { disposition: 'Resolved', notes: 'Call back' });

        await harness.controls.setDisposition(callId, 'Callback Requested');
        await harness.settle();

        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: 'Callback Requested',
            Notes__c: 'Call back'
        });
    });

    it("reports the form's refusal", async () => {
        const harness = await started({ dispositionRequired: true });
        const callId = await workedCall(harness);

        await expect(harness.controls.setDisposition(callId, '')).resolves.toEqual({
            ok: false,
            code: 'wrap-up-failed',
            message: dispositionRequiredMessage()
        });
    });

    it('goes straight to the call log when no wrap-up is open for the call', async () => {
        const harness = await started();
        const missed = await harness.ring('+14155550101');
        await harness.advance(30_000);

        await expect(
            harness.controls.setDisposition(missed, 'Callback Requested', 'Missed, call back')
        ).resolves.toEqual({ ok: true });
        await harness.settle();

        expect(harness.app.wrapUp.current).toBeUndefined();
        expect(harness.host.phoneCallByProviderId(missed)?.fields).toMatchObject({
            Outcome__c: 'Missed',
            Disposition__c: 'Callback Requested',
            Notes__c: 'Missed, call back'
        });
    });

    it('reports a call the log does not know', async () => {
        const harness = await started();

        await expect(harness.controls.setDisposition('sim-404', 'Resolved')).resolves.toEqual({
            ok: false,
            code: 'wrap-up-failed',
            message: 'No call log is known for call sim-404.'
        });
    });
});
