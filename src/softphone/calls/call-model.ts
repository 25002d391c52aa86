/**
 * The call and agent model shared by every layer above the connector.
 *
 * Call states:
 *
 *   inbound:  ringing ──answer──▶ connected ◀──resume/hold──▶ held
 *   outbound: dialing ──remote answers──▶ connected
 *   any state ──hangup / remote hangup / failure──▶ ended (with an outcome)
 *   connected / held ──transfer accepted──▶ ended (outcome Transferred)
 *
 * Transfer, consult and conference (ruled in handover-rules.ts) add marks to these states
 * rather than new states: `transfer` on a call being handed on, `consultOf` on a consult
 * call, `conference` on the calls merged into one.
 *
 * Agent states: Offline, Available, Busy (on a call), AfterCallWork (wrap-up), Break.
 */

import type { CallData } from '../telephony/call-data';
import type { TransferFailureReason, TransferProgress } from '../telephony/call-handover';

export type CallDirection = 'Inbound' | 'Outbound';

/** Values of Phone_Call__c.Outcome__c. */
export type CallOutcome =
    | 'Connected'
    | 'No Answer'
    | 'Busy'
    | 'Voicemail'
    | 'Failed'
    | 'Missed'
    | 'Rejected'
    | 'Dropped'
    | 'Transferred';

export type CallState = 'ringing' | 'dialing' | 'connected' | 'held' | 'ended';

export type AgentState = 'Offline' | 'Available' | 'Busy' | 'AfterCallWork' | 'Break';

/** The Salesforce record a call is about (from the screen pop or the click-to-dial source). */
export interface RelatedRecord {
    readonly recordId: string;
    /** sObject API name, e.g. Contact, Lead, Account, Case. */
    readonly objectType: string;
    readonly recordName?: string;
}

/**
 * A transfer of a call under way or just failed: 'requested' until the phone system reports
 * progress; a failed one stays on the call (with why) until the agent acts on the call again.
 */
export interface CallTransfer {
    readonly kind: 'blind' | 'consult';
    /** The number or extension the call is handed to (for a consult: the consult call's number). */
    readonly target: string;
    readonly progress: 'requested' | TransferProgress;
    readonly reason?: TransferFailureReason;
    /** The phone system's words about a failure (untrusted text, render as text only). */
    readonly message?: string;
}

export interface Call {
    /** The phone system's call id: Phone_Call__c.Provider_Call_Id__c, the idempotency key of the log. */
    readonly id: string;
    readonly direction: CallDirection;
    /** E.164 where it could be normalised, else the raw text; '' when the caller id is missing. */
    readonly from: string;
    readonly to: string;
    /** Display name sent by the phone system (untrusted text, render as text only). */
    readonly remoteName?: string;
    readonly state: CallState;
    /** Epoch milliseconds. */
    readonly startedAt: number;
    readonly answeredAt?: number;
    /** When the call was put on hold; present only while it is held. */
    readonly heldAt?: number;
    readonly endedAt?: number;
    readonly outcome?: CallOutcome;
    readonly muted: boolean;
    readonly related?: RelatedRecord;
    /** What the phone system knows about the call, without its secret keys (see call-data.ts). */
    readonly data?: CallData;
    /** A transfer of this call under way or just failed. */
    readonly transfer?: CallTransfer;
    /** On a consult call: the id of the held call it consults about (its parent call). */
    readonly consultOf?: string;
    /** Present while the call is a party of the agent's conference. */
    readonly conference?: true;
    /**
     * The numbers of the other parties this call was ever in conference with, in the order
     * they joined (kept after the conference ends, for the call log).
     */
    readonly conferenceParties?: readonly string[];
}

/** Injected so that the engine and its tests are deterministic. */
export interface Clock {
    now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
