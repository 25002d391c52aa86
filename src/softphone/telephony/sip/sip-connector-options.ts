import type { BackoffPolicy } from '../../shared/backoff';
import type { SipSettings } from '../../settings/softphone-settings';
import type { Scheduler } from '../scheduler';
import type { DialPlan } from './dial-plan';
import type { SipDataHeader } from './sip-call-data';
import type { MixerAudioContext } from './sip-conference-mixer';
import type { SipLogger } from './sip-logger';
import type { SipMedia } from './sip-media';
import type { SipUserAgentFactory } from './sip-user-agent';

/**
 * What the agent types at softphone login. Kept in memory only, for as long as the connector
 * lives; never logged, never stored.
 */
export interface SipCredentials {
    /** The SIP user (the user part of the address of record, e.g. 1001 or alice). */
    readonly user: string;
    readonly password: string;
    readonly displayName?: string;
    /** The authentication user when the PBX wants one that differs from `user`. */
    readonly authorizationUser?: string;
}

export type DtmfTransportOption = 'rfc4733' | 'info';

export interface SipConnectorOptions {
    readonly settings: SipSettings;
    readonly credentials: SipCredentials;
    readonly scheduler: Scheduler;
    readonly logger?: SipLogger;
    /** Builds the SIP user agent; the JsSIP one by default (tests pass one on a fake JsSIP). */
    readonly jssip?: SipUserAgentFactory;
    /** Microphone, remote audio and ringtone; the browser's, playing into a new <audio>, by default. */
    readonly media?: SipMedia;
    /** Makes the call ids (the provider call ids of the call log); random by default. */
    readonly idGenerator?: () => string;
    readonly dialPlan?: DialPlan;
    /** The response to a declined call: 486 Busy Here (default) or 603 Decline. */
    readonly declineStatus?: 486 | 603;
    /** RFC 4733 telephone-events (default) or SIP INFO. */
    readonly dtmfTransport?: DtmfTransportOption;
    /** With RFC 4733, send by SIP INFO when the call has no RTP channel for tones (default true). */
    readonly dtmfInfoFallback?: boolean;
    /** With ICE servers, how long after the first candidate the SDP may wait for a server one. */
    readonly iceMaxWaitMs?: number;
    /** How long connect() waits for the first registration. */
    readonly connectTimeoutMs?: number;
    /** How long disconnect() waits for the un-REGISTER to be answered. */
    readonly unregisterTimeoutMs?: number;
    /** The connector's own reconnection schedule (reconnect-schedule.ts); sipReconnectPolicy by default. */
    readonly reconnectPolicy?: BackoffPolicy;
    /** Draws the reconnection jitter (0 ≤ r < 1); Math.random by default. */
    readonly random?: () => number;
    /** JsSIP's own WebSocket reconnection backoff (the fallback), in seconds. */
    readonly reconnectMinSeconds?: number;
    readonly reconnectMaxSeconds?: number;
    /**
     * After the PBX accepted a transfer's REFER, how long to wait for the NOTIFY saying how the
     * call to the target went; without one by then the transfer counts as done.
     */
    readonly transferNotifyTimeoutMs?: number;
    /** Makes the Web Audio context of a conference mixed in the browser (tests pass a fake). */
    readonly audioContext?: () => MixerAudioContext;
    /** Headers read into the call data (callData/sipHeaders), besides DNIS and the redirecting number. */
    readonly callDataHeaders?: readonly SipDataHeader[];
}

export const sipConnectorDefaults = {
    declineStatus: 486,
    dtmfTransport: 'rfc4733',
    dtmfInfoFallback: true,
    iceMaxWaitMs: 500,
    connectTimeoutMs: 20_000,
    unregisterTimeoutMs: 2_000,
    reconnectMinSeconds: 2,
    reconnectMaxSeconds: 30,
    transferNotifyTimeoutMs: 32_000,
    // i18n-exempt: the SIP User-Agent header, read by the PBX
    userAgentString: 'Open CTI Softphone (JsSIP)'
} as const;

/** The SIP user part characters RFC 3261 allows unescaped (plus %-escapes). */
export const sipUserPattern = /^[A-Za-z0-9\-_.!~*'()&=+$,;?/%]{1,64}$/;
