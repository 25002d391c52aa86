/**
 * The call and agent model shared by every layer above the connector.
 *
 * Call states:
 *
 *   inbound:  ringing ──answer──▶ connected ◀──resume/hold──▶ held
 *   outbound: dialing ──remote answers──▶ connected
 *   any state ──hangup / remote hangup / failure──▶ ended (with an outcome)
 *
 * Agent states: Offline, Available, Busy (on a call), AfterCallWork (wrap-up), Break.
 */

import type { CallData } from '../telephony/call-data';

export type CallDirection = 'Inbound' | 'Outbound';

/** Values of Phone_Call__c.Outcome__c. */
export type CallOutcome =
    'Connected' | 'No Answer' | 'Busy' | 'Voicemail' | 'Failed' | 'Missed' | 'Rejected' | 'Dropped';

export type CallState = 'ringing' | 'dialing' | 'connected' | 'held' | 'ended';

export type AgentState = 'Offline' | 'Available' | 'Busy' | 'AfterCallWork' | 'Break';

/** The Salesforce record a call is about (from the screen pop or the click-to-dial source). */
export interface RelatedRecord {
    readonly recordId: string;
    /** sObject API name, e.g. Contact, Lead, Account, Case. */
    readonly objectType: string;
    readonly recordName?: string;
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
}

/** Injected so that the engine and its tests are deterministic. */
export interface Clock {
    now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
