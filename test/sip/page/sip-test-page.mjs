// The browser side of the SIP tests: a bare page that runs the real SipConnector (JsSIP, WebRTC)
// and exposes its ConnectorEvents and controls on window.sipTest. Bundled by the test with
// esbuild into a temporary directory; never part of the shipped build.
import { systemScheduler } from '../../../src/softphone/telephony/scheduler';
import { browserSipMedia, SipConnector } from '../../../src/softphone/telephony/sip/index';

const events = [];
const logs = [];
/** How long each getUserMedia took (ms): the first one includes starting the (fake) device. */
const microphoneMs = [];
let connector;

/**
 * Tones handed to an RTCDTMFSender (RFC 4733 telephone-events, sent in the call's SRTP), as
 * { tones, canInsertDTMF }: the far end in these tests has no media path, so this is where
 * RTP tones can be seen.
 */
const rtpTones = [];
const insertDtmf = RTCDTMFSender.prototype.insertDTMF;
RTCDTMFSender.prototype.insertDTMF = function recordTones(tones, ...rest) {
    rtpTones.push({ tones, canInsertDTMF: this.canInsertDTMF });
    return insertDtmf.call(this, tones, ...rest);
};

/** The browser's media, with getUserMedia timed. */
function timedMedia(remoteAudio) {
    const media = browserSipMedia({ remoteAudio });
    return {
        ...media,
        async getLocalStream() {
            const started = performance.now();
            const stream = await media.getLocalStream();
            microphoneMs.push(performance.now() - started);
            return stream;
        }
    };
}

/** Runs a connector request; resolves (never rejects) with its outcome and wall-clock times. */
async function run(request) {
    const startedAt = Date.now();
    try {
        const value = await request();
        return { ok: true, value, startedAt, endedAt: Date.now() };
    } catch (error) {
        return {
            ok: false,
            error: error instanceof Error ? error.message : String(error),
            startedAt
        };
    }
}

window.sipTest = {
    events,
    logs,
    microphoneMs,
    /** Creates the connector and registers; resolves with run()'s outcome. */
    start({ webSocketUrl, domain, user, password, displayName }) {
        const remoteAudio = document.createElement('audio');
        document.body.append(remoteAudio);
        connector = new SipConnector({
            settings: { webSocketUrl, domain, registerExpiresSeconds: 600, iceServers: [] },
            credentials: { user, password, displayName },
            scheduler: systemScheduler,
            logger: (level, message, details) =>
                logs.push({ level, message, details: JSON.stringify(details ?? {}) }),
            media: timedMedia(remoteAudio)
        });
        connector.onEvent((event) => events.push({ ...event, at: Date.now() }));
        return run(() => connector.connect());
    },
    dial: (number) => run(() => connector.dial(number)),
    answer: (callId) => run(() => connector.answer(callId)),
    decline: (callId) => run(() => connector.decline(callId)),
    hangup: (callId) => run(() => connector.hangup(callId)),
    hold: (callId) => run(() => connector.hold(callId)),
    resume: (callId) => run(() => connector.resume(callId)),
    sendDtmf: (callId, digits) => run(() => connector.sendDtmf(callId, digits)),
    blindTransfer: (callId, target) => run(() => connector.blindTransfer(callId, target)),
    startConsult: (callId, target) => run(() => connector.startConsult(callId, target)),
    completeConsult: (callId, consultId) => run(() => connector.completeConsult(callId, consultId)),
    cancelConsult: (callId, consultId) => run(() => connector.cancelConsult(callId, consultId)),
    mergeCalls: (heldId, activeId) => run(() => connector.mergeCalls(heldId, activeId)),
    dropParty: (callId) => run(() => connector.dropParty(callId)),
    conferenceDetails: () => connector.conferenceDetails() ?? null,
    disconnect: () => run(() => connector.disconnect()),
    liveCallIds: () => connector.liveCallIds(),
    rtpTones
};
