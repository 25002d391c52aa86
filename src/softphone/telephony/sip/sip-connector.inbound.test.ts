import { fakeStream } from './test-support/fake-media';
import { answeredInbound, connectedHarness, ringing, settle } from './test-support/sip-harness';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const withIceServers = {
    settings: {
        webSocketUrl: 'wss://pbx.example.com/ws',
        domain: 'pbx.example.com',
        registerExpiresSeconds: 600,
        iceServers: ['stun:stun.example.com:3478']
    }
};

describe('SipConnector inbound calls', () => {
    it('announces an INVITE with the asserted caller id and rings', async () => {
        const harness = await connectedHarness();
        const session = harness.ua().simulateIncoming({
            assertedIdentity: '"Ada Lovelace" <sip:+14155550199@pbx.example.com>',
            fromDisplayName: 'Front Desk',
            fromUser: '1000',
            toUser: '+14155550100',
            viaHost: 'pbx.example.com'
        });
        expect(harness.events).toEqual([
            {
                type: 'incoming',
                callId: 'call-1',
                from: '+14155550199',
                fromName: 'Ada Lovelace',
                to: '+14155550100'
            }
        ]);
        // The microphone opens as the call rings: answering will not wait for it.
        expect(harness.media.log).toEqual(['ring', 'getLocalStream local-1']);
        expect(harness.connector.callDetails('call-1')).toEqual({
            direction: 'inbound',
            state: 'ringing',
            sipCallId: session.callId
        });
    });

    it('believes P-Asserted-Identity only from the configured server, and logs where the id came from', async () => {
        const harness = await connectedHarness();
        harness.ua().simulateIncoming({
            assertedIdentity: '<sip:+14155550000@pbx.example.com>',
            fromUser: '+1-415-555-0101;phone-context=+1',
            viaHost: 'elsewhere.example.org'
        });
        expect(harness.events).toEqual([
            expect.objectContaining({ type: 'incoming', from: '+14155550101' })
        ]);
        expect(harness.logs).toContainEqual(
            expect.objectContaining({
                message: 'Incoming call.',
                details: expect.objectContaining({ callerIdSource: 'From' })
            })
        );
    });

    it('withholds a caller who asked for privacy, unless the settings say Show', async () => {
        const invite = {
            assertedIdentity: '"Ada" <tel:+14155550199>',
            fromUser: '+14155550199',
            viaHost: 'pbx.example.com',
            headers: { Privacy: 'id' }
        };
        const withheld = await connectedHarness();
        withheld.ua().simulateIncoming(invite);
        expect(withheld.events).toEqual([expect.objectContaining({ from: '' })]);
        const shown = await connectedHarness({
            settings: {
                webSocketUrl: 'wss://pbx.example.com/ws',
                domain: 'pbx.example.com',
                registerExpiresSeconds: 600,
                iceServers: [],
                privacy: 'Show'
            }
        });
        shown.ua().simulateIncoming(invite);
        expect(shown.events).toEqual([
            expect.objectContaining({ from: '+14155550199', fromName: 'Ada' })
        ]);
    });

    it('announces a caller with hostile From and P-Asserted-Identity as unknown', async () => {
        const harness = await connectedHarness();
        harness.ua().simulateIncoming({
            assertedIdentity: '"<b>x" <sip:<script>@evil',
            fromDisplayName: '<img src=x onerror=alert(1)>',
            fromUser: '<script>alert(1)</script>',
            toUser: '1001\u0000'
        });
        expect(harness.events).toEqual([{ type: 'incoming', callId: 'call-1', from: '', to: '' }]);
    });

    it('answers with the microphone and the ICE servers, and is answered on the 200 OK', async () => {
        const harness = await connectedHarness(withIceServers);
        const { id, session } = ringing(harness);
        harness.events.length = 0;
        let answered = false;
        void harness.connector.answer(id).then(() => {
            answered = true;
        });
        await settle();

        expect(harness.connector.callDetails(id)?.state).toBe('answering');
        expect(session.answerOptions).toEqual({
            mediaStream: expect.objectContaining({ id: 'local-1' }),
            mediaConstraints: { audio: true, video: false },
            pcConfig: { iceServers: [{ urls: 'stun:stun.example.com:3478' }] }
        });
        expect(answered).toBe(false);

        session.simulateAccepted();
        await settle();

        expect(answered).toBe(true);
        expect(harness.events).toEqual([{ type: 'answered', callId: id }]);
        expect(harness.media.log).toEqual(['ring', 'getLocalStream local-1', 'stop ringing']);
    });

    it('sends the answer on the first ICE candidate when no ICE server is set', async () => {
        const harness = await connectedHarness();
        const { id, session } = ringing(harness);
        void harness.connector.answer(id);
        await settle();
        expect(session.simulateIceCandidate('host').readyCalls).toBe(1);
    });

    it('with ICE servers, waits for a server candidate or the cut-off', async () => {
        const harness = await connectedHarness({ ...withIceServers, iceMaxWaitMs: 300 });
        const { id, session } = ringing(harness);
        void harness.connector.answer(id);
        await settle();
        const host = session.simulateIceCandidate('host');
        expect(host.readyCalls).toBe(0);
        expect(session.simulateIceCandidate('srflx').readyCalls).toBe(1);

        const second = ringing(harness);
        void harness.connector.answer(second.id);
        await settle();
        const onlyHost = second.session.simulateIceCandidate('host');
        jest.advanceTimersByTime(300);
        expect(onlyHost.readyCalls).toBe(1);
    });

    it('plays the far end once its track arrives', async () => {
        const harness = await connectedHarness();
        const { id, session } = ringing(harness);
        void harness.connector.answer(id);
        await settle();
        session.connection?.simulateTrack(fakeStream('remote-1'));
        expect(harness.media.log).toContain('play remote-1');
    });

    it('keeps ringing when the microphone is refused, and can answer again', async () => {
        const harness = await connectedHarness();
        const denied = () =>
            Object.assign(new Error('denied'), {
                name: 'NotAllowedError'
            });
        // Refused while ringing, and again when the agent answers.
        harness.media.failNextWith = denied();
        const { id, session } = ringing(harness);
        await settle();
        harness.media.failNextWith = denied();
        await expect(harness.connector.answer(id)).rejects.toThrow(
            'Cannot answer: the browser was not allowed to use the microphone.'
        );
        expect(harness.connector.callDetails(id)?.state).toBe('ringing');
        expect(session.answerOptions).toBeUndefined();
        expect(harness.media.log).toEqual([
            'ring',
            'getLocalStream failed',
            'stop ringing',
            'getLocalStream failed',
            'ring'
        ]);

        const again = harness.connector.answer(id);
        await settle();
        session.simulateAccepted();
        await expect(again).resolves.toBeUndefined();
    });

    it('keeps ringing when JsSIP refuses the answer', async () => {
        const harness = await connectedHarness();
        const { id, session } = ringing(harness);
        session.answerThrows = new Error('INVALID_STATE_ERROR');
        await expect(harness.connector.answer(id)).rejects.toThrow(
            `Cannot answer call "${id}": INVALID_STATE_ERROR`
        );
        expect(harness.connector.callDetails(id)?.state).toBe('ringing');
        expect(harness.media.log).toContain('release local-1');
    });

    it('a CANCEL while the microphone is being opened fails the answer and ends cancelled', async () => {
        const harness = await connectedHarness();
        let openMicrophone = (): void => undefined;
        harness.media.gate = new Promise((resolve) => {
            openMicrophone = resolve;
        });
        const { id, session } = ringing(harness);
        harness.events.length = 0;
        const answering = harness.connector.answer(id);

        session.simulateRemoteCancel();
        openMicrophone();

        await expect(answering).rejects.toThrow(
            `Call "${id}" ended (cancelled) before the answer completed.`
        );
        await settle();
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'cancelled' }]);
        expect(harness.media.log).toContain('release local-1');
        expect(session.answerOptions).toBeUndefined();
    });

    it('a CANCEL while ringing ends the call cancelled and stops the ringtone', async () => {
        const harness = await connectedHarness();
        const { id, session } = ringing(harness);
        harness.events.length = 0;
        session.simulateRemoteCancel();
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'cancelled' }]);
        await settle();
        // The microphone opened for the ringing call is closed again.
        expect(harness.media.log).toEqual([
            'ring',
            'getLocalStream local-1',
            'stop ringing',
            'release local-1'
        ]);
        expect(harness.connector.liveCallIds()).toEqual([]);
    });

    it('JsSIP’s own no-answer timeout ends the call no-answer', async () => {
        const harness = await connectedHarness();
        const { id, session } = ringing(harness);
        harness.events.length = 0;
        session.emit('failed', { originator: 'local', message: null, cause: 'No Answer' });
        expect(harness.events).toEqual([
            { type: 'ended', callId: id, reason: 'no-answer', message: 'No Answer' }
        ]);
    });

    it('decline rejects with 486 Busy Here by default and ends declined', async () => {
        const harness = await connectedHarness();
        const { id, session } = ringing(harness);
        harness.events.length = 0;
        await harness.connector.decline(id);
        expect(session.terminateOptions).toEqual({ status_code: 486, reason_phrase: 'Busy Here' });
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'declined' }]);
        await expect(harness.connector.answer(id)).rejects.toThrow(
            `Cannot answer call "${id}": it has ended.`
        );
    });

    it('decline can answer 603 Decline instead', async () => {
        const harness = await connectedHarness({ declineStatus: 603 });
        const { id, session } = ringing(harness);
        await harness.connector.decline(id);
        expect(session.terminateOptions).toEqual({ status_code: 603, reason_phrase: 'Decline' });
    });

    it('a BYE from the far end ends an answered call remote-hangup and frees the media', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        session.connection?.simulateTrack(fakeStream('remote-1'));
        harness.media.log.length = 0;

        session.simulateRemoteBye();

        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'remote-hangup' }]);
        expect(harness.media.log).toEqual(['release local-1', 'play nothing', 'stop ringing']);
    });

    it('refuses to answer twice, or to decline a call being answered', async () => {
        const harness = await connectedHarness();
        const { id } = ringing(harness);
        void harness.connector.answer(id);
        await expect(harness.connector.answer(id)).rejects.toThrow(
            /the answer is still in progress/
        );
        await settle();
        await expect(harness.connector.decline(id)).rejects.toThrow(/the answer is still/);
    });

    it('rings on while a second call arrives and stops when none rings', async () => {
        const harness = await connectedHarness();
        const first = ringing(harness);
        const second = ringing(harness);
        await harness.connector.decline(first.id);
        await settle();
        expect(harness.media.log).toEqual([
            'ring',
            'getLocalStream local-1',
            'ring',
            'getLocalStream local-2',
            'ring',
            'release local-1'
        ]);
        second.session.simulateRemoteCancel();
        expect(harness.media.log.slice(-1)).toEqual(['stop ringing']);
    });
});
