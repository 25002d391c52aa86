import type { OutboxEntry } from '../calllog/outbox-entry';
import type { OutboxStore } from '../calllog/outbox-store';
import { createAppHarness, talkToMaria, useAppTestClock } from './test-support/app-harness';

useAppTestClock();

describe('SoftphoneApp: call log status', () => {
    it('warns when the outbox store does not survive a reload', () => {
        const harness = createAppHarness();
        harness.app.start();

        expect(harness.view().notices).toEqual([
            {
                id: 'log-not-durable',
                kind: 'warning',
                message: expect.stringContaining('kept in memory only')
            }
        ]);
        expect(harness.view().logStatus).toEqual({ pending: 0, durable: false });
    });

    it('does not warn with a durable store', () => {
        const harness = createAppHarness({ durable: true });
        harness.app.start();

        expect(harness.view().notices).toEqual([]);
        expect(harness.view().logStatus).toEqual({ pending: 0, durable: true });
    });

    it('warns while a log fails and clears the warning once it is logged', async () => {
        const harness = createAppHarness({ durable: true });
        await harness.start();
        // The first create reaches Salesforce but its answer is lost.
        harness.host.failWith = (_value, callNumber) => (callNumber === 1 ? 'after' : undefined);

        const callId = await talkToMaria(harness);

        expect(harness.view().notices).toEqual([
            {
                id: `log-failed-${callId}`,
                kind: 'warning',
                message:
                    'A call log could not be saved yet (attempt 1); retrying: The request timed out'
            }
        ]);
        expect(harness.view().logStatus.pending).toBe(1);
        expect(harness.refreshView).not.toHaveBeenCalled();

        // random() is 0: the first retry comes after half of 1 s.
        await harness.advance(500);

        expect(harness.view().notices).toEqual([]);
        expect(harness.view().logStatus.pending).toBe(0);
        expect(harness.refreshView).toHaveBeenCalledTimes(1);
        // The replayed create hit the unique Provider_Call_Id__c and became an update.
        expect(harness.host.recordsOf('Phone_Call__c')).toHaveLength(1);
        expect(harness.host.calls.map((value) => value.Id ?? 'create')).toEqual([
            'create',
            'create',
            harness.host.phoneCallByProviderId(callId)?.id
        ]);
    });

    it('says when a log needs an admin', async () => {
        const harness = createAppHarness({ durable: true });
        await harness.start();
        harness.host.failWith = () => 'permanent';

        const callId = await talkToMaria(harness);

        expect(harness.view().notices).toEqual([
            {
                id: `log-failed-${callId}`,
                kind: 'warning',
                message:
                    'A call log could not be saved and needs an admin: Required fields are missing: [Direction__c] (REQUIRED_FIELD_MISSING)'
            }
        ]);
    });

    it('shows an error when the outbox store fails', async () => {
        const failing: OutboxStore = {
            durable: true,
            getAll: () => Promise.resolve([] as readonly OutboxEntry[]),
            put: () => Promise.reject(new Error('QuotaExceededError')),
            delete: () => Promise.resolve()
        };
        const harness = createAppHarness({ store: failing });
        await harness.start();

        await talkToMaria(harness);

        expect(harness.view().errors).toContainEqual({
            id: expect.any(String),
            message: 'Call log storage failed (put): QuotaExceededError'
        });
    });
});

describe('SoftphoneApp: stop', () => {
    it('closes an unsaved wrap-up and stops following the engine', async () => {
        const harness = createAppHarness();
        await harness.start();
        const callId = await talkToMaria(harness);

        harness.app.stop();
        await harness.settle();

        expect(harness.app.store.state.wrapUp).toBeUndefined();
        expect(harness.outbox.snapshot()).toEqual([]);
        expect(harness.host.phoneCallByProviderId(callId)).toBeDefined();
        const renders = harness.rendered.length;
        harness.engine.setAgentState('Break');
        expect(harness.rendered).toHaveLength(renders);
    });
});
