import { CallEngine } from './call-engine';
import { answeredOutbound, createHarness, lastOf, ring } from './test-support/engine-harness';
import { FakeConnector } from './test-support/fake-connector';
import { ManualClock } from './test-support/manual-clock';

describe('CallEngine agent state', () => {
    it('starts Offline and disconnected with no calls', () => {
        const engine = new CallEngine({ connector: new FakeConnector(), clock: new ManualClock() });
        expect(engine.snapshot()).toEqual({
            agentState: 'Offline',
            connectionStatus: 'disconnected',
            calls: []
        });
    });

    it('refuses Available until the connector is connected', () => {
        const { engine, emit } = createHarness({ connected: false });
        expect(engine.setAgentState('Available')).toEqual({
            ok: false,
            error: {
                code: 'not-connected',
                reason: { key: 'available-needs-connection', status: 'disconnected' }
            }
        });
        emit({ type: 'connection', status: 'connecting' });
        expect(engine.setAgentState('Available').ok).toBe(false);
        emit({ type: 'connection', status: 'connected' });
        expect(engine.setAgentState('Available')).toEqual({ ok: true });
        expect(engine.snapshot().agentState).toBe('Available');
    });

    it.each([
        ['Offline', 'Available'],
        ['Offline', 'Break'],
        ['Available', 'Offline'],
        ['Available', 'Break'],
        ['Break', 'Available'],
        ['Break', 'Offline']
    ] as const)('goes from %s to %s and emits one stateChanged', (from, to) => {
        const harness = createHarness({ agentState: from });
        expect(harness.engine.setAgentState(to)).toEqual({ ok: true });
        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['stateChanged']);
        expect(lastOf(events, 'stateChanged')?.agentState).toBe(to);
    });

    it('treats picking the current state as a no-op without an event', () => {
        const harness = createHarness();
        expect(harness.engine.setAgentState('Available')).toEqual({ ok: true });
        expect(harness.events).toEqual([]);
    });

    it.each(['Busy', 'AfterCallWork'] as const)('refuses to pick %s by hand', (state) => {
        const harness = createHarness();
        const result = harness.engine.setAgentState(state);
        expect(result.ok ? undefined : result.error.code).toBe('invalid-state');
        expect(harness.engine.snapshot().agentState).toBe('Available');
    });

    it.each(['Offline', 'Break', 'Available'] as const)(
        'refuses %s during a call (busy)',
        async (state) => {
            const harness = createHarness();
            await answeredOutbound(harness, 'c1');
            const result = harness.engine.setAgentState(state);
            expect(result.ok ? undefined : result.error.code).toBe('busy');
            expect(harness.engine.snapshot().agentState).toBe('Busy');
        }
    );

    it.each(['Offline', 'Break'] as const)('refuses %s while an inbound call rings', (state) => {
        const harness = createHarness();
        ring(harness, 'c1');
        const result = harness.engine.setAgentState(state);
        expect(result.ok ? undefined : result.error.code).toBe('busy');
    });

    it('refuses a state change while a dial waits for the connector', () => {
        const harness = createHarness();
        harness.connector.autoResolve = false;
        void harness.engine.dial('5551234');
        const result = harness.engine.setAgentState('Offline');
        expect(result.ok ? undefined : result.error.code).toBe('busy');
    });

    it('offers the states the agent may pick now', async () => {
        const harness = createHarness();
        expect(harness.engine.agentStateOptions()).toEqual(['Offline', 'Available', 'Break']);
        await answeredOutbound(harness, 'c1');
        expect(harness.engine.agentStateOptions()).toEqual(['Busy']);
    });
});

describe('CallEngine after-call work', () => {
    it('follows a worked call and ends with completeWrapUp()', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.emit({ type: 'ended', callId: 'c1', reason: 'remote-hangup' });
        expect(harness.engine.snapshot().agentState).toBe('AfterCallWork');
        harness.take();

        expect(harness.engine.completeWrapUp()).toEqual({ ok: true });

        expect(harness.takeTypes()).toEqual(['stateChanged']);
        expect(harness.engine.snapshot().agentState).toBe('Available');
    });

    it('can also end by picking Available, Break or Offline', async () => {
        for (const state of ['Available', 'Break', 'Offline'] as const) {
            const harness = createHarness();
            await answeredOutbound(harness, 'c1');
            harness.emit({ type: 'ended', callId: 'c1', reason: 'local-hangup' });
            expect(harness.engine.setAgentState(state)).toEqual({ ok: true });
            expect(harness.engine.snapshot().agentState).toBe(state);
        }
    });

    it('refuses completeWrapUp() outside after-call work', () => {
        const harness = createHarness();
        expect(harness.engine.completeWrapUp()).toEqual({
            ok: false,
            error: { code: 'invalid-state', reason: { key: 'no-after-call-work' } }
        });
    });

    it('completes wrap-up while the connector is reconnecting', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.emit({ type: 'ended', callId: 'c1', reason: 'local-hangup' });
        harness.emit({ type: 'connection', status: 'reconnecting' });
        expect(harness.engine.completeWrapUp()).toEqual({ ok: true });
    });
});

describe('CallEngine connection', () => {
    it('tracks the connector status in the snapshot', () => {
        const harness = createHarness({ connected: false });
        harness.emit({ type: 'connection', status: 'connecting' });
        harness.emit({ type: 'connection', status: 'connected' });
        harness.emit({ type: 'connection', status: 'reconnecting' });
        expect(
            harness
                .take()
                .map((event) =>
                    event.type === 'stateChanged' ? event.payload.connectionStatus : event.type
                )
        ).toEqual(['connecting', 'connected', 'reconnecting']);
    });

    it('does not emit when the status repeats', () => {
        const harness = createHarness();
        harness.emit({ type: 'connection', status: 'connected' });
        expect(harness.events).toEqual([]);
    });

    it('keeps the agent state and the calls while reconnecting', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.emit({ type: 'connection', status: 'reconnecting' });
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Busy',
            connectionStatus: 'reconnecting',
            calls: [{ id: 'c1', state: 'connected' }]
        });
    });

    it('a disconnect forces Offline and ends live calls as connection-lost, without wrap-up', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.take();

        harness.emit({ type: 'connection', status: 'disconnected' });

        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['callEnded', 'stateChanged']);
        expect(lastOf(events, 'callEnded')).toMatchObject({
            id: 'c1',
            outcome: 'Dropped',
            endReason: 'connection-lost'
        });
        expect(lastOf(events, 'stateChanged')).toEqual({
            agentState: 'Offline',
            connectionStatus: 'disconnected',
            calls: []
        });
    });

    it('connect() asks the connector and reports its failure', async () => {
        const harness = createHarness({ connected: false });
        await expect(harness.engine.connect()).resolves.toEqual({ ok: true });
        harness.connector.failNext.set('connect', new Error('server refused'));
        const result = await harness.engine.connect();
        expect(result).toEqual({
            ok: false,
            error: {
                code: 'connector-failed',
                reason: { key: 'connect-failed', error: 'server refused' }
            }
        });
        expect(harness.take()).toEqual([
            {
                type: 'error',
                payload: {
                    code: 'connector-failed',
                    reason: { key: 'connect-failed', error: 'server refused' }
                }
            }
        ]);
    });

    it('disconnect() is refused during a call', async () => {
        const harness = createHarness();
        ring(harness, 'c1');
        const result = await harness.engine.disconnect();
        expect(result.ok ? undefined : result.error.code).toBe('busy');
        expect(harness.connector.calls()).toEqual([]);
    });

    it('disconnect() leaves the agent Offline even if the connector says nothing', async () => {
        const harness = createHarness();
        await expect(harness.engine.disconnect()).resolves.toEqual({ ok: true });
        expect(harness.connector.calls()).toEqual(['disconnect()']);
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Offline',
            connectionStatus: 'disconnected'
        });
    });

    it('disconnect() reports a connector failure', async () => {
        const harness = createHarness();
        harness.connector.failNext.set('disconnect', new Error('nope'));
        const result = await harness.engine.disconnect();
        expect(result.ok ? undefined : result.error.reason).toEqual({
            key: 'disconnect-failed',
            error: 'nope'
        });
        expect(harness.engine.snapshot().agentState).toBe('Available');
    });

    it('start() is idempotent and stop() unsubscribes', () => {
        const harness = createHarness();
        harness.engine.start();
        expect(harness.connector.listenerCount).toBe(1);
        harness.engine.stop();
        expect(harness.connector.listenerCount).toBe(0);
        ring(harness, 'c1');
        expect(harness.engine.snapshot().calls).toEqual([]);
        harness.engine.stop();
    });
});
