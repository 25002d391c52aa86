import { MicrophonePrefetch } from './microphone-prefetch';
import { SdpGate } from './sdp-gate';
import type { SipMedia } from './sip-media';
import type { SipSession, SipSessionEvent, SipSessionListener } from './sip-user-agent';

/** Starts the INVITE's session for a prepared dial, its SDP held by the gate; may throw. */
export type HeldCallStarter = (
    uri: string,
    stream: MediaStream,
    gate: SdpGate,
    listener: SipSessionListener
) => SipSession | undefined;

/** What a dial takes over from its preparation. */
export interface PreparedMedia {
    readonly stream?: MediaStream;
    /** The session whose INVITE is ready but held; open `gate` to send it. */
    readonly held?: { readonly session: SipSession; readonly gate: SdpGate };
}

/**
 * A dial being checked (Do Not Call): the microphone opens, and once it is there the call's
 * session is started toward the number with its INVITE held (sdp-gate.ts), so that the peer
 * connection, the offer and ICE gathering overlap the check. The dial takes it over and opens
 * the gate; a dial that never comes (refused, given up) cancels it: JsSIP sends nothing for a
 * session cancelled before its INVITE, and the microphone is stopped.
 *
 *   opening ──microphone──▶ held ──take()──▶ taken (the dial owns the stream and the session)
 *      └──────────────────────┴──cancel()──▶ cancelled (nothing was sent)
 */
export class PreparedDial {
    private readonly microphone: MicrophonePrefetch;
    private readonly started: Promise<void>;
    private stream?: MediaStream;
    private held?: { readonly session: SipSession; readonly gate: SdpGate };
    private listener: SipSessionListener = () => undefined;
    private over = false;

    constructor(
        /** The Request-URI the session was started toward; undefined: the microphone only. */
        readonly uri: string | undefined,
        private readonly media: SipMedia,
        start: HeldCallStarter
    ) {
        this.microphone = new MicrophonePrefetch(media);
        this.started = this.microphone.take().then(
            (stream) => {
                if (this.over) {
                    media.releaseLocalStream(stream);
                    return;
                }
                this.stream = stream;
                if (uri !== undefined) {
                    this.startHeld(uri, stream, start);
                }
            },
            // Refused: the dial asks again and says why.
            () => undefined
        );
    }

    /**
     * The dial to `uri` takes what was prepared: the stream, and the held session when it was
     * started toward the same URI and is still alive (else it is cancelled). Once only.
     */
    async take(uri: string, listener: SipSessionListener): Promise<PreparedMedia> {
        await this.started;
        if (this.over) {
            return {};
        }
        this.over = true;
        const held = this.held;
        this.held = undefined;
        if (held && this.uri === uri) {
            this.listener = listener;
            return { ...(this.stream ? { stream: this.stream } : {}), held };
        }
        cancelHeld(held);
        return this.stream ? { stream: this.stream } : {};
    }

    /** No dial followed: cancels the held session (nothing sent) and stops the microphone. */
    cancel(): void {
        if (this.over) {
            return;
        }
        this.over = true;
        this.microphone.release();
        cancelHeld(this.held);
        this.held = undefined;
        if (this.stream) {
            this.media.releaseLocalStream(this.stream);
            this.stream = undefined;
        }
    }

    private startHeld(uri: string, stream: MediaStream, start: HeldCallStarter): void {
        const gate = new SdpGate();
        try {
            const session = start(uri, stream, gate, (event: SipSessionEvent) => {
                if (event.type === 'failed' || event.type === 'ended') {
                    // The session died while held (e.g. a WebRTC error): the dial starts anew.
                    if (this.held?.session === session) {
                        this.held = undefined;
                        gate.open();
                    }
                }
                this.listener(event);
            });
            this.held = session ? { session, gate } : undefined;
        } catch {
            // The stack refused the request: the dial tries again and reports why.
            gate.open();
        }
    }
}

/** Cancels a held session before its SDP left: JsSIP then sends nothing for it. */
export function cancelHeld(
    held: { readonly session: SipSession; readonly gate: SdpGate } | undefined
): void {
    if (!held) {
        return;
    }
    try {
        held.session.terminate();
    } catch {
        // Already over.
    }
    // JsSIP's set-up goes on to see that the session was cancelled, and sends nothing.
    held.gate.open();
}
