import type { SipMedia } from './sip-media';

/**
 * The microphone, opened as soon as an inbound call rings so that answering does not wait for
 * it: getUserMedia takes tens of milliseconds (more on a cold device), which would otherwise sit
 * between the Answer click and the 200 OK. Nothing is sent before the answer: the stream only
 * reaches the peer connection then. A call that ends unanswered stops the stream (the browser's
 * microphone indicator goes off); a refusal while ringing is asked again when the agent answers.
 *
 *   opening ──stream──▶ ready ──take()──▶ taken (the call owns the stream)
 *      └──────────────────┴──release()──▶ released (the stream is stopped when it arrives)
 */
export class MicrophonePrefetch {
    private readonly pending: Promise<MediaStream | undefined>;
    private taken = false;
    private released = false;
    private failure_: unknown;

    constructor(private readonly media: SipMedia) {
        let opened: Promise<MediaStream>;
        try {
            opened = media.getLocalStream();
        } catch (error) {
            opened = Promise.reject(error);
        }
        this.pending = opened.then(
            (stream) => {
                if (this.released && !this.taken) {
                    media.releaseLocalStream(stream);
                    return undefined;
                }
                return stream;
            },
            (error: unknown) => {
                this.failure_ = error;
                return undefined;
            }
        );
    }

    /** The stream opened while ringing (once); otherwise, or after a refusal, a new one. */
    async take(): Promise<MediaStream> {
        if (!this.taken && !this.released) {
            this.taken = true;
            const stream = await this.pending;
            if (stream) {
                return stream;
            }
        }
        return this.media.getLocalStream();
    }

    /**
     * The stream opened while ringing, taken now, if it opened and nobody took or released it
     * first; undefined otherwise (never asks again: no second prompt while the call rings).
     */
    async takeIfOpen(): Promise<MediaStream | undefined> {
        const stream = await this.pending;
        if (!stream || this.taken || this.released) {
            return undefined;
        }
        this.taken = true;
        return stream;
    }

    /** Why the microphone did not open while ringing, once it failed (getUserMedia's error). */
    get failure(): unknown {
        return this.failure_;
    }

    /** The call ended unanswered: a stream nobody took is stopped, now or when it arrives. */
    release(): void {
        if (this.released || this.taken) {
            return;
        }
        this.released = true;
        void this.pending.then((stream) => {
            if (stream) {
                this.media.releaseLocalStream(stream);
            }
        });
    }
}
