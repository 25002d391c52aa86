/**
 * The one interface every phone-system connector implements (simulator, SIP, generic listener).
 * A connector knows nothing of Salesforce or of the agent's UI: it turns agent actions into
 * phone-system requests and phone-system happenings into ConnectorEvents.
 */

import type { CallData } from './call-data';
import type {
    CallHandover,
    HandoverSupport,
    TransferFailureReason,
    TransferProgress
} from './call-handover';

export type ConnectionStatus = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';

/** Why a call ended, as the phone system says it; the call engine maps it to a CallOutcome. */
export type CallEndReason =
    | 'local-hangup'
    | 'remote-hangup'
    | 'declined'
    | 'busy'
    | 'no-answer'
    | 'cancelled'
    | 'voicemail'
    | 'unreachable'
    | 'failed'
    | 'connection-lost'
    /** Handed on by a blind or consult transfer the phone system accepted. */
    | 'transferred';

export type ConnectorEvent =
    | { type: 'connection'; status: ConnectionStatus; message?: string }
    | {
          type: 'incoming';
          callId: string;
          from: string;
          fromName?: string;
          to: string;
          /** What the phone system knows about the call (see call-data.ts); validated. */
          data?: CallData;
      }
    | { type: 'remoteRinging'; callId: string }
    | { type: 'answered'; callId: string }
    | { type: 'held'; callId: string }
    | { type: 'resumed'; callId: string }
    | { type: 'ended'; callId: string; reason: CallEndReason; message?: string }
    /**
     * How a blind or consult transfer of `callId` to `target` goes (see call-handover.ts):
     * 'accepted' is followed by 'ended' with reason 'transferred'; 'failed' (with its reason
     * and the phone system's words) leaves the call as it was.
     */
    | {
          type: 'transfer';
          callId: string;
          target: string;
          progress: TransferProgress;
          reason?: TransferFailureReason;
          message?: string;
      }
    /**
     * The calls now joined in the agent's conference (after a merge, a drop, a party hanging
     * up); fewer than two: there is no conference any more.
     */
    | { type: 'conference'; callIds: readonly string[] };

export type ConnectorListener = (event: ConnectorEvent) => void;

/**
 * Blind transfer, consult, conference and swap are optional (Partial<CallHandover>): a
 * connector that implements them says so in `handoverSupport`; see call-handover.ts.
 */
export interface Connector extends Partial<CallHandover> {
    /** e.g. 'simulator', 'sip'. */
    readonly kind: string;
    /** Which handover families this connector implements; none when absent. */
    readonly handoverSupport?: HandoverSupport;
    connect(): Promise<void>;
    disconnect(): Promise<void>;
    /** Starts an outbound call; resolves with the phone system's call id once the request is accepted. */
    dial(number: string): Promise<string>;
    /**
     * A dial is coming (the softphone checks Do Not Call first): a connector may get its media
     * ready meanwhile, so that the call goes out sooner. Returns what undoes it when no dial
     * followed (a no-op once the dial took what was prepared). `number` is the one the dial
     * will ask for: a connector may prepare the call itself, sending nothing before the dial.
     * Optional.
     */
    prepareToDial?(number?: string): () => void;
    answer(callId: string): Promise<void>;
    decline(callId: string): Promise<void>;
    hangup(callId: string): Promise<void>;
    hold(callId: string): Promise<void>;
    resume(callId: string): Promise<void>;
    setMuted(callId: string, muted: boolean): Promise<void>;
    sendDtmf(callId: string, digits: string): Promise<void>;
    /** Subscribes to connector events; returns the unsubscribe function. */
    onEvent(listener: ConnectorListener): () => void;
}
