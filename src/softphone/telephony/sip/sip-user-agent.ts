import type { SdpGate } from './sdp-gate';

/**
 * The SIP stack as the connector sees it: a user agent that registers and places or receives
 * calls, and sessions that report typed events. jssip-adapter.ts implements it on JsSIP; nothing
 * else in the connector knows JsSIP's (loosely typed) API.
 */

/** Who ended a session, in JsSIP's terms: the agent's side, the far end, or the stack itself. */
export type SipOriginator = 'local' | 'remote' | 'system';

/** How a session ended: JsSIP's cause text plus the SIP status of the final response, if any. */
export interface SipEnd {
    readonly originator: SipOriginator;
    /** JsSIP's cause, e.g. 'Busy', 'Terminated', 'Canceled', 'SIP Failure Code'. */
    readonly cause: string;
    readonly statusCode?: number;
    readonly reasonPhrase?: string;
}

/** An ICE candidate the peer connection gathered, and the switch that sends the SDP now. */
export interface SipIceCandidate {
    /** 'host', 'srflx', 'prflx' or 'relay' when the browser says. */
    readonly candidateType?: string;
    /** Sends the offer or answer with the candidates gathered so far (idempotent). */
    readonly ready: () => void;
}

export type SipSessionEvent =
    /** A provisional response (180/183) to our INVITE, or the 180 we sent for an incoming one. */
    | { type: 'progress'; originator: SipOriginator; statusCode?: number }
    /** The 200 OK: received for an outgoing call, sent for an incoming one. */
    | { type: 'accepted'; originator: SipOriginator }
    | { type: 'confirmed' }
    | { type: 'ended'; end: SipEnd }
    /** The session never got established (rejected, cancelled, unanswered, media failure). */
    | { type: 'failed'; end: SipEnd }
    | { type: 'iceCandidate'; candidate: SipIceCandidate }
    | { type: 'remoteStream'; stream: MediaStream }
    | { type: 'hold'; originator: SipOriginator }
    | { type: 'unhold'; originator: SipOriginator };

export type SipSessionListener = (event: SipSessionEvent) => void;

/** The caller's identity as the INVITE carried it, before any validation. */
export interface RawCallerIdentity {
    /** The first P-Asserted-Identity header value, as received. */
    readonly assertedIdentity?: string;
    /** The first Remote-Party-ID header value (pre-RFC 3325 PBXs), as received. */
    readonly remotePartyId?: string;
    /** The Privacy header value (RFC 3323), e.g. 'id' or 'id;user'. */
    readonly privacy?: string;
    /** The host of the top Via: the hop that delivered the INVITE. */
    readonly viaHost?: string;
    /** The From header value as received; the parsed parts below are used when it is absent. */
    readonly fromHeader?: string;
    readonly fromDisplayName?: string;
    readonly fromUser?: string;
    /** The user part of the To URI: the number the caller dialled. */
    readonly toUser?: string;
    /** The user part of the Request-URI (the dialled number, DNIS, on most PBXs). */
    readonly requestUser?: string;
    /** The first value of a header of the INVITE, as received (untrusted). */
    readonly readHeader?: (name: string) => string | undefined;
}

export interface SipMediaOptions {
    readonly mediaStream: MediaStream;
    readonly iceServers: readonly string[];
    readonly extraHeaders?: readonly string[];
    /**
     * The SDP (the INVITE, or the answer's 200 OK) leaves only once this gate opens; the peer
     * connection, the offer or answer and ICE gathering are made meanwhile (sdp-gate.ts).
     */
    readonly holdUntil?: SdpGate;
}

export type SipDtmfTransport = 'RFC2833' | 'INFO';

/**
 * What a REFER (RFC 3515) comes to, step by step: the answer to the REFER request itself
 * (2xx 'accepted' or 'refused'), then the NOTIFYs whose message/sipfrag body carries the status
 * line of the transferee's INVITE to the target ('notify': 100 Trying, 180, 200 OK, 486 …).
 */
export type SipReferEvent =
    | { type: 'accepted' }
    | { type: 'refused'; cause: string; statusCode?: number; reasonPhrase?: string }
    | { type: 'notify'; statusCode: number; reasonPhrase?: string };

export interface SipReferOptions {
    /**
     * Consult transfer: the dialog the target should replace (RFC 3891). Its Call-ID and tags
     * go in the Refer-To URI's Replaces header.
     */
    readonly replaces?: SipSession;
}

/** The outgoing audio of a call, whose track a conference mix may stand in for. */
export interface SipAudioSender {
    readonly track: MediaStreamTrack | null;
    replaceTrack(track: MediaStreamTrack | null): Promise<void>;
}

export interface SipSession {
    /** The SIP Call-ID, for correlating with the PBX's records. */
    readonly sipCallId: string;
    /** Receives the session's events; an incoming session reports nothing until one is set. */
    setListener(listener: SipSessionListener): void;
    answer(options: SipMediaOptions): void;
    /** CANCEL, reject (with statusCode) or BYE, whichever the session's state calls for. */
    terminate(options?: { statusCode?: number; reasonPhrase?: string }): void;
    /** Sends the hold re-INVITE; `done` runs when the far end accepted it. False: cannot now. */
    hold(done: () => void): boolean;
    unhold(done: () => void): boolean;
    /** Disables or re-enables the local audio track (JsSIP keeps it disabled while held). */
    setMuted(muted: boolean): void;
    /** False when RFC 2833 was asked but the call has no audio sender that can send tones. */
    sendDtmf(tones: string, transport: SipDtmfTransport): boolean;
    /** Sends a REFER on the session's dialog; `listener` gets its SipReferEvents. */
    refer(
        target: string,
        listener: (event: SipReferEvent) => void,
        options?: SipReferOptions
    ): void;
    /** The audio sender of the session's peer connection, once there is one. */
    audioSender(): SipAudioSender | undefined;
}

export type SipUserAgentEvent =
    | { type: 'transportConnecting' }
    | { type: 'transportConnected' }
    | { type: 'transportDisconnected'; error: boolean; code?: number; reason?: string }
    | { type: 'registered' }
    | { type: 'unregistered' }
    | {
          type: 'registrationFailed';
          cause: string;
          statusCode?: number;
          reasonPhrase?: string;
      }
    | { type: 'incomingCall'; session: SipSession; caller: RawCallerIdentity };

export type SipUserAgentListener = (event: SipUserAgentEvent) => void;

/** What the user agent is built from; it holds the password, so it is never logged. */
export interface SipUserAgentConfig {
    readonly webSocketUrl: string;
    /** The address of record, e.g. sip:agent@pbx.example.com. */
    readonly uri: string;
    readonly authorizationUser: string;
    readonly password: string;
    readonly displayName?: string;
    readonly registerExpiresSeconds: number;
    /** Preloaded Route header for an outbound proxy (added to REGISTER and INVITE). */
    readonly routeHeader?: string;
    readonly userAgentString: string;
    /** JsSIP's WebSocket reconnection backoff bounds. */
    readonly reconnectMinSeconds: number;
    readonly reconnectMaxSeconds: number;
}

export interface SipUserAgent {
    setListener(listener: SipUserAgentListener): void;
    /** Opens the WebSocket and registers. */
    start(): void;
    /** Opens the WebSocket again now when it is closed (it registers once open); else nothing. */
    reconnect(): void;
    unregister(): void;
    /** Ends every session and closes the WebSocket (after a graceful un-REGISTER). */
    stop(): void;
    /**
     * Sends an INVITE to `target`. The listener is attached before the INVITE goes out, so no
     * event is lost; throws when the stack refuses the request outright.
     */
    call(target: string, options: SipMediaOptions, listener: SipSessionListener): SipSession;
}

export type SipUserAgentFactory = (config: SipUserAgentConfig) => SipUserAgent;
