import type { CallEndReason } from '../telephony/connector';
import type { CallOutcome } from './call-model';
import { answeredOutbound, createHarness, lastOf, lineNumber } from './test-support/engine-harness';

describe('CallEngine dial', () => {
    it('places a call: Busy at once, then a dialing call once the connector accepts', async () => {
        const harness = createHarness();
        harness.connector.autoResolve = false;
        const related = { recordId: '003000000000001', objectType: 'Contact', recordName: 'Ada' };

        const dialing = harness.engine.dial('  +1 415 555 1234 ', related);

        expect(harness.engine.snapshot()).toEqual({
            agentState: 'Busy',
            connectionStatus: 'connected',
            calls: []
        });
        expect(harness.connector.calls()).toEqual(['dial(+1 415 555 1234)']);
        harness.take();
        harness.clock.advance(5000);
        harness.connector.pendingRequest('dial').resolve('c1');

        await expect(dialing).resolves.toEqual({ ok: true, callId: 'c1' });
        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['callStarted', 'stateChanged']);
        const started = {
            id: 'c1',
            direction: 'Outbound',
            from: lineNumber,
            to: '+1 415 555 1234',
            state: 'dialing',
            startedAt: harness.clock.now() - 5000,
            muted: false,
            related
        };
        expect(lastOf(events, 'callStarted')).toEqual(started);
        expect(lastOf(events, 'stateChanged')).toEqual({
            agentState: 'Busy',
            connectionStatus: 'connected',
            calls: [started],
            activeCallId: 'c1'
        });
    });

    it('stays dialing on remoteRinging and connects on answered', async () => {
        const harness = createHarness();
        harness.connector.nextIds.push('c1');
        await harness.engine.dial('5551234');
        harness.take();

        harness.emit({ type: 'remoteRinging', callId: 'c1' });
        expect(harness.events).toEqual([]);
        harness.clock.advance(1500);
        harness.emit({ type: 'answered', callId: 'c1' });

        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['callAnswered', 'stateChanged']);
        expect(lastOf(events, 'callAnswered')).toMatchObject({
            id: 'c1',
            state: 'connected',
            answeredAt: harness.clock.now()
        });
    });

    it('ends a connected call with Connected, its talk time and after-call work', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        const answeredAt = harness.clock.now();
        harness.take();
        harness.clock.advance(65_400);

        harness.emit({ type: 'ended', callId: 'c1', reason: 'remote-hangup' });

        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['callEnded', 'stateChanged']);
        expect(lastOf(events, 'callEnded')).toMatchObject({
            id: 'c1',
            state: 'ended',
            answeredAt,
            endedAt: answeredAt + 65_400,
            outcome: 'Connected',
            endReason: 'remote-hangup',
            durationSeconds: 65
        });
        expect(lastOf(events, 'stateChanged')).toEqual({
            agentState: 'AfterCallWork',
            connectionStatus: 'connected',
            calls: []
        });
    });

    it.each<[CallEndReason, CallOutcome]>([
        ['busy', 'Busy'],
        ['no-answer', 'No Answer'],
        ['unreachable', 'Failed'],
        ['failed', 'Failed'],
        ['voicemail', 'Voicemail'],
        ['declined', 'Rejected'],
        ['connection-lost', 'Failed']
    ])('an unanswered call ending %s is %s, with wrap-up', async (reason, outcome) => {
        const harness = createHarness();
        harness.connector.nextIds.push('c1');
        await harness.engine.dial('5551234');
        harness.emit({ type: 'ended', callId: 'c1', reason });
        expect(lastOf(harness.events, 'callEnded')).toMatchObject({
            outcome,
            durationSeconds: 0,
            endReason: reason
        });
        expect(lastOf(harness.events, 'callEnded')?.answeredAt).toBeUndefined();
        expect(harness.engine.snapshot().agentState).toBe('AfterCallWork');
    });

    it('handles events the connector sends before dial() resolves', async () => {
        const harness = createHarness();
        harness.connector.autoResolve = false;
        const dialing = harness.engine.dial('4155550002');
        harness.emit({ type: 'remoteRinging', callId: 'c1' });
        harness.emit({ type: 'ended', callId: 'c1', reason: 'unreachable' });
        harness.emit({ type: 'ended', callId: 'stranger', reason: 'busy' });
        harness.take();

        harness.connector.pendingRequest('dial').resolve('c1');
        await dialing;

        expect(harness.takeTypes()).toEqual([
            'callStarted',
            'stateChanged',
            'callEnded',
            'stateChanged'
        ]);
        expect(harness.engine.snapshot()).toEqual({
            agentState: 'AfterCallWork',
            connectionStatus: 'connected',
            calls: []
        });
    });

    it('ends a dial the connector accepts after the line went away', async () => {
        const harness = createHarness();
        harness.connector.autoResolve = false;
        const dialing = harness.engine.dial('5551234');
        harness.emit({ type: 'connection', status: 'disconnected' });
        harness.take();
        harness.connector.pendingRequest('dial').resolve('c1');

        await expect(dialing).resolves.toEqual({ ok: true, callId: 'c1' });

        expect(harness.takeTypes()).toEqual(['callStarted', 'callEnded', 'stateChanged']);
        expect(harness.engine.snapshot().agentState).toBe('Offline');
    });

    it('ignores events for unknown calls when no dial is pending', () => {
        const harness = createHarness();
        harness.emit({ type: 'answered', callId: 'ghost' });
        harness.emit({ type: 'ended', callId: 'ghost', reason: 'busy' });
        expect(harness.events).toEqual([]);
    });

    it.each([
        ['', 'invalid-argument'],
        ['   ', 'invalid-argument']
    ])('refuses to dial %p', async (number, code) => {
        const harness = createHarness();
        await expect(harness.engine.dial(number)).resolves.toEqual({
            ok: false,
            error: { code, reason: { key: 'enter-number' } }
        });
        expect(harness.connector.calls()).toEqual([]);
    });

    it('refuses a related record without id or type', async () => {
        const harness = createHarness();
        const result = await harness.engine.dial('5551234', { recordId: '', objectType: 'Lead' });
        expect(result).toEqual({
            ok: false,
            error: { code: 'invalid-argument', reason: { key: 'invalid-related-record' } }
        });
    });

    it.each([
        ['Offline', 'dial-offline'],
        ['Break', 'dial-on-break']
    ] as const)('refuses to dial while %s', async (state, key) => {
        const harness = createHarness({ agentState: state });
        await expect(harness.engine.dial('5551234')).resolves.toEqual({
            ok: false,
            error: { code: 'agent-unavailable', reason: { key } }
        });
        expect(harness.connector.calls()).toEqual([]);
        expect(harness.events).toEqual([]);
    });

    it('refuses to dial during after-call work', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.emit({ type: 'ended', callId: 'c1', reason: 'local-hangup' });
        const result = await harness.engine.dial('5551234');
        expect(result).toEqual({
            ok: false,
            error: {
                code: 'agent-unavailable',
                reason: { key: 'dial-in-after-call-work' }
            }
        });
    });

    it.each(['disconnected', 'connecting', 'reconnecting'] as const)(
        'refuses to dial while %s',
        async (status) => {
            const harness = createHarness();
            harness.emit({ type: 'connection', status });
            const result = await harness.engine.dial('5551234');
            expect(result).toEqual({
                ok: false,
                error: {
                    code: 'not-connected',
                    reason: { key: 'dial-needs-connection', status }
                }
            });
        }
    );

    it('refuses a second dial while one is pending', async () => {
        const harness = createHarness();
        harness.connector.autoResolve = false;
        void harness.engine.dial('5551234');
        const result = await harness.engine.dial('5559876');
        expect(result).toEqual({
            ok: false,
            error: { code: 'busy', reason: { key: 'already-dialing' } }
        });
    });

    it('refuses to dial while a call is dialing or connected', async () => {
        const harness = createHarness();
        harness.connector.nextIds.push('c1');
        await harness.engine.dial('5551234');
        const whileDialing = await harness.engine.dial('5559876');
        expect(whileDialing.ok ? undefined : whileDialing.error.reason).toEqual({
            key: 'hold-before-dial'
        });
        harness.emit({ type: 'answered', callId: 'c1' });
        const whileConnected = await harness.engine.dial('5559876');
        expect(whileConnected.ok ? undefined : whileConnected.error.code).toBe('busy');
    });

    it('refuses to dial while an inbound call rings', async () => {
        const harness = createHarness();
        harness.emit({ type: 'incoming', callId: 'in1', from: '+1555', to: lineNumber });
        const result = await harness.engine.dial('5551234');
        expect(result).toEqual({
            ok: false,
            error: { code: 'busy', reason: { key: 'answer-before-dial' } }
        });
    });

    it('dials a second call while the only call is held, and keeps the agent Busy', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        await harness.engine.hold('c1');
        harness.connector.nextIds.push('c2');

        await expect(harness.engine.dial('5559876')).resolves.toEqual({ ok: true, callId: 'c2' });

        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Busy',
            calls: [
                { id: 'c1', state: 'held' },
                { id: 'c2', state: 'dialing' }
            ],
            activeCallId: 'c2'
        });
    });

    it('refuses a third call when two are held', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        await harness.engine.hold('c1');
        await answeredOutbound(harness, 'c2');
        await harness.engine.hold('c2');
        const result = await harness.engine.dial('5550123');
        expect(result).toEqual({
            ok: false,
            error: { code: 'busy', reason: { key: 'two-calls' } }
        });
    });

    it('goes back to the held call, without wrap-up, when the second call ends', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        await harness.engine.hold('c1');
        await answeredOutbound(harness, 'c2');
        harness.emit({ type: 'ended', callId: 'c2', reason: 'remote-hangup' });
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Busy',
            calls: [{ id: 'c1', state: 'held' }],
            activeCallId: 'c1'
        });
    });

    it('lets the connector prepare a dial, and undo it; a connector without it needs nothing', () => {
        const harness = createHarness();
        expect(harness.engine.prepareDial()).toEqual(expect.any(Function));
        const undo = jest.fn();
        const prepare = jest.fn(() => undo);
        Object.assign(harness.connector, { prepareToDial: prepare });
        const done = harness.engine.prepareDial();
        expect(prepare).toHaveBeenCalledTimes(1);
        done();
        expect(undo).toHaveBeenCalledTimes(1);
    });
});
