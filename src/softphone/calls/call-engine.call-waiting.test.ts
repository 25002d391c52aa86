import {
    answeredInbound,
    answeredOutbound,
    createHarness,
    lastOf,
    ring
} from './test-support/engine-harness';

describe('CallEngine call waiting', () => {
    it('lets a second call ring while the agent is on a call', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        harness.take();

        ring(harness, 'in2', '+14155550177');

        expect(harness.takeTypes()).toEqual(['callStarted', 'stateChanged']);
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Busy',
            calls: [
                { id: 'in1', state: 'connected' },
                { id: 'in2', state: 'ringing' }
            ],
            activeCallId: 'in1'
        });
        expect(harness.connector.calls()).toEqual(['answer(in1)']);
    });

    it('also waits behind an outbound call', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        ring(harness, 'in2');
        expect(harness.engine.snapshot().calls.map((call) => call.state)).toEqual([
            'connected',
            'ringing'
        ]);
    });

    it('refuses to answer the waiting call before the first is held', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        ring(harness, 'in2');
        await expect(harness.engine.answer('in2')).resolves.toEqual({
            ok: false,
            error: { code: 'busy', reason: { key: 'hold-before-answer' } }
        });
    });

    it('hold the first, answer the second, hang up, resume the first', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        ring(harness, 'in2');

        await expect(harness.engine.hold('in1')).resolves.toEqual({ ok: true });
        expect(harness.engine.snapshot().activeCallId).toBe('in2');
        await expect(harness.engine.answer('in2')).resolves.toEqual({ ok: true });
        expect(harness.engine.snapshot()).toMatchObject({
            calls: [
                { id: 'in1', state: 'held' },
                { id: 'in2', state: 'connected' }
            ],
            activeCallId: 'in2'
        });

        const resumeTooEarly = await harness.engine.resume('in1');
        expect(resumeTooEarly).toEqual({
            ok: false,
            error: {
                code: 'busy',
                reason: { key: 'hold-before-resume' }
            }
        });

        await harness.engine.hangup('in2');
        expect(lastOf(harness.events, 'callEnded')).toMatchObject({
            id: 'in2',
            outcome: 'Connected'
        });
        expect(harness.engine.snapshot().agentState).toBe('Busy');
        await expect(harness.engine.resume('in1')).resolves.toEqual({ ok: true });
        await harness.engine.hangup('in1');
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'AfterCallWork',
            calls: []
        });
        expect(harness.connector.calls()).toEqual([
            'answer(in1)',
            'hold(in1)',
            'answer(in2)',
            'hangup(in2)',
            'resume(in1)',
            'hangup(in1)'
        ]);
    });

    it('swaps between the two calls by holding one before resuming the other', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        ring(harness, 'in2');
        await harness.engine.hold('in1');
        await harness.engine.answer('in2');

        await harness.engine.hold('in2');
        await expect(harness.engine.resume('in1')).resolves.toEqual({ ok: true });

        expect(harness.engine.snapshot()).toMatchObject({
            calls: [
                { id: 'in1', state: 'connected' },
                { id: 'in2', state: 'held' }
            ],
            activeCallId: 'in1'
        });
    });

    it('declining the waiting call ends it Rejected and keeps the first call', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        ring(harness, 'in2');
        harness.take();

        await expect(harness.engine.decline('in2')).resolves.toEqual({ ok: true });

        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['callEnded', 'stateChanged']);
        expect(lastOf(events, 'callEnded')).toMatchObject({ id: 'in2', outcome: 'Rejected' });
        expect(lastOf(events, 'stateChanged')).toMatchObject({
            agentState: 'Busy',
            calls: [{ id: 'in1', state: 'connected' }]
        });
    });

    it('a waiting caller who gives up is Missed', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        ring(harness, 'in2');
        harness.emit({ type: 'ended', callId: 'in2', reason: 'cancelled' });
        expect(lastOf(harness.events, 'callEnded')).toMatchObject({ id: 'in2', outcome: 'Missed' });
        expect(harness.engine.snapshot().agentState).toBe('Busy');
    });

    it('when the first call ends, the waiting call keeps ringing and wrap-up waits', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        ring(harness, 'in2');
        harness.emit({ type: 'ended', callId: 'in1', reason: 'remote-hangup' });
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Busy',
            calls: [{ id: 'in2', state: 'ringing' }],
            activeCallId: 'in2'
        });
        await expect(harness.engine.answer('in2')).resolves.toEqual({ ok: true });
        harness.emit({ type: 'ended', callId: 'in2', reason: 'remote-hangup' });
        expect(harness.engine.snapshot().agentState).toBe('AfterCallWork');
    });

    it('after the first call ends, a missed waiting call still leads to wrap-up for the first', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        ring(harness, 'in2');
        harness.emit({ type: 'ended', callId: 'in1', reason: 'remote-hangup' });
        harness.emit({ type: 'ended', callId: 'in2', reason: 'cancelled' });
        expect(harness.engine.snapshot().agentState).toBe('AfterCallWork');
    });

    it('declines a third call as Busy while one waits', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        ring(harness, 'in2');
        harness.take();

        ring(harness, 'in3');

        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['callStarted', 'callEnded']);
        expect(lastOf(events, 'callEnded')).toMatchObject({
            id: 'in3',
            outcome: 'Busy',
            endReason: 'declined'
        });
        expect(harness.connector.calls()).toEqual(['answer(in1)', 'decline(in3)']);
        expect(harness.engine.snapshot().calls.map((call) => call.id)).toEqual(['in1', 'in2']);
    });

    it('declines a call as Busy when the agent already has a held and a connected call', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        ring(harness, 'in2');
        await harness.engine.hold('in1');
        await harness.engine.answer('in2');

        ring(harness, 'in3');

        expect(lastOf(harness.events, 'callEnded')).toMatchObject({ id: 'in3', outcome: 'Busy' });
        expect(harness.engine.snapshot().calls).toHaveLength(2);
    });

    it('refuses to dial while a call waits', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        await harness.engine.hold('in1');
        ring(harness, 'in2');
        const result = await harness.engine.dial('5551234');
        expect(result.ok ? undefined : result.error.reason).toEqual({ key: 'answer-before-dial' });
    });

    it('refuses to resume the held call while the other is still dialing', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        await harness.engine.hold('c1');
        harness.connector.nextIds.push('c2');
        await harness.engine.dial('5559876');
        const result = await harness.engine.resume('c1');
        expect(result.ok ? undefined : result.error.code).toBe('busy');
    });

    it('refuses to answer the waiting call while the resume of the other is unconfirmed', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        ring(harness, 'in2');
        await harness.engine.hold('in1');
        harness.connector.autoResolve = false;
        void harness.engine.resume('in1');
        const result = await harness.engine.answer('in2');
        expect(result.ok ? undefined : result.error.code).toBe('busy');
    });
});
