import type { ConnectorAction } from '../connector-words';
import type { CallEndReason } from '../connector';
import type { IceCutoff } from './ice-cutoff';
import type { MicrophonePrefetch } from './microphone-prefetch';
import type { SdpGate } from './sdp-gate';
import type { SipSession } from './sip-user-agent';

/**
 * A call's life in the SIP connector:
 *
 *   inbound:  ringing ──answer()──▶ answering ──200 OK sent──▶ connected ⇄ held
 *   outbound: dialing ──200 OK received──▶ connected ⇄ held
 *
 * Any state ends ('ended' event) on a BYE, CANCEL, failure response, or the agent's request.
 */
export type SipCallState = 'ringing' | 'answering' | 'dialing' | 'connected' | 'held';

/** An agent request waiting for the network's confirmation (answer, hold, resume, transfer). */
export interface PendingRequest {
    readonly action: ConnectorAction;
    readonly resolve: () => void;
    readonly reject: (error: Error) => void;
}

export interface SipCall {
    readonly id: string;
    readonly direction: 'inbound' | 'outbound';
    state: SipCallState;
    /** Undefined only while dial() is waiting for the microphone. */
    session?: SipSession;
    sipCallId: string;
    /** The Request-URI an outbound call was dialled to (a consult transfer REFERs to it). */
    dialledUri?: string;
    localStream?: MediaStream;
    /** An inbound call's microphone, opened while it rings (microphone-prefetch.ts). */
    microphone?: MicrophonePrefetch;
    remoteStream?: MediaStream;
    /** An inbound call answered while ringing, its 200 OK held until the agent answers. */
    heldAnswer?: SdpGate;
    /** The silent stream an inbound call was answered with until its microphone opens. */
    standIn?: MediaStream;
    ringingReported: boolean;
    /** Set just before the agent's own request ends the call: it wins over the SIP cause. */
    localEnd?: { readonly reason: CallEndReason; readonly message?: string };
    pending?: PendingRequest;
    readonly ice: IceCutoff;
    /**
     * A transfer in progress that involves the call (sip-transfer.ts): the call REFERred, or
     * the consult leg it replaces. Once the PBX accepted the REFER, the call's end, whoever
     * hangs up, is the transfer's end.
     */
    transfer?: {
        readonly target: string;
        accepted: boolean;
        readonly cancel: () => void;
        /** On the REFERred call: reports the transfer done when the call ends first. */
        readonly onTransferred?: () => void;
    };
}

/** What the connector tells about a live call (for logs and correlation with the PBX). */
export interface SipCallDetails {
    readonly direction: 'inbound' | 'outbound';
    readonly state: SipCallState;
    readonly sipCallId: string;
}
