import { EventEmitter } from 'events';
import type { JsSipModule, JsSipSessionLike, JsSipUaLike } from '../jssip-adapter';

/*
 * A stand-in for the JsSIP module: UA and RTCSession are event emitters that emit what JsSIP
 * emits, with payloads of JsSIP's shape, and record what the adapter asked of them. The
 * simulate…() helpers play the network's part.
 */

type FakeSessionStatus = 'incoming' | 'outgoing' | 'established' | 'ended';

export interface FakeTrack {
    readonly kind: string;
    readonly id?: string;
    enabled?: boolean;
}

export interface FakeSender {
    track: FakeTrack | null;
    dtmf: { canInsertDTMF: boolean } | null;
    replaceTrack(track: FakeTrack | null): Promise<void>;
}

function fakeSender(): FakeSender {
    const sender: FakeSender = {
        track: { kind: 'audio', id: 'microphone' },
        dtmf: { canInsertDTMF: true },
        replaceTrack: (track) => {
            sender.track = track;
            return Promise.resolve();
        }
    };
    return sender;
}

export class FakePeerConnection {
    readonly senders: FakeSender[] = [fakeSender()];
    gathering: 'gathering' | 'complete' = 'gathering';
    private readonly trackListeners: ((event: unknown) => void)[] = [];
    private readonly candidateListeners = new Set<(event: unknown) => void>();

    /** A getter, as on RTCPeerConnection's prototype. */
    get iceGatheringState(): string {
        return this.gathering;
    }

    getSenders(): FakeSender[] {
        return this.senders;
    }

    setLocalDescription(): Promise<void> {
        return Promise.resolve();
    }

    addEventListener(type: string, listener: (event: unknown) => void): void {
        if (type === 'track') {
            this.trackListeners.push(listener);
        } else if (type === 'icecandidate') {
            this.candidateListeners.add(listener);
        }
    }

    removeEventListener(type: string, listener: (event: unknown) => void): void {
        if (type === 'icecandidate') {
            this.candidateListeners.delete(listener);
        }
    }

    /** The browser gathered a candidate (the peer connection's own event). */
    simulateGathered(type: string): void {
        for (const listener of [...this.candidateListeners]) {
            listener({ candidate: { type } });
        }
    }

    simulateTrack(stream: unknown): void {
        for (const listener of this.trackListeners) {
            listener({ streams: [stream], track: { kind: 'audio' } });
        }
    }
}

export class FakeJsSipSession extends EventEmitter implements JsSipSessionLike {
    status: FakeSessionStatus;
    connection: FakePeerConnection | undefined;
    answerOptions?: Record<string, unknown>;
    terminateOptions?: Record<string, unknown>;
    holdDone?: () => void;
    unholdDone?: () => void;
    /** What hold()/unhold() return (JsSIP: false while another re-INVITE is in flight). */
    readyToReOffer = true;
    muted = false;
    answerThrows?: Error;
    readonly dtmfSent: { tones: string; transportType: unknown }[] = [];
    referTarget?: string;
    referHandlers?: Record<string, (payload: unknown) => void>;
    /** The JsSIP session a consult transfer's REFER replaces. */
    referReplaces?: unknown;
    referThrows?: Error;

    constructor(
        direction: 'incoming' | 'outgoing',
        readonly callId: string
    ) {
        super();
        this.status = direction;
    }

    answer(options: Record<string, unknown>): void {
        if (this.answerThrows) {
            throw this.answerThrows;
        }
        this.answerOptions = options;
        this.createConnection();
    }

    terminate(options: Record<string, unknown> = {}): void {
        this.terminateOptions = options;
        // JsSIP ends the session synchronously, with the cause its state calls for.
        switch (this.status) {
            case 'ended':
                throw new Error('INVALID_STATE_ERROR');
            case 'outgoing':
                this.end('failed', 'local', 'Canceled');
                return;
            case 'incoming':
                this.end('failed', 'local', 'Rejected');
                return;
            case 'established':
                this.end('ended', 'local', 'Terminated');
                return;
        }
    }

    hold(_options: Record<string, unknown>, done: () => void): boolean {
        if (!this.readyToReOffer) {
            return false;
        }
        this.holdDone = done;
        this.emit('hold', { originator: 'local' });
        return true;
    }

    unhold(_options: Record<string, unknown>, done: () => void): boolean {
        if (!this.readyToReOffer) {
            return false;
        }
        this.unholdDone = done;
        this.emit('unhold', { originator: 'local' });
        return true;
    }

    mute(): void {
        this.muted = true;
    }

    unmute(): void {
        this.muted = false;
    }

    sendDTMF(tones: string, options: Record<string, unknown>): void {
        this.dtmfSent.push({ tones, transportType: options.transportType });
    }

    refer(target: string, options: Record<string, unknown>): unknown {
        if (this.referThrows) {
            throw this.referThrows;
        }
        this.referTarget = target;
        this.referReplaces = options.replaces;
        this.referHandlers = options.eventHandlers as Record<string, (payload: unknown) => void>;
        return this.status === 'established' ? {} : false;
    }

    createConnection(): void {
        this.connection = new FakePeerConnection();
        this.emit('peerconnection', { peerconnection: this.connection });
    }

    /** One gathered candidate; returns a counter of ready() calls. */
    simulateIceCandidate(type: string): { readyCalls: number } {
        const counter = { readyCalls: 0 };
        this.emit('icecandidate', {
            candidate: { type },
            ready: () => {
                counter.readyCalls += 1;
            }
        });
        return counter;
    }

    /** Where JsSIP's set-up got: 'held' until the local description resolved. */
    sdp: 'none' | 'held' | 'sent' | 'dropped' = 'none';
    /** The gathering state JsSIP read when the SDP left ('complete': at once). */
    gatheringWhenSent?: string;

    /**
     * JsSIP's part of an offer or answer: sets the local description, then sends the SDP unless
     * the session ended meanwhile (cancelled before the INVITE, or declined).
     */
    async simulateLocalDescription(): Promise<void> {
        const connection = this.connection;
        if (!connection) {
            throw new Error('no peer connection yet');
        }
        this.sdp = 'held';
        await connection.setLocalDescription();
        if (this.status === 'ended') {
            this.sdp = 'dropped';
            return;
        }
        this.sdp = 'sent';
        this.gatheringWhenSent = connection.iceGatheringState;
    }

    simulateProgress(statusCode = 180): void {
        this.emit('progress', {
            originator: 'remote',
            response: { status_code: statusCode, reason_phrase: 'Ringing' }
        });
    }

    /** The 200 OK: received (outgoing) or sent after answer() (incoming). */
    simulateAccepted(): void {
        const originator = this.status === 'outgoing' ? 'remote' : 'local';
        this.status = 'established';
        this.emit('accepted', { originator });
        this.emit('confirmed', { originator });
    }

    simulateFailure(statusCode: number | undefined, reasonPhrase: string, cause: string): void {
        this.status = 'ended';
        this.emit('failed', {
            originator: 'remote',
            message:
                statusCode === undefined
                    ? {}
                    : { status_code: statusCode, reason_phrase: reasonPhrase },
            cause
        });
    }

    simulateRemoteCancel(): void {
        this.end('failed', 'remote', 'Canceled');
    }

    /** A NOTIFY of the REFER: JsSIP's event for its sipfrag status line. */
    simulateReferNotify(statusCode: number, reasonPhrase: string): void {
        const event =
            statusCode === 100
                ? 'trying'
                : statusCode < 200
                  ? 'progress'
                  : statusCode < 300
                    ? 'accepted'
                    : 'failed';
        this.referHandlers?.[event]?.({
            request: {},
            status_line: { status_code: statusCode, reason_phrase: reasonPhrase }
        });
    }

    simulateRemoteBye(): void {
        this.end('ended', 'remote', 'Terminated');
    }

    private end(event: 'ended' | 'failed', originator: string, cause: string): void {
        this.status = 'ended';
        this.emit(event, { originator, message: null, cause });
    }
}

export interface FakeIncomingRequest {
    readonly call_id: string;
    readonly from: { display_name?: string; uri: { user?: string } };
    readonly to: { uri: { user?: string } };
    readonly ruri?: { user?: string };
    readonly via?: { host?: string };
    getHeader(name: string): string | undefined;
}

export class FakeJsSipUa extends EventEmitter implements JsSipUaLike {
    started = false;
    stopped = false;
    unregisterCalls = 0;
    registrationHeaders: string[] = [];
    readonly sessions: FakeJsSipSession[] = [];
    readonly outgoing: { target: string; options: Record<string, unknown> }[] = [];
    /** How many times the connector asked the transport to open the WebSocket again. */
    reconnects = 0;
    readonly transport = {
        connect: (): void => {
            this.reconnects += 1;
        }
    };
    /** Set to make call() throw, like JsSIP with an invalid target. */
    callThrows?: Error;
    private nextCallId = 1;

    constructor(readonly configuration: Record<string, unknown>) {
        super();
    }

    start(): void {
        this.started = true;
    }

    stop(): void {
        this.stopped = true;
    }

    unregister(): void {
        this.unregisterCalls += 1;
    }

    registrator(): { setExtraHeaders(headers: string[]): void } {
        return {
            setExtraHeaders: (headers) => {
                this.registrationHeaders = headers;
            }
        };
    }

    call(target: string, options: Record<string, unknown>): JsSipSessionLike {
        if (this.callThrows) {
            throw this.callThrows;
        }
        const session = new FakeJsSipSession('outgoing', `out-${this.nextCallId++}@fake`);
        const handlers = options.eventHandlers as Record<string, (payload: unknown) => void>;
        for (const [name, handler] of Object.entries(handlers)) {
            session.on(name, handler);
        }
        this.outgoing.push({ target, options });
        this.sessions.push(session);
        // JsSIP announces the session and creates its peer connection inside call().
        this.emit('newRTCSession', {
            originator: 'local',
            session,
            request: { call_id: session.callId }
        });
        session.createConnection();
        return session;
    }

    simulateRegistered(): void {
        this.emit('connected', { socket: {} });
        this.emit('registered', { response: { status_code: 200 } });
    }

    simulateRegistrationFailed(
        statusCode: number | undefined,
        reasonPhrase: string,
        cause: string
    ): void {
        this.emit('registrationFailed', {
            response:
                statusCode === undefined
                    ? null
                    : { status_code: statusCode, reason_phrase: reasonPhrase },
            cause
        });
    }

    simulateUnregistered(): void {
        this.emit('unregistered', { response: { status_code: 200 } });
    }

    simulateTransportLoss(): void {
        this.emit('disconnected', { socket: {}, error: true, code: 1006, reason: '' });
        this.emit('unregistered', {});
    }

    simulateIncoming(
        identity: {
            fromDisplayName?: string;
            fromUser?: string;
            toUser?: string;
            assertedIdentity?: string;
            /** The Request-URI user (absent: the request has none). */
            requestUser?: string;
            /** The host of the top Via (absent: JsSIP parsed none). */
            viaHost?: string;
            /** Other headers of the INVITE, by name as sent. */
            headers?: Readonly<Record<string, string>>;
        } = {}
    ): FakeJsSipSession {
        const session = new FakeJsSipSession('incoming', `in-${this.nextCallId++}@pbx`);
        this.sessions.push(session);
        const request: FakeIncomingRequest = {
            call_id: session.callId,
            from: {
                ...(identity.fromDisplayName === undefined
                    ? {}
                    : { display_name: identity.fromDisplayName }),
                uri: { user: identity.fromUser ?? '+14155550199' }
            },
            to: { uri: { user: identity.toUser ?? '1001' } },
            ...(identity.requestUser === undefined ? {} : { ruri: { user: identity.requestUser } }),
            ...(identity.viaHost === undefined ? {} : { via: { host: identity.viaHost } }),
            getHeader: (name) =>
                name === 'P-Asserted-Identity'
                    ? identity.assertedIdentity
                    : identity.headers?.[name]
        };
        this.emit('newRTCSession', { originator: 'remote', session, request });
        return session;
    }
}

export interface FakeJsSip {
    readonly module: JsSipModule;
    readonly uas: FakeJsSipUa[];
    readonly webSocketUrls: string[];
    /** The user agent the connector made last. */
    ua(): FakeJsSipUa;
}

export function fakeJsSip(): FakeJsSip {
    const uas: FakeJsSipUa[] = [];
    const webSocketUrls: string[] = [];
    class UA extends FakeJsSipUa {
        constructor(configuration: Record<string, unknown>) {
            super(configuration);
            uas.push(this);
        }
    }
    class WebSocketInterface {
        constructor(readonly url: string) {
            webSocketUrls.push(url);
        }
    }
    return {
        module: { UA, WebSocketInterface },
        uas,
        webSocketUrls,
        ua: () => {
            const ua = uas[uas.length - 1];
            if (!ua) {
                throw new Error('The connector has not made a user agent yet.');
            }
            return ua;
        }
    };
}
