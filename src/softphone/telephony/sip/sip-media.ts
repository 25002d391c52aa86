import { label } from '../../i18n';
import type { SipLogger } from './sip-logger';
import { silentSipLogger } from './sip-logger';

/**
 * The browser media a SIP call needs, injectable so that unit tests run without a browser:
 * the agent's microphone, the element that plays the far end, and an optional ringtone.
 */
export interface SipMedia {
    /** The microphone (audio only), asked for each call; rejects when the agent refuses. */
    getLocalStream(): Promise<MediaStream>;
    /** Stops a stream the connector no longer needs (the microphone light goes off). */
    releaseLocalStream(stream: MediaStream): void;
    /** Plays the far end of the active call; null stops playing. */
    playRemoteStream(stream: MediaStream | null): void;
    startRingtone(): void;
    stopRingtone(): void;
    /**
     * A silent stream to answer with while the microphone opens (its track is swapped for the
     * microphone's then), so the 200 OK need not wait for getUserMedia. Only when the microphone
     * is known to open (the browser says it is allowed): otherwise undefined, and the answer
     * waits for the microphone, whose refusal then leaves the call ringing.
     */
    silentStandIn?(): MediaStream | undefined;
}

export interface BrowserSipMediaOptions {
    /** Plays the remote audio (it need not be in the document). */
    readonly remoteAudio: HTMLAudioElement;
    /** A looping ringtone for inbound calls; none by default. */
    readonly ringtone?: HTMLAudioElement;
    /** Defaults to navigator.mediaDevices. */
    readonly mediaDevices?: Pick<MediaDevices, 'getUserMedia'>;
    /**
     * Whether the page has had a user gesture yet (browsers block audio until then); defaults
     * to navigator.userActivation.hasBeenActive where the browser has it, else true.
     */
    readonly hasUserGesture?: () => boolean;
    /** Defaults to navigator.permissions (absent: the microphone is never known to open). */
    readonly permissions?: Pick<Permissions, 'query'>;
    readonly logger?: SipLogger;
}

/**
 * SipMedia on the browser's APIs. Autoplay rules: the remote audio starts after the agent
 * clicked Answer or Call (a user gesture), so play() is allowed; the ringtone may ring before any
 * gesture, so it plays only once the page has had one — until then the visual alert is all.
 */
export function browserSipMedia(options: BrowserSipMediaOptions): SipMedia {
    const logger = options.logger ?? silentSipLogger;
    const hasUserGesture = options.hasUserGesture ?? defaultUserGesture;
    const microphone = watchMicrophonePermission(options.permissions);
    let silence: AudioContext | undefined;
    const play = (element: HTMLAudioElement, what: string): void => {
        element.play().catch((error: unknown) => {
            // i18n-exempt: diagnostic log
            logger('warn', `The browser did not play the ${what}.`, { error: String(error) });
        });
    };
    return {
        getLocalStream: () => {
            const devices = options.mediaDevices ?? globalThis.navigator?.mediaDevices;
            if (!devices) {
                return Promise.reject(new Error(label('Softphone_Sip_No_Microphone_Access')));
            }
            return devices.getUserMedia({ audio: true, video: false });
        },
        releaseLocalStream: (stream) => {
            for (const track of stream.getTracks()) {
                track.stop();
            }
        },
        playRemoteStream: (stream) => {
            options.remoteAudio.srcObject = stream;
            if (stream) {
                play(options.remoteAudio, 'call audio');
            }
        },
        startRingtone: () => {
            const ringtone = options.ringtone;
            if (ringtone && hasUserGesture()) {
                ringtone.loop = true;
                play(ringtone, 'ringtone');
            }
        },
        silentStandIn: () => {
            if (microphone.state !== 'granted' || typeof AudioContext !== 'function') {
                return undefined;
            }
            silence ??= new AudioContext();
            return silence.createMediaStreamDestination().stream;
        },
        stopRingtone: () => {
            const ringtone = options.ringtone;
            if (ringtone) {
                ringtone.pause();
                ringtone.currentTime = 0;
            }
        }
    };
}

function defaultUserGesture(): boolean {
    const activation = (globalThis.navigator as { userActivation?: { hasBeenActive: boolean } })
        ?.userActivation;
    return activation ? activation.hasBeenActive : true;
}

/** The microphone permission as the browser reports it, kept up to date; unknown until then. */
function watchMicrophonePermission(permissions: Pick<Permissions, 'query'> | undefined): {
    state: PermissionState | 'unknown';
} {
    const watched: { state: PermissionState | 'unknown' } = { state: 'unknown' };
    const source = permissions ?? globalThis.navigator?.permissions;
    if (!source) {
        return watched;
    }
    // 'microphone' is not in every browser's PermissionName list: a refusal leaves it unknown.
    source.query({ name: 'microphone' as PermissionName }).then(
        (status) => {
            watched.state = status.state;
            status.addEventListener('change', () => {
                watched.state = status.state;
            });
        },
        () => undefined
    );
    return watched;
}
