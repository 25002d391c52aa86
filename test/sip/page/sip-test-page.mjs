// The browser side of the SIP tests: a bare page that runs the real SipConnector (JsSIP, WebRTC)
// and exposes its ConnectorEvents and controls on window.sipTest. Bundled by the test with
// esbuild into a temporary directory; never part of the shipped build.
import { systemScheduler } from '../../../src/softphone/telephony/scheduler';
import { browserSipMedia, SipConnector } from '../../../src/softphone/telephony/sip/index';
import { englishLabels } from '../../../src/softphone/i18n/english-labels';
import { installEnglishLabels } from '../../../src/softphone/i18n/label-catalog';

// The connector's words in English, as the softphone has them when its page lacks a label.
installEnglishLabels(englishLabels());

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

/**
 * A microphone that plays a steady tone (Hz) instead of the fake device's beeps: a party whose
 * voice can be recognised and measured in the others' audio.
 */
function toneMedia(media, frequency) {
    const context = new AudioContext();
    const oscillator = context.createOscillator();
    oscillator.frequency.value = frequency;
    const gain = context.createGain();
    gain.gain.value = 0.5;
    const destination = context.createMediaStreamDestination();
    oscillator.connect(gain).connect(destination);
    oscillator.start();
    void context.resume();
    return {
        ...media,
        getLocalStream: () => Promise.resolve(destination.stream.clone()),
        releaseLocalStream: () => undefined
    };
}

/** Measures what the remote audio element plays (RMS, 0–1). */
let remoteAnalyser;
function remoteLevel(remoteAudio) {
    const stream = remoteAudio.srcObject;
    if (!stream || stream.getAudioTracks().length === 0) {
        return 0;
    }
    if (remoteAnalyser?.stream !== stream) {
        const context = new AudioContext();
        void context.resume();
        const analyser = context.createAnalyser();
        context.createMediaStreamSource(stream).connect(analyser);
        remoteAnalyser = { stream, analyser };
    }
    const samples = new Float32Array(remoteAnalyser.analyser.fftSize);
    remoteAnalyser.analyser.getFloatTimeDomainData(samples);
    return Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / samples.length);
}

/** The largest value `read()` gave, polled every 20 ms for `ms`. */
async function loudest(read, ms) {
    let best;
    const until = performance.now() + ms;
    while (performance.now() < until) {
        best = louder(best, read());
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return best;
}

/** The element-wise maximum of two numbers or two objects of numbers. */
function louder(a, b) {
    if (typeof b === 'number') {
        return Math.max(a ?? 0, b);
    }
    if (b === null || typeof b !== 'object') {
        return a ?? b;
    }
    const result = { ...(a ?? {}) };
    for (const [key, value] of Object.entries(b)) {
        result[key] = louder(a?.[key], value);
    }
    return result;
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
    start({ webSocketUrl, domain, user, password, displayName, tone, autoAnswer }) {
        const remoteAudio = document.createElement('audio');
        document.body.append(remoteAudio);
        window.sipTest.remoteAudio = remoteAudio;
        const media = timedMedia(remoteAudio);
        connector = new SipConnector({
            settings: { webSocketUrl, domain, registerExpiresSeconds: 600, iceServers: [] },
            credentials: { user, password, displayName },
            scheduler: systemScheduler,
            logger: (level, message, details) =>
                logs.push({ level, message, details: JSON.stringify(details ?? {}) }),
            media: tone ? toneMedia(media, tone) : media
        });
        connector.onEvent((event) => {
            events.push({ ...event, at: Date.now() });
            if (autoAnswer && event.type === 'incoming') {
                void connector.answer(event.callId);
            }
        });
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
    /** The loudest levels of the conference mix over `ms` (see SipConferenceMixer.levels). */
    conferenceLevels: (ms) => loudest(() => connector.conferenceDetails()?.levels ?? null, ms),
    /**
     * Merges two calls and times it on the wall clock: the request, its resolution, and the
     * first moment the mix is audible for both `listeners` (ids, or 'agent') above `threshold`.
     */
    async timedMerge(heldId, activeId, listeners, threshold, timeoutMs = 5000) {
        const startedAt = Date.now();
        await connector.mergeCalls(heldId, activeId);
        const mergedAt = Date.now();
        const audible = () => {
            const levels = connector.conferenceDetails()?.levels;
            return (
                levels !== undefined &&
                listeners.every(
                    (id) => (id === 'agent' ? levels.agent : (levels.heardBy[id] ?? 0)) > threshold
                )
            );
        };
        while (!audible()) {
            if (Date.now() - startedAt > timeoutMs) {
                throw new Error(`The mix was not audible within ${timeoutMs} ms.`);
            }
            await new Promise((resolve) => setTimeout(resolve, 1));
        }
        return { startedAt, mergedAt, audibleAt: Date.now() };
    },
    /** The loudest level of what the remote audio element played over `ms`. */
    remoteLevel: (ms) => loudest(() => remoteLevel(window.sipTest.remoteAudio), ms),
    disconnect: () => run(() => connector.disconnect()),
    liveCallIds: () => connector.liveCallIds(),
    rtpTones
};
