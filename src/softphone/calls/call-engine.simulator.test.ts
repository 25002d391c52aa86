import { SimulatorConnector } from '../telephony/simulator/simulator-connector';
import { CallEngine } from './call-engine';
import type { EndedCall } from './ended-call';
import type { EngineErrorEvent } from './engine-events';

/** The engine on the real simulator; time is jest's fake time for both. */
async function startOnSimulator(): Promise<{
    engine: CallEngine;
    simulator: SimulatorConnector;
    ended: EndedCall[];
    errors: EngineErrorEvent[];
}> {
    let next = 0;
    const simulator = new SimulatorConnector({
        idGenerator: () => `sim-${++next}`,
        lineNumber: '+14155550100'
    });
    const engine = new CallEngine({
        connector: simulator,
        clock: { now: () => Date.now() },
        lineNumber: '+14155550100'
    });
    const ended: EndedCall[] = [];
    const errors: EngineErrorEvent[] = [];
    engine.on('callEnded', (call) => ended.push(call));
    engine.on('error', (error) => errors.push(error));
    engine.start();
    const connecting = engine.connect();
    await jest.advanceTimersByTimeAsync(300);
    await expect(connecting).resolves.toEqual({ ok: true });
    expect(engine.setAgentState('Available')).toEqual({ ok: true });
    return { engine, simulator, ended, errors };
}

beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2025-01-01T09:00:00Z') });
});

afterEach(() => {
    jest.useRealTimers();
});

describe('CallEngine on the simulator', () => {
    it('places an outbound call that answers, talks for a minute and hangs up', async () => {
        const { engine, ended } = await startOnSimulator();

        const dialing = await engine.dial('+1 (415) 555-1234');
        expect(dialing).toEqual({ ok: true, callId: 'sim-1' });
        expect(engine.snapshot().calls[0]?.state).toBe('dialing');
        await jest.advanceTimersByTimeAsync(1500);
        expect(engine.snapshot().calls[0]?.state).toBe('connected');

        await jest.advanceTimersByTimeAsync(60_000);
        const hangingUp = engine.hangup('sim-1');
        await jest.advanceTimersByTimeAsync(100);
        await expect(hangingUp).resolves.toEqual({ ok: true });

        expect(ended).toHaveLength(1);
        expect(ended[0]).toMatchObject({
            id: 'sim-1',
            direction: 'Outbound',
            outcome: 'Connected',
            endReason: 'local-hangup',
            durationSeconds: 60
        });
        expect(engine.snapshot().agentState).toBe('AfterCallWork');
    });

    it.each([
        ['4155550000', 1000, 'Busy'],
        ['4155550001', 20_000, 'No Answer'],
        ['4155550002', 0, 'Failed'],
        ['4155550003', 3000, 'Voicemail']
    ])('dialing %s ends after %i ms as %s', async (number, ms, outcome) => {
        const { engine, ended } = await startOnSimulator();
        await engine.dial(number);
        await jest.advanceTimersByTimeAsync(ms);
        expect(ended).toEqual([expect.objectContaining({ outcome, durationSeconds: 0 })]);
        expect(engine.snapshot()).toMatchObject({ agentState: 'AfterCallWork', calls: [] });
    });

    it('answers a simulated inbound call, holds it, sends tones and lets the caller hang up', async () => {
        const { engine, simulator, ended } = await startOnSimulator();
        const callId = simulator.simulateIncoming({ from: '+14155550199', fromName: 'Ada' });
        expect(engine.snapshot()).toMatchObject({
            agentState: 'Available',
            calls: [{ id: callId, state: 'ringing', remoteName: 'Ada' }]
        });

        const answering = engine.answer(callId);
        await jest.advanceTimersByTimeAsync(100);
        await expect(answering).resolves.toEqual({ ok: true });
        await expect(engine.sendDtmf(callId, '12#')).resolves.toEqual({ ok: true });
        const holding = engine.hold(callId);
        await jest.advanceTimersByTimeAsync(100);
        await expect(holding).resolves.toEqual({ ok: true });
        expect(engine.getCall(callId)?.state).toBe('held');
        const dtmfOnHold = await engine.sendDtmf(callId, '3');
        expect(dtmfOnHold.ok ? undefined : dtmfOnHold.error.code).toBe('invalid-state');

        simulator.simulateRemoteHangup(callId);

        expect(simulator.sentDigits(callId)).toBe('12#');
        expect(ended[0]).toMatchObject({ outcome: 'Connected', endReason: 'remote-hangup' });
        expect(engine.snapshot().agentState).toBe('AfterCallWork');
    });

    it('call waiting: hold the first call, answer the second', async () => {
        const { engine, simulator } = await startOnSimulator();
        const first = simulator.simulateIncoming({ from: '+14155550199' });
        const answering = engine.answer(first);
        await jest.advanceTimersByTimeAsync(100);
        await answering;
        const second = simulator.simulateIncoming({ from: '+14155550177' });

        const holding = engine.hold(first);
        await jest.advanceTimersByTimeAsync(100);
        await holding;
        const answeringSecond = engine.answer(second);
        await jest.advanceTimersByTimeAsync(100);
        await expect(answeringSecond).resolves.toEqual({ ok: true });

        expect(engine.snapshot()).toMatchObject({
            agentState: 'Busy',
            calls: [
                { id: first, state: 'held' },
                { id: second, state: 'connected' }
            ],
            activeCallId: second
        });
    });

    it('a third inbound call is declined through the simulator and logged as Busy', async () => {
        const { engine, simulator, ended } = await startOnSimulator();
        const first = simulator.simulateIncoming({ from: '1' });
        const answering = engine.answer(first);
        await jest.advanceTimersByTimeAsync(100);
        await answering;
        simulator.simulateIncoming({ from: '2' });
        const third = simulator.simulateIncoming({ from: '3' });
        await jest.advanceTimersByTimeAsync(100);

        expect(ended).toEqual([expect.objectContaining({ id: third, outcome: 'Busy' })]);
        expect(simulator.liveCallIds()).not.toContain(third);
    });

    it('an inbound call left ringing is Missed and starts no wrap-up', async () => {
        const { engine, simulator, ended } = await startOnSimulator();
        simulator.simulateIncoming({ from: '+14155550199' });
        await jest.advanceTimersByTimeAsync(30_000);
        expect(ended).toEqual([expect.objectContaining({ outcome: 'Missed' })]);
        expect(engine.snapshot().agentState).toBe('Available');
    });

    it('a connection loss drops the call, and the agent wraps up while it reconnects', async () => {
        const { engine, simulator, ended, errors } = await startOnSimulator();
        await engine.dial('5551234');
        await jest.advanceTimersByTimeAsync(1500);

        simulator.simulateConnectionLoss();

        expect(ended).toEqual([expect.objectContaining({ outcome: 'Dropped' })]);
        expect(engine.snapshot()).toMatchObject({
            agentState: 'AfterCallWork',
            connectionStatus: 'reconnecting'
        });
        const redial = await engine.dial('5551234');
        expect(redial.ok ? undefined : redial.error.code).toBe('not-connected');
        expect(engine.completeWrapUp()).toEqual({ ok: true });
        simulator.simulateConnectionRestore();
        expect(engine.snapshot().connectionStatus).toBe('connected');
        expect(errors).toEqual([]);
    });

    it('a hang-up during a pending hold ends the call without an error event', async () => {
        const { engine, ended, errors } = await startOnSimulator();
        await engine.dial('5551234');
        await jest.advanceTimersByTimeAsync(1500);
        const holding = engine.hold('sim-1');
        const hangingUp = engine.hangup('sim-1');
        await jest.advanceTimersByTimeAsync(100);

        const [holdResult, hangupResult] = await Promise.all([holding, hangingUp]);

        expect(holdResult.ok).toBe(false);
        expect(hangupResult).toEqual({ ok: true });
        expect(ended).toHaveLength(1);
        expect(errors).toEqual([]);
    });

    it('disconnect() is refused during a call and leaves the agent Offline afterwards', async () => {
        const { engine } = await startOnSimulator();
        await engine.dial('5550000');
        const refused = await engine.disconnect();
        expect(refused.ok ? undefined : refused.error.code).toBe('busy');
        await jest.advanceTimersByTimeAsync(1000);
        engine.completeWrapUp();
        await expect(engine.disconnect()).resolves.toEqual({ ok: true });
        expect(engine.snapshot()).toMatchObject({
            agentState: 'Offline',
            connectionStatus: 'disconnected'
        });
    });

    it('a dial the simulator refuses reports the simulator message', async () => {
        const { engine, errors } = await startOnSimulator();
        const result = await engine.dial('call me');
        expect(result).toEqual({
            ok: false,
            error: {
                code: 'connector-failed',
                reason: {
                    key: 'dial-failed',
                    number: 'call me',
                    error: 'Cannot dial "call me": a number needs at least one digit.'
                }
            }
        });
        expect(errors).toHaveLength(1);
        expect(engine.snapshot().agentState).toBe('Available');
    });
});
