import { noHandoverSupport } from '../telephony/call-handover';
import {
    answeredInbound,
    answeredOutbound,
    createHarness,
    ring,
    answeredConsult,
    consultTarget,
    endedCalls
} from './test-support/engine-harness';

const caller = '+14155550199';
const target = consultTarget;

describe('CallEngine conference', () => {
    it('merges the held and the connected call: both connected, each records the other party', async () => {
        const harness = createHarness();
        await answeredConsult(harness);

        await expect(harness.engine.merge()).resolves.toEqual({ ok: true });

        expect(harness.connector.calls()).toContain('mergeCalls(in1, c2)');
        expect(harness.engine.snapshot()).toMatchObject({
            calls: [
                { id: 'in1', state: 'connected', conference: true, conferenceParties: [target] },
                { id: 'c2', state: 'connected', conference: true, conferenceParties: [caller] }
            ],
            conferenceCallIds: ['in1', 'c2']
        });
        expect(harness.engine.getCall('in1')?.heldAt).toBeUndefined();
    });

    it('drops a party: it ends, the other stays connected and leaves the conference', async () => {
        const harness = createHarness();
        await answeredConsult(harness);
        await harness.engine.merge();

        await expect(harness.engine.dropParty('c2')).resolves.toEqual({ ok: true });

        expect(harness.connector.calls()).toContain('dropParty(c2)');
        expect(endedCalls(harness)).toMatchObject([
            { id: 'c2', outcome: 'Connected', conferenceParties: [caller], consultOf: 'in1' }
        ]);
        const snapshot = harness.engine.snapshot();
        expect(snapshot.conferenceCallIds).toBeUndefined();
        expect(snapshot.calls).toEqual([
            expect.objectContaining({ id: 'in1', state: 'connected', conferenceParties: [target] })
        ]);
        expect(snapshot.calls[0]?.conference).toBeUndefined();
    });

    it('ends the conference when a party hangs up', async () => {
        const harness = createHarness();
        await answeredConsult(harness);
        await harness.engine.merge();
        harness.emit({ type: 'ended', callId: 'in1', reason: 'remote-hangup' });
        expect(harness.engine.snapshot().calls).toMatchObject([{ id: 'c2', state: 'connected' }]);
        expect(harness.engine.snapshot().conferenceCallIds).toBeUndefined();
    });

    it('follows the conference the connector reports', async () => {
        const harness = createHarness();
        await answeredConsult(harness);
        harness.emit({ type: 'conference', callIds: ['in1', 'c2', 'unknown'] });
        expect(harness.engine.snapshot().conferenceCallIds).toEqual(['in1', 'c2']);
        // Repeated, nothing is recorded twice.
        harness.emit({ type: 'conference', callIds: ['c2', 'in1'] });
        expect(harness.engine.getCall('in1')?.conferenceParties).toEqual([target]);
        harness.emit({ type: 'conference', callIds: ['c2'] });
        expect(harness.engine.snapshot().conferenceCallIds).toBeUndefined();
    });

    it('refuses hold, swap, transfer, merge and a consult during a conference', async () => {
        const harness = createHarness();
        await answeredConsult(harness);
        await harness.engine.merge();
        await expect(harness.engine.swap()).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'in-conference', request: 'swap' }
            }
        });
        await expect(harness.engine.transfer('in1', target)).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'in-conference', request: 'transfer' }
            }
        });
        await expect(harness.engine.merge()).resolves.toEqual({
            ok: false,
            error: { code: 'invalid-state', reason: { key: 'already-in-conference' } }
        });
        await expect(harness.engine.hold('in1')).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'conference-cannot-hold' }
            }
        });
        await expect(harness.engine.cancelConsult()).resolves.toMatchObject({
            error: { code: 'invalid-state' }
        });
    });

    it('refuses to drop a call not in conference, an unknown call, or unsupported', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        await expect(harness.engine.dropParty('in1')).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'drop-needs-conference-party' }
            }
        });
        await expect(harness.engine.dropParty('nope')).resolves.toMatchObject({
            error: { code: 'no-such-call' }
        });
        harness.connector.handoverSupport = noHandoverSupport;
        await expect(harness.engine.dropParty('in1')).resolves.toMatchObject({
            error: { code: 'not-supported' }
        });
        await expect(harness.engine.merge()).resolves.toMatchObject({
            error: { code: 'not-supported' }
        });
    });

    it('refuses to merge without one held and one connected call', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        await expect(harness.engine.merge()).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'conference-needs-two-calls' }
            }
        });
    });

    it('keeps both calls as they were when merging fails', async () => {
        const harness = createHarness();
        await answeredConsult(harness);
        harness.connector.failNext.set('mergeCalls', new Error('no mixer'));
        await expect(harness.engine.merge()).resolves.toEqual({
            ok: false,
            error: {
                code: 'connector-failed',
                reason: { key: 'call-failed', action: 'merge', error: 'no mixer' }
            }
        });
        expect(harness.engine.snapshot().calls.map((call) => call.state)).toEqual([
            'held',
            'connected'
        ]);
        expect(harness.engine.snapshot().conferenceCallIds).toBeUndefined();
    });

    it('refuses to merge a call whose transfer is under way', async () => {
        const harness = createHarness();
        await answeredConsult(harness);
        await harness.engine.completeConsult();
        await expect(harness.engine.merge()).resolves.toMatchObject({
            error: { code: 'in-progress' }
        });
    });
});

describe('CallEngine swap', () => {
    it('holds the connected call and resumes the held one', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        await harness.engine.hold('in1');
        await answeredOutbound(harness, 'out2');

        await expect(harness.engine.swap()).resolves.toEqual({ ok: true });

        expect(harness.connector.calls()).toContain('swap(out2, in1)');
        expect(harness.engine.snapshot()).toMatchObject({
            calls: [
                { id: 'in1', state: 'connected' },
                { id: 'out2', state: 'held' }
            ],
            activeCallId: 'in1'
        });
    });

    it('refuses with a single call, and while a request on either call is pending', async () => {
        const harness = createHarness();
        await answeredInbound(harness, 'in1');
        await expect(harness.engine.swap()).resolves.toEqual({
            ok: false,
            error: {
                code: 'invalid-state',
                reason: { key: 'swap-needs-two-calls' }
            }
        });
        await harness.engine.hold('in1');
        ring(harness, 'in2');
        await harness.engine.answer('in2');
        harness.connector.autoResolve = false;
        const swapping = harness.engine.swap();
        await expect(harness.engine.swap()).resolves.toMatchObject({
            error: {
                code: 'in-progress',
                reason: { key: 'request-pending', operation: 'swap' }
            }
        });
        harness.connector.pendingRequest('swap').reject(new Error('timeout'));
        await expect(swapping).resolves.toMatchObject({ error: { code: 'connector-failed' } });
        expect(harness.engine.snapshot().calls.map((call) => call.state)).toEqual([
            'held',
            'connected'
        ]);
    });
});
