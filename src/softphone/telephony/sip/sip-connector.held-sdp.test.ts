import { connectedHarness, ringing, settle } from './test-support/sip-harness';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/*
 * The slow part of a call's set-up (peer connection, offer or answer, ICE gathering) runs before
 * the agent's dial is allowed or before Answer is clicked; only the SDP is held (sdp-gate.ts).
 */
describe('SipConnector: a dial prepared while Do Not Call is checked', () => {
    it('makes the INVITE while the check runs and sends it when the dial comes', async () => {
        const harness = await connectedHarness();
        harness.connector.prepareToDial('+1 (415) 555-0123');
        await settle();
        const session = harness.ua().sessions[0];
        expect(harness.ua().outgoing.map((each) => each.target)).toEqual([
            'sip:+14155550123@pbx.example.com'
        ]);
        const sending = session?.simulateLocalDescription();
        session?.connection?.simulateGathered('host');
        await settle();
        expect(session?.sdp).toBe('held');
        expect(harness.connector.liveCallIds()).toEqual([]);

        const id = await harness.connector.dial('+14155550123');
        await sending;
        // The same session and microphone: nothing made twice.
        expect(harness.ua().outgoing).toHaveLength(1);
        expect(harness.media.log).toEqual(['getLocalStream local-1']);
        expect(session?.sdp).toBe('sent');
        // A usable candidate was there: JsSIP sends at once, without waiting for gathering.
        expect(session?.gatheringWhenSent).toBe('complete');
        expect(session?.connection?.iceGatheringState).toBe('gathering');
        expect(harness.connector.callDetails(id)).toEqual({
            direction: 'outbound',
            state: 'dialing',
            sipCallId: 'out-1@fake'
        });
        session?.simulateProgress(180);
        session?.simulateAccepted();
        expect(harness.events).toEqual([
            { type: 'remoteRinging', callId: id },
            { type: 'answered', callId: id }
        ]);
    });

    it('sends nothing for a dial the check refused, and closes the microphone', async () => {
        const harness = await connectedHarness();
        const cancel = harness.connector.prepareToDial('+14155550123');
        await settle();
        const session = harness.ua().sessions[0];
        const sending = session?.simulateLocalDescription();
        cancel();
        await sending;
        expect(session?.sdp).toBe('dropped');
        expect(session?.status).toBe('ended');
        expect(harness.media.log).toEqual(['getLocalStream local-1', 'release local-1']);
        expect(harness.events).toEqual([]);
        expect(harness.connector.liveCallIds()).toEqual([]);
    });

    it('a refusal before the microphone opened starts no session at all', async () => {
        const harness = await connectedHarness();
        let open: () => void = () => undefined;
        harness.media.gate = new Promise((resolve) => {
            open = resolve;
        });
        const cancel = harness.connector.prepareToDial('+14155550123');
        cancel();
        open();
        await settle();
        expect(harness.ua().outgoing).toEqual([]);
        expect(harness.media.log).toEqual(['getLocalStream local-1', 'release local-1']);
    });

    it('waits for a server candidate when ICE servers are configured', async () => {
        const harness = await connectedHarness({
            settings: {
                webSocketUrl: 'wss://pbx.example.com:8089/ws',
                domain: 'pbx.example.com',
                registerExpiresSeconds: 600,
                iceServers: ['stun:stun.example.com']
            }
        });
        harness.connector.prepareToDial('+14155550123');
        await settle();
        const session = harness.ua().sessions[0];
        const sending = session?.simulateLocalDescription();
        session?.connection?.simulateGathered('host');
        await harness.connector.dial('+14155550123');
        await sending;
        // Only a host candidate: JsSIP goes on waiting (ice-cutoff.ts decides then).
        expect(session?.gatheringWhenSent).toBe('gathering');
    });

    it('a dial to another number cancels the held INVITE and places its own', async () => {
        const harness = await connectedHarness();
        harness.connector.prepareToDial('+14155550123');
        await settle();
        const held = harness.ua().sessions[0];
        const sending = held?.simulateLocalDescription();
        const id = await harness.connector.dial('+14155550999');
        await sending;
        expect(held?.sdp).toBe('dropped');
        expect(harness.ua().outgoing.map((each) => each.target)).toEqual([
            'sip:+14155550123@pbx.example.com',
            'sip:+14155550999@pbx.example.com'
        ]);
        // The prepared microphone serves the dial that came.
        expect(harness.ua().outgoing[1]?.options.mediaStream).toMatchObject({ id: 'local-1' });
        expect(harness.connector.callDetails(id)?.sipCallId).toBe('out-2@fake');
        expect(harness.events).toEqual([]);
    });

    it('a held session that failed before the dial is replaced by a new one', async () => {
        const harness = await connectedHarness();
        harness.connector.prepareToDial('+14155550123');
        await settle();
        harness.ua().sessions[0]?.simulateFailure(undefined, '', 'WebRTC Error');
        const id = await harness.connector.dial('+14155550123');
        expect(harness.ua().outgoing).toHaveLength(2);
        expect(harness.connector.callDetails(id)?.sipCallId).toBe('out-2@fake');
        expect(harness.events).toEqual([]);
    });

    it('a stack that refuses the held session leaves the dial to place the call', async () => {
        const harness = await connectedHarness();
        harness.ua().callThrows = new Error('Invalid target');
        harness.connector.prepareToDial('+14155550123');
        await settle();
        await expect(harness.connector.dial('+14155550123')).rejects.toThrow(
            'Cannot dial sip:+14155550123@pbx.example.com: Invalid target'
        );
        expect(harness.media.log).toEqual(['getLocalStream local-1', 'release local-1']);
    });

    it('a connection lost during the check: the dial is refused and the held INVITE cancelled', async () => {
        const harness = await connectedHarness();
        const cancel = harness.connector.prepareToDial('+14155550123');
        await settle();
        const session = harness.ua().sessions[0];
        const sending = session?.simulateLocalDescription();
        harness.ua().simulateTransportLoss();
        await expect(harness.connector.dial('+14155550123')).rejects.toThrow(
            'Cannot dial: the SIP connection is reconnecting.'
        );
        // The dialer gives the preparation up once its dial is over (outbound-dialer.ts).
        cancel();
        await sending;
        expect(session?.sdp).toBe('dropped');
    });
});

describe('SipConnector: an answer prepared while the call rings', () => {
    it('answers as soon as the microphone is open, and sends the 200 OK on Answer', async () => {
        const harness = await connectedHarness();
        const { id, session } = ringing(harness);
        await settle();
        expect(session.answerOptions).toMatchObject({ mediaStream: { id: 'local-1' } });
        const sending = session.simulateLocalDescription();
        session.connection?.simulateGathered('host');
        // The far end's track arrives with its offer: not played while the call rings.
        session.connection?.simulateTrack({ id: 'remote-1' });
        await settle();
        expect(session.sdp).toBe('held');
        expect(harness.media.log).toEqual(['ring', 'getLocalStream local-1']);

        const answering = harness.connector.answer(id);
        await sending;
        expect(session.sdp).toBe('sent');
        expect(session.gatheringWhenSent).toBe('complete');
        expect(harness.connector.callDetails(id)?.state).toBe('answering');
        session.simulateAccepted();
        await answering;
        expect(harness.connector.callDetails(id)?.state).toBe('connected');
        expect(harness.media.log).toEqual([
            'ring',
            'getLocalStream local-1',
            'stop ringing',
            'play remote-1'
        ]);
    });

    it('a call declined while its answer is held gets only the decline', async () => {
        const harness = await connectedHarness();
        const { id, session } = ringing(harness);
        await settle();
        const sending = session.simulateLocalDescription();
        await harness.connector.decline(id);
        await sending;
        expect(session.terminateOptions).toEqual({ status_code: 486, reason_phrase: 'Busy Here' });
        expect(session.sdp).toBe('dropped');
        expect(harness.media.log).toEqual([
            'ring',
            'getLocalStream local-1',
            'release local-1',
            'stop ringing'
        ]);
    });

    it('a caller who hangs up while the answer is held: the microphone closes', async () => {
        const harness = await connectedHarness();
        const { session } = ringing(harness);
        await settle();
        const sending = session.simulateLocalDescription();
        session.simulateRemoteCancel();
        await sending;
        expect(session.sdp).toBe('dropped');
        expect(harness.media.log).toContain('release local-1');
    });

    it('an answer clicked before the microphone opened answers then, as before', async () => {
        const harness = await connectedHarness();
        const { id, session } = ringing(harness);
        const answering = harness.connector.answer(id);
        await settle();
        expect(session.answerOptions).toMatchObject({ mediaStream: { id: 'local-1' } });
        session.simulateAccepted();
        await answering;
        expect(harness.media.log.filter((line) => line.startsWith('getLocalStream'))).toEqual([
            'getLocalStream local-1'
        ]);
    });

    it('a stack that refuses the early answer leaves it to the Answer click', async () => {
        const harness = await connectedHarness();
        const { id, session } = ringing(harness);
        session.answerThrows = new Error('INVALID_STATE_ERROR');
        await settle();
        expect(harness.media.log).toEqual(['ring', 'getLocalStream local-1', 'release local-1']);
        session.answerThrows = undefined;
        const answering = harness.connector.answer(id);
        await settle();
        expect(session.answerOptions).toMatchObject({ mediaStream: { id: 'local-2' } });
        session.simulateAccepted();
        await answering;
    });

    it('still ends a call nobody answers after 60 s with 408, as JsSIP would', async () => {
        const harness = await connectedHarness();
        const { id, session } = ringing(harness);
        await settle();
        jest.advanceTimersByTime(59_999);
        expect(session.terminateOptions).toBeUndefined();
        jest.advanceTimersByTime(1);
        expect(session.terminateOptions).toEqual({
            status_code: 408,
            reason_phrase: 'Request Timeout'
        });
        expect(harness.events.at(-1)).toEqual({ type: 'ended', callId: id, reason: 'no-answer' });
    });

    it('a call that ended before its microphone opened starts no answer', async () => {
        const harness = await connectedHarness();
        let open: () => void = () => undefined;
        harness.media.gate = new Promise((resolve) => {
            open = resolve;
        });
        const { session } = ringing(harness);
        session.simulateRemoteCancel();
        open();
        await settle();
        expect(session.answerOptions).toBeUndefined();
        expect(harness.media.log.at(-1)).toBe('release local-1');
    });
});
