import {
    answeredInbound,
    answeredOutbound,
    createHarness,
    lastOf,
    ring
} from './test-support/engine-harness';

describe('CallEngine when the connector fails', () => {
    it('a refused dial puts the agent back to Available and emits an error', async () => {
        const harness = createHarness();
        harness.connector.failNext.set('dial', new Error('403 Forbidden'));

        const result = await harness.engine.dial('5551234');

        const reason = { key: 'dial-failed', number: '5551234', error: '403 Forbidden' };
        expect(result).toEqual({ ok: false, error: { code: 'connector-failed', reason } });
        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual([
            'stateChanged',
            'error',
            'stateChanged'
        ]);
        expect(lastOf(events, 'error')).toEqual({ code: 'connector-failed', reason });
        expect(events[0]?.type === 'stateChanged' && events[0].payload.agentState).toBe('Busy');
        expect(harness.engine.snapshot()).toEqual({
            agentState: 'Available',
            connectionStatus: 'connected',
            calls: []
        });
    });

    it('a refused second dial keeps the agent Busy with the held call', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        await harness.engine.hold('c1');
        harness.connector.failNext.set('dial', new Error('no route'));
        const result = await harness.engine.dial('5559876');
        expect(result.ok ? undefined : result.error.code).toBe('connector-failed');
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Busy',
            calls: [{ id: 'c1', state: 'held' }]
        });
    });

    it('a refused dial does not start wrap-up when the only other call was missed', async () => {
        const harness = createHarness();
        harness.connector.autoResolve = false;
        const dialing = harness.engine.dial('5551234');
        ring(harness, 'in1');
        harness.connector.pendingRequest('dial').reject(new Error('down'));
        await dialing;
        expect(harness.engine.snapshot().agentState).toBe('Busy');
        harness.emit({ type: 'ended', callId: 'in1', reason: 'cancelled' });
        expect(harness.engine.snapshot().agentState).toBe('Available');
    });

    it('a connector that reuses a live call id for a dial is reported', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        await harness.engine.hold('c1');
        harness.connector.nextIds.push('c1');
        const result = await harness.engine.dial('5559876');
        expect(result).toEqual({
            ok: false,
            error: {
                code: 'connector-failed',
                reason: { key: 'call-id-reused', number: '5559876', callId: 'c1' }
            }
        });
        expect(harness.engine.snapshot().calls).toHaveLength(1);
    });

    it('a failed answer leaves the call ringing and emits an error with the call id', async () => {
        const harness = createHarness();
        ring(harness, 'in1');
        harness.take();
        harness.connector.failNext.set('answer', new Error('media failed'));

        const result = await harness.engine.answer('in1');

        const reason = { key: 'call-failed', action: 'answer', error: 'media failed' };
        expect(result).toEqual({ ok: false, error: { code: 'connector-failed', reason } });
        expect(harness.take()).toEqual([
            { type: 'error', payload: { code: 'connector-failed', reason, callId: 'in1' } }
        ]);
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Available',
            calls: [{ id: 'in1', state: 'ringing' }]
        });
        await expect(harness.engine.answer('in1')).resolves.toEqual({ ok: true });
    });

    it.each([
        ['hold', 'hold', 'connected'],
        ['hangup', 'hang-up', 'connected']
    ] as const)('a failed %s leaves the call as it was', async (method, action, state) => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.take();
        harness.connector.failNext.set(method, new Error('nope'));

        const result = await harness.engine[method]('c1');

        expect(result).toEqual({
            ok: false,
            error: {
                code: 'connector-failed',
                reason: { key: 'call-failed', action, error: 'nope' }
            }
        });
        expect(harness.takeTypes()).toEqual(['error']);
        expect(harness.engine.getCall('c1')?.state).toBe(state);
        await expect(harness.engine[method]('c1')).resolves.toEqual({ ok: true });
    });

    it('a failed resume leaves the call held', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        await harness.engine.hold('c1');
        harness.connector.failNext.set('resume', new Error('nope'));
        const result = await harness.engine.resume('c1');
        expect(result.ok ? undefined : result.error.reason).toEqual({
            key: 'call-failed',
            action: 'resume',
            error: 'nope'
        });
        expect(harness.engine.getCall('c1')?.state).toBe('held');
    });

    it('a failed decline leaves the call ringing', async () => {
        const harness = createHarness();
        ring(harness, 'in1');
        harness.connector.failNext.set('decline', new Error('nope'));
        const result = await harness.engine.decline('in1');
        expect(result.ok ? undefined : result.error.reason).toEqual({
            key: 'call-failed',
            action: 'decline',
            error: 'nope'
        });
        expect(harness.engine.getCall('in1')?.state).toBe('ringing');
        expect(lastOf(harness.events, 'error')?.callId).toBe('in1');
    });

    it('a failed mute is undone: error, then the corrected state', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.take();
        harness.connector.failNext.set('setMuted', new Error('no mic'));

        const result = await harness.engine.setMuted('c1', true);

        expect(result).toEqual({
            ok: false,
            error: {
                code: 'connector-failed',
                reason: { key: 'call-failed', action: 'mute', error: 'no mic' }
            }
        });
        const events = harness.take();
        expect(
            events.map((event) =>
                event.type === 'stateChanged'
                    ? `muted:${event.payload.calls[0]?.muted}`
                    : event.type
            )
        ).toEqual(['muted:true', 'error', 'muted:false']);
        expect(harness.engine.getCall('c1')?.muted).toBe(false);
    });

    it('a failed mute does not undo a later unmute', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.connector.autoResolve = false;
        const muting = harness.engine.setMuted('c1', true);
        const unmuting = harness.engine.setMuted('c1', false);
        const [muteRequest, unmuteRequest] = harness.connector.requests.slice(-2);
        muteRequest?.reject(new Error('late failure'));
        unmuteRequest?.resolve();
        await Promise.all([muting, unmuting]);
        expect(harness.engine.getCall('c1')?.muted).toBe(false);
    });

    it('a failed DTMF send is reported and changes nothing', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.take();
        harness.connector.failNext.set('sendDtmf', new Error('no RTP'));
        const result = await harness.engine.sendDtmf('c1', '5');
        expect(result.ok ? undefined : result.error.reason).toEqual({
            key: 'call-failed',
            action: 'send-tones',
            error: 'no RTP'
        });
        expect(harness.takeTypes()).toEqual(['error']);
    });

    it('a request failing on a call the agent is hanging up is not reported as an error event', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.connector.autoResolve = false;
        const holding = harness.engine.hold('c1');
        const hangingUp = harness.engine.hangup('c1');
        harness.take();

        harness.connector.pendingRequest('hold').reject(new Error('call ended'));
        const holdResult = await holding;
        harness.connector.pendingRequest('hangup').resolve();
        await hangingUp;

        expect(holdResult.ok ? undefined : holdResult.error.code).toBe('connector-failed');
        expect(harness.takeTypes()).toEqual(['callEnded', 'stateChanged']);
    });

    it('a request failing on a call that has ended is not reported as an error event', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        harness.connector.autoResolve = false;
        const holding = harness.engine.hold('in1');
        harness.emit({ type: 'ended', callId: 'in1', reason: 'remote-hangup' });
        harness.take();
        harness.connector.pendingRequest('hold').reject(new Error('gone'));
        await holding;
        expect(harness.events).toEqual([]);
    });

    it('a request confirmed after its call ended changes nothing', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        harness.connector.autoResolve = false;
        const holding = harness.engine.hold('in1');
        harness.emit({ type: 'ended', callId: 'in1', reason: 'remote-hangup' });
        harness.take();
        harness.connector.pendingRequest('hold').resolve();
        await expect(holding).resolves.toEqual({ ok: true });
        expect(harness.events).toEqual([]);
    });

    it('a failed automatic decline is reported with the call id', async () => {
        const harness = createHarness({ agentState: 'Break' });
        harness.connector.failNext.set('decline', new Error('timeout'));
        ring(harness, 'in1');
        await new Promise((resolve) => setImmediate(resolve));
        expect(lastOf(harness.events, 'error')).toEqual({
            code: 'connector-failed',
            reason: { key: 'auto-decline-failed', error: 'timeout' },
            callId: 'in1'
        });
    });

    it('a connector that throws instead of rejecting is handled the same way', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.connector.hold = () => {
            throw new Error('sync boom');
        };
        const result = await harness.engine.hold('c1');
        expect(result.ok ? undefined : result.error.reason).toEqual({
            key: 'call-failed',
            action: 'hold',
            error: 'sync boom'
        });
    });

    it('a rejection that is not an Error still gives a readable message', async () => {
        const harness = createHarness();
        harness.connector.dial = () => Promise.reject('offline');
        const result = await harness.engine.dial('5551234');
        expect(result.ok ? undefined : result.error.reason).toEqual({
            key: 'dial-failed',
            number: '5551234',
            error: 'offline'
        });
    });
});
