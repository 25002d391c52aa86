import type { ConnectorEvent } from '../connector';
import type { Scheduler } from '../scheduler';
import { SimulatorConnector } from './simulator-connector';
import type { SimulatorConnectorOptions } from './simulator-connector';

interface Harness {
    readonly simulator: SimulatorConnector;
    readonly events: ConnectorEvent[];
}

function createSimulator(options: Partial<SimulatorConnectorOptions> = {}): Harness {
    let next = 0;
    const simulator = new SimulatorConnector({
        idGenerator: () => `call-${++next}`,
        lineNumber: '+14155550100',
        ...options
    });
    const events: ConnectorEvent[] = [];
    simulator.onEvent((event) => events.push(event));
    return { simulator, events };
}

async function connected(options: Partial<SimulatorConnectorOptions> = {}): Promise<Harness> {
    const harness = createSimulator(options);
    const connecting = harness.simulator.connect();
    await jest.advanceTimersByTimeAsync(300);
    await connecting;
    harness.events.length = 0;
    return harness;
}

/** Dials and lets the rule play out up to `ms`, then returns the id and the events since. */
async function dialAndWait(
    harness: Harness,
    number: string,
    ms: number
): Promise<{ id: string; events: ConnectorEvent[] }> {
    const id = await harness.simulator.dial(number);
    await jest.advanceTimersByTimeAsync(ms);
    return { id, events: harness.events.splice(0) };
}

async function answeredOutbound(harness: Harness): Promise<string> {
    const { id } = await dialAndWait(harness, '+1 415 555 1234', 1500);
    return id;
}

beforeEach(() => {
    jest.useFakeTimers();
});

afterEach(() => {
    jest.useRealTimers();
});

describe('SimulatorConnector connection', () => {
    it('is a simulator and starts disconnected', () => {
        const { simulator } = createSimulator();
        expect(simulator.kind).toBe('simulator');
        expect(simulator.connectionStatus).toBe('disconnected');
    });

    it('reports connecting at once and connected after 300 ms', async () => {
        const { simulator, events } = createSimulator();
        let done = false;
        void simulator.connect().then(() => {
            done = true;
        });

        expect(events).toEqual([{ type: 'connection', status: 'connecting' }]);
        await jest.advanceTimersByTimeAsync(299);
        expect(done).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        expect(done).toBe(true);
        expect(events).toEqual([
            { type: 'connection', status: 'connecting' },
            { type: 'connection', status: 'connected' }
        ]);
        expect(simulator.connectionStatus).toBe('connected');
    });

    it('honours a configured connect delay', async () => {
        const { simulator } = createSimulator({ delays: { connectMs: 50 } });
        const connecting = simulator.connect();
        await jest.advanceTimersByTimeAsync(50);
        await expect(connecting).resolves.toBeUndefined();
    });

    it('shares one attempt between concurrent connects and resolves at once when connected', async () => {
        const { simulator, events } = createSimulator();
        const first = simulator.connect();
        const second = simulator.connect();
        await jest.advanceTimersByTimeAsync(300);
        await Promise.all([first, second]);
        await simulator.connect();
        expect(events.filter((event) => event.type === 'connection')).toHaveLength(2);
    });

    it('fails a pending connect when disconnected before it completes', async () => {
        const { simulator, events } = createSimulator();
        const connecting = simulator.connect();
        await simulator.disconnect();
        await expect(connecting).rejects.toThrow(/before the simulator finished connecting/);
        await jest.advanceTimersByTimeAsync(1000);
        expect(events.map((event) => event.type === 'connection' && event.status)).toEqual([
            'connecting',
            'disconnected'
        ]);
    });

    it('disconnect ends live calls with connection-lost, then reports disconnected', async () => {
        const harness = await connected();
        const id = await answeredOutbound(harness);
        harness.events.length = 0;

        await harness.simulator.disconnect();

        expect(harness.events).toEqual([
            { type: 'ended', callId: id, reason: 'connection-lost' },
            { type: 'connection', status: 'disconnected' }
        ]);
        expect(harness.simulator.liveCallIds()).toEqual([]);
    });

    it('disconnect when already disconnected does nothing', async () => {
        const { simulator, events } = createSimulator();
        await simulator.disconnect();
        expect(events).toEqual([]);
    });

    it('refuses every request while not connected', async () => {
        const { simulator } = createSimulator();
        await expect(simulator.dial('5551234')).rejects.toThrow(
            'Cannot dial: the simulator is disconnected.'
        );
        await expect(simulator.answer('x')).rejects.toThrow(/simulator is disconnected/);
        expect(() => simulator.simulateIncoming({ from: '+1555' })).toThrow(
            /Cannot receive a call: the simulator is disconnected/
        );
    });

    it('connection loss reports reconnecting and ends every live call with connection-lost', async () => {
        const harness = await connected();
        const outbound = await answeredOutbound(harness);
        const inbound = harness.simulator.simulateIncoming({ from: '+14155550199' });
        harness.events.length = 0;

        harness.simulator.simulateConnectionLoss();

        expect(harness.events).toEqual([
            {
                type: 'connection',
                status: 'reconnecting',
                message: 'Simulated connection loss; reconnecting.'
            },
            { type: 'ended', callId: outbound, reason: 'connection-lost' },
            { type: 'ended', callId: inbound, reason: 'connection-lost' }
        ]);
        expect(harness.simulator.connectionStatus).toBe('reconnecting');
        await expect(harness.simulator.dial('5551234')).rejects.toThrow(/reconnecting/);
        await expect(harness.simulator.connect()).rejects.toThrow(/reconnecting/);
    });

    it('connection restore reports connected and accepts calls again', async () => {
        const harness = await connected();
        harness.simulator.simulateConnectionLoss();
        harness.events.length = 0;

        harness.simulator.simulateConnectionRestore();

        expect(harness.events).toEqual([{ type: 'connection', status: 'connected' }]);
        await expect(harness.simulator.dial('5551234')).resolves.toBe('call-1');
    });

    it('refuses to simulate a loss or a restore from the wrong status', async () => {
        const { simulator } = createSimulator();
        expect(() => simulator.simulateConnectionLoss()).toThrow(/simulator is disconnected/);
        const harness = await connected();
        expect(() => harness.simulator.simulateConnectionRestore()).toThrow(
            /simulator is connected/
        );
    });

    it('stops notifying an unsubscribed listener', async () => {
        const harness = await connected();
        const listener = jest.fn();
        const unsubscribe = harness.simulator.onEvent(listener);
        unsubscribe();
        harness.simulator.simulateIncoming({ from: '1' });
        expect(listener).not.toHaveBeenCalled();
    });
});

describe('SimulatorConnector outbound rules', () => {
    it('an ordinary number rings after 100 ms and is answered after 1.5 s', async () => {
        const harness = await connected();
        const id = await harness.simulator.dial('+1 (415) 555-1234');
        expect(id).toBe('call-1');
        expect(harness.events).toEqual([]);

        await jest.advanceTimersByTimeAsync(100);
        expect(harness.events).toEqual([{ type: 'remoteRinging', callId: id }]);
        await jest.advanceTimersByTimeAsync(1399);
        expect(harness.events).toHaveLength(1);
        await jest.advanceTimersByTimeAsync(1);
        expect(harness.events).toEqual([
            { type: 'remoteRinging', callId: id },
            { type: 'answered', callId: id }
        ]);
        await jest.advanceTimersByTimeAsync(60_000);
        expect(harness.events).toHaveLength(2);
    });

    it('…0000 rings, then is busy after 1 s', async () => {
        const harness = await connected();
        const { id, events } = await dialAndWait(harness, '415-555-0000', 999);
        expect(events).toEqual([{ type: 'remoteRinging', callId: id }]);
        await jest.advanceTimersByTimeAsync(1);
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'busy' }]);
        expect(harness.simulator.liveCallIds()).toEqual([]);
    });

    it('…0001 rings unanswered and ends no-answer after 20 s by default', async () => {
        const harness = await connected();
        const { id, events } = await dialAndWait(harness, '4155550001', 19_999);
        expect(events).toEqual([{ type: 'remoteRinging', callId: id }]);
        await jest.advanceTimersByTimeAsync(1);
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'no-answer' }]);
    });

    it('…0001 uses the configured no-answer timeout', async () => {
        const harness = await connected({ delays: { noAnswerMs: 30_000 } });
        const { id } = await dialAndWait(harness, '4155550001', 29_999);
        expect(harness.simulator.liveCallIds()).toEqual([id]);
        await jest.advanceTimersByTimeAsync(1);
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'no-answer' }]);
    });

    it('…0002 is unreachable at once, after the dial has resolved', async () => {
        const harness = await connected();
        const id = await harness.simulator.dial('4155550002');
        expect(harness.events).toEqual([]);
        await jest.advanceTimersByTimeAsync(0);
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'unreachable' }]);
    });

    it('…0003 rings, then goes to voicemail after 3 s without being answered', async () => {
        const harness = await connected();
        const { id, events } = await dialAndWait(harness, '4155550003', 2999);
        expect(events).toEqual([{ type: 'remoteRinging', callId: id }]);
        await jest.advanceTimersByTimeAsync(1);
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'voicemail' }]);
    });

    it.each(['', '   ', 'call me', '+-()'])('refuses to dial %p', async (number) => {
        const harness = await connected();
        await expect(harness.simulator.dial(number)).rejects.toThrow(
            /a number needs at least one digit/
        );
        expect(harness.simulator.liveCallIds()).toEqual([]);
    });

    it('refuses a call id the generator repeats', async () => {
        const harness = await connected({ idGenerator: () => 'same' });
        await harness.simulator.dial('5551234');
        await expect(harness.simulator.dial('5551234')).rejects.toThrow(/repeated call id "same"/);
        expect(() => harness.simulator.simulateIncoming({ from: '1' })).toThrow(/repeated/);
    });

    it('a hang-up while dialing cancels the remote behaviour', async () => {
        const harness = await connected();
        const id = await harness.simulator.dial('5551234');
        await jest.advanceTimersByTimeAsync(200);
        harness.events.length = 0;

        const hangup = harness.simulator.hangup(id);
        await jest.advanceTimersByTimeAsync(100);
        await hangup;
        await jest.advanceTimersByTimeAsync(5000);

        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'local-hangup' }]);
    });

    it('a remote hang-up while dialing ends the call as declined', async () => {
        const harness = await connected();
        const id = await harness.simulator.dial('5551234');
        harness.simulator.simulateRemoteHangup(id);
        await jest.advanceTimersByTimeAsync(5000);
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'declined' }]);
    });
});

describe('SimulatorConnector inbound calls', () => {
    it('emits incoming at once with the caller and returns the call id', async () => {
        const harness = await connected();
        const id = harness.simulator.simulateIncoming({
            from: '+14155550199',
            fromName: 'Ada Lovelace'
        });
        expect(id).toBe('call-1');
        expect(harness.events).toEqual([
            {
                type: 'incoming',
                callId: id,
                from: '+14155550199',
                fromName: 'Ada Lovelace',
                to: '+14155550100'
            }
        ]);
    });

    it('uses the given dialled number and leaves out a missing name', async () => {
        const harness = await connected();
        harness.simulator.simulateIncoming({ from: '', to: '+442071234567' });
        expect(harness.events).toEqual([
            { type: 'incoming', callId: 'call-1', from: '', to: '+442071234567' }
        ]);
    });

    it('answer is confirmed by answered after 100 ms', async () => {
        const harness = await connected();
        const id = harness.simulator.simulateIncoming({ from: '+1555' });
        harness.events.length = 0;
        let answered = false;
        void harness.simulator.answer(id).then(() => {
            answered = true;
        });
        await jest.advanceTimersByTimeAsync(99);
        expect(answered).toBe(false);
        expect(harness.events).toEqual([]);
        await jest.advanceTimersByTimeAsync(1);
        expect(answered).toBe(true);
        expect(harness.events).toEqual([{ type: 'answered', callId: id }]);
    });

    it('an unanswered call ends no-answer after the ring timeout', async () => {
        const harness = await connected({ delays: { inboundRingTimeoutMs: 10_000 } });
        const id = harness.simulator.simulateIncoming({ from: '+1555' });
        harness.events.length = 0;
        await jest.advanceTimersByTimeAsync(10_000);
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'no-answer' }]);
    });

    it('answering stops the ring timeout', async () => {
        const harness = await connected();
        const id = harness.simulator.simulateIncoming({ from: '+1555' });
        const answering = harness.simulator.answer(id);
        await jest.advanceTimersByTimeAsync(100);
        await answering;
        await jest.advanceTimersByTimeAsync(60_000);
        expect(harness.events.filter((event) => event.type === 'ended')).toEqual([]);
    });

    it('decline ends the call with declined', async () => {
        const harness = await connected();
        const id = harness.simulator.simulateIncoming({ from: '+1555' });
        harness.events.length = 0;
        const declining = harness.simulator.decline(id);
        expect(harness.simulator.liveCallIds()).toEqual([]);
        await jest.advanceTimersByTimeAsync(100);
        await declining;
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'declined' }]);
        await jest.advanceTimersByTimeAsync(60_000);
        expect(harness.events).toHaveLength(1);
    });

    it('a remote hang-up while ringing is a cancel', async () => {
        const harness = await connected();
        const id = harness.simulator.simulateIncoming({ from: '+1555' });
        harness.events.length = 0;
        harness.simulator.simulateRemoteHangup(id);
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'cancelled' }]);
    });

    it('a remote hang-up on a connected call is remote-hangup', async () => {
        const harness = await connected();
        const id = harness.simulator.simulateIncoming({ from: '+1555' });
        const answering = harness.simulator.answer(id);
        await jest.advanceTimersByTimeAsync(100);
        await answering;
        harness.events.length = 0;
        harness.simulator.simulateRemoteHangup(id);
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'remote-hangup' }]);
    });

    it('refuses a remote hang-up for an unknown call', async () => {
        const harness = await connected();
        expect(() => harness.simulator.simulateRemoteHangup('nope')).toThrow(
            'Cannot simulate a remote hang-up on call "nope": the simulator has no such call.'
        );
    });
});

describe('SimulatorConnector call controls', () => {
    it('hold and resume are confirmed by held and resumed after 100 ms', async () => {
        const harness = await connected();
        const id = await answeredOutbound(harness);
        harness.events.length = 0;

        const holding = harness.simulator.hold(id);
        await jest.advanceTimersByTimeAsync(100);
        await holding;
        const resuming = harness.simulator.resume(id);
        await jest.advanceTimersByTimeAsync(100);
        await resuming;

        expect(harness.events).toEqual([
            { type: 'held', callId: id },
            { type: 'resumed', callId: id }
        ]);
    });

    it('refuses to hold a held call or resume a connected one', async () => {
        const harness = await connected();
        const id = await answeredOutbound(harness);
        await expect(harness.simulator.resume(id)).rejects.toThrow(
            `Cannot resume call "${id}": it is connected (needs held).`
        );
        void harness.simulator.hold(id);
        await expect(harness.simulator.hold(id)).rejects.toThrow(/it is held \(needs connected\)/);
    });

    it('hangup ends a connected or held call with local-hangup', async () => {
        const harness = await connected();
        const id = await answeredOutbound(harness);
        const holding = harness.simulator.hold(id);
        await jest.advanceTimersByTimeAsync(100);
        await holding;
        harness.events.length = 0;

        const hangingUp = harness.simulator.hangup(id);
        await jest.advanceTimersByTimeAsync(100);
        await hangingUp;

        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'local-hangup' }]);
    });

    it('a hang-up during a pending hold fails the hold and emits no held event', async () => {
        const harness = await connected();
        const id = await answeredOutbound(harness);
        harness.events.length = 0;

        const holding = harness.simulator.hold(id);
        const hangingUp = harness.simulator.hangup(id);
        await expect(holding).rejects.toThrow(
            `Call "${id}" ended (local-hangup) before the hold completed.`
        );
        await jest.advanceTimersByTimeAsync(100);
        await hangingUp;

        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'local-hangup' }]);
    });

    it('refuses to answer or decline an outbound call and to hang up a ringing one', async () => {
        const harness = await connected();
        const outbound = await harness.simulator.dial('5551234');
        await expect(harness.simulator.answer(outbound)).rejects.toThrow(
            /Cannot answer call "call-1": it is dialing/
        );
        await expect(harness.simulator.decline(outbound)).rejects.toThrow(/Cannot decline/);
        const inbound = harness.simulator.simulateIncoming({ from: '1' });
        await expect(harness.simulator.hangup(inbound)).rejects.toThrow(
            /Cannot hang up call "call-2": it is ringing/
        );
    });

    it('mute is accepted on a live call and refused on a ringing one', async () => {
        const harness = await connected();
        const id = await answeredOutbound(harness);
        await expect(harness.simulator.setMuted(id, true)).resolves.toBeUndefined();
        await expect(harness.simulator.setMuted(id, false)).resolves.toBeUndefined();
        const inbound = harness.simulator.simulateIncoming({ from: '1' });
        await expect(harness.simulator.setMuted(inbound, true)).rejects.toThrow(/Cannot mute/);
    });

    it('records the DTMF sent on a connected call, upper-casing A-D', async () => {
        const harness = await connected();
        const id = await answeredOutbound(harness);
        await harness.simulator.sendDtmf(id, '12');
        await harness.simulator.sendDtmf(id, '*#ab');
        expect(harness.simulator.sentDigits(id)).toBe('12*#AB');
        expect(harness.simulator.sentDigits('other')).toBe('');
    });

    it.each(['', '1 2', 'E', 'p'])('refuses the DTMF %p', async (digits) => {
        const harness = await connected();
        const id = await answeredOutbound(harness);
        await expect(harness.simulator.sendDtmf(id, digits)).rejects.toThrow(
            /use only 0-9, \*, # and A-D/
        );
        expect(harness.simulator.sentDigits(id)).toBe('');
    });

    it('refuses DTMF on a held or dialing call', async () => {
        const harness = await connected();
        const id = await answeredOutbound(harness);
        void harness.simulator.hold(id);
        await expect(harness.simulator.sendDtmf(id, '1')).rejects.toThrow(/it is held/);
        const dialing = await harness.simulator.dial('5559876');
        await expect(harness.simulator.sendDtmf(dialing, '1')).rejects.toThrow(/it is dialing/);
    });

    it.each([
        ['answer', (s: SimulatorConnector) => s.answer('ghost')],
        ['decline', (s: SimulatorConnector) => s.decline('ghost')],
        ['hang up', (s: SimulatorConnector) => s.hangup('ghost')],
        ['hold', (s: SimulatorConnector) => s.hold('ghost')],
        ['resume', (s: SimulatorConnector) => s.resume('ghost')],
        ['mute', (s: SimulatorConnector) => s.setMuted('ghost', true)],
        ['send DTMF on', (s: SimulatorConnector) => s.sendDtmf('ghost', '1')]
    ])('rejects %s for an unknown call id', async (action, request) => {
        const harness = await connected();
        await expect(request(harness.simulator)).rejects.toThrow(
            `Cannot ${action} call "ghost": the simulator has no such call.`
        );
    });

    it('says when a call id belongs to a call that has ended', async () => {
        const harness = await connected();
        const id = harness.simulator.simulateIncoming({ from: '1' });
        harness.simulator.simulateRemoteHangup(id);
        await expect(harness.simulator.answer(id)).rejects.toThrow(
            `Cannot answer call "${id}": it has ended.`
        );
    });
});

describe('SimulatorConnector with a manual scheduler', () => {
    it('takes its time only from the injected scheduler', async () => {
        const queue: { callback: () => void; delayMs: number }[] = [];
        const scheduler: Scheduler = {
            setTimeout: (callback, delayMs) => {
                const entry = { callback, delayMs };
                queue.push(entry);
                return entry;
            },
            clearTimeout: (handle) => {
                const index = queue.findIndex((entry) => entry === handle);
                if (index >= 0) {
                    queue.splice(index, 1);
                }
            }
        };
        const { simulator, events } = createSimulator({ scheduler });

        const connecting = simulator.connect();
        expect(queue.map((entry) => entry.delayMs)).toEqual([300]);
        queue.shift()?.callback();
        await connecting;
        const id = await simulator.dial('4155550000');
        expect(queue.map((entry) => entry.delayMs)).toEqual([100, 1000]);
        queue.shift()?.callback();
        queue.shift()?.callback();

        expect(events.slice(2)).toEqual([
            { type: 'remoteRinging', callId: id },
            { type: 'ended', callId: id, reason: 'busy' }
        ]);
    });
});
