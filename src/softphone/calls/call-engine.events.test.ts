import { CallEngine } from './call-engine';
import type { EngineSnapshot } from './engine-events';
import { answeredOutbound, createHarness, ring } from './test-support/engine-harness';
import { FakeConnector } from './test-support/fake-connector';
import { ManualClock } from './test-support/manual-clock';

describe('CallEngine events', () => {
    it('emits a whole call in order', async () => {
        const harness = createHarness();
        ring(harness, 'in1');
        await harness.engine.answer('in1');
        await harness.engine.hold('in1');
        await harness.engine.resume('in1');
        await harness.engine.hangup('in1');
        harness.engine.completeWrapUp();

        expect(
            harness.events.map((event) =>
                event.type === 'stateChanged'
                    ? `state:${event.payload.agentState}/${event.payload.calls.map((call) => call.state).join(',')}`
                    : event.type
            )
        ).toEqual([
            'callStarted',
            'state:Available/ringing',
            'callAnswered',
            'state:Busy/connected',
            'state:Busy/held',
            'state:Busy/connected',
            'callEnded',
            'state:AfterCallWork/',
            'state:Available/'
        ]);
    });

    it('hands out frozen snapshots and calls', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        const snapshot = harness.engine.snapshot();
        expect(Object.isFrozen(snapshot)).toBe(true);
        expect(Object.isFrozen(snapshot.calls)).toBe(true);
        expect(Object.isFrozen(snapshot.calls[0])).toBe(true);
        await harness.engine.setMuted('c1', true);
        expect(snapshot.calls[0]?.muted).toBe(false);
    });

    it('orders events caused by a listener after the ones already due', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.take();
        const unsubscribe = harness.engine.on('callEnded', () => {
            harness.engine.completeWrapUp();
        });

        harness.emit({ type: 'ended', callId: 'c1', reason: 'remote-hangup' });
        unsubscribe();

        const states = harness
            .take()
            .map((event) =>
                event.type === 'stateChanged' ? `state:${event.payload.agentState}` : event.type
            );
        expect(states).toEqual(['callEnded', 'state:AfterCallWork', 'state:Available']);
    });

    it('keeps going when a listener throws, and logs it when a logger is given', () => {
        const connector = new FakeConnector();
        const logged: string[] = [];
        const engine = new CallEngine({
            connector,
            clock: new ManualClock(),
            logger: (level, message) => logged.push(`${level}: ${message}`)
        });
        const seen: EngineSnapshot[] = [];
        engine.on('stateChanged', () => {
            throw new Error('view bug');
        });
        engine.on('stateChanged', (snapshot) => seen.push(snapshot));
        engine.start();

        connector.emit({ type: 'connection', status: 'connected' });

        expect(seen).toHaveLength(1);
        expect(logged).toEqual(['error: A stateChanged listener threw.']);
    });

    it('stops delivering to an unsubscribed listener', () => {
        const harness = createHarness();
        const listener = jest.fn();
        const unsubscribe = harness.engine.on('callStarted', listener);
        unsubscribe();
        ring(harness, 'in1');
        expect(listener).not.toHaveBeenCalled();
    });

    it('names the active call: connected, else dialing, else ringing, else held', async () => {
        const harness = createHarness();
        expect(harness.engine.snapshot().activeCallId).toBeUndefined();
        await answeredOutbound(harness, 'c1');
        ring(harness, 'in2');
        expect(harness.engine.snapshot().activeCallId).toBe('c1');
        await harness.engine.hold('c1');
        expect(harness.engine.snapshot().activeCallId).toBe('in2');
        await harness.engine.decline('in2');
        expect(harness.engine.snapshot().activeCallId).toBe('c1');
    });
});
