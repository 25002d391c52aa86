import { LogOutbox } from './log-outbox';
import type { CallLogFailedEvent } from './log-outbox';
import { MemoryOutboxStore } from './memory-outbox-store';
import type { OutboxStore } from './outbox-store';
import type { SaveLogValue } from './phone-call-record';
import { ManualScheduler } from './test-support/manual-scheduler';
import { AGENT_ID, createOutboxHarness, endedCall } from './test-support/outbox-fixtures';

// What the outbox does when what it stands on fails: a store that cannot write, a store that
// only keeps memory, a writer that throws instead of answering.

function createHarness(store: OutboxStore) {
    return createOutboxHarness(store, { agentUserId: AGENT_ID });
}

describe('LogOutbox store failures', () => {
    it('reports a store that cannot write and still delivers from memory', async () => {
        const store: OutboxStore = {
            durable: true,
            getAll: () => Promise.reject(new Error('disk I/O error')),
            put: () => Promise.reject(new Error('QuotaExceededError')),
            delete: () => Promise.reject(new Error('QuotaExceededError'))
        };
        const h = createHarness(store);
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        await expect(h.outbox.replay()).resolves.toBe(0);
        expect(h.salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
        expect(h.storeErrors.map((event) => event.operation)).toEqual(
            expect.arrayContaining(['put', 'delete', 'getAll'])
        );
        expect(h.storeErrors[0]).toMatchObject({ callId: 'call-1', error: 'QuotaExceededError' });
    });

    it('reports durable false over the memory store', () => {
        const h = createHarness(new MemoryOutboxStore());
        expect(h.outbox.durable).toBe(false);
    });

    it('treats a writer that throws synchronously as a failed attempt', async () => {
        const store = new MemoryOutboxStore();
        const scheduler = new ManualScheduler();
        let calls = 0;
        const outbox = new LogOutbox({
            store,
            scheduler,
            clock: scheduler,
            random: () => 1,
            writer: {
                saveLog: (value: SaveLogValue) => {
                    calls += 1;
                    if (calls === 1) {
                        throw new TypeError('sforce is not defined');
                    }
                    return Promise.resolve(
                        value.entityApiName === 'Phone_Call__c' ? 'a01000000000000001' : null
                    );
                }
            }
        });
        const failures: CallLogFailedEvent[] = [];
        outbox.on('failed', (event) => failures.push(event));
        await outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await outbox.whenIdle();
        expect(failures[0]?.error).toBe('sforce is not defined');
        await scheduler.advance(1000, () => outbox.whenIdle());
        expect(calls).toBe(2);
        expect(await store.getAll()).toEqual([]);
    });
});
