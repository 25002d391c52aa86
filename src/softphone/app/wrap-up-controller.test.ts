import { createAppHarness, type AppHarness } from './test-support/app-harness';
import type { WrapUpSettings } from './wrap-up-controller';
import { DISPOSITION_REQUIRED_MESSAGE } from './wrap-up-controller';

const T0 = Date.UTC(2025, 2, 3, 15, 30, 0);

beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
});

afterEach(() => {
    jest.useRealTimers();
});

/** A softphone whose agent has just finished a 20 s call with Maria: in after-call work. */
async function inAfterCallWork(
    settings: Partial<WrapUpSettings> = {}
): Promise<{ harness: AppHarness; callId: string }> {
    const harness = createAppHarness({ wrapUp: settings });
    await harness.start();
    const callId = await harness.ring('+14155550101');
    const answering = harness.controls.answer(callId);
    await harness.advance(100);
    await answering;
    await harness.advance(20_000);
    const hangingUp = harness.controls.hangup(callId);
    await harness.advance(100);
    await hangingUp;
    expect(harness.engine.snapshot().agentState).toBe('AfterCallWork');
    expect(harness.app.wrapUp.current?.callId).toBe(callId);
    return { harness, callId };
}

describe('WrapUpController.save', () => {
    it('refuses a missing required disposition and writes nothing', async () => {
        const { harness, callId } = await inAfterCallWork({ dispositionRequired: true });

        const saved = await harness.app.wrapUp.save(callId, { disposition: '  ', notes: 'x' });
        await harness.settle();

        expect(saved).toBe(false);
        expect(harness.view().wrapUp).toMatchObject({
            error: DISPOSITION_REQUIRED_MESSAGE,
            dispositionRequired: true,
            saving: false
        });
        expect(harness.app.wrapUp.current?.saved).toBe(false);
        expect(harness.host.calls).toHaveLength(1);
    });

    it('saves disposition and notes onto the call log', async () => {
        const { harness, callId } = await inAfterCallWork({ dispositionRequired: true });

        const saving = harness.app.wrapUp.save(callId, {
            disposition: 'Resolved',
            notes: 'Wants a callback on Friday'
        });
        expect(harness.view().wrapUp).toMatchObject({ saving: true, disposition: 'Resolved' });
        await expect(saving).resolves.toBe(true);
        await harness.settle();

        expect(harness.app.wrapUp.current).toMatchObject({
            callId,
            disposition: 'Resolved',
            notes: 'Wants a callback on Friday',
            saving: false,
            saved: true
        });
        expect(harness.view().wrapUp).not.toHaveProperty('error');
        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: 'Resolved',
            Notes__c: 'Wants a callback on Friday'
        });
        expect(harness.host.recordsOf('Phone_Call__c')).toHaveLength(1);
    });

    it('saves an empty disposition when none is required', async () => {
        const { harness, callId } = await inAfterCallWork();

        await expect(
            harness.app.wrapUp.save(callId, { disposition: '', notes: 'Left a message' })
        ).resolves.toBe(true);
        await harness.settle();

        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: '',
            Notes__c: 'Left a message'
        });
    });

    it('clears an earlier error once a save succeeds', async () => {
        const { harness, callId } = await inAfterCallWork({ dispositionRequired: true });
        await harness.app.wrapUp.save(callId, { disposition: '', notes: '' });

        await harness.app.wrapUp.save(callId, { disposition: 'Resolved', notes: '' });

        expect(harness.view().wrapUp).not.toHaveProperty('error');
    });

    it("shows the call log's refusal and does not count the wrap-up as saved", async () => {
        const { harness, callId } = await inAfterCallWork();

        const saved = await harness.app.wrapUp.save(callId, {
            disposition: 'Resolved',
            notes: 'n'.repeat(32_769)
        });

        expect(saved).toBe(false);
        expect(harness.view().wrapUp).toMatchObject({
            error: 'The notes are too long (32769 characters; at most 32768).',
            saving: false
        });
        expect(harness.app.wrapUp.current?.saved).toBe(false);
    });
});

describe('WrapUpController.complete', () => {
    it('is refused while a required disposition is missing', async () => {
        const { harness } = await inAfterCallWork({ dispositionRequired: true });

        expect(harness.app.wrapUp.complete()).toBe(false);

        expect(harness.view().agentState).toBe('AfterCallWork');
        expect(harness.view().wrapUp?.error).toBe(DISPOSITION_REQUIRED_MESSAGE);
    });

    it('makes the agent Available once the required disposition is saved', async () => {
        const { harness, callId } = await inAfterCallWork({ dispositionRequired: true });
        await harness.app.wrapUp.save(callId, { disposition: 'Resolved', notes: '' });

        expect(harness.app.wrapUp.complete()).toBe(true);
        await harness.settle();

        expect(harness.view().agentState).toBe('Available');
        expect(harness.view().wrapUp).toBeUndefined();
        expect(harness.outbox.snapshot()).toEqual([]);
    });

    it('without a required disposition, completes and lets the log go without one', async () => {
        const { harness, callId } = await inAfterCallWork();

        expect(harness.app.wrapUp.complete()).toBe(true);
        await harness.settle();

        expect(harness.view().agentState).toBe('Available');
        expect(harness.outbox.snapshot()).toEqual([]);
        expect(harness.host.phoneCallByProviderId(callId)?.fields).not.toHaveProperty(
            'Disposition__c'
        );
    });

    it('with no wrap-up open, answers what the engine says', async () => {
        const harness = createAppHarness();
        await harness.start();

        expect(harness.app.wrapUp.complete()).toBe(false);
        expect(harness.view().agentState).toBe('Available');
    });
});

describe('WrapUpController countdown', () => {
    it('shows when after-call work ends and completes it then', async () => {
        const { harness } = await inAfterCallWork({ afterCallWorkSeconds: 30 });
        const endsAt = harness.clock.now() + 30_000;

        expect(harness.view().wrapUp?.endsAt).toBe(endsAt);
        await harness.advance(29_999);
        expect(harness.view().agentState).toBe('AfterCallWork');

        await harness.advance(1);

        expect(harness.view().agentState).toBe('Available');
        expect(harness.view().wrapUp).toBeUndefined();
        expect(harness.outbox.snapshot()).toEqual([]);
    });

    it('with no countdown, waits for the agent', async () => {
        const { harness } = await inAfterCallWork({ afterCallWorkSeconds: 0 });

        expect(harness.view().wrapUp).not.toHaveProperty('endsAt');
        await harness.advance(600_000);

        expect(harness.view().agentState).toBe('AfterCallWork');
    });

    it('keeps the agent in after-call work past the countdown while a required disposition is missing', async () => {
        const { harness, callId } = await inAfterCallWork({
            afterCallWorkSeconds: 30,
            dispositionRequired: true
        });

        await harness.advance(30_000);

        expect(harness.view().agentState).toBe('AfterCallWork');
        expect(harness.view().wrapUp).toMatchObject({
            callId,
            error: DISPOSITION_REQUIRED_MESSAGE
        });
        expect(harness.view().wrapUp).not.toHaveProperty('endsAt');

        await harness.app.wrapUp.save(callId, { disposition: 'Resolved', notes: '' });
        expect(harness.app.wrapUp.complete()).toBe(true);
        expect(harness.view().agentState).toBe('Available');
    });

    it('completes at the end of the countdown once the required disposition is saved', async () => {
        const { harness, callId } = await inAfterCallWork({
            afterCallWorkSeconds: 30,
            dispositionRequired: true
        });
        await harness.app.wrapUp.save(callId, { disposition: 'Resolved', notes: '' });

        await harness.advance(30_000);

        expect(harness.view().agentState).toBe('Available');
    });

    it('stops when the agent completes early', async () => {
        const { harness } = await inAfterCallWork({ afterCallWorkSeconds: 30 });
        harness.app.wrapUp.complete();
        harness.app.setAgentState('Break');

        await harness.advance(30_000);

        expect(harness.view().agentState).toBe('Break');
    });
});

describe('WrapUpController.finish', () => {
    it("closes the form and the log's wrap-up window when nothing was saved", async () => {
        const { harness, callId } = await inAfterCallWork();

        harness.app.wrapUp.finish();
        await harness.settle();

        expect(harness.app.store.state.wrapUp).toBeUndefined();
        expect(harness.outbox.snapshot()).toEqual([]);
        expect(harness.host.phoneCallByProviderId(callId)).toBeDefined();
        // It leaves the agent state alone.
        expect(harness.engine.snapshot().agentState).toBe('AfterCallWork');
    });

    it('runs when the agent leaves after-call work by picking another state', async () => {
        const { harness } = await inAfterCallWork({ afterCallWorkSeconds: 30 });

        harness.app.setAgentState('Break');
        await harness.settle();

        expect(harness.view().agentState).toBe('Break');
        expect(harness.view().wrapUp).toBeUndefined();
        expect(harness.outbox.snapshot()).toEqual([]);
        await harness.advance(30_000);
        expect(harness.view().agentState).toBe('Break');
    });
});
