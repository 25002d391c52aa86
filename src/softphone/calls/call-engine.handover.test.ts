import { noHandoverSupport } from '../telephony/call-handover';
import {
    answeredInbound,
    createHarness,
    lastOf,
    ring,
    answeredConsult,
    consultTarget,
    endedCalls
} from './test-support/engine-harness';

const caller = '+14155550199';
const target = consultTarget;

describe('CallEngine blind transfer', () => {
    it('hands a connected call on: progress on the call, then ended Transferred to the target', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        harness.take();

        await expect(harness.engine.transfer('in1', ` ${target} `)).resolves.toEqual({
            ok: true
        });
        expect(harness.connector.calls()).toContain(`blindTransfer(in1, ${target})`);
        expect(harness.engine.getCall('in1')?.transfer).toEqual({
            kind: 'blind',
            target,
            progress: 'requested'
        });

        harness.emit({ type: 'transfer', callId: 'in1', target, progress: 'ringing' });
        expect(harness.engine.getCall('in1')?.transfer?.progress).toBe('ringing');
        harness.emit({ type: 'transfer', callId: 'in1', target, progress: 'accepted' });
        harness.emit({ type: 'ended', callId: 'in1', reason: 'transferred' });

        const ended = lastOf(harness.events, 'callEnded');
        expect(ended).toMatchObject({
            id: 'in1',
            outcome: 'Transferred',
            endReason: 'transferred',
            transferredTo: target
        });
        expect(harness.engine.snapshot()).toMatchObject({ agentState: 'AfterCallWork', calls: [] });
    });

    it('counts an accepted transfer as Transferred even when the connector reports a hang-up', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        await harness.engine.transfer('in1', target);
        harness.emit({ type: 'transfer', callId: 'in1', target, progress: 'accepted' });
        harness.emit({ type: 'ended', callId: 'in1', reason: 'local-hangup' });
        expect(lastOf(harness.events, 'callEnded')).toMatchObject({
            outcome: 'Transferred',
            transferredTo: target
        });
    });

    it('leaves the call as it was with a failed mark and an error when the target is busy', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        await harness.engine.hold('in1');
        await harness.engine.transfer('in1', target);
        harness.take();

        harness.emit({
            type: 'transfer',
            callId: 'in1',
            target,
            progress: 'failed',
            reason: 'busy',
            message: '486 Busy Here'
        });

        expect(harness.engine.getCall('in1')).toMatchObject({
            state: 'held',
            transfer: { progress: 'failed', reason: 'busy', message: '486 Busy Here' }
        });
        expect(lastOf(harness.events, 'error')).toEqual({
            code: 'connector-failed',
            reason: { key: 'transfer-failed', target, why: 'busy', detail: '486 Busy Here' },
            callId: 'in1'
        });
        // Resuming clears the failed mark: the agent is back on the call.
        await harness.engine.resume('in1');
        expect(harness.engine.getCall('in1')?.transfer).toBeUndefined();
        expect(harness.engine.getCall('in1')?.state).toBe('connected');
    });

    it.each([
        ['no-answer', 'no-answer'],
        ['refused', 'refused'],
        ['unreachable', 'unreachable'],
        [undefined, 'failed']
    ] as const)('says why a transfer failed (%s)', async (reason, why) => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        await harness.engine.transfer('in1', target);
        harness.emit({
            type: 'transfer',
            callId: 'in1',
            target,
            progress: 'failed',
            ...(reason ? { reason } : {})
        });
        expect(lastOf(harness.events, 'error')?.reason).toEqual({
            key: 'transfer-failed',
            target,
            why
        });
        expect(harness.engine.getCall('in1')?.transfer?.reason).toBe(reason ?? 'failed');
    });

    it('marks the transfer failed (refused) when the phone system rejects the request', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        harness.connector.failNext.set('blindTransfer', new Error('403 Forbidden'));
        harness.take();

        const result = await harness.engine.transfer('in1', target);

        expect(result).toEqual({
            ok: false,
            error: {
                code: 'connector-failed',
                reason: { key: 'call-failed', action: 'transfer', error: '403 Forbidden' }
            }
        });
        expect(harness.engine.getCall('in1')).toMatchObject({
            state: 'connected',
            transfer: { progress: 'failed', reason: 'refused', message: '403 Forbidden' }
        });
        expect(harness.takeTypes()).toEqual(['stateChanged', 'error', 'stateChanged']);
        // Holding clears it too.
        await harness.engine.hold('in1');
        expect(harness.engine.getCall('in1')?.transfer).toBeUndefined();
    });

    it('refuses while a transfer is under way, and while the request is pending', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        harness.connector.autoResolve = false;
        const first = harness.engine.transfer('in1', target);
        await expect(harness.engine.transfer('in1', target)).resolves.toMatchObject({
            ok: false,
            error: { code: 'in-progress' }
        });
        harness.connector.pendingRequest('blindTransfer').resolve();
        await first;
        await expect(harness.engine.transfer('in1', target)).resolves.toEqual({
            ok: false,
            error: { code: 'in-progress', reason: { key: 'transfer-under-way' } }
        });
        // The agent may still hang up.
        harness.connector.autoResolve = true;
        await expect(harness.engine.hangup('in1')).resolves.toEqual({ ok: true });
    });

    it('refuses an empty target, a ringing call, an unknown call and an unsupporting connector', async () => {
        const harness = createHarness();
        await expect(harness.engine.transfer('nope', target)).resolves.toMatchObject({
            error: { code: 'no-such-call' }
        });
        ring(harness, 'in1');
        await expect(harness.engine.transfer('in1', target)).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'transfer-needs-live-call' }
            }
        });
        await harness.engine.answer('in1');
        await expect(harness.engine.transfer('in1', '  ')).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-argument',
                reason: { key: 'enter-transfer-target' }
            }
        });
        harness.connector.handoverSupport = noHandoverSupport;
        await expect(harness.engine.transfer('in1', target)).resolves.toEqual({
            ok: false,
            error: { code: 'not-supported', reason: { key: 'transfer-not-supported' } }
        });
        expect(harness.connector.calls().some((call) => call.startsWith('blindTransfer'))).toBe(
            false
        );
    });

    it('reports what the connector supports', () => {
        const harness = createHarness();
        expect(harness.engine.handoverSupport()).toEqual({
            blindTransfer: true,
            consultTransfer: true,
            conference: true
        });
    });
});

describe('CallEngine consult', () => {
    it('holds the call, places the consult call linked to it, then completes into a transfer', async () => {
        const harness = createHarness();
        await answeredConsult(harness);

        expect(harness.connector.calls()).toEqual([
            'answer(in1)',
            'hold(in1)',
            `startConsult(in1, ${target})`
        ]);
        expect(harness.engine.snapshot()).toMatchObject({
            calls: [
                { id: 'in1', state: 'held' },
                {
                    id: 'c2',
                    state: 'connected',
                    direction: 'Outbound',
                    to: target,
                    consultOf: 'in1'
                }
            ],
            activeCallId: 'c2'
        });

        await expect(harness.engine.completeConsult()).resolves.toEqual({ ok: true });
        expect(harness.connector.calls()).toContain('completeConsult(in1, c2)');
        expect(harness.engine.getCall('in1')?.transfer).toEqual({
            kind: 'consult',
            target,
            progress: 'requested'
        });
        harness.emit({ type: 'transfer', callId: 'in1', target, progress: 'accepted' });
        expect(harness.engine.getCall('in1')?.transfer?.kind).toBe('consult');
        harness.emit({ type: 'ended', callId: 'in1', reason: 'transferred' });
        harness.emit({ type: 'ended', callId: 'c2', reason: 'transferred' });

        expect(endedCalls(harness)).toMatchObject([
            { id: 'in1', outcome: 'Transferred', transferredTo: target },
            { id: 'c2', outcome: 'Transferred', transferredTo: caller, consultOf: 'in1' }
        ]);
        expect(harness.engine.snapshot().agentState).toBe('AfterCallWork');
    });

    it('consults on a call already held without holding it again', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        await harness.engine.hold('in1');
        harness.connector.nextIds.push('c2');
        await expect(harness.engine.startConsult('in1', target)).resolves.toEqual({
            ok: true,
            callId: 'c2'
        });
        expect(harness.connector.calls().filter((call) => call.startsWith('hold'))).toHaveLength(1);
    });

    it('keeps the related record on the consult call', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        const related = { recordId: '003000000000001AAA', objectType: 'Contact' };
        harness.engine.setRelatedRecord('in1', related);
        harness.connector.nextIds.push('c2');
        await harness.engine.startConsult('in1', target);
        expect(harness.engine.getCall('c2')?.related).toEqual(related);
    });

    it('cancels: the consult call ends Connected and the first call is resumed', async () => {
        const harness = createHarness();
        await answeredConsult(harness);

        await expect(harness.engine.cancelConsult()).resolves.toEqual({ ok: true });

        expect(harness.connector.calls()).toContain('cancelConsult(in1, c2)');
        expect(endedCalls(harness)).toMatchObject([
            { id: 'c2', outcome: 'Connected', consultOf: 'in1' }
        ]);
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Busy',
            calls: [{ id: 'in1', state: 'connected' }]
        });
    });

    it('cancels a consult call that still rings', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        harness.connector.nextIds.push('c2');
        await harness.engine.startConsult('in1', target);
        await expect(harness.engine.cancelConsult()).resolves.toEqual({ ok: true });
        expect(endedCalls(harness)).toMatchObject([{ id: 'c2', outcome: 'No Answer' }]);
    });

    it('keeps both calls when cancelling fails', async () => {
        const harness = createHarness();
        await answeredConsult(harness);
        harness.connector.failNext.set('cancelConsult', new Error('network down'));
        await expect(harness.engine.cancelConsult()).resolves.toEqual({
            ok: false,
            error: {
                code: 'connector-failed',
                reason: { key: 'call-failed', action: 'cancel-consult', error: 'network down' }
            }
        });
        expect(harness.engine.snapshot().calls.map((call) => call.state)).toEqual([
            'held',
            'connected'
        ]);
    });

    it('leaves the first call held when the consult target is busy', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        harness.connector.nextIds.push('c2');
        await harness.engine.startConsult('in1', target);
        harness.emit({ type: 'ended', callId: 'c2', reason: 'busy' });
        expect(endedCalls(harness)).toMatchObject([{ id: 'c2', outcome: 'Busy' }]);
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Busy',
            calls: [{ id: 'in1', state: 'held' }]
        });
        await expect(harness.engine.completeConsult()).resolves.toMatchObject({
            error: { code: 'invalid-state', reason: { key: 'no-consult-to-complete' } }
        });
    });

    it('turns the consult call into an ordinary call when the first caller hangs up', async () => {
        const harness = createHarness();
        await answeredConsult(harness);
        harness.emit({ type: 'ended', callId: 'in1', reason: 'remote-hangup' });
        expect(harness.engine.snapshot().calls).toMatchObject([{ id: 'c2', state: 'connected' }]);
        await expect(harness.engine.cancelConsult()).resolves.toMatchObject({
            error: { code: 'invalid-state' }
        });
    });

    it('keeps both calls with failed marks when completing is refused', async () => {
        const harness = createHarness();
        await answeredConsult(harness);
        harness.connector.failNext.set('completeConsult', new Error('488 Not Acceptable'));
        await expect(harness.engine.completeConsult()).resolves.toMatchObject({
            ok: false,
            error: { code: 'connector-failed' }
        });
        expect(harness.engine.snapshot().calls).toMatchObject([
            { id: 'in1', state: 'held', transfer: { progress: 'failed', reason: 'refused' } },
            { id: 'c2', state: 'connected', transfer: { progress: 'failed' } }
        ]);
        // The agent can still cancel.
        await expect(harness.engine.cancelConsult()).resolves.toEqual({ ok: true });
    });

    it('refuses to complete before the consult call is answered', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        harness.connector.nextIds.push('c2');
        await harness.engine.startConsult('in1', target);
        await expect(harness.engine.completeConsult()).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'consult-not-answered' }
            }
        });
    });

    it('refuses a consult with two calls, on a ringing call, without a line, or unsupported', async () => {
        const harness = createHarness();
        await answeredConsult(harness);
        await expect(harness.engine.startConsult('c2', target)).resolves.toEqual({
            ok: false,
            error: {
                code: 'busy',
                reason: { key: 'two-calls-before-consult' }
            }
        });

        const ringing = createHarness();
        ring(ringing, 'in1');
        await expect(ringing.engine.startConsult('in1', target)).resolves.toMatchObject({
            error: { code: 'invalid-state' }
        });
        await expect(ringing.engine.startConsult('nope', target)).resolves.toMatchObject({
            error: { code: 'no-such-call' }
        });

        const unsupported = createHarness();
        await answeredInbound(unsupported, 'in1');
        unsupported.connector.handoverSupport = noHandoverSupport;
        await expect(unsupported.engine.startConsult('in1', target)).resolves.toMatchObject({
            error: { code: 'not-supported' }
        });
        await expect(unsupported.engine.completeConsult()).resolves.toMatchObject({
            error: { code: 'not-supported' }
        });
        await expect(unsupported.engine.startConsult('in1', '')).resolves.toMatchObject({
            error: { code: 'not-supported' }
        });

        const lost = createHarness();
        await answeredInbound(lost, 'in1');
        lost.emit({ type: 'connection', status: 'reconnecting' });
        await expect(lost.engine.startConsult('in1', target)).resolves.toEqual({
            ok: false,
            error: {
                code: 'not-connected',
                reason: { key: 'consult-needs-connection', status: 'reconnecting' }
            }
        });

        const empty = createHarness();
        await answeredInbound(empty, 'in1');
        await expect(empty.engine.startConsult('in1', ' ')).resolves.toMatchObject({
            error: { code: 'invalid-argument' }
        });
    });

    it('does not place the consult call when holding fails or the call ends meanwhile', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        harness.connector.failNext.set('hold', new Error('hold refused'));
        await expect(harness.engine.startConsult('in1', target)).resolves.toMatchObject({
            ok: false,
            error: { code: 'connector-failed' }
        });

        const ending = createHarness();
        await answeredInbound(ending, 'in1');
        ending.connector.autoResolve = false;
        const consult = ending.engine.startConsult('in1', target);
        ending.emit({ type: 'ended', callId: 'in1', reason: 'remote-hangup' });
        ending.connector.pendingRequest('hold').resolve();
        await expect(consult).resolves.toEqual({
            ok: false,
            error: { code: 'invalid-state', reason: { key: 'consult-call-ended' } }
        });
        expect(harness.connector.calls().some((call) => call.startsWith('startConsult'))).toBe(
            false
        );
    });

    it('refuses to cancel without a consult, or when the first call is not held', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        await expect(harness.engine.cancelConsult()).resolves.toEqual({
            ok: false,
            error: { code: 'invalid-state', reason: { key: 'no-consult-to-cancel' } }
        });
        await expect(harness.engine.completeConsult()).resolves.toMatchObject({
            error: { code: 'invalid-state' }
        });

        const resumed = createHarness();
        await answeredConsult(resumed);
        // The phone system resumed the first call on its own (e.g. a PBX timer).
        resumed.emit({ type: 'resumed', callId: 'in1' });
        await expect(resumed.engine.cancelConsult()).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'first-call-not-held' }
            }
        });
        await expect(resumed.engine.completeConsult()).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'hold-before-transfer' }
            }
        });
    });

    it('refuses to cancel or complete while the transfer is under way', async () => {
        const harness = createHarness();
        await answeredConsult(harness);
        await harness.engine.completeConsult();
        await expect(harness.engine.cancelConsult()).resolves.toEqual({
            ok: false,
            error: { code: 'in-progress', reason: { key: 'transfer-under-way' } }
        });
        await expect(harness.engine.completeConsult()).resolves.toMatchObject({
            error: { code: 'in-progress' }
        });
        harness.connector.autoResolve = false;
        harness.emit({ type: 'transfer', callId: 'in1', target, progress: 'failed' });
        harness.emit({ type: 'transfer', callId: 'c2', target, progress: 'failed' });
        const pending = harness.engine.completeConsult();
        await expect(harness.engine.swap()).resolves.toMatchObject({
            error: { code: 'in-progress' }
        });
        harness.connector.pendingRequest('completeConsult').resolve();
        await pending;
    });
});
