import { answeredOutbound, createHarness, lastOf, ring } from './test-support/engine-harness';

describe('CallEngine hold and resume', () => {
    it('holds a connected call once the connector confirms, then resumes it', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.take();

        await expect(harness.engine.hold('c1')).resolves.toEqual({ ok: true });
        expect(lastOf(harness.take(), 'stateChanged')).toMatchObject({
            calls: [{ id: 'c1', state: 'held' }],
            activeCallId: 'c1'
        });
        await expect(harness.engine.resume('c1')).resolves.toEqual({ ok: true });
        expect(lastOf(harness.take(), 'stateChanged')?.calls[0]?.state).toBe('connected');
        expect(harness.connector.calls().slice(-2)).toEqual(['hold(c1)', 'resume(c1)']);
    });

    it('keeps when the call went on hold while it is held, for the hold timer', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.clock.advance(5000);
        const heldAt = harness.clock.now();

        await harness.engine.hold('c1');
        expect(harness.engine.getCall('c1')).toMatchObject({ state: 'held', heldAt });
        harness.clock.advance(12_000);
        harness.emit({ type: 'held', callId: 'c1' });
        expect(harness.engine.getCall('c1')?.heldAt).toBe(heldAt);

        await harness.engine.resume('c1');
        expect(harness.engine.getCall('c1')).not.toHaveProperty('heldAt');
        await harness.engine.setMuted('c1', true);
        expect(harness.engine.getCall('c1')).not.toHaveProperty('heldAt');
    });

    it('waits for the confirmation: held event first, then the request resolving', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.connector.autoResolve = false;
        harness.take();

        const holding = harness.engine.hold('c1');
        expect(harness.engine.getCall('c1')?.state).toBe('connected');
        harness.emit({ type: 'held', callId: 'c1' });
        expect(harness.engine.getCall('c1')?.state).toBe('held');
        harness.connector.pendingRequest('hold').resolve();
        await holding;
        expect(harness.takeTypes()).toEqual(['stateChanged']);
    });

    it('follows held and resumed events the phone system sends by itself', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.emit({ type: 'held', callId: 'c1' });
        expect(harness.engine.getCall('c1')?.state).toBe('held');
        harness.emit({ type: 'resumed', callId: 'c1' });
        expect(harness.engine.getCall('c1')?.state).toBe('connected');
        harness.take();
        harness.emit({ type: 'resumed', callId: 'c1' });
        expect(harness.events).toEqual([]);
    });

    it('refuses to hold a ringing, dialing or held call', async () => {
        const harness = createHarness();
        ring(harness, 'in1');
        const ringing = await harness.engine.hold('in1');
        expect(ringing).toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'cannot-hold', call: { direction: 'Inbound', state: 'ringing' } }
            }
        });
        await harness.engine.decline('in1');
        harness.connector.nextIds.push('c1');
        await harness.engine.dial('5551234');
        const dialing = await harness.engine.hold('c1');
        expect(dialing.ok ? undefined : dialing.error.code).toBe('invalid-state');
        harness.emit({ type: 'answered', callId: 'c1' });
        await harness.engine.hold('c1');
        const held = await harness.engine.hold('c1');
        expect(held.ok ? undefined : held.error.code).toBe('invalid-state');
    });

    it('refuses to resume a call that is not held', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        const result = await harness.engine.resume('c1');
        expect(result).toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: {
                    key: 'cannot-resume',
                    call: { direction: 'Outbound', state: 'connected' }
                }
            }
        });
    });

    it.each(['hold', 'resume'] as const)('refuses to %s an unknown call', async (method) => {
        const harness = createHarness();
        await expect(harness.engine[method]('ghost')).resolves.toEqual({
            ok: false,
            error: { code: 'no-such-call', reason: { key: 'no-such-call', callId: 'ghost' } }
        });
        expect(harness.connector.requests).toEqual([]);
    });

    it('refuses to resume a held call while a dial awaits the connector', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        await harness.engine.hold('c1');
        harness.connector.autoResolve = false;
        const dialing = harness.engine.dial('5550100');

        await expect(harness.engine.resume('c1')).resolves.toEqual({
            ok: false,
            error: {
                code: 'busy',
                reason: { key: 'hold-before-resume' }
            }
        });
        expect(harness.connector.calls().filter((call) => call.startsWith('resume'))).toEqual([]);
        harness.connector.pendingRequest('dial').resolve('c2');
        await dialing;
    });

    it('refuses other requests on a call while a hold is unconfirmed', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.connector.autoResolve = false;
        void harness.engine.hold('c1');
        const second = await harness.engine.hold('c1');
        expect(second).toEqual({
            ok: false,
            error: {
                code: 'in-progress',
                reason: { key: 'request-pending', operation: 'hold' }
            }
        });
    });
});

describe('CallEngine hangup', () => {
    it('ends a connected call once the connector confirms', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.take();

        await expect(harness.engine.hangup('c1')).resolves.toEqual({ ok: true });

        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['callEnded', 'stateChanged']);
        expect(lastOf(events, 'callEnded')).toMatchObject({
            outcome: 'Connected',
            endReason: 'local-hangup'
        });
        expect(harness.engine.snapshot().agentState).toBe('AfterCallWork');
    });

    it('cancels a call still dialing (No Answer) and a held call (Connected)', async () => {
        const harness = createHarness();
        harness.connector.nextIds.push('c1');
        await harness.engine.dial('5551234');
        await harness.engine.hangup('c1');
        expect(lastOf(harness.events, 'callEnded')?.outcome).toBe('No Answer');

        harness.engine.completeWrapUp();
        await answeredOutbound(harness, 'c2');
        await harness.engine.hold('c2');
        await harness.engine.hangup('c2');
        expect(lastOf(harness.events, 'callEnded')).toMatchObject({
            id: 'c2',
            outcome: 'Connected'
        });
    });

    it('is allowed while another request on the call is unconfirmed, and only once', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.connector.autoResolve = false;
        void harness.engine.hold('c1');

        const hangingUp = harness.engine.hangup('c1');
        const again = await harness.engine.hangup('c1');
        expect(again).toEqual({
            ok: false,
            error: { code: 'in-progress', reason: { key: 'already-ending' } }
        });
        for (const method of ['hold', 'resume'] as const) {
            const refused = await harness.engine[method]('c1');
            expect(refused.ok ? undefined : refused.error.code).toBe('in-progress');
        }
        const mute = await harness.engine.setMuted('c1', true);
        expect(mute.ok ? undefined : mute.error.code).toBe('in-progress');
        const dtmf = await harness.engine.sendDtmf('c1', '1');
        expect(dtmf.ok ? undefined : dtmf.error.code).toBe('in-progress');

        harness.connector.pendingRequest('hangup').resolve();
        await hangingUp;
        expect(harness.engine.snapshot().calls).toEqual([]);
    });

    it('refuses an unknown call', async () => {
        const harness = createHarness();
        const result = await harness.engine.hangup('ghost');
        expect(result.ok ? undefined : result.error.code).toBe('no-such-call');
    });
});

describe('CallEngine mute', () => {
    it('mutes at once, before the connector answers', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.connector.autoResolve = false;
        harness.take();

        const muting = harness.engine.setMuted('c1', true);
        expect(harness.engine.getCall('c1')?.muted).toBe(true);
        expect(harness.takeTypes()).toEqual(['stateChanged']);
        harness.connector.pendingRequest('setMuted').resolve();
        await expect(muting).resolves.toEqual({ ok: true });
        expect(harness.connector.calls().slice(-1)).toEqual(['setMuted(c1, true)']);
    });

    it('unmutes, and does nothing when the call already is as asked', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        await harness.engine.setMuted('c1', true);
        await harness.engine.setMuted('c1', false);
        expect(harness.engine.getCall('c1')?.muted).toBe(false);
        harness.take();
        const before = harness.connector.requests.length;
        await expect(harness.engine.setMuted('c1', false)).resolves.toEqual({ ok: true });
        expect(harness.connector.requests).toHaveLength(before);
        expect(harness.events).toEqual([]);
    });

    it('works on dialing and held calls, and the flag survives hold', async () => {
        const harness = createHarness();
        harness.connector.nextIds.push('c1');
        await harness.engine.dial('5551234');
        await expect(harness.engine.setMuted('c1', true)).resolves.toEqual({ ok: true });
        harness.emit({ type: 'answered', callId: 'c1' });
        await harness.engine.hold('c1');
        expect(harness.engine.getCall('c1')).toMatchObject({ state: 'held', muted: true });
        await expect(harness.engine.setMuted('c1', false)).resolves.toEqual({ ok: true });
    });

    it('names an unmute that failed, and mutes the call again', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        await harness.engine.setMuted('c1', true);
        harness.connector.failNext.set('setMuted', new Error('device lost'));
        harness.take();

        await expect(harness.engine.setMuted('c1', false)).resolves.toEqual({
            ok: false,
            error: {
                code: 'connector-failed',
                reason: { key: 'call-failed', action: 'unmute', error: 'device lost' }
            }
        });
        expect(harness.engine.getCall('c1')?.muted).toBe(true);
        expect(lastOf(harness.events, 'error')).toEqual({
            code: 'connector-failed',
            reason: { key: 'call-failed', action: 'unmute', error: 'device lost' },
            callId: 'c1'
        });
    });

    it('refuses to mute a ringing call', async () => {
        const harness = createHarness();
        ring(harness, 'in1');
        await expect(harness.engine.setMuted('in1', true)).resolves.toEqual({
            ok: false,
            error: { code: 'invalid-state', reason: { key: 'answer-before-mute' } }
        });
    });

    it('refuses an unknown call', async () => {
        const harness = createHarness();
        const result = await harness.engine.setMuted('ghost', true);
        expect(result.ok ? undefined : result.error.code).toBe('no-such-call');
    });
});

describe('CallEngine DTMF', () => {
    it('sends valid tones on a connected call, upper-casing a-d', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.take();
        await expect(harness.engine.sendDtmf('c1', '12*#abcd')).resolves.toEqual({ ok: true });
        expect(harness.connector.calls().slice(-1)).toEqual(['sendDtmf(c1, 12*#ABCD)']);
        expect(harness.events).toEqual([]);
    });

    it.each(['', '1 2', '9E', 'p', '+'])('refuses the digits %p', async (digits) => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        const result = await harness.engine.sendDtmf('c1', digits);
        expect(result).toEqual({
            ok: false,
            error: {
                code: 'invalid-argument',
                reason: { key: 'bad-tones', digits }
            }
        });
        expect(harness.connector.calls().filter((call) => call.startsWith('sendDtmf'))).toEqual([]);
    });

    it('refuses tones on a held call', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        await harness.engine.hold('c1');
        await expect(harness.engine.sendDtmf('c1', '1')).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'cannot-send-tones', call: { direction: 'Outbound', state: 'held' } }
            }
        });
    });

    it('refuses tones on a dialing or ringing call', async () => {
        const harness = createHarness();
        ring(harness, 'in1');
        const ringing = await harness.engine.sendDtmf('in1', '1');
        expect(ringing.ok ? undefined : ringing.error.code).toBe('invalid-state');
        await harness.engine.decline('in1');
        harness.connector.nextIds.push('c1');
        await harness.engine.dial('5551234');
        const dialing = await harness.engine.sendDtmf('c1', '1');
        expect(dialing.ok ? undefined : dialing.error.code).toBe('invalid-state');
    });

    it('refuses an unknown call', async () => {
        const harness = createHarness();
        const result = await harness.engine.sendDtmf('ghost', '1');
        expect(result.ok ? undefined : result.error.code).toBe('no-such-call');
    });
});

describe('CallEngine related record', () => {
    const contact = { recordId: '003000000000001', objectType: 'Contact', recordName: 'Ada' };

    it('attaches the record to a live call and keeps it to the end', async () => {
        const harness = createHarness();
        ring(harness, 'in1');
        harness.take();

        expect(harness.engine.setRelatedRecord('in1', contact)).toEqual({ ok: true });

        expect(lastOf(harness.take(), 'stateChanged')?.calls[0]?.related).toEqual(contact);
        await harness.engine.answer('in1');
        await harness.engine.hangup('in1');
        expect(lastOf(harness.events, 'callEnded')?.related).toEqual(contact);
    });

    it('replaces the record of an outbound call', async () => {
        const harness = createHarness();
        harness.connector.nextIds.push('c1');
        await harness.engine.dial('5551234', { recordId: '00Q1', objectType: 'Lead' });
        harness.engine.setRelatedRecord('c1', contact);
        expect(harness.engine.getCall('c1')?.related).toEqual(contact);
    });

    it('refuses an unknown call and an incomplete record', () => {
        const harness = createHarness();
        expect(harness.engine.setRelatedRecord('ghost', contact)).toEqual({
            ok: false,
            error: { code: 'no-such-call', reason: { key: 'no-such-call', callId: 'ghost' } }
        });
        ring(harness, 'in1');
        const result = harness.engine.setRelatedRecord('in1', {
            recordId: ' ',
            objectType: 'Contact'
        });
        expect(result.ok ? undefined : result.error.code).toBe('invalid-argument');
    });
});
