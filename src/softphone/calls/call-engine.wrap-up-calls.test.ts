import { answeredOutbound, createHarness, lastOf, ring } from './test-support/engine-harness';
import type { EngineHarness } from './test-support/engine-harness';

/** A worked call just ended: the agent is in after-call work with no live call. */
async function inAfterCallWork(): Promise<EngineHarness> {
    const harness = createHarness();
    await answeredOutbound(harness, 'c1');
    harness.emit({ type: 'ended', callId: 'c1', reason: 'local-hangup' });
    expect(harness.engine.snapshot().agentState).toBe('AfterCallWork');
    harness.take();
    return harness;
}

describe('CallEngine calls that arrive during after-call work', () => {
    it('rings while the agent stays in after-call work', async () => {
        const harness = await inAfterCallWork();
        ring(harness, 'in1');
        const events = harness.take();
        expect(events.map((event) => event.type)).toEqual(['callStarted', 'stateChanged']);
        expect(lastOf(events, 'stateChanged')).toMatchObject({
            agentState: 'AfterCallWork',
            calls: [{ id: 'in1', state: 'ringing' }],
            activeCallId: 'in1'
        });
        expect(harness.connector.calls().filter((call) => call.startsWith('decline'))).toEqual([]);
    });

    it('answering it ends after-call work: the agent becomes Busy', async () => {
        const harness = await inAfterCallWork();
        ring(harness, 'in1');
        harness.take();
        await expect(harness.engine.answer('in1')).resolves.toEqual({ ok: true });
        expect(harness.takeTypes()).toEqual(['callAnswered', 'stateChanged']);
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Busy',
            calls: [{ id: 'in1', state: 'connected' }]
        });
    });

    it('after the answered call ends, after-call work starts again for it', async () => {
        const harness = await inAfterCallWork();
        ring(harness, 'in1');
        await harness.engine.answer('in1');
        harness.take();
        harness.emit({ type: 'ended', callId: 'in1', reason: 'remote-hangup' });
        const events = harness.take();
        expect(lastOf(events, 'callEnded')).toMatchObject({ id: 'in1', outcome: 'Connected' });
        expect(harness.engine.snapshot()).toMatchObject({ agentState: 'AfterCallWork', calls: [] });
    });

    it.each([
        ['the caller gives up', 'remote-hangup', 'Missed'],
        ['the agent declines it', 'declined', 'Rejected']
    ] as const)(
        'when %s, the agent is still in after-call work',
        async (_case, reason, outcome) => {
            const harness = await inAfterCallWork();
            ring(harness, 'in1');
            harness.take();
            if (reason === 'declined') {
                await harness.engine.decline('in1');
            } else {
                harness.emit({ type: 'ended', callId: 'in1', reason });
            }
            expect(lastOf(harness.take(), 'callEnded')).toMatchObject({ id: 'in1', outcome });
            expect(harness.engine.snapshot()).toMatchObject({
                agentState: 'AfterCallWork',
                calls: []
            });
            // Nothing was worked since: finishing wrap-up goes Available.
            expect(harness.engine.completeWrapUp()).toEqual({ ok: true });
            expect(harness.engine.snapshot().agentState).toBe('Available');
        }
    );

    it('finishing wrap-up while it rings makes the agent Available with the call still ringing', async () => {
        const harness = await inAfterCallWork();
        ring(harness, 'in1');
        harness.take();
        expect(harness.engine.agentStateOptions()).toEqual(['AfterCallWork', 'Available']);
        expect(harness.engine.completeWrapUp()).toEqual({ ok: true });
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Available',
            calls: [{ id: 'in1', state: 'ringing' }]
        });
        await harness.engine.answer('in1');
        expect(harness.engine.snapshot().agentState).toBe('Busy');
    });

    it.each(['Break', 'Offline'] as const)(
        'refuses %s while the offered call rings',
        async (to) => {
            const harness = await inAfterCallWork();
            ring(harness, 'in1');
            expect(harness.engine.setAgentState(to)).toMatchObject({
                ok: false,
                error: { code: 'busy' }
            });
            expect(harness.engine.snapshot().agentState).toBe('AfterCallWork');
        }
    );

    it('declines a second call while the first offered one rings, as Busy', async () => {
        const harness = await inAfterCallWork();
        ring(harness, 'in1');
        harness.take();
        ring(harness, 'in2');
        expect(lastOf(harness.take(), 'callEnded')).toMatchObject({ id: 'in2', outcome: 'Busy' });
        expect(harness.connector.calls().filter((call) => call.startsWith('decline'))).toEqual([
            'decline(in2)'
        ]);
        expect(harness.engine.snapshot().calls.map((call) => call.id)).toEqual(['in1']);
    });

    it('still refuses to dial during after-call work', async () => {
        const harness = await inAfterCallWork();
        await expect(harness.engine.dial('5551234')).resolves.toMatchObject({
            ok: false,
            error: { code: 'agent-unavailable' }
        });
    });

    it('a disconnect while it rings ends it and makes the agent Offline', async () => {
        const harness = await inAfterCallWork();
        ring(harness, 'in1');
        harness.take();
        harness.emit({ type: 'connection', status: 'disconnected' });
        expect(lastOf(harness.take(), 'callEnded')).toMatchObject({ id: 'in1', outcome: 'Missed' });
        expect(harness.engine.snapshot()).toMatchObject({ agentState: 'Offline', calls: [] });
    });
});
