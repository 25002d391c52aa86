import type { AlertPreferences } from './alert-preferences';

/** An audio element that can pick its output device (HTMLMediaElement.setSinkId). */
type SinkAudio = HTMLAudioElement & { setSinkId?: (sinkId: string) => Promise<void> };

/** Whether this browser lets a page choose the output device of an audio element. */
export function canChooseOutputDevice(audio: HTMLAudioElement): boolean {
    return typeof (audio as SinkAudio).setSinkId === 'function';
}

/**
 * Plays the ringtone (a looping audio element) while a call rings. A browser may refuse to play
 * before the agent has interacted with the page (autoplay policy): `onBlocked(true)` tells the
 * softphone to ask for a click, and `retry()` (called on the agent's next click or key press)
 * plays it then. Nothing here throws.
 */
export class RingtonePlayer {
    private ringing = false;
    private blocked = false;

    constructor(
        readonly audio: HTMLAudioElement,
        private preferences: AlertPreferences,
        private readonly onBlocked: (blocked: boolean) => void
    ) {
        audio.loop = true;
        audio.preload = 'auto';
        this.apply(preferences);
    }

    /** New preferences: volume and device at once, and on/off for the call ringing now. */
    setPreferences(preferences: AlertPreferences): void {
        this.preferences = preferences;
        this.apply(preferences);
        if (this.ringing) {
            if (preferences.ringtone) {
                this.play();
            } else {
                this.silence();
            }
        }
    }

    start(): void {
        if (this.ringing) {
            return;
        }
        this.ringing = true;
        if (this.preferences.ringtone) {
            this.audio.currentTime = 0;
            this.play();
        }
    }

    stop(): void {
        if (!this.ringing) {
            return;
        }
        this.ringing = false;
        this.silence();
    }

    /** After the agent's gesture: plays a ringtone the browser refused before. */
    retry(): void {
        if (this.ringing && this.blocked && this.preferences.ringtone) {
            this.play();
        }
    }

    private play(): void {
        let playing: Promise<void> | undefined;
        try {
            playing = this.audio.play();
        } catch {
            this.setBlocked(true);
            return;
        }
        void Promise.resolve(playing).then(
            () => this.setBlocked(false),
            (error: unknown) => {
                // NotAllowedError: no gesture yet. AbortError: a stop() came first.
                if (error instanceof Error && error.name === 'AbortError') {
                    return;
                }
                if (this.ringing) {
                    this.setBlocked(true);
                }
            }
        );
    }

    private silence(): void {
        this.audio.pause();
        this.audio.currentTime = 0;
        this.setBlocked(false);
    }

    private setBlocked(blocked: boolean): void {
        if (blocked !== this.blocked) {
            this.blocked = blocked;
            this.onBlocked(blocked);
        }
    }

    private apply(preferences: AlertPreferences): void {
        this.audio.volume = preferences.volume;
        const audio = this.audio as SinkAudio;
        if (typeof audio.setSinkId === 'function') {
            // A device that went away (unplugged headset) falls back to the default output.
            audio.setSinkId(preferences.outputDeviceId).catch(() => {
                void audio.setSinkId?.('').catch(() => undefined);
            });
        }
    }
}
