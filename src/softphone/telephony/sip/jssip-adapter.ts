import * as JsSIP from 'jssip';
import { label } from '../../i18n';
import type {
    RawCallerIdentity,
    SipDtmfTransport,
    SipEnd,
    SipMediaOptions,
    SipOriginator,
    SipAudioSender,
    SipReferEvent,
    SipReferOptions,
    SipSession,
    SipSessionEvent,
    SipSessionListener,
    SipUserAgent,
    SipUserAgentConfig,
    SipUserAgentEvent,
    SipUserAgentFactory,
    SipUserAgentListener
} from './sip-user-agent';
import { holdLocalDescription, isGateableConnection, type SdpGate } from './sdp-gate';

/*
 * The one file that talks to JsSIP. JsSIP's typings are loose (payloads typed `any`, events
 * missing or misdescribed), so the adapter describes only the parts it uses, treats every
 * payload as `unknown` and reads it field by field. Tests pass a fake module of the same shape.
 */

type Handler = (payload: unknown) => void;

interface JsSipEmitter {
    on(event: string, listener: Handler): unknown;
}

/** The part of JsSIP's RTCSession the adapter uses. */
export interface JsSipSessionLike extends JsSipEmitter {
    answer(options: Record<string, unknown>): void;
    terminate(options?: Record<string, unknown>): void;
    hold(options: Record<string, unknown>, done: () => void): boolean;
    unhold(options: Record<string, unknown>, done: () => void): boolean;
    mute(options: Record<string, unknown>): void;
    unmute(options: Record<string, unknown>): void;
    sendDTMF(tones: string, options: Record<string, unknown>): void;
    refer(target: string, options: Record<string, unknown>): unknown;
    readonly connection: unknown;
}

/** The part of JsSIP's UA the adapter uses. */
export interface JsSipUaLike extends JsSipEmitter {
    start(): void;
    stop(): void;
    unregister(options?: Record<string, unknown>): void;
    call(target: string, options: Record<string, unknown>): JsSipSessionLike;
    registrator(): { setExtraHeaders(headers: string[]): void };
    /** JsSIP's Transport: connect() opens the WebSocket unless it is open or opening. */
    readonly transport?: unknown;
}

/** The JsSIP module, as far as the adapter needs it. */
export interface JsSipModule {
    readonly UA: new (configuration: Record<string, unknown>) => JsSipUaLike;
    readonly WebSocketInterface: new (url: string) => unknown;
}

// The real module's classes declare generic `on` signatures that do not fit the narrow shape
// above; this is the one place that bridges them.
const realJsSip = JsSIP as unknown as JsSipModule;

/** A SipUserAgentFactory on JsSIP (the real library unless a test passes a fake module). */
export function jsSipUserAgentFactory(jssip: JsSipModule = realJsSip): SipUserAgentFactory {
    return (config) => new JsSipUserAgent(jssip, config);
}

/** Thrown when JsSIP refuses the configuration; names the setting, never its value. */
export class SipConfigurationError extends Error {
    constructor(readonly parameter: string) {
        super(label('Softphone_Sip_Setting_Rejected', parameter));
        this.name = 'SipConfigurationError';
    }
}

class JsSipUserAgent implements SipUserAgent {
    private readonly ua: JsSipUaLike;
    private listener: SipUserAgentListener = () => undefined;
    // JsSIP announces the Call-ID of an outgoing INVITE only through newRTCSession, which it
    // emits synchronously inside ua.call(); call() picks it up from here.
    private lastOutgoingCallId = '';

    constructor(
        jssip: JsSipModule,
        private readonly config: SipUserAgentConfig
    ) {
        try {
            const socket = new jssip.WebSocketInterface(config.webSocketUrl);
            this.ua = new jssip.UA({
                sockets: [socket],
                uri: config.uri,
                authorization_user: config.authorizationUser,
                password: config.password,
                ...(config.displayName ? { display_name: config.displayName } : {}),
                register: true,
                register_expires: config.registerExpiresSeconds,
                connection_recovery_min_interval: config.reconnectMinSeconds,
                connection_recovery_max_interval: config.reconnectMaxSeconds,
                user_agent: config.userAgentString
            });
        } catch (error) {
            // JsSIP's message quotes the rejected value, which could be the password.
            throw new SipConfigurationError(readString(error, 'parameter') ?? 'unknown');
        }
        if (config.routeHeader) {
            this.ua.registrator().setExtraHeaders([config.routeHeader]);
        }
        this.listen();
    }

    setListener(listener: SipUserAgentListener): void {
        this.listener = listener;
    }

    start(): void {
        this.ua.start();
    }

    unregister(): void {
        this.ua.unregister();
    }

    reconnect(): void {
        const transport = this.ua.transport;
        const connect = readField(transport, 'connect');
        if (typeof connect === 'function') {
            connect.call(transport);
        }
    }

    stop(): void {
        this.ua.stop();
    }

    call(target: string, options: SipMediaOptions, listener: SipSessionListener): SipSession {
        const relay = new SessionRelay();
        relay.listener = listener;
        relay.holdOffer(options);
        this.lastOutgoingCallId = '';
        let session: JsSipSessionLike;
        try {
            // JsSIP creates the peer connection inside call(): the relay holds its SDP then.
            session = this.ua.call(target, {
                ...mediaOptions(options, this.config.routeHeader),
                eventHandlers: relay.handlers()
            });
        } finally {
            relay.releaseHold();
        }
        return new JsSipSession(session, relay, this.lastOutgoingCallId);
    }

    private listen(): void {
        const emit = (event: SipUserAgentEvent): void => this.listener(event);
        this.ua.on('connecting', () => emit({ type: 'transportConnecting' }));
        this.ua.on('connected', () => emit({ type: 'transportConnected' }));
        this.ua.on('disconnected', (payload) =>
            emit({
                type: 'transportDisconnected',
                error: readField(payload, 'error') === true,
                ...optional('code', readNumber(payload, 'code')),
                ...optional('reason', readString(payload, 'reason'))
            })
        );
        this.ua.on('registered', () => emit({ type: 'registered' }));
        this.ua.on('unregistered', () => emit({ type: 'unregistered' }));
        this.ua.on('registrationFailed', (payload) => {
            const response = readField(payload, 'response');
            emit({
                type: 'registrationFailed',
                cause: readString(payload, 'cause') ?? 'Unknown',
                ...optional('statusCode', readNumber(response, 'status_code')),
                ...optional('reasonPhrase', readString(response, 'reason_phrase'))
            });
        });
        this.ua.on('newRTCSession', (payload) => this.onNewSession(payload, emit));
    }

    private onNewSession(payload: unknown, emit: (event: SipUserAgentEvent) => void): void {
        const request = readField(payload, 'request');
        if (readField(payload, 'originator') !== 'remote') {
            this.lastOutgoingCallId = readString(request, 'call_id') ?? '';
            return;
        }
        const raw = readField(payload, 'session');
        if (!isSession(raw)) {
            return;
        }
        const relay = new SessionRelay();
        for (const [name, handler] of Object.entries(relay.handlers())) {
            raw.on(name, handler);
        }
        emit({
            type: 'incomingCall',
            session: new JsSipSession(raw, relay, readString(request, 'call_id') ?? ''),
            caller: callerIdentity(request)
        });
    }
}

/** Turns one JsSIP session's events into SipSessionEvents for whoever listens now. */
class SessionRelay {
    listener: SipSessionListener = () => undefined;
    /** The gate for the SDP of the next peer connection JsSIP creates (sdp-gate.ts). */
    private gate?: { readonly gate: SdpGate; readonly hasIceServers: boolean };

    holdOffer(options: SipMediaOptions): void {
        this.gate = options.holdUntil
            ? { gate: options.holdUntil, hasIceServers: options.iceServers.length > 0 }
            : undefined;
    }

    /** Later peer connections (none in JsSIP today) are not held. */
    releaseHold(): void {
        this.gate = undefined;
    }

    handlers(): Record<string, Handler> {
        const emit = (event: SipSessionEvent): void => this.listener(event);
        return {
            progress: (payload) =>
                emit({
                    type: 'progress',
                    originator: originatorOf(payload),
                    ...optional(
                        'statusCode',
                        readNumber(readField(payload, 'response'), 'status_code')
                    )
                }),
            accepted: (payload) => emit({ type: 'accepted', originator: originatorOf(payload) }),
            confirmed: () => emit({ type: 'confirmed' }),
            ended: (payload) => emit({ type: 'ended', end: endOf(payload) }),
            failed: (payload) => emit({ type: 'failed', end: endOf(payload) }),
            hold: (payload) => emit({ type: 'hold', originator: originatorOf(payload) }),
            unhold: (payload) => emit({ type: 'unhold', originator: originatorOf(payload) }),
            icecandidate: (payload) => {
                const ready = readField(payload, 'ready');
                if (typeof ready !== 'function') {
                    return;
                }
                const candidateType = readString(readField(payload, 'candidate'), 'type');
                emit({
                    type: 'iceCandidate',
                    candidate: {
                        ...optional('candidateType', candidateType),
                        ready: () => {
                            ready();
                        }
                    }
                });
            },
            peerconnection: (payload) => {
                // The remote audio arrives as a track on the peer connection JsSIP creates.
                const connection = readField(payload, 'peerconnection');
                const gate = this.gate;
                this.gate = undefined;
                if (gate && isGateableConnection(connection)) {
                    holdLocalDescription(connection, gate.gate, gate.hasIceServers);
                }
                if (!hasEventTarget(connection)) {
                    return;
                }
                connection.addEventListener('track', (trackEvent: unknown) => {
                    const streams = readField(trackEvent, 'streams');
                    const stream = Array.isArray(streams) ? (streams[0] as unknown) : undefined;
                    if (stream !== undefined && stream !== null) {
                        emit({ type: 'remoteStream', stream: stream as MediaStream });
                    }
                });
            }
        };
    }
}

class JsSipSession implements SipSession {
    constructor(
        /** JsSIP's session (read by refer() when another session is the one to replace). */
        readonly session: JsSipSessionLike,
        private readonly relay: SessionRelay,
        readonly sipCallId: string
    ) {}

    setListener(listener: SipSessionListener): void {
        this.relay.listener = listener;
    }

    answer(options: SipMediaOptions): void {
        // JsSIP creates the peer connection inside answer(): the relay holds its SDP then.
        this.relay.holdOffer(options);
        try {
            this.session.answer(mediaOptions(options));
        } finally {
            this.relay.releaseHold();
        }
    }

    terminate(options: { statusCode?: number; reasonPhrase?: string } = {}): void {
        this.session.terminate({
            ...optional('status_code', options.statusCode),
            ...optional('reason_phrase', options.reasonPhrase)
        });
    }

    hold(done: () => void): boolean {
        return this.session.hold({}, done);
    }

    unhold(done: () => void): boolean {
        return this.session.unhold({}, done);
    }

    setMuted(muted: boolean): void {
        if (muted) {
            this.session.mute({ audio: true });
        } else {
            this.session.unmute({ audio: true });
        }
    }

    sendDtmf(tones: string, transport: SipDtmfTransport): boolean {
        // JsSIP silently drops RFC 2833 tones when no audio sender can send them: check first.
        if (transport === 'RFC2833' && !canSendRtpDtmf(this.session.connection)) {
            return false;
        }
        this.session.sendDTMF(tones, { transportType: transport });
        return true;
    }

    refer(
        target: string,
        listener: (event: SipReferEvent) => void,
        options: SipReferOptions = {}
    ): void {
        // The NOTIFYs' sipfrag status line, as JsSIP parsed it ('trying' is 100, 'progress'
        // another 1xx, 'accepted' a 2xx, 'failed' anything else).
        const notify = (payload: unknown): void => {
            const line = readField(payload, 'status_line');
            const statusCode = readNumber(line, 'status_code');
            if (statusCode !== undefined) {
                listener({
                    type: 'notify',
                    statusCode,
                    ...optional('reasonPhrase', readString(line, 'reason_phrase'))
                });
            }
        };
        const replaces =
            options.replaces instanceof JsSipSession ? options.replaces.session : undefined;
        // JsSIP answers false, sending nothing, when the dialog is not established.
        const sent = this.session.refer(target, {
            ...(replaces ? { replaces } : {}),
            eventHandlers: {
                requestSucceeded: () => listener({ type: 'accepted' }),
                requestFailed: (payload: unknown) => {
                    const response = readField(payload, 'response');
                    listener({
                        type: 'refused',
                        cause: readString(payload, 'cause') ?? 'Unknown',
                        ...optional('statusCode', readNumber(response, 'status_code')),
                        ...optional('reasonPhrase', readString(response, 'reason_phrase'))
                    });
                },
                trying: notify,
                progress: notify,
                accepted: notify,
                failed: notify
            }
        });
        if (sent === false) {
            throw new Error(label('Softphone_Sip_Not_Established'));
        }
    }

    audioSender(): SipAudioSender | undefined {
        const getSenders = readField(this.session.connection, 'getSenders');
        if (typeof getSenders !== 'function') {
            return undefined;
        }
        const senders: unknown = getSenders.call(this.session.connection);
        if (!Array.isArray(senders)) {
            return undefined;
        }
        const sender: unknown = senders.find(
            (candidate: unknown) =>
                readString(readField(candidate, 'track'), 'kind') === 'audio' &&
                typeof readField(candidate, 'replaceTrack') === 'function'
        );
        return sender === undefined ? undefined : (sender as SipAudioSender);
    }
}

function mediaOptions(options: SipMediaOptions, routeHeader?: string): Record<string, unknown> {
    const extraHeaders = [...(options.extraHeaders ?? []), ...(routeHeader ? [routeHeader] : [])];
    return {
        mediaStream: options.mediaStream,
        mediaConstraints: { audio: true, video: false },
        pcConfig: { iceServers: options.iceServers.map((urls) => ({ urls })) },
        ...(extraHeaders.length > 0 ? { extraHeaders } : {})
    };
}

function callerIdentity(request: unknown): RawCallerIdentity {
    const getHeader = readField(request, 'getHeader');
    const header = (name: string): string | undefined => {
        const value: unknown =
            typeof getHeader === 'function' ? getHeader.call(request, name) : undefined;
        return typeof value === 'string' ? value : undefined;
    };
    const from = readField(request, 'from');
    const to = readField(request, 'to');
    return {
        ...optional('assertedIdentity', header('P-Asserted-Identity')),
        ...optional('remotePartyId', header('Remote-Party-ID')),
        ...optional('privacy', header('Privacy')),
        // JsSIP parses the top Via of every request it receives (IncomingMessage.via).
        ...optional('viaHost', readString(readField(request, 'via'), 'host')),
        ...optional('fromHeader', header('From')),
        ...optional('fromDisplayName', readString(from, 'display_name')),
        ...optional('fromUser', readString(readField(from, 'uri'), 'user')),
        ...optional('toUser', readString(readField(to, 'uri'), 'user')),
        ...optional('requestUser', readString(readField(request, 'ruri'), 'user')),
        ...(typeof getHeader === 'function'
            ? {
                  readHeader: (name: string) => {
                      const value: unknown = getHeader.call(request, name);
                      return typeof value === 'string' ? value : undefined;
                  }
              }
            : {})
    };
}

function endOf(payload: unknown): SipEnd {
    const message = readField(payload, 'message');
    return {
        originator: originatorOf(payload),
        cause: readString(payload, 'cause') ?? 'Unknown',
        ...optional('statusCode', readNumber(message, 'status_code')),
        ...optional('reasonPhrase', readString(message, 'reason_phrase'))
    };
}

function originatorOf(payload: unknown): SipOriginator {
    const originator = readField(payload, 'originator');
    return originator === 'local' || originator === 'remote' ? originator : 'system';
}

function canSendRtpDtmf(connection: unknown): boolean {
    const getSenders = readField(connection, 'getSenders');
    if (typeof getSenders !== 'function') {
        return false;
    }
    const senders: unknown = getSenders.call(connection);
    if (!Array.isArray(senders)) {
        return false;
    }
    return senders.some((sender: unknown) => {
        const dtmf = readField(sender, 'dtmf');
        return (
            readString(readField(sender, 'track'), 'kind') === 'audio' &&
            typeof dtmf === 'object' &&
            dtmf !== null &&
            readField(dtmf, 'canInsertDTMF') !== false
        );
    });
}

function isSession(value: unknown): value is JsSipSessionLike {
    return typeof readField(value, 'on') === 'function';
}

function hasEventTarget(
    value: unknown
): value is { addEventListener(type: string, listener: (event: unknown) => void): void } {
    return typeof readField(value, 'addEventListener') === 'function';
}

function readField(value: unknown, key: string): unknown {
    return typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
}

function readString(value: unknown, key: string): string | undefined {
    const field = readField(value, key);
    return typeof field === 'string' ? field : undefined;
}

function readNumber(value: unknown, key: string): number | undefined {
    const field = readField(value, key);
    return typeof field === 'number' && Number.isFinite(field) ? field : undefined;
}

/** `{ key: value }` when value is defined, else `{}` — keeps absent fields absent. */
function optional<K extends string, V>(
    key: K,
    value: V | undefined
): { [P in K]?: V } | Record<string, never> {
    return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
