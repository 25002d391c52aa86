// idb checks requests with instanceof against the global IDB classes: install fake-indexeddb's.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { IndexedDbOutboxStore } from './indexeddb-outbox-store';
import { CallLogError } from './log-outbox';
import type { LogOutboxOptions } from './log-outbox';
import { MemoryOutboxStore } from './memory-outbox-store';
import type { OutboxStore } from './outbox-store';
import { FakeSalesforce } from './test-support/fake-salesforce';
import type { FakeFailure } from './test-support/fake-salesforce';
import { ManualScheduler } from './test-support/manual-scheduler';
import {
    AGENT_ID,
    CONTACT_ID,
    createOutboxHarness,
    endedCall,
    START
} from './test-support/outbox-fixtures';
import { seededRandom } from '../shared/seeded-random';

/** Lets IndexedDB (which answers on later ticks) and promise chains finish. */
async function flushTicks(count = 50): Promise<void> {
    for (let index = 0; index < count; index += 1) {
        await new Promise((resolve) => setImmediate(resolve));
    }
}

interface StoreKind {
    readonly name: string;
    /** A store as the page would open it; `reopen` gives what a reload would find. */
    create(): Promise<{ store: OutboxStore; reopen: () => Promise<OutboxStore> }>;
}

const storeKinds: readonly StoreKind[] = [
    {
        name: 'memory store',
        create: () => {
            const store = new MemoryOutboxStore();
            // A reload loses memory, but "a new outbox over the same store" still tests replay.
            return Promise.resolve({ store, reopen: () => Promise.resolve(store) });
        }
    },
    {
        name: 'IndexedDB store (fake-indexeddb)',
        create: async () => {
            const factory = new IDBFactory();
            const store = await IndexedDbOutboxStore.open(factory);
            return { store, reopen: () => IndexedDbOutboxStore.open(factory) };
        }
    }
];

function createHarness(
    store: OutboxStore,
    overrides: Partial<LogOutboxOptions> = {},
    shared?: Parameters<typeof createOutboxHarness>[2]
) {
    return createOutboxHarness(store, { agentUserId: AGENT_ID, ...overrides }, shared);
}

describe.each(storeKinds)('LogOutbox with the $name', (kind) => {
    it('stores the log before saveLog, creates the record, then waits for the wrap-up', async () => {
        const { store } = await kind.create();
        const h = createHarness(store);
        const seenInStore: boolean[] = [];
        h.salesforce.onCall = async (value) => {
            const entries = await store.getAll();
            seenInStore.push(entries.some((entry) => entry.callId === value.Provider_Call_Id__c));
        };

        await h.outbox.enqueue(endedCall('call-1'));
        await h.settle();

        expect(seenInStore).toEqual([true]);
        const record = h.salesforce.phoneCallByProviderId('call-1');
        expect(record?.fields).toMatchObject({
            Provider_Call_Id__c: 'call-1',
            Direction__c: 'Inbound',
            Duration_Seconds__c: 30,
            Outcome__c: 'Connected',
            Contact__c: CONTACT_ID,
            Agent__c: AGENT_ID
        });
        expect(h.logged).toEqual([
            {
                callId: 'call-1',
                recordId: record?.id,
                related: { recordId: CONTACT_ID, objectType: 'Contact', recordName: 'Jane Doe' }
            }
        ]);
        // Saved, but kept (with its record Id) until the wrap-up is saved.
        const [kept] = await store.getAll();
        expect(kept?.savedRecordId).toBe(record?.id);
        expect(h.outbox.pendingCount).toBe(0);
        expect(h.pending).toEqual([1, 0]);

        await h.outbox.setWrapUp('call-1', { disposition: 'Sale', notes: 'Signed up' });
        await h.settle();

        expect(h.salesforce.calls.at(-1)).toEqual({
            Id: record?.id,
            Disposition__c: 'Sale',
            Notes__c: 'Signed up'
        });
        expect(record?.fields.Disposition__c).toBe('Sale');
        expect(await store.getAll()).toEqual([]);
        expect(h.salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
        // The wrap-up written: announced again, so a Call History card shows it without a reload.
        expect(h.logged).toHaveLength(2);
        expect(h.logged[1]).toEqual(h.logged[0]);
    });

    it('deletes the entry right after the create when no wrap-up is awaited', async () => {
        const { store } = await kind.create();
        const h = createHarness(store);
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        expect(await store.getAll()).toEqual([]);
        expect(h.salesforce.calls).toHaveLength(1);
        // The agent may still edit the wrap-up during this page's life.
        await h.outbox.setWrapUp('call-1', { disposition: 'Callback' });
        await h.settle();
        expect(h.salesforce.phoneCallByProviderId('call-1')?.fields.Disposition__c).toBe(
            'Callback'
        );
        expect(await store.getAll()).toEqual([]);
    });

    it('retries with exponential backoff after failures, then succeeds', async () => {
        const { store } = await kind.create();
        const h = createHarness(store);
        h.salesforce.failWith = (_value, callNumber) => (callNumber <= 3 ? 'before' : undefined);
        const t0 = h.scheduler.now();

        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        expect(h.failed).toEqual([
            {
                callId: 'call-1',
                error: 'Network error: Failed to fetch',
                attempt: 1,
                nextAttemptAt: t0 + 1000,
                permanent: false
            }
        ]);
        const [stored] = await store.getAll();
        expect(stored).toMatchObject({ attempts: 1, lastError: 'Network error: Failed to fetch' });

        await h.advance(999);
        expect(h.salesforce.calls).toHaveLength(1);
        await h.advance(1);
        expect(h.salesforce.calls).toHaveLength(2);
        expect(h.failed.at(-1)).toMatchObject({ attempt: 2, nextAttemptAt: t0 + 1000 + 2000 });
        await h.advance(2000);
        expect(h.failed.at(-1)).toMatchObject({ attempt: 3, nextAttemptAt: t0 + 3000 + 4000 });
        await h.advance(4000);

        expect(h.salesforce.calls).toHaveLength(4);
        expect(h.salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
        expect(h.logged).toHaveLength(1);
        expect(await store.getAll()).toEqual([]);
        expect(h.scheduler.pendingTimers).toBe(0);
    });

    it('jitters the delay with the injected random source and caps it', async () => {
        const { store } = await kind.create();
        const h = createHarness(store, {
            random: () => 0,
            backoff: { baseDelayMs: 1000, maxDelayMs: 4000 }
        });
        h.salesforce.failWith = () => 'before';
        await h.outbox.enqueue(endedCall('call-1'));
        await h.settle();
        await h.advance(60_000);
        const delays = h.failed.map((event, index) =>
            index === 0
                ? null
                : (event.nextAttemptAt ?? 0) - (h.failed[index - 1]?.nextAttemptAt ?? 0)
        );
        // Half of 1 s, 2 s, 4 s, 4 s … (random 0 = the shortest delay of each step).
        expect(delays.slice(1, 5)).toEqual([1000, 2000, 2000, 2000]);
        h.outbox.dispose();
    });

    it('writes 50 calls exactly once each despite 30 % random failures', async () => {
        const { store } = await kind.create();
        const random = seededRandom(42);
        const h = createHarness(store, { random });
        const faults = seededRandom(7);
        const modes: FakeFailure[] = ['before', 'after', 'null'];
        const injected: FakeFailure[] = [];
        h.salesforce.failWith = () => {
            if (faults() >= 0.3) {
                return undefined;
            }
            const mode = modes[Math.floor(faults() * modes.length)] ?? 'before';
            injected.push(mode);
            return mode;
        };

        for (let index = 0; index < 50; index += 1) {
            const call = endedCall(`call-${index}`, {
                direction: index % 2 === 0 ? 'Inbound' : 'Outbound'
            });
            await h.outbox.enqueue(call, { awaitWrapUp: index % 3 !== 0 });
            if (index % 3 === 1) {
                await h.outbox.setWrapUp(call.id, { disposition: `D${index}`, notes: `N${index}` });
            }
        }
        for (let index = 2; index < 50; index += 3) {
            await h.outbox.closeWrapUp(`call-${index}`);
        }
        for (
            let round = 0;
            round < 60 && h.outbox.pendingCount + (await store.getAll()).length > 0;
            round += 1
        ) {
            await h.advance(60_000);
        }

        expect(new Set(injected)).toEqual(new Set(modes));
        const records = h.salesforce.recordsOf('Phone_Call__c');
        expect(records).toHaveLength(50);
        expect(new Set(records.map((record) => record.fields.Provider_Call_Id__c)).size).toBe(50);
        for (let index = 0; index < 50; index += 1) {
            const record = h.salesforce.phoneCallByProviderId(`call-${index}`);
            expect(record?.fields.Direction__c).toBe(index % 2 === 0 ? 'Inbound' : 'Outbound');
            if (index % 3 === 1) {
                expect(record?.fields).toMatchObject({
                    Disposition__c: `D${index}`,
                    Notes__c: `N${index}`
                });
            }
        }
        // Announced once when saved, and once more where the wrap-up was written afterwards.
        expect(new Set(h.logged.map((event) => event.callId)).size).toBe(50);
        for (let index = 0; index < 50; index += 1) {
            const announced = h.logged.filter((event) => event.callId === `call-${index}`);
            expect(announced.length).toBeLessThanOrEqual(index % 3 === 1 ? 2 : 1);
        }
        for (const event of h.logged) {
            expect(h.salesforce.records.get(event.recordId)?.fields.Provider_Call_Id__c).toBe(
                event.callId
            );
        }
        expect(await store.getAll()).toEqual([]);
        expect(h.outbox.pendingCount).toBe(0);
        expect(h.pending.at(-1)).toBe(0);
        expect(h.salesforce.maxInFlightPerKey).toBe(1);
    });

    it('replays after a crash: a create that never went out is made once', async () => {
        const { store, reopen } = await kind.create();
        const scheduler = new ManualScheduler(START + 60_000);
        const salesforce = new FakeSalesforce();
        const first = createHarness(store, {}, { scheduler, salesforce });
        salesforce.failWith = () => 'before';
        await first.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await first.settle();
        first.outbox.dispose(); // the page dies

        salesforce.failWith = () => undefined;
        const second = createHarness(await reopen(), {}, { scheduler, salesforce });
        await expect(second.outbox.replay()).resolves.toBe(1);
        await second.settle();

        expect(salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
        expect(second.logged.map((event) => event.callId)).toEqual(['call-1']);
        expect(await (await reopen()).getAll()).toEqual([]);
    });

    it('replays after a crash between success and delete without doubling the record', async () => {
        const { store, reopen } = await kind.create();
        const scheduler = new ManualScheduler(START + 60_000);
        const salesforce = new FakeSalesforce();
        const first = createHarness(store, {}, { scheduler, salesforce });
        // Salesforce saves the record, but the page dies before hearing back.
        salesforce.failWith = () => 'hang';
        await first.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await flushTicks();
        first.outbox.dispose();
        expect(salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
        const existingId = salesforce.recordsOf('Phone_Call__c')[0]?.id;

        salesforce.failWith = () => undefined;
        const second = createHarness(await reopen(), {}, { scheduler, salesforce });
        await second.outbox.replay();
        await second.settle();

        expect(salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
        // The create came back as a duplicate and became an update of the existing record.
        expect(salesforce.calls.at(-1)).toMatchObject({ Id: existingId });
        expect(salesforce.calls.at(-1)).not.toHaveProperty('entityApiName');
        // The call's facts came with the create: the update leaves them (they are locked).
        expect(salesforce.calls.at(-1)).not.toHaveProperty('Provider_Call_Id__c');
        expect(salesforce.calls.at(-1)).not.toHaveProperty('Started__c');
        expect(salesforce.phoneCallByProviderId('call-1')?.fields.Direction__c).toBe('Inbound');
        expect(second.logged).toEqual([
            expect.objectContaining({ callId: 'call-1', recordId: existingId })
        ]);
        expect(await (await reopen()).getAll()).toEqual([]);
    });

    it('replays a saved entry left waiting for its wrap-up: closes it without writing again', async () => {
        const { store, reopen } = await kind.create();
        const scheduler = new ManualScheduler(START + 60_000);
        const salesforce = new FakeSalesforce();
        const first = createHarness(store, {}, { scheduler, salesforce });
        await first.outbox.enqueue(endedCall('call-1'));
        await first.settle();
        first.outbox.dispose();
        expect(await store.getAll()).toHaveLength(1);

        const second = createHarness(await reopen(), {}, { scheduler, salesforce });
        await second.outbox.replay();
        await second.settle();

        expect(salesforce.calls).toHaveLength(1);
        expect(await (await reopen()).getAll()).toEqual([]);
        // Still editable in this page: the record Id is remembered.
        await second.outbox.setWrapUp('call-1', { disposition: 'Sale' });
        await second.settle();
        expect(salesforce.phoneCallByProviderId('call-1')?.fields.Disposition__c).toBe('Sale');
        expect(salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
    });

    it('keeps the entry after a wrap-up saved with keepOpen, until the wrap-up is closed', async () => {
        const { store, reopen } = await kind.create();
        const scheduler = new ManualScheduler(START + 60_000);
        const salesforce = new FakeSalesforce();
        const first = createHarness(store, {}, { scheduler, salesforce });
        await first.outbox.enqueue(endedCall('call-1'));
        await first.outbox.setWrapUp('call-1', { disposition: 'Sale' }, { keepOpen: true });
        await first.settle();
        const id = salesforce.phoneCallByProviderId('call-1')?.id;
        expect(salesforce.phoneCallByProviderId('call-1')?.fields.Disposition__c).toBe('Sale');
        // Still in the store: a reload now can edit the log again.
        expect(await store.getAll()).toHaveLength(1);
        first.outbox.dispose();

        const second = createHarness(await reopen(), {}, { scheduler, salesforce });
        await second.outbox.replay();
        await second.settle();
        await second.outbox.setWrapUp('call-1', { disposition: 'Sale', notes: 'After reload' });
        await second.settle();
        expect(salesforce.phoneCallByProviderId('call-1')?.fields).toMatchObject({
            Disposition__c: 'Sale',
            Notes__c: 'After reload'
        });
        expect(salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
        expect(salesforce.calls.at(-1)?.Id).toBe(id);
        expect(await (await reopen()).getAll()).toEqual([]);
    });

    it('closes the wrap-up after a keepOpen save when closeWrapUp comes', async () => {
        const { store } = await kind.create();
        const h = createHarness(store);
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.outbox.setWrapUp('call-1', { disposition: 'Sale' }, { keepOpen: true });
        await h.settle();
        // No window was open: keepOpen does not open one.
        expect(await store.getAll()).toEqual([]);

        await h.outbox.enqueue(endedCall('call-2'));
        await h.outbox.setWrapUp('call-2', { disposition: 'Sale' }, { keepOpen: true });
        await h.settle();
        expect(await store.getAll()).toHaveLength(1);
        await h.outbox.closeWrapUp('call-2');
        await h.settle();
        expect(await store.getAll()).toEqual([]);
    });

    it('sends a wrap-up set before the save with the create', async () => {
        const { store } = await kind.create();
        const h = createHarness(store);
        h.salesforce.failWith = (_value, callNumber) => (callNumber === 1 ? 'before' : undefined);
        await h.outbox.enqueue(endedCall('call-1'));
        await h.settle();
        await h.outbox.setWrapUp('call-1', { disposition: 'Voicemail left', notes: 'Try again' });
        await h.settle();

        expect(h.salesforce.calls).toHaveLength(2);
        expect(h.salesforce.calls[1]).toMatchObject({
            entityApiName: 'Phone_Call__c',
            Disposition__c: 'Voicemail left',
            Notes__c: 'Try again'
        });
        expect(await store.getAll()).toEqual([]);
    });

    it('follows an in-flight create with the wrap-up set meanwhile', async () => {
        const { store } = await kind.create();
        const h = createHarness(store);
        let release: () => void = () => undefined;
        const gate = new Promise<void>((resolve) => {
            release = resolve;
        });
        h.salesforce.onCall = (value) =>
            value.entityApiName === 'Phone_Call__c' ? gate : undefined;

        await h.outbox.enqueue(endedCall('call-1'));
        await flushTicks(5);
        expect(h.salesforce.calls).toHaveLength(1);
        await h.outbox.setWrapUp('call-1', { disposition: 'Sale' });
        release();
        await h.settle();

        const id = h.salesforce.phoneCallByProviderId('call-1')?.id;
        expect(h.salesforce.calls.map((value) => value.Id ?? value.entityApiName)).toEqual([
            'Phone_Call__c',
            id
        ]);
        expect(h.salesforce.calls[1]).toEqual({ Id: id, Disposition__c: 'Sale' });
        expect(await store.getAll()).toEqual([]);
    });

    it('rejects a wrap-up that is too long or for an unknown call', async () => {
        const { store } = await kind.create();
        const h = createHarness(store);
        await h.outbox.enqueue(endedCall('call-1'));
        await h.settle();
        await expect(
            h.outbox.setWrapUp('call-1', { disposition: 'd'.repeat(256) })
        ).rejects.toMatchObject({ code: 'DISPOSITION_TOO_LONG' });
        await expect(
            h.outbox.setWrapUp('call-1', { disposition: 'Sale', notes: 'n'.repeat(32769) })
        ).rejects.toMatchObject({ code: 'NOTES_TOO_LONG' });
        await expect(h.outbox.setWrapUp('nope', { disposition: 'Sale' })).rejects.toBeInstanceOf(
            CallLogError
        );
        await expect(
            h.outbox.setWrapUp('call-1', { disposition: 'd'.repeat(255), notes: 'n'.repeat(32768) })
        ).resolves.toBeUndefined();
        await h.settle();
        expect(h.salesforce.phoneCallByProviderId('call-1')?.fields.Notes__c).toHaveLength(32768);
    });

    it('asks for the Task mirror on the create and writes no Task itself, whatever is retried', async () => {
        const { store } = await kind.create();
        const h = createHarness(store, { mirrorToTask: true });
        // The first create is written but its answer is lost: the retry hits the unique
        // Provider_Call_Id__c, and the flow (which runs on create) made one Task at most.
        h.salesforce.failWith = (value) =>
            value.entityApiName === 'Phone_Call__c' && h.salesforce.calls.length === 1
                ? 'after'
                : undefined;
        await h.outbox.enqueue(endedCall('call-1'));
        await h.outbox.setWrapUp('call-1', { disposition: 'Sale', notes: 'Signed' });
        await h.advance(60_000);

        const records = h.salesforce.recordsOf('Phone_Call__c');
        expect(records).toHaveLength(1);
        expect(records[0]?.fields).toMatchObject({
            Mirror_To_Task__c: true,
            Disposition__c: 'Sale',
            Notes__c: 'Signed'
        });
        expect(h.salesforce.calls.filter((value) => value.entityApiName === 'Task')).toEqual([]);
        expect(h.salesforce.recordsOf('Task')).toHaveLength(0);
        expect(await store.getAll()).toEqual([]);
    });

    it('parks an entry after an error retrying cannot fix, and retries it on replay', async () => {
        const { store } = await kind.create();
        const h = createHarness(store);
        h.salesforce.failWith = () => 'permanent';
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        await h.advance(10 * 60_000);

        expect(h.salesforce.calls).toHaveLength(1);
        expect(h.failed).toEqual([
            expect.objectContaining({ attempt: 1, nextAttemptAt: null, permanent: true })
        ]);
        expect(h.outbox.pendingCount).toBe(1);
        expect((await store.getAll())[0]).toMatchObject({ parked: true });

        h.salesforce.failWith = () => undefined;
        h.outbox.retryNow();
        await h.settle();
        expect(h.salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
        expect(await store.getAll()).toEqual([]);
    });

    it('gives up on an attempt that never answers and recovers through the duplicate', async () => {
        const { store } = await kind.create();
        const h = createHarness(store, { attemptTimeoutMs: 10_000 });
        h.salesforce.failWith = (_value, callNumber) => (callNumber === 1 ? 'hang' : undefined);
        const settle = () => flushTicks();
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.scheduler.advance(10_000, settle);
        expect(h.failed).toEqual([
            expect.objectContaining({ error: 'saveLog did not answer within 10 s', attempt: 1 })
        ]);
        await h.scheduler.advance(1000, settle);
        await h.settle();

        expect(h.salesforce.calls).toHaveLength(3); // create (hung), create (duplicate), update
        expect(h.salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
        expect(h.logged).toHaveLength(1);
        expect(await store.getAll()).toEqual([]);
    });

    it('keeps the facts of its first write when the same call is enqueued again with others', async () => {
        const { store } = await kind.create();
        const h = createHarness(store);
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        expect(h.salesforce.calls).toHaveLength(1); // same data: nothing to write
        await h.outbox.enqueue(endedCall('call-1', { outcome: 'Dropped' }), { awaitWrapUp: false });
        await h.settle();
        expect(h.salesforce.calls).toHaveLength(2);
        expect(h.salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
        // Outcome, times and duration are locked once written (Call_Metrics_Are_Locked): the
        // first write, made when the call ended, stands.
        expect(h.salesforce.calls.at(-1)).not.toHaveProperty('Outcome__c');
        expect(h.salesforce.phoneCallByProviderId('call-1')?.fields.Outcome__c).toBe('Connected');
        expect(h.logged).toHaveLength(1);
    });

    it('keeps the related record when the same call comes again without one, before its create', async () => {
        const { store } = await kind.create();
        const h = createHarness(store);
        h.salesforce.failWith = (_value, callNumber) => (callNumber === 1 ? 'before' : undefined);
        await h.outbox.enqueue(endedCall('call-1'), { awaitWrapUp: false });
        await h.settle();
        // A reload's snapshot of the same call, taken before the screen pop related it.
        await h.outbox.enqueue(endedCall('call-1', { related: undefined, outcome: 'Dropped' }), {
            awaitWrapUp: false
        });
        await h.advance(60_000);
        const saved = h.salesforce.phoneCallByProviderId('call-1')?.fields;
        expect(saved?.Contact__c).toBe(CONTACT_ID);
        expect(saved?.Outcome__c).toBe('Dropped');
        expect(h.salesforce.recordsOf('Phone_Call__c')).toHaveLength(1);
    });

    it('keeps one attempt in flight per entry while enqueue, wrap-up and timers interleave', async () => {
        const { store } = await kind.create();
        const h = createHarness(store, { random: seededRandom(3) });
        const faults = seededRandom(11);
        h.salesforce.failWith = () => (faults() < 0.4 ? 'before' : undefined);
        h.salesforce.onCall = () => flushTicks(3);

        for (let index = 0; index < 10; index += 1) {
            void h.outbox.enqueue(endedCall(`call-${index}`));
        }
        for (let round = 0; round < 30; round += 1) {
            const index = round % 10;
            void h.outbox
                .setWrapUp(`call-${index}`, { disposition: `R${round}` })
                .catch(() => undefined);
            if (round % 4 === 0) {
                h.outbox.retryNow();
            }
            void h.outbox.enqueue(endedCall(`call-${index}`));
            await h.scheduler.advance(700, () => flushTicks(2));
        }
        for (let round = 0; round < 40 && (await store.getAll()).length > 0; round += 1) {
            await h.advance(60_000);
        }

        expect(h.salesforce.maxInFlightPerKey).toBe(1);
        expect(h.salesforce.recordsOf('Phone_Call__c')).toHaveLength(10);
        for (let index = 0; index < 10; index += 1) {
            const record = h.salesforce.phoneCallByProviderId(`call-${index}`);
            // The last wrap-up set wins.
            expect(record?.fields.Disposition__c).toBe(`R${20 + index}`);
        }
        expect(await store.getAll()).toEqual([]);
    });
});
