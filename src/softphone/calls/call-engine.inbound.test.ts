import type { CallEndReason } from '../telephony/connector';
import type { CallOutcome } from './call-model';
import {
    answeredOutbound,
    createHarness,
    lastOf,
    lineNumber,
    ring
} from './test-support/engine-harness';

describe('CallEngine inbound calls', () => {
    it('rings for an Available agent, who stays Available until answering', () => {
        const harness = createHarness();
        ring(harness, 'in1');

        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['callStarted', 'stateChanged']);
        const ringing = {
            id: 'in1',
            direction: 'Inbound',
            from: '+14155550199',
            to: lineNumber,
            remoteName: 'Ada Lovelace',
            state: 'ringing',
            startedAt: harness.clock.now(),
            muted: false
        };
        expect(lastOf(events, 'callStarted')).toEqual(ringing);
        expect(lastOf(events, 'stateChanged')).toEqual({
            agentState: 'Available',
            connectionStatus: 'connected',
            calls: [ringing],
            activeCallId: 'in1'
        });
    });

    it('keeps a withheld caller id as empty text and leaves out a missing name', () => {
        const harness = createHarness();
        harness.emit({ type: 'incoming', callId: 'in1', from: '', to: lineNumber });
        const call = harness.engine.getCall('in1');
        expect(call?.from).toBe('');
        expect(call && 'remoteName' in call).toBe(false);
    });

    it('answers: the call connects and the agent becomes Busy', async () => {
        const harness = createHarness();
        ring(harness, 'in1');
        harness.take();
        harness.clock.advance(4000);

        await expect(harness.engine.answer('in1')).resolves.toEqual({ ok: true });

        expect(harness.connector.calls()).toEqual(['answer(in1)']);
        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['callAnswered', 'stateChanged']);
        expect(lastOf(events, 'callAnswered')).toMatchObject({
            id: 'in1',
            state: 'connected',
            answeredAt: harness.clock.now()
        });
        expect(lastOf(events, 'stateChanged')?.agentState).toBe('Busy');
    });

    it('does not change the call before the connector confirms the answer', async () => {
        const harness = createHarness();
        harness.connector.autoResolve = false;
        ring(harness, 'in1');
        harness.take();

        const answering = harness.engine.answer('in1');
        expect(harness.engine.getCall('in1')?.state).toBe('ringing');
        expect(harness.events).toEqual([]);

        harness.emit({ type: 'answered', callId: 'in1' });
        expect(harness.engine.getCall('in1')?.state).toBe('connected');
        harness.connector.pendingRequest('answer').resolve();
        await answering;
        expect(harness.takeTypes()).toEqual(['callAnswered', 'stateChanged']);
    });

    it('refuses a second answer while the first is unconfirmed', async () => {
        const harness = createHarness();
        harness.connector.autoResolve = false;
        ring(harness, 'in1');
        void harness.engine.answer('in1');
        await expect(harness.engine.answer('in1')).resolves.toEqual({
            ok: false,
            error: {
                code: 'in-progress',
                reason: { key: 'request-pending', operation: 'answer' }
            }
        });
        const declined = await harness.engine.decline('in1');
        expect(declined.ok ? undefined : declined.error.code).toBe('in-progress');
    });

    it('declines: the call ends Rejected, without wrap-up', async () => {
        const harness = createHarness();
        ring(harness, 'in1');
        harness.take();

        await expect(harness.engine.decline('in1')).resolves.toEqual({ ok: true });

        expect(harness.connector.calls()).toEqual(['decline(in1)']);
        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['callEnded', 'stateChanged']);
        expect(lastOf(events, 'callEnded')).toMatchObject({
            outcome: 'Rejected',
            endReason: 'declined',
            durationSeconds: 0
        });
        expect(harness.engine.snapshot().agentState).toBe('Available');
    });

    it('a decline confirmed by the connector event ends the call once', async () => {
        const harness = createHarness();
        harness.connector.autoResolve = false;
        ring(harness, 'in1');
        harness.take();
        const declining = harness.engine.decline('in1');
        harness.emit({ type: 'ended', callId: 'in1', reason: 'declined' });
        harness.connector.pendingRequest('decline').resolve();
        await declining;
        expect(harness.takeTypes()).toEqual(['callEnded', 'stateChanged']);
    });

    it.each<[CallEndReason, CallOutcome]>([
        ['cancelled', 'Missed'],
        ['remote-hangup', 'Missed'],
        ['no-answer', 'Missed'],
        ['connection-lost', 'Missed'],
        ['voicemail', 'Voicemail'],
        ['failed', 'Failed']
    ])('a ringing call ending %s is %s and leaves the agent Available', (reason, outcome) => {
        const harness = createHarness();
        ring(harness, 'in1');
        harness.emit({ type: 'ended', callId: 'in1', reason });
        expect(lastOf(harness.events, 'callEnded')?.outcome).toBe(outcome);
        expect(harness.engine.snapshot().agentState).toBe('Available');
    });

    it('an answered inbound call ends Connected with wrap-up', async () => {
        const harness = createHarness();
        ring(harness, 'in1');
        await harness.engine.answer('in1');
        harness.clock.advance(30_000);
        harness.emit({ type: 'ended', callId: 'in1', reason: 'remote-hangup' });
        expect(lastOf(harness.events, 'callEnded')).toMatchObject({
            outcome: 'Connected',
            durationSeconds: 30
        });
        expect(harness.engine.snapshot().agentState).toBe('AfterCallWork');
    });

    it('accepts an answer the phone system reports without an agent request', () => {
        const harness = createHarness();
        ring(harness, 'in1');
        harness.emit({ type: 'answered', callId: 'in1' });
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Busy',
            calls: [{ id: 'in1', state: 'connected' }]
        });
    });

    it('ignores a repeated incoming event for a live call', () => {
        const harness = createHarness();
        ring(harness, 'in1');
        harness.take();
        ring(harness, 'in1');
        expect(harness.events).toEqual([]);
        expect(harness.engine.snapshot().calls).toHaveLength(1);
        expect(harness.connector.calls()).toEqual([]);
    });

    it.each(['Offline', 'Break'] as const)(
        'tells the phone system busy for an agent who is %s, logged as Busy (never offered, so not Missed)',
        async (state) => {
            const harness = createHarness({ agentState: state });
            ring(harness, 'in1');
            await Promise.resolve();

            expect(harness.connector.calls()).toEqual(['decline(in1)']);
            const events = harness.take();
            expect(events.map((event) => event.type)).toEqual(['callStarted', 'callEnded']);
            expect(lastOf(events, 'callEnded')).toMatchObject({
                id: 'in1',
                outcome: 'Busy',
                endReason: 'declined',
                durationSeconds: 0
            });
            expect(harness.engine.snapshot()).toEqual({
                agentState: state,
                connectionStatus: 'connected',
                calls: []
            });
        }
    );

    it('offers a call during after-call work: it rings, it is not declined', async () => {
        const harness = createHarness();
        await answeredOutbound(harness, 'c1');
        harness.emit({ type: 'ended', callId: 'c1', reason: 'local-hangup' });
        harness.take();
        ring(harness, 'in1');
        expect(harness.takeTypes()).toEqual(['callStarted', 'stateChanged']);
        expect(harness.connector.calls()).not.toContain('decline(in1)');
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'AfterCallWork',
            calls: [{ id: 'in1', state: 'ringing' }]
        });
    });

    it('declines a second call while one already rings for an Available agent, as Busy', () => {
        const harness = createHarness();
        ring(harness, 'in1');
        harness.take();
        ring(harness, 'in2');
        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['callStarted', 'callEnded']);
        expect(lastOf(events, 'callEnded')).toMatchObject({ id: 'in2', outcome: 'Busy' });
        expect(harness.connector.calls()).toEqual(['decline(in2)']);
        expect(harness.engine.snapshot().calls.map((call) => call.id)).toEqual(['in1']);
    });

    it('declines a call that arrives while a dial is pending and something else rings', async () => {
        const harness = createHarness();
        harness.connector.autoResolve = false;
        void harness.engine.dial('5551234');
        ring(harness, 'in1');
        ring(harness, 'in2');
        expect(harness.engine.snapshot().calls.map((call) => call.id)).toEqual(['in1']);
        expect(harness.connector.calls()).toEqual(['dial(5551234)', 'decline(in2)']);
    });

    it.each(['answer', 'decline'] as const)('refuses to %s an unknown call', async (method) => {
        const harness = createHarness();
        await expect(harness.engine[method]('ghost')).resolves.toEqual({
            ok: false,
            error: { code: 'no-such-call', reason: { key: 'no-such-call', callId: 'ghost' } }
        });
    });

    it('refuses to answer an outbound call', async () => {
        const harness = createHarness();
        harness.connector.nextIds.push('c1');
        await harness.engine.dial('5551234');
        await expect(harness.engine.answer('c1')).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'cannot-answer', call: { direction: 'Outbound', state: 'dialing' } }
            }
        });
        expect(harness.connector.calls()).toEqual(['dial(5551234)']);
    });

    it('refuses to answer or decline a call already connected', async () => {
        const harness = createHarness();
        ring(harness, 'in1');
        await harness.engine.answer('in1');
        const answer = await harness.engine.answer('in1');
        expect(answer.ok ? undefined : answer.error.reason).toEqual({
            key: 'cannot-answer',
            call: { direction: 'Inbound', state: 'connected' }
        });
        const decline = await harness.engine.decline('in1');
        expect(decline.ok ? undefined : decline.error.code).toBe('invalid-state');
    });

    it('refuses to hang up a ringing call (decline it instead)', async () => {
        const harness = createHarness();
        ring(harness, 'in1');
        await expect(harness.engine.hangup('in1')).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'decline-instead' }
            }
        });
    });
});
