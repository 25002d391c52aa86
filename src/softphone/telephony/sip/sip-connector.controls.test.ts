import { fakeStream } from './test-support/fake-media';
import {
    answeredInbound,
    answeredOutbound,
    connectedHarness,
    ringing,
    settle
} from './test-support/sip-harness';
import type { SipConnector } from './sip-connector';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('SipConnector hold and resume', () => {
    it('holds with a re-INVITE and reports held only when the far end accepted it', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredOutbound(harness);
        let held = false;
        void harness.connector.hold(id).then(() => {
            held = true;
        });
        await settle();
        expect(harness.events).toEqual([]);
        expect(held).toBe(false);

        session.holdDone?.();
        await settle();

        expect(held).toBe(true);
        expect(harness.events).toEqual([{ type: 'held', callId: id }]);
        expect(harness.connector.callDetails(id)?.state).toBe('held');
    });

    it('resumes with a re-INVITE, reports resumed and plays the call again', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredOutbound(harness);
        session.connection?.simulateTrack(fakeStream('remote-1'));
        const holding = harness.connector.hold(id);
        session.holdDone?.();
        await holding;
        harness.events.length = 0;
        harness.media.log.length = 0;

        const resuming = harness.connector.resume(id);
        session.unholdDone?.();
        await resuming;

        expect(harness.events).toEqual([{ type: 'resumed', callId: id }]);
        expect(harness.media.log).toEqual(['play remote-1']);
    });

    it('refuses to hold when JsSIP cannot send a re-INVITE now', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredOutbound(harness);
        session.readyToReOffer = false;
        await expect(harness.connector.hold(id)).rejects.toThrow(
            `Cannot hold call "${id}" now: another SIP request on it is in progress.`
        );
        expect(harness.connector.callDetails(id)?.state).toBe('connected');
        session.readyToReOffer = true;
        const holding = harness.connector.hold(id);
        session.holdDone?.();
        await expect(holding).resolves.toBeUndefined();
    });

    it('a refused hold re-INVITE, which makes JsSIP end the call, fails the hold and says why', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredOutbound(harness);
        const holding = harness.connector.hold(id);
        // JsSIP answers a failed hold re-INVITE by terminating the session (500 Hold Failed).
        session.emit('ended', { originator: 'local', message: null, cause: 'WebRTC Error' });
        await expect(holding).rejects.toThrow(
            `Call "${id}" ended (failed) before the hold completed.`
        );
        expect(harness.events).toEqual([
            {
                type: 'ended',
                callId: id,
                reason: 'failed',
                message: 'The phone system refused the hold; the call was ended.'
            }
        ]);
    });

    it('refuses to hold a held call, to resume a connected one, or to hold twice', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredOutbound(harness);
        await expect(harness.connector.resume(id)).rejects.toThrow(
            `Cannot resume call "${id}": it is connected (needs held).`
        );
        void harness.connector.hold(id);
        await expect(harness.connector.hold(id)).rejects.toThrow(/the hold is still in progress/);
        session.holdDone?.();
        await settle();
        await expect(harness.connector.hold(id)).rejects.toThrow(/it is held \(needs connected\)/);
    });

    it('a hang-up during a pending hold fails the hold and ends local-hangup', async () => {
        const harness = await connectedHarness();
        const { id } = await answeredOutbound(harness);
        const holding = harness.connector.hold(id);
        await harness.connector.hangup(id);
        await expect(holding).rejects.toThrow(
            `Call "${id}" ended (local-hangup) before the hold completed.`
        );
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'local-hangup' }]);
    });

    it('a hold from the far end changes nothing but the log', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        session.emit('hold', { originator: 'remote' });
        expect(harness.events).toEqual([]);
        expect(harness.connector.callDetails(id)?.state).toBe('connected');
        expect(harness.logs.map((log) => log.message)).toContain('The far end sent hold.');
    });
});

describe('SipConnector mute', () => {
    it('mutes and unmutes the local audio through the session', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredOutbound(harness);
        await harness.connector.setMuted(id, true);
        expect(session.muted).toBe(true);
        await harness.connector.setMuted(id, false);
        expect(session.muted).toBe(false);
    });

    it('refuses to mute a ringing call', async () => {
        const harness = await connectedHarness();
        const { id } = ringing(harness);
        await expect(harness.connector.setMuted(id, true)).rejects.toThrow(
            /Cannot mute call "call-1": it is ringing/
        );
    });
});

describe('SipConnector DTMF', () => {
    it('sends RFC 4733 tones, upper-casing A-D', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredOutbound(harness);
        await harness.connector.sendDtmf(id, '12*#ab');
        expect(session.dtmfSent).toEqual([{ tones: '12*#AB', transportType: 'RFC2833' }]);
    });

    it('falls back to SIP INFO when the call has no RTP channel for tones', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredOutbound(harness);
        const sender = session.connection?.senders[0];
        if (sender) {
            sender.dtmf = { canInsertDTMF: false };
        }
        await harness.connector.sendDtmf(id, '5');
        expect(session.dtmfSent).toEqual([{ tones: '5', transportType: 'INFO' }]);
    });

    it('refuses instead when the INFO fallback is off', async () => {
        const harness = await connectedHarness({ dtmfInfoFallback: false });
        const { id, session } = await answeredOutbound(harness);
        const sender = session.connection?.senders[0];
        if (sender) {
            sender.dtmf = null;
        }
        await expect(harness.connector.sendDtmf(id, '5')).rejects.toThrow(
            `Cannot send DTMF on call "${id}": the call has no audio channel for RFC 4733 tones`
        );
        expect(session.dtmfSent).toEqual([]);
    });

    it('sends by SIP INFO when configured so', async () => {
        const harness = await connectedHarness({ dtmfTransport: 'info' });
        const { id, session } = await answeredOutbound(harness);
        await harness.connector.sendDtmf(id, '9');
        expect(session.dtmfSent).toEqual([{ tones: '9', transportType: 'INFO' }]);
    });

    it.each(['', '1 2', 'E', 'p,'])('refuses the DTMF %p', async (digits) => {
        const harness = await connectedHarness();
        const { id, session } = await answeredOutbound(harness);
        await expect(harness.connector.sendDtmf(id, digits)).rejects.toThrow(
            /use only 0-9, \*, # and A-D/
        );
        expect(session.dtmfSent).toEqual([]);
    });

    it('refuses DTMF on a call that is not connected', async () => {
        const harness = await connectedHarness();
        const id = await harness.connector.dial('1002');
        await expect(harness.connector.sendDtmf(id, '1')).rejects.toThrow(/it is dialing/);
    });
});

describe('SipConnector unknown calls', () => {
    it.each<[string, (connector: SipConnector) => Promise<unknown>]>([
        ['answer', (connector) => connector.answer('ghost')],
        ['decline', (connector) => connector.decline('ghost')],
        ['hang up', (connector) => connector.hangup('ghost')],
        ['hold', (connector) => connector.hold('ghost')],
        ['resume', (connector) => connector.resume('ghost')],
        ['mute', (connector) => connector.setMuted('ghost', true)],
        ['send DTMF on', (connector) => connector.sendDtmf('ghost', '1')],
        ['transfer', (connector) => connector.blindTransfer('ghost', '1003')]
    ])('rejects %s for an unknown call id', async (action, request) => {
        const harness = await connectedHarness();
        await expect(request(harness.connector)).rejects.toThrow(
            `Cannot ${action} call "ghost": there is no such call.`
        );
    });
});
