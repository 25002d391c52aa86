import type { SessionSnapshot } from './session-snapshot';
import { SessionStore, type KeyValueStorage } from './session-store';
import { answerCall, createAppHarness, DANIEL, type AppHarness } from './test-support/app-harness';
import type { FakeSalesforceHost } from './test-support/fake-salesforce-host';
import { DurableMemoryStore } from './test-support/durable-memory-store';
import type { WrapUpSettings } from './wrap-up-controller';

const T0 = Date.UTC(2025, 2, 3, 15, 30, 0);

beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
});

afterEach(() => {
    jest.useRealTimers();
});

/** Maria's call, answered and hung up: the agent is in wrap-up. */
async function inWrapUp(harness: AppHarness): Promise<string> {
    await harness.start();
    const callId = await harness.ring('+14155550101');
    await answerCall(harness, callId);
    await harness.advance(5_000);
    const hangingUp = harness.controls.hangup(callId);
    await harness.advance(100);
    await hangingUp;
    expect(harness.app.wrapUp.current?.callId).toBe(callId);
    return callId;
}

const wrapUpNotices = (harness: AppHarness) =>
    harness.view().notices.filter((notice) => notice.id.startsWith('wrap-up-ended-'));

function wrapUpHarness(wrapUp: Partial<WrapUpSettings> = {}): AppHarness {
    return createAppHarness({ wrapUp, durable: true });
}

describe('SoftphoneApp: the status menu during wrap-up', () => {
    it('saves the draft, then goes to the chosen status', async () => {
        const harness = wrapUpHarness();
        const callId = await inWrapUp(harness);
        harness.app.wrapUp.edit(callId, { disposition: 'Resolved', notes: 'On my way out' });

        harness.app.setAgentState('Break');
        await harness.settle();

        expect(harness.view().agentState).toBe('Break');
        expect(harness.view().wrapUp).toBeUndefined();
        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: 'Resolved',
            Notes__c: 'On my way out'
        });
        expect(harness.outbox.snapshot()).toEqual([]);
    });

    it('is refused while a required disposition is missing, saying why', async () => {
        const harness = wrapUpHarness({ dispositionRequired: true });
        const callId = await inWrapUp(harness);
        harness.app.wrapUp.edit(callId, { disposition: '', notes: 'Typed' });

        harness.app.setAgentState('Available');
        await harness.settle();

        expect(harness.view().agentState).toBe('AfterCallWork');
        expect(harness.view().wrapUp).toMatchObject({
            notes: 'Typed',
            error: 'Choose a disposition before you go Available.'
        });
    });

    it('leaves the draft alone for the state it is already in', async () => {
        const harness = wrapUpHarness({ dispositionRequired: true });
        await inWrapUp(harness);
        harness.app.setAgentState('AfterCallWork');
        await harness.settle();
        expect(harness.view().wrapUp).not.toHaveProperty('error');
    });
});

describe('SoftphoneApp: a call during wrap-up', () => {
    it('rings, saves the draft at once and waits with its screen pop until it is answered', async () => {
        const harness = wrapUpHarness();
        const maria = await inWrapUp(harness);
        harness.app.wrapUp.edit(maria, { disposition: '', notes: 'Half done' });
        const pops = harness.host.pops.length;

        const daniel = await harness.ring('+14155550105');

        expect(harness.view()).toMatchObject({
            agentState: 'AfterCallWork',
            calls: [expect.objectContaining({ callId: daniel, state: 'ringing' })],
            wrapUp: expect.objectContaining({ callId: maria, draftSaved: true })
        });
        expect(harness.showPanel).toHaveBeenCalledTimes(2);
        expect(harness.host.pops).toHaveLength(pops);
        expect(harness.host.phoneCallByProviderId(maria)?.fields.Notes__c).toBe('Half done');
        expect(harness.host.phoneCallByProviderId(daniel)).toBeUndefined();

        await answerCall(harness, daniel);

        expect(harness.host.pops.at(-1)).toEqual({
            type: 'SOBJECT',
            params: { recordId: DANIEL.Id }
        });
        expect(harness.view().agentState).toBe('Busy');
        expect(harness.view().wrapUp).toBeUndefined();
    });

    it('answering it with a required disposition missing logs the notes as typed and names both calls', async () => {
        const harness = wrapUpHarness({ dispositionRequired: true });
        const maria = await inWrapUp(harness);
        harness.app.wrapUp.edit(maria, { disposition: '', notes: 'Refund' });
        const daniel = await harness.ring('+14155550105', 'D KIM');

        await answerCall(harness, daniel);

        expect(wrapUpNotices(harness)).toEqual([
            {
                id: `wrap-up-ended-${maria}`,
                kind: 'warning',
                message:
                    'Wrap-up of the call with Maria Lopez ended without a disposition because you answered the call from D KIM. Add the disposition on its Phone Call record. Your notes are saved on it.'
            }
        ]);
        expect(harness.host.phoneCallByProviderId(maria)?.fields).toMatchObject({
            Disposition__c: '',
            Notes__c: 'Refund'
        });
        // Daniel's call gets its own wrap-up when it ends.
        const hangingUp = harness.controls.hangup(daniel);
        await harness.advance(100);
        await hangingUp;
        expect(harness.view()).toMatchObject({
            agentState: 'AfterCallWork',
            wrapUp: expect.objectContaining({ callId: daniel, remoteLabel: 'Daniel Kim' })
        });
    });

    it('names a withheld caller as such', async () => {
        const harness = wrapUpHarness({ dispositionRequired: true });
        await inWrapUp(harness);
        const withheld = await harness.ring('');
        await answerCall(harness, withheld);
        expect(wrapUpNotices(harness)[0]?.message).toContain(
            'because you answered the call from a withheld number.'
        );
    });

    it('declined or rung out, it leaves the agent in wrap-up with the draft', async () => {
        const harness = wrapUpHarness();
        const maria = await inWrapUp(harness);
        harness.app.wrapUp.edit(maria, { disposition: 'Resolved', notes: 'x' });
        const daniel = await harness.ring('+14155550105');

        const declining = harness.controls.decline(daniel);
        await harness.advance(100);
        await declining;

        expect(harness.view()).toMatchObject({
            agentState: 'AfterCallWork',
            calls: [],
            wrapUp: expect.objectContaining({ callId: maria, disposition: 'Resolved' })
        });
        expect(harness.host.phoneCallByProviderId(daniel)?.fields.Outcome__c).toBe('Rejected');
    });

    it('a lost connection ends wrap-up with the draft logged and says so', async () => {
        const harness = wrapUpHarness();
        const maria = await inWrapUp(harness);
        harness.app.wrapUp.edit(maria, { disposition: 'Resolved', notes: '' });

        await harness.engine.disconnect();
        await harness.settle();

        expect(harness.view().agentState).toBe('Offline');
        expect(wrapUpNotices(harness)[0]?.message).toBe(
            'Wrap-up of the call with Maria Lopez ended because the phone went offline: what you entered is saved on its Phone Call record.'
        );
        expect(harness.host.phoneCallByProviderId(maria)?.fields.Disposition__c).toBe('Resolved');
    });
});

describe('SoftphoneApp: a reload during wrap-up', () => {
    function memoryStorage(): KeyValueStorage & { values: Map<string, string> } {
        const values = new Map<string, string>();
        return {
            values,
            getItem: (key) => values.get(key) ?? null,
            setItem: (key, value) => void values.set(key, value),
            removeItem: (key) => void values.delete(key)
        };
    }

    const sessionStore = (storage: KeyValueStorage) =>
        new SessionStore(
            storage,
            { now: () => Date.now() },
            {
                setTimeout: (handler, ms) => setTimeout(handler, ms),
                clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
            }
        );

    it('keeps the draft in the session snapshot as the agent types', async () => {
        const storage = memoryStorage();
        const harness = createAppHarness({ session: sessionStore(storage) });
        const callId = await inWrapUp(harness);

        harness.app.wrapUp.edit(callId, {
            disposition: 'Resolved',
            notes: 'Keystroke by keystroke'
        });

        const previous = sessionStore(storage).takePrevious();
        expect(previous).toMatchObject({
            agentState: 'AfterCallWork',
            wrapUpCallId: callId,
            wrapUpDraft: {
                remoteLabel: 'Maria Lopez',
                disposition: 'Resolved',
                notes: 'Keystroke by keystroke'
            }
        });
    });

    /** What the previous page left: the snapshot and the outbox store with its log. */
    async function previousPage(
        wrapUp: Partial<WrapUpSettings>,
        draft: { disposition: string; notes: string }
    ): Promise<{
        snapshot: SessionSnapshot;
        store: DurableMemoryStore;
        host: FakeSalesforceHost;
        callId: string;
    }> {
        const storage = memoryStorage();
        const store = new DurableMemoryStore();
        const first = createAppHarness({ wrapUp, store, session: sessionStore(storage) });
        const callId = await inWrapUp(first);
        first.app.wrapUp.edit(callId, draft);
        first.outbox.dispose();
        const snapshot = sessionStore(storage).takePrevious();
        if (snapshot === undefined) {
            throw new Error('no snapshot');
        }
        return { snapshot, store, host: first.host, callId };
    }

    it('saves what was picked and typed onto the log once the outbox has replayed, and says so', async () => {
        const { snapshot, store, host, callId } = await previousPage(
            {},
            { disposition: 'Wrong Number', notes: 'Billing line' }
        );
        const second = createAppHarness({ store, host });
        second.app.restore(snapshot);
        await second.start();
        await second.outbox.replay();
        await second.app.saveInterruptedWrapUp();
        await second.settle();

        expect(second.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: 'Wrong Number',
            Notes__c: 'Billing line'
        });
        expect(second.outbox.snapshot()).toEqual([]);
        expect(second.view().notices).toContainEqual(
            expect.objectContaining({
                message:
                    'The softphone reloaded during wrap-up of the call with Maria Lopez: what you had chosen and typed is saved on its Phone Call record.'
            })
        );
        expect(second.view().wrapUp).toBeUndefined();
        // Once only.
        await second.app.saveInterruptedWrapUp();
    });

    it('says when a required disposition is still missing', async () => {
        const { snapshot, store, host, callId } = await previousPage(
            { dispositionRequired: true },
            { disposition: '', notes: 'Only notes' }
        );
        const second = createAppHarness({ store, host, wrapUp: { dispositionRequired: true } });
        second.app.restore(snapshot);
        await second.start();
        await second.outbox.replay();
        await second.app.saveInterruptedWrapUp();
        await second.settle();

        expect(second.host.phoneCallByProviderId(callId)?.fields.Notes__c).toBe('Only notes');
        expect(second.view().notices.map((notice) => notice.message)).toContain(
            'The softphone reloaded during wrap-up of the call with Maria Lopez: what you had chosen and typed is saved on its Phone Call record. It has no disposition yet: add one there.'
        );
    });

    it('with nothing typed, closes the wrap-up and asks for it on the record', async () => {
        const { snapshot, store, host, callId } = await previousPage(
            {},
            { disposition: '', notes: '' }
        );
        const second = createAppHarness({ store, host });
        second.app.restore(snapshot, 'takeover');
        await second.start();
        await second.outbox.replay();
        await second.app.saveInterruptedWrapUp();
        await second.settle();

        expect(second.host.phoneCallByProviderId(callId)?.fields).not.toHaveProperty(
            'Disposition__c'
        );
        expect(second.outbox.snapshot()).toEqual([]);
        expect(second.view().notices.map((notice) => notice.message)).toContain(
            'The Salesforce tab that ran the softphone was closed during wrap-up: add the disposition and notes on the Phone Call record.'
        );
    });

    it('shows an error when the log is unknown to this page', async () => {
        const harness = createAppHarness();
        harness.app.restore({
            version: 1,
            agentState: 'AfterCallWork',
            liveCalls: [],
            unstoredCalls: [],
            callerNames: {},
            recentCalls: [],
            wrapUpCallId: 'gone',
            wrapUpDraft: { remoteLabel: 'Ada', disposition: 'Resolved', notes: '' },
            lastAliveAt: T0
        });
        await harness.start();
        await harness.app.saveInterruptedWrapUp();
        expect(harness.view().errors.map((error) => error.message)).toEqual([
            'The wrap-up typed before the reload could not be saved: No call log is known for call gone.'
        ]);
    });
});
