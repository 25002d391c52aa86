import { createAppHarness, type AppHarness } from './test-support/app-harness';
import type { WrapUpSettings } from './wrap-up-controller';
import {
    dispositionRequiredMessage,
    TYPING_PAUSE_MS,
    dispositionRequiredFor
} from './wrap-up-controller';

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
            error: dispositionRequiredMessage(),
            dispositionRequired: true,
            saving: false
        });
        expect(harness.app.wrapUp.current?.saved).toBeUndefined();
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
            saved: { disposition: 'Resolved', notes: 'Wants a callback on Friday' },
            confirmedAt: harness.clock.now()
        });
        expect(harness.view().wrapUp).toMatchObject({ draftSaved: true });
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
        expect(harness.app.wrapUp.current?.saved).toBeUndefined();
    });
});

describe('WrapUpController.complete', () => {
    it('is refused while a required disposition is missing', async () => {
        const { harness } = await inAfterCallWork({ dispositionRequired: true });

        await expect(harness.app.wrapUp.complete()).resolves.toBe(false);

        expect(harness.view().agentState).toBe('AfterCallWork');
        expect(harness.view().wrapUp?.error).toBe(dispositionRequiredMessage());
    });

    it('makes the agent Available once the required disposition is saved', async () => {
        const { harness, callId } = await inAfterCallWork({ dispositionRequired: true });
        await harness.app.wrapUp.save(callId, { disposition: 'Resolved', notes: '' });

        await expect(harness.app.wrapUp.complete()).resolves.toBe(true);
        await harness.settle();

        expect(harness.view().agentState).toBe('Available');
        expect(harness.view().wrapUp).toBeUndefined();
        expect(harness.outbox.snapshot()).toEqual([]);
    });

    it('without a required disposition, completes and lets the log go without one', async () => {
        const { harness, callId } = await inAfterCallWork();

        await expect(harness.app.wrapUp.complete()).resolves.toBe(true);
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

        await expect(harness.app.wrapUp.complete()).resolves.toBe(false);
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
            error: dispositionRequiredMessage()
        });
        expect(harness.view().wrapUp).not.toHaveProperty('endsAt');

        await harness.app.wrapUp.save(callId, { disposition: 'Resolved', notes: '' });
        await expect(harness.app.wrapUp.complete()).resolves.toBe(true);
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
        await harness.app.wrapUp.complete();
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

describe('WrapUpController: the draft', () => {
    it('keeps what the agent picks and types as they go, before any Save', async () => {
        const { harness, callId } = await inAfterCallWork();

        harness.app.wrapUp.edit(callId, { disposition: 'Resolved', notes: 'Half a th' });

        expect(harness.view().wrapUp).toMatchObject({
            disposition: 'Resolved',
            notes: 'Half a th',
            draftSaved: false
        });
        expect(harness.view().wrapUp).not.toHaveProperty('confirmedAt');
        // Another call's edit, or one with no wrap-up open, changes nothing.
        harness.app.wrapUp.edit('other', { disposition: 'x', notes: 'y' });
        expect(harness.view().wrapUp?.notes).toBe('Half a th');
    });

    it('is saved when the countdown runs out, with no Save pressed', async () => {
        const { harness, callId } = await inAfterCallWork({ afterCallWorkSeconds: 30 });
        harness.app.wrapUp.edit(callId, { disposition: 'Follow-up Required', notes: 'Quote' });

        await harness.advance(TYPING_PAUSE_MS + 30_000);

        expect(harness.view().agentState).toBe('Available');
        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: 'Follow-up Required',
            Notes__c: 'Quote'
        });
        expect(harness.outbox.snapshot()).toEqual([]);
    });

    it('is saved when the agent presses Done with changes never saved', async () => {
        const { harness, callId } = await inAfterCallWork();
        await harness.app.wrapUp.save(callId, { disposition: 'Resolved', notes: 'First' });
        harness.app.wrapUp.edit(callId, { disposition: 'Resolved', notes: 'First, then more' });

        await expect(harness.app.wrapUp.complete()).resolves.toBe(true);
        await harness.settle();

        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: 'Resolved',
            Notes__c: 'First, then more'
        });
        expect(harness.view().agentState).toBe('Available');
    });

    it('stays in wrap-up when the log refuses the draft on Done, with the reason', async () => {
        const { harness, callId } = await inAfterCallWork();
        harness.app.wrapUp.edit(callId, { disposition: '', notes: 'n'.repeat(32_769) });

        await expect(harness.app.wrapUp.complete()).resolves.toBe(false);

        expect(harness.view().agentState).toBe('AfterCallWork');
        expect(harness.view().wrapUp?.error).toMatch(/notes are too long/);
    });

    it('keeps the log editable after a Save: its window stays open until wrap-up ends', async () => {
        const { harness, callId } = await inAfterCallWork();
        await harness.app.wrapUp.save(callId, { disposition: 'Resolved', notes: '' });
        await harness.settle();

        expect(harness.outbox.snapshot()).toEqual([
            expect.objectContaining({ callId, wrapUpOpen: true })
        ]);
        await harness.app.wrapUp.complete();
        await harness.settle();
        expect(harness.outbox.snapshot()).toEqual([]);
    });

    it('saveDraft writes only what the log lacks, and confirms nothing to the agent', async () => {
        const { harness, callId } = await inAfterCallWork();
        await expect(harness.app.wrapUp.saveDraft()).resolves.toBe(true);
        await harness.settle();
        expect(harness.host.calls).toHaveLength(1);

        harness.app.wrapUp.edit(callId, { disposition: '', notes: 'Typed' });
        await expect(harness.app.wrapUp.saveDraft()).resolves.toBe(true);
        await harness.settle();

        expect(harness.host.phoneCallByProviderId(callId)?.fields.Notes__c).toBe('Typed');
        expect(harness.view().wrapUp).toMatchObject({ draftSaved: true });
        expect(harness.view().wrapUp).not.toHaveProperty('confirmedAt');
        const writes = harness.host.calls.length;
        await harness.app.wrapUp.saveDraft();
        await harness.settle();
        expect(harness.host.calls).toHaveLength(writes);
    });

    it('picking a disposition clears the refusal that asked for one', async () => {
        const { harness, callId } = await inAfterCallWork({ dispositionRequired: true });
        await harness.app.wrapUp.complete();
        expect(harness.view().wrapUp?.error).toBe(dispositionRequiredMessage());

        harness.app.wrapUp.edit(callId, { disposition: '', notes: 'typing' });
        expect(harness.view().wrapUp?.error).toBe(dispositionRequiredMessage());
        harness.app.wrapUp.edit(callId, { disposition: 'Resolved', notes: 'typing' });
        expect(harness.view().wrapUp).not.toHaveProperty('error');
    });

    it("a log's refusal is not cleared by picking a disposition", async () => {
        const { harness, callId } = await inAfterCallWork();
        await harness.app.wrapUp.save(callId, { disposition: '', notes: 'n'.repeat(32_769) });
        harness.app.wrapUp.edit(callId, { disposition: 'Resolved', notes: 'short' });
        expect(harness.view().wrapUp?.error).toMatch(/notes are too long/);
    });
});

describe('WrapUpController: the countdown pauses while the agent types', () => {
    it('pauses on an edit and resumes, with the time it had, once typing stops', async () => {
        const { harness, callId } = await inAfterCallWork({ afterCallWorkSeconds: 30 });
        await harness.advance(10_000);

        harness.app.wrapUp.edit(callId, { disposition: '', notes: 'a' });
        expect(harness.view().wrapUp).toMatchObject({ pausedMsLeft: 20_000 });
        expect(harness.view().wrapUp).not.toHaveProperty('endsAt');

        await harness.advance(TYPING_PAUSE_MS - 1);
        harness.app.wrapUp.edit(callId, { disposition: '', notes: 'ab' });
        expect(harness.view().wrapUp).toMatchObject({ pausedMsLeft: 20_000 });
        await harness.advance(TYPING_PAUSE_MS);

        expect(harness.view().wrapUp).toMatchObject({ endsAt: harness.clock.now() + 20_000 });
        expect(harness.view().wrapUp).not.toHaveProperty('pausedMsLeft');
        await harness.advance(19_999);
        expect(harness.view().agentState).toBe('AfterCallWork');
        await harness.advance(1);
        expect(harness.view().agentState).toBe('Available');
        expect(harness.host.phoneCallByProviderId(callId)?.fields.Notes__c).toBe('ab');
    });

    it('does not start a countdown when wrap-up waits for the agent', async () => {
        const { harness, callId } = await inAfterCallWork({ afterCallWorkSeconds: 0 });
        harness.app.wrapUp.edit(callId, { disposition: '', notes: 'a' });
        expect(harness.view().wrapUp).not.toHaveProperty('pausedMsLeft');
        await harness.advance(TYPING_PAUSE_MS);
        expect(harness.view().wrapUp).not.toHaveProperty('endsAt');
    });

    it('holds a required disposition at the end, with the notes already on the log', async () => {
        const { harness, callId } = await inAfterCallWork({
            afterCallWorkSeconds: 30,
            dispositionRequired: true
        });
        harness.app.wrapUp.edit(callId, { disposition: '', notes: 'Refund asked' });

        await harness.advance(TYPING_PAUSE_MS + 30_000);

        expect(harness.view().agentState).toBe('AfterCallWork');
        expect(harness.view().wrapUp).toMatchObject({ error: dispositionRequiredMessage() });
        expect(harness.view().wrapUp).not.toHaveProperty('endsAt');
        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: '',
            Notes__c: 'Refund asked'
        });
        // A further edit does not start a countdown that has already ended.
        harness.app.wrapUp.edit(callId, { disposition: '', notes: 'Refund asked.' });
        expect(harness.view().wrapUp).not.toHaveProperty('pausedMsLeft');
    });
});

describe('WrapUpController.leaveFor (the status menu)', () => {
    it('is refused while a required disposition is missing, with the reason', async () => {
        const { harness } = await inAfterCallWork({ dispositionRequired: true });

        await expect(harness.app.wrapUp.leaveFor('Available')).resolves.toBe(false);
        expect(harness.view().wrapUp?.error).toBe(dispositionRequiredFor('Available'));
        await harness.app.wrapUp.leaveFor('Break');
        expect(harness.view().wrapUp?.error).toBe('Choose a disposition before you go on Break.');
    });

    it('saves the draft first when allowed', async () => {
        const { harness, callId } = await inAfterCallWork();
        harness.app.wrapUp.edit(callId, { disposition: 'Resolved', notes: 'Done' });

        await expect(harness.app.wrapUp.leaveFor('Offline')).resolves.toBe(true);
        await harness.settle();

        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: 'Resolved',
            Notes__c: 'Done'
        });
    });

    it('with no wrap-up open, allows anything', async () => {
        const harness = createAppHarness();
        await harness.start();
        await expect(harness.app.wrapUp.leaveFor('Break')).resolves.toBe(true);
    });
});

/** The notices wrap-up leaves (the memory store's own warning aside). */
const wrapUpNotices = (harness: AppHarness) =>
    harness.view().notices.filter((notice) => notice.id.startsWith('wrap-up-ended-'));

describe('WrapUpController.finish when wrap-up is cut short', () => {
    it('logs the draft as it is and says a required disposition is missing', async () => {
        const { harness, callId } = await inAfterCallWork({ dispositionRequired: true });
        harness.app.wrapUp.edit(callId, { disposition: '', notes: 'Asked for a refund' });

        harness.app.wrapUp.finish({ kind: 'answered', callerLabel: 'Daniel Kim' });
        await harness.settle();

        expect(wrapUpNotices(harness)).toEqual([
            {
                id: `wrap-up-ended-${callId}`,
                kind: 'warning',
                message:
                    'Wrap-up of the call with Maria Lopez ended without a disposition because you answered the call from Daniel Kim. Add the disposition on its Phone Call record. Your notes are saved on it.'
            }
        ]);
        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: '',
            Notes__c: 'Asked for a refund'
        });
        expect(harness.outbox.snapshot()).toEqual([]);
    });

    it('says what was saved when the phone went offline', async () => {
        const { harness, callId } = await inAfterCallWork();
        harness.app.wrapUp.edit(callId, { disposition: 'Resolved', notes: '' });

        harness.app.wrapUp.finish({ kind: 'offline' });
        await harness.settle();

        expect(wrapUpNotices(harness)).toEqual([
            expect.objectContaining({
                kind: 'info',
                message:
                    'Wrap-up of the call with Maria Lopez ended because the phone went offline: what you entered is saved on its Phone Call record.'
            })
        ]);
        expect(harness.host.phoneCallByProviderId(callId)?.fields.Disposition__c).toBe('Resolved');
    });

    it('says nothing when nothing was entered and nothing is required', async () => {
        const { harness } = await inAfterCallWork();
        harness.app.wrapUp.finish({ kind: 'answered', callerLabel: 'Daniel Kim' });
        await harness.settle();
        expect(wrapUpNotices(harness)).toEqual([]);
        expect(harness.outbox.snapshot()).toEqual([]);
    });

    it('names a missing required disposition even with nothing typed; stopping says nothing', async () => {
        const first = await inAfterCallWork({ dispositionRequired: true });
        first.harness.app.wrapUp.finish({ kind: 'offline' });
        expect(wrapUpNotices(first.harness)[0]?.message).toBe(
            'Wrap-up of the call with Maria Lopez ended without a disposition because the phone went offline. Add the disposition on its Phone Call record.'
        );
        const second = await inAfterCallWork({ dispositionRequired: true });
        second.harness.app.wrapUp.finish({ kind: 'stopped' });
        expect(wrapUpNotices(second.harness)).toEqual([]);
    });

    it('shows an error when the log refuses the draft', async () => {
        const { harness, callId } = await inAfterCallWork();
        harness.app.wrapUp.edit(callId, { disposition: '', notes: 'n'.repeat(32_769) });
        harness.app.wrapUp.finish();
        await harness.settle();
        expect(harness.view().errors[0]?.message).toMatch(
            /^The wrap-up of the call with Maria Lopez could not be saved: The notes are too long/
        );
    });
});
