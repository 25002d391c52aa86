import type { ConnectorEvent } from '../connector';
import { SimulatorConnector } from './simulator-connector';

interface Harness {
    readonly simulator: SimulatorConnector;
    readonly events: ConnectorEvent[];
}

async function connected(): Promise<Harness> {
    let next = 0;
    const simulator = new SimulatorConnector({
        idGenerator: () => `call-${++next}`,
        lineNumber: '+14155550100'
    });
    const events: ConnectorEvent[] = [];
    simulator.onEvent((event) => events.push(event));
    const connecting = simulator.connect();
    await jest.advanceTimersByTimeAsync(300);
    await connecting;
    events.length = 0;
    return { simulator, events };
}

/** An answered inbound call from the caller, its id. */
async function answeredInbound(harness: Harness): Promise<string> {
    const id = harness.simulator.simulateIncoming({ from: '+14155550199' });
    const answering = harness.simulator.answer(id);
    await jest.advanceTimersByTimeAsync(100);
    await answering;
    harness.events.length = 0;
    return id;
}

async function settle<T>(promise: Promise<T>, ms = 100): Promise<T> {
    await jest.advanceTimersByTimeAsync(ms);
    return promise;
}

/** An inbound call held, with a consult call to `target` that answered: [first, consult]. */
async function answeredConsult(harness: Harness, target = '+14155551234'): Promise<string[]> {
    const first = await answeredInbound(harness);
    await settle(harness.simulator.hold(first));
    const consult = await harness.simulator.startConsult(first, target);
    await jest.advanceTimersByTimeAsync(1500);
    harness.events.length = 0;
    return [first, consult];
}

beforeEach(() => {
    jest.useFakeTimers();
});

afterEach(() => {
    jest.useRealTimers();
});

describe('SimulatorConnector blind transfer', () => {
    it('says it plays every handover family', async () => {
        const { simulator } = await connected();
        expect(simulator.handoverSupport).toEqual({
            blindTransfer: true,
            consultTransfer: true,
            conference: true
        });
    });

    it('reports trying, ringing, then accepted and ends the call transferred when the target answers', async () => {
        const harness = await connected();
        const id = await answeredInbound(harness);
        const target = '+14155551234';

        await settle(harness.simulator.blindTransfer(id, target));
        expect(harness.events.splice(0)).toEqual([
            { type: 'transfer', callId: id, target, progress: 'trying' }
        ]);
        await jest.advanceTimersByTimeAsync(100);
        expect(harness.events.splice(0)).toEqual([
            { type: 'transfer', callId: id, target, progress: 'ringing' }
        ]);
        await jest.advanceTimersByTimeAsync(1400);
        expect(harness.events.splice(0)).toEqual([
            { type: 'transfer', callId: id, target, progress: 'accepted' },
            { type: 'ended', callId: id, reason: 'transferred' }
        ]);
        expect(harness.simulator.liveCallIds()).toEqual([]);
    });

    it.each([
        ['+14155550000', 1000, 'busy'],
        ['+14155550001', 20_000, 'no-answer'],
        ['+14155550002', 1, 'unreachable']
    ] as const)(
        'fails a transfer to %s after %i ms (%s), the call staying',
        async (target, ms, reason) => {
            const harness = await connected();
            const id = await answeredInbound(harness);
            await settle(harness.simulator.blindTransfer(id, target));
            await jest.advanceTimersByTimeAsync(ms);
            expect(harness.events.at(-1)).toEqual({
                type: 'transfer',
                callId: id,
                target,
                progress: 'failed',
                reason
            });
            expect(harness.simulator.liveCallIds()).toEqual([id]);
        }
    );

    it('hands a call on to voicemail as an accepted transfer', async () => {
        const harness = await connected();
        const id = await answeredInbound(harness);
        await settle(harness.simulator.blindTransfer(id, '+14155550003'));
        await jest.advanceTimersByTimeAsync(3000);
        expect(harness.events.at(-1)).toEqual({ type: 'ended', callId: id, reason: 'transferred' });
    });

    it('refuses a transfer to a number ending in 0005, the call staying', async () => {
        const harness = await connected();
        const id = await answeredInbound(harness);
        const transfer = harness.simulator.blindTransfer(id, '+14155550005');
        const rejected = expect(transfer).rejects.toThrow(
            'The phone system refused the transfer to +14155550005 (403 Forbidden).'
        );
        await jest.advanceTimersByTimeAsync(100);
        await rejected;
        expect(harness.simulator.liveCallIds()).toEqual([id]);
    });

    it('refuses a target without digits and a ringing call', async () => {
        const harness = await connected();
        const id = harness.simulator.simulateIncoming({ from: '+14155550199' });
        await expect(harness.simulator.blindTransfer(id, 'abc')).rejects.toThrow(
            'Cannot transfer to "abc": a number needs at least one digit.'
        );
        await expect(harness.simulator.blindTransfer(id, '200')).rejects.toThrow(
            `Cannot transfer call "${id}": it is ringing (needs connected or held).`
        );
    });

    it('stops playing the transfer when the caller hangs up', async () => {
        const harness = await connected();
        const id = await answeredInbound(harness);
        await settle(harness.simulator.blindTransfer(id, '+14155551234'));
        harness.simulator.simulateRemoteHangup(id);
        harness.events.length = 0;
        await jest.advanceTimersByTimeAsync(5000);
        expect(harness.events).toEqual([]);
    });
});

describe('SimulatorConnector consult', () => {
    it('places the consult call like a dial and completes it into a transfer', async () => {
        const harness = await connected();
        const [first, consult] = await answeredConsult(harness);
        expect(consult).toBe('call-2');

        await settle(harness.simulator.completeConsult(first ?? '', consult ?? ''));

        expect(harness.events).toEqual([
            { type: 'transfer', callId: first, target: '+14155551234', progress: 'accepted' },
            { type: 'ended', callId: first, reason: 'transferred' },
            { type: 'ended', callId: consult, reason: 'transferred' }
        ]);
    });

    it('refuses to complete into a number that refuses transfers', async () => {
        const harness = await connected();
        const [first, consult] = await answeredConsult(harness, '+14155550005');
        const completing = harness.simulator.completeConsult(first ?? '', consult ?? '');
        const rejected = expect(completing).rejects.toThrow('403 Forbidden');
        await jest.advanceTimersByTimeAsync(100);
        await rejected;
        expect(harness.simulator.liveCallIds()).toEqual([first, consult]);
    });

    it('refuses a consult on a call not held, or unknown, and completing before an answer', async () => {
        const harness = await connected();
        const first = await answeredInbound(harness);
        await expect(harness.simulator.startConsult(first, '200')).rejects.toThrow(
            `Cannot consult on call "${first}": it is connected (needs held).`
        );
        await expect(harness.simulator.startConsult('nope', '200')).rejects.toThrow(
            'Cannot consult on call "nope": the simulator has no such call.'
        );
        await settle(harness.simulator.hold(first));
        const consult = await harness.simulator.startConsult(first, '+14155551234');
        await expect(harness.simulator.completeConsult(first, consult)).rejects.toThrow(
            `Cannot complete the consult: call "${consult}" is not connected.`
        );
    });
});

describe('SimulatorConnector conference', () => {
    it('merges: resumes the held call and reports both parties; a drop reports the end', async () => {
        const harness = await connected();
        const [first, consult] = await answeredConsult(harness);

        await settle(harness.simulator.mergeCalls(first ?? '', consult ?? ''));
        expect(harness.events.splice(0)).toEqual([
            { type: 'resumed', callId: first },
            { type: 'conference', callIds: [first, consult] }
        ]);

        await settle(harness.simulator.dropParty(consult ?? ''));
        expect(harness.events.splice(0)).toEqual([
            { type: 'ended', callId: consult, reason: 'local-hangup' },
            { type: 'conference', callIds: [] }
        ]);
        expect(harness.simulator.liveCallIds()).toEqual([first]);
    });

    it('reports the end of the conference when a party hangs up', async () => {
        const harness = await connected();
        const [first, consult] = await answeredConsult(harness);
        await settle(harness.simulator.mergeCalls(first ?? '', consult ?? ''));
        harness.events.length = 0;
        harness.simulator.simulateRemoteHangup(first ?? '');
        expect(harness.events).toEqual([
            { type: 'ended', callId: first, reason: 'remote-hangup' },
            { type: 'conference', callIds: [] }
        ]);
    });

    it('refuses to merge without a connected call, and to drop a call not in conference', async () => {
        const harness = await connected();
        const first = await answeredInbound(harness);
        await expect(harness.simulator.mergeCalls(first, 'nope')).rejects.toThrow(
            'Cannot merge: call "nope" is not connected.'
        );
        await expect(harness.simulator.dropParty(first)).rejects.toThrow(
            `Cannot drop call "${first}": it is not in conference.`
        );
    });
});
