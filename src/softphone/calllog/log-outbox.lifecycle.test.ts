import { CallLogError } from './log-outbox';
import type { LogOutboxOptions } from './log-outbox';
import { MemoryOutboxStore } from './memory-outbox-store';
import type { OutboxEntry } from './outbox-entry';
import type { OutboxStore } from './outbox-store';
import type { SaveLogValue } from './phone-call-record';
import { CONTACT, createOutboxHarness, endedCall } from './test-support/outbox-fixtures';

// Lifecycle edges of the outbox: enqueuing again, closing wrap-ups, replay over a live page,
// dispose, the memory of saved logs, and what its events carry.

/** A memory store that counts its writes. */
class CountingStore extends MemoryOutboxStore {
    puts = 0;
    deletes = 0;

    override put(entry: OutboxEntry): Promise<void> {
        this.puts += 1;
        return super.put(entry);
    }

    override delete(callId: string): Promise<void> {
        this.deletes += 1;
        return super.delete(callId);
    }
}

function createHarness(overrides: Partial<LogOutboxOptions> = {}) {
    return createOutboxHarness(new CountingStore(), overrides);
}

describe('LogOutbox enqueue again', () => {
    it('keeps the related record of the first enqueue when the call comes again without one', async () => {
        const h = createHarness();
        h.salesforce.failWith = (_value, callNumber) => (callNumber === 1 ? 'before' : undefined);
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        expect(h.failed).toHaveLength(1);

        await h.outbox.enqueue(endedCall('call-1', { related: undefined, outcome: 'Dropped' }), {
            awaitWrapUp: false
        });
        await h.settle();

        expect(h.logged).toEqual([
            { callId: 'call-1', recordId: expect.any(String) as string, related: CONTACT }
        ]);
    });
});

describe('LogOutbox closeWrapUp', () => {
    it('removes a saved log whose wrap-up window closes without a disposition', async () => {
        const h = createHarness();
        await h.outbox.enqueue(endedCall('call-1'));
        await h.settle();
        expect(await h.store.getAll()).toHaveLength(1);

        await h.outbox.closeWrapUp('call-1');
        await h.settle();

        expect(await h.store.getAll()).toEqual([]);
        expect(h.salesforce.calls).toHaveLength(1);
    });

    it('does nothing for an unknown call or a wrap-up that is already closed', async () => {
        const h = createHarness();
        // Salesforce is down: the entry waits for its retry, wrap-up not awaited.
        h.salesforce.failWith = () => 'before';
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        const writes = { puts: h.store.puts, deletes: h.store.deletes };
        const attempts = h.salesforce.calls.length;

        await h.outbox.closeWrapUp('call-1');
        await h.outbox.closeWrapUp('ghost');
        await h.settle();

        expect({ puts: h.store.puts, deletes: h.store.deletes }).toEqual(writes);
        // No early attempt either: the retry still waits for its backoff.
        expect(h.salesforce.calls).toHaveLength(attempts);
        expect(h.outbox.snapshot()).toEqual([
            expect.objectContaining({ callId: 'call-1', attempts: 1, wrapUpOpen: false })
        ]);
    });
});

describe('LogOutbox replay over a live page', () => {
    it('leaves entries this page already holds alone (no reset of their backoff)', async () => {
        const h = createHarness();
        h.salesforce.failWith = () => 'before';
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        const [before] = h.outbox.snapshot();

        await expect(h.outbox.replay()).resolves.toBe(0);
        await h.settle();

        expect(h.salesforce.calls).toHaveLength(1);
        expect(h.outbox.snapshot()).toEqual([before]);
    });

    it('takes over only the entries it did not know', async () => {
        const h = createHarness();
        h.salesforce.failWith = () => 'before';
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        // Another page of the same agent left a log in the shared store.
        const other = createHarness();
        other.salesforce.failWith = () => 'before';
        await other.outbox.enqueue(endedCall('call-2'), { awaitWrapUp: false });
        await other.settle();
        for (const entry of await other.store.getAll()) {
            await h.store.put(entry);
        }

        await expect(h.outbox.replay()).resolves.toBe(1);
        expect(
            h.outbox
                .snapshot()
                .map((entry) => entry.callId)
                .sort()
        ).toEqual(['call-1', 'call-2']);
    });
});

describe('LogOutbox dispose', () => {
    it('still stores a log enqueued after dispose, for the next page, but sends nothing', async () => {
        const h = createHarness();
        h.outbox.dispose();

        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        await h.scheduler.advance(10 * 60_000, h.settle);

        expect(h.salesforce.calls).toEqual([]);
        expect((await h.store.getAll()).map((entry) => entry.callId)).toEqual(['call-1']);
    });

    it('schedules no retry when an attempt in flight fails after dispose', async () => {
        let rejectSave: (error: Error) => void = () => undefined;
        const saves: SaveLogValue[] = [];
        const h = createHarness({
            writer: {
                saveLog: (value) => {
                    saves.push(value);
                    return new Promise((_resolve, reject) => {
                        rejectSave = reject;
                    });
                }
            }
        });
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        expect(saves).toHaveLength(1);

        h.outbox.dispose();
        rejectSave(new Error('Network error: Failed to fetch'));
        await h.settle();

        expect(h.scheduler.pendingTimers).toBe(0);
        await h.scheduler.advance(60 * 60_000, h.settle);
        expect(saves).toHaveLength(1);
        // The failure is kept in the store for the next page.
        expect(await h.store.getAll()).toEqual([
            expect.objectContaining({ callId: 'call-1', attempts: 1 })
        ]);
    });
});

describe('LogOutbox memory of saved logs', () => {
    it('lets the agent edit the wrap-up of the 200 most recent saved logs only', async () => {
        const h = createHarness();
        for (let index = 0; index <= 200; index += 1) {
            await h.outbox.enqueue(endedCall(`call-${index}`), { awaitWrapUp: false });
            await h.settle();
        }
        expect(await h.store.getAll()).toEqual([]);

        await expect(h.outbox.setWrapUp('call-0', { disposition: 'Sale' })).rejects.toEqual(
            new CallLogError('UNKNOWN_CALL', 'No call log is known for call call-0.')
        );
        await h.outbox.setWrapUp('call-1', { disposition: 'Sale' });
        await h.settle();
        const record = h.salesforce.phoneCallByProviderId('call-1');
        expect(record?.fields.Disposition__c).toBe('Sale');
        expect(h.salesforce.calls.at(-1)).toEqual({
            Id: record?.id,
            Disposition__c: 'Sale'
        });
    });
});

describe('LogOutbox events', () => {
    it('announces a log without a related record with only the call and record Ids', async () => {
        const h = createHarness();
        await h.outbox.enqueue(endedCall('call-1', { related: undefined }), {
            awaitWrapUp: false
        });
        await h.settle();

        expect(h.logged).toHaveLength(1);
        expect(h.logged[0]).toStrictEqual({
            callId: 'call-1',
            recordId: h.salesforce.phoneCallByProviderId('call-1')?.id
        });
    });

    it('reports a store failure that is not an Error with its text', async () => {
        const store: OutboxStore = {
            durable: true,
            getAll: () => Promise.resolve([]),
            // Some IndexedDB shims reject with a bare string.
            put: () => Promise.reject('QuotaExceededError'),
            delete: () => Promise.resolve()
        };
        const h = createHarness({ store });
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();

        expect(h.storeErrors[0]).toEqual({
            callId: 'call-1',
            operation: 'put',
            error: 'QuotaExceededError'
        });
        expect(h.salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
    });
});
