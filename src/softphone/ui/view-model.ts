import type { AgentState, CallDirection, CallOutcome, CallState } from '../calls/call-model';
import type { TransferFailureReason } from '../telephony/call-handover';
import type { ConnectionStatus } from '../telephony/connector';

/**
 * Everything the softphone view shows, as plain data. main.ts derives it from the call engine,
 * the call log and the settings, so the view knows nothing of those layers.
 */
export interface SoftphoneViewModel {
    readonly connection: {
        readonly status: ConnectionStatus;
        /** e.g. 'Simulator', 'SIP (pbx.example.com)'. */
        readonly connectorLabel: string;
        readonly message?: string;
        /** The agent chose Offline: shown as a status, not as a connection fault. */
        readonly offlineByChoice?: boolean;
    };
    readonly agentState: AgentState;
    /** The states the agent may pick now (the current one included). */
    readonly agentStateOptions: readonly AgentState[];
    /** Not-ready reasons offered with Break ("Break: Lunch"); absent or [] = a plain Break. */
    readonly breakReasons?: readonly string[];
    /** The reason of the current Break, when the agent chose one. */
    readonly breakReason?: string;
    /** Ringing, live and held calls, oldest first. */
    readonly calls: readonly CallView[];
    readonly wrapUp?: WrapUpView;
    /** Newest first. */
    readonly recentCalls: readonly RecentCallView[];
    /** Dismissible errors (a wrong call-center setting names its key). */
    readonly errors: readonly ErrorView[];
    readonly notices: readonly NoticeView[];
    /** The "simulate inbound call" control shows only when the simulator is the connector. */
    readonly simulatorControlsVisible: boolean;
    /** Calls waiting to be saved to Salesforce, and whether they survive a reload. */
    readonly logStatus: { readonly pending: number; readonly durable: boolean };
    /** Whether the keypad may dial now. */
    readonly canDial: boolean;
    /** Optional: why dialing is blocked, shown under the Call button (the view words one if absent). */
    readonly dialBlockedReason?: string;
    /** The keypad's last Call, while it is placed or once it was refused. */
    readonly dialAttempt?: DialAttemptView;
    /** Numbers the Transfer control offers (recent calls, the call's records), newest first. */
    readonly transferSuggestions?: readonly TransferSuggestionView[];
    /** While the agent is in a conference: how many take part, the agent included. */
    readonly conference?: { readonly parties: number };
}

export interface TransferSuggestionView {
    /** Dialled as it is. */
    readonly number: string;
    /** e.g. "Maria Lopez · +1 415-555-0123" (untrusted text). */
    readonly label: string;
}

/** What the agent may do to hand a call on now (handover-rules.ts decides), and how it goes. */
export interface CallHandoverView {
    /** The call the agent talks on while another call exists (the other one is held). */
    readonly live?: boolean;
    readonly canTransfer: boolean;
    readonly canConsult: boolean;
    /** On a consult call: complete it into a transfer, cancel it, or merge into a conference. */
    readonly canComplete: boolean;
    readonly canCancelConsult: boolean;
    readonly canMerge: boolean;
    readonly canDrop: boolean;
    /** On a held call while another is connected: Resume becomes Swap. */
    readonly canSwap: boolean;
    readonly inConference?: boolean;
    /** On a consult call: the other party of the call it is about. */
    readonly consultAbout?: string;
    readonly transfer?: {
        readonly target: string;
        readonly progress: 'requested' | 'trying' | 'ringing' | 'accepted' | 'failed';
        readonly reason?: TransferFailureReason;
    };
}

export interface DialAttemptView {
    /** Counts up per Call, so the view shows each refusal once. */
    readonly id: number;
    /** As the agent typed it. */
    readonly number: string;
    readonly status: 'placing' | 'refused';
    /** Why it was refused, for the agent (status 'refused'). */
    readonly message?: string;
}

export interface CallView {
    readonly callId: string;
    readonly direction: CallDirection;
    readonly state: CallState;
    /** The number as the agent should read it (formatted), '' when withheld. */
    readonly number: string;
    /** Caller name from the screen-pop match, else the phone system's display name (untrusted). */
    readonly name?: string;
    readonly startedAt: number;
    readonly answeredAt?: number;
    /** When the call went on hold, while it is held (the hold timer counts from it). */
    readonly heldAt?: number;
    readonly muted: boolean;
    /** Extra facts from the phone system (e.g. a listener's order number), untrusted text. */
    readonly details?: readonly { readonly label: string; readonly value: string }[];
    /** The call is answered and ended on the agent's own phone, not by the softphone. */
    readonly controlledOnPhone?: boolean;
    /** The record the call's log goes to, and the records seen during the call. */
    readonly loggedTo?: LoggedToView;
    /** Transfer, consult and conference; absent when the phone system offers none of them. */
    readonly handover?: CallHandoverView;
}

/** A record the call can be logged to; label e.g. "Maria Lopez (Contact)" (untrusted text). */
export interface RecordOptionView {
    readonly recordId: string;
    readonly label: string;
}

export interface LoggedToView {
    /** Absent: not related to a record. */
    readonly current?: RecordOptionView;
    /** The records seen during the call, in the order they were seen. */
    readonly options: readonly RecordOptionView[];
}

export interface WrapUpView {
    readonly callId: string;
    /** Name or number of the other party. */
    readonly remoteLabel: string;
    readonly outcome: CallOutcome;
    readonly durationSeconds: number;
    readonly disposition: string;
    readonly notes: string;
    readonly dispositionOptions: readonly string[];
    readonly dispositionRequired: boolean;
    /** Epoch ms when after-call work ends by itself; absent when it waits for the agent. */
    readonly endsAt?: number;
    /** The countdown is paused while the agent types: the time it still has. */
    readonly pausedMsLeft?: number;
    readonly saving: boolean;
    /** The call's log has exactly what the form shows (disposition and notes above). */
    readonly draftSaved: boolean;
    /** Epoch ms of the agent's last successful Save (announced once per save). */
    readonly confirmedAt?: number;
    readonly error?: string;
    /** The record the call's log goes to (see CallView.loggedTo). */
    readonly loggedTo?: LoggedToView;
}

export interface RecentCallView {
    readonly callId: string;
    readonly direction: CallDirection;
    readonly number: string;
    readonly name?: string;
    readonly endedAt: number;
    readonly outcome: CallOutcome;
    readonly durationSeconds: number;
    /** The record the call was about: the row links to it. */
    readonly record?: { readonly recordId: string; readonly objectType: string };
}

export interface ErrorView {
    readonly id: string;
    readonly message: string;
    /** The call-center setting at fault, e.g. '/connector/sipWebSocketUrl'. */
    readonly settingKey?: string;
    /** The call it is about: it goes when that call ends. */
    readonly callId?: string;
}

export interface NoticeView {
    readonly id: string;
    readonly kind: 'info' | 'warning';
    readonly message: string;
    /** A number the notice offers to call back (a missed call): shows a Call back button. */
    readonly callBack?: string;
    /** The call it is about: it goes when that call ends. */
    readonly callId?: string;
}

/** What the agent can do; main.ts routes each to the engine, the call log or the connector. */
export interface SoftphoneActions {
    dial(number: string): void;
    answer(callId: string): void;
    decline(callId: string): void;
    hangup(callId: string): void;
    hold(callId: string): void;
    resume(callId: string): void;
    setMuted(callId: string, muted: boolean): void;
    sendDtmf(callId: string, digit: string): void;
    /** `reason`: the not-ready reason chosen with Break (one of the configured break reasons). */
    setAgentState(state: AgentState, reason?: string): void;
    /** The agent picked a disposition or typed notes: the draft, kept before any Save. */
    editWrapUp(callId: string, draft: { disposition: string; notes: string }): void;
    saveWrapUp(callId: string, wrapUp: { disposition: string; notes: string }): void;
    completeWrapUp(): void;
    /** Hands the call to `target`: at once (blind) or after a consult call. */
    transfer?(callId: string, target: string, mode: 'blind' | 'consult'): void;
    completeConsult?(): void;
    cancelConsult?(): void;
    /** Merges the held and the connected call into a conference. */
    mergeCalls?(): void;
    /** Drops one party of the conference. */
    dropParty?(callId: string): void;
    /** Holds the connected call and resumes the held one. */
    swapCalls?(): void;
    /** Logs the call to another record seen during it (its id). */
    relateCall(callId: string, recordId: string): void;
    dismissError(id: string): void;
    /** Calls back the number of a notice (a missed call) and clears that notice. */
    callBack?(noticeId: string, number: string): void;
    simulateIncoming(caller: { from: string; fromName?: string }): void;
    /** Saves the diagnostic log as a file; the "Download logs" button shows only when set. */
    downloadLogs?(): void;
    /** Opens a record in Salesforce (a recent call's record); its links show only when set. */
    openRecord?(recordId: string): void;
    /** Opens the Check setup panel (the button shows only when set); focus returns to `opener`. */
    checkSetup?(opener: HTMLElement): void;
}
