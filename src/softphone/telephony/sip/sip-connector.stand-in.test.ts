import type { FakeJsSipSession } from './test-support/fake-jssip';
import { connectedHarness, ringing, settle, type SipHarness } from './test-support/sip-harness';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** A ringing call on a browser that allows the microphone, which opens when `open` runs. */
async function ringingWithSlowMicrophone(harness: SipHarness) {
    harness.media.standIns = true;
    let open: () => void = () => undefined;
    harness.media.gate = new Promise((resolve) => {
        open = resolve;
    });
    const call = ringing(harness);
    await settle();
    const sending = call.session.simulateLocalDescription();
    call.session.connection?.simulateGathered('host');
    await settle();
    return { ...call, sending, openMicrophone: open };
}

/** Answer clicked: the held 200 OK leaves and the caller's side confirms it. */
async function answerOnceSent(
    harness: SipHarness,
    call: { id: string; session: FakeJsSipSession; sending: Promise<void> }
): Promise<void> {
    const answering = harness.connector.answer(call.id);
    await call.sending;
    expect(call.session.sdp).toBe('sent');
    call.session.simulateAccepted();
    await answering;
}

const sentTrack = (harness: SipHarness, session: { connection?: unknown }) =>
    (session.connection as { senders: { track: unknown }[] } | undefined)?.senders[0]?.track;

/*
 * getUserMedia takes tens of milliseconds: where the browser says the microphone may open, the
 * answer is made with a silent stand-in and the microphone replaces it once open (no SDP change).
 */
describe('SipConnector: an answer made with a silent stand-in while the microphone opens', () => {
    it('sends the 200 OK on Answer without waiting for the microphone, then sends the microphone', async () => {
        const harness = await connectedHarness();
        const call = await ringingWithSlowMicrophone(harness);
        const { id, session, openMicrophone } = call;
        expect(session.answerOptions).toMatchObject({ mediaStream: { id: 'silence-1' } });
        expect(session.sdp).toBe('held');

        await answerOnceSent(harness, call);
        expect(harness.connector.callDetails(id)?.state).toBe('connected');

        openMicrophone();
        await settle();
        expect(sentTrack(harness, session)).toEqual({
            kind: 'audio',
            id: 'local-1-track',
            enabled: true
        });
        expect(harness.media.log).toEqual([
            'ring',
            'standIn silence-1',
            'stop ringing',
            'getLocalStream local-1',
            'release silence-1'
        ]);

        await harness.connector.hangup(id);
        expect(harness.media.log.slice(-2)).toEqual(['release local-1', 'stop ringing']);
    });

    it('a microphone that opens while the call rings is sent from the start, muted as the stand-in was', async () => {
        const harness = await connectedHarness();
        const { id, session, sending, openMicrophone } = await ringingWithSlowMicrophone(harness);
        const track = session.connection?.senders[0]?.track;
        if (!track) {
            throw new Error('the stand-in is not on the connection');
        }
        track.enabled = false;
        openMicrophone();
        await settle();
        expect(sentTrack(harness, session)).toEqual({
            kind: 'audio',
            id: 'local-1-track',
            enabled: false
        });
        void harness.connector.answer(id);
        await sending;
        expect(session.sdp).toBe('sent');
    });

    it('a microphone refused while ringing is asked again on Answer; refused again, the call rings on and says why', async () => {
        const harness = await connectedHarness();
        const denied = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
        harness.media.failNextWith = denied;
        const call = await ringingWithSlowMicrophone(harness);
        const { id, session, openMicrophone } = call;
        openMicrophone();
        await settle();

        harness.media.failNextWith = denied;
        await expect(harness.connector.answer(id)).rejects.toThrow(
            'Cannot answer: the browser was not allowed to use the microphone.'
        );
        expect(harness.connector.callDetails(id)?.state).toBe('ringing');
        expect(session.sdp).toBe('held');

        await answerOnceSent(harness, call);
        await settle();
        expect(sentTrack(harness, session)).toMatchObject({ id: 'local-1-track' });
    });

    it('a microphone that fails after the caller was answered ends the call, saying why', async () => {
        const harness = await connectedHarness();
        const call = await ringingWithSlowMicrophone(harness);
        const { id, session, openMicrophone } = call;
        await answerOnceSent(harness, call);

        harness.media.failNextWith = Object.assign(new Error('gone'), { name: 'NotFoundError' });
        openMicrophone();
        await settle();

        expect(harness.events.at(-1)).toEqual({
            type: 'ended',
            callId: id,
            reason: 'failed',
            message: 'Cannot answer: no microphone was found.'
        });
        expect(session.status).toBe('ended');
        expect(harness.media.log).toContain('release silence-1');
    });

    it('a caller who hangs up before the microphone opened: the stand-in and the microphone stop', async () => {
        const harness = await connectedHarness();
        const { session, openMicrophone } = await ringingWithSlowMicrophone(harness);
        session.simulateRemoteCancel();
        openMicrophone();
        await settle();
        expect(harness.media.log).toContain('release silence-1');
        expect(harness.media.log).toContain('release local-1');
    });
});
