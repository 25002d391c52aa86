import type { TransferFailureReason } from '../telephony/call-handover';
import type { ConnectionStatus } from '../telephony/connector';
import type { AgentState, CallDirection, CallState } from './call-model';

/**
 * Why the engine refused or failed a command, as a code with its parameters: the engine words
 * nothing. The app words it in the agent's language (ui/engine-words.ts) for the panel and the
 * Lightning message channel, and the diagnostic log keeps it as it is.
 */

/** A call as a refusal describes it ("this call is an outbound call being dialed"). */
export interface CallShape {
    readonly direction: CallDirection;
    readonly state: CallState;
}

/** A request the engine keeps pending on a call until the phone system confirms it. */
export type CallOperation =
    'answer' | 'hold' | 'resume' | 'transfer' | 'consult' | 'merge' | 'swap';

/** What the phone system was asked to do on a call when it failed. */
export type CallAction =
    | CallOperation
    | 'decline'
    | 'hang-up'
    | 'mute'
    | 'unmute'
    | 'send-tones'
    | 'complete-transfer'
    | 'cancel-consult'
    | 'drop';

/** A request that a conference refuses until one party is dropped. */
export type ConferenceBlockedRequest = 'transfer' | 'consult' | 'merge' | 'swap';

export type EngineReason =
    // Agent states (agent-state-rules.ts)
    | { readonly key: 'busy-is-automatic' }
    | { readonly key: 'after-call-work-is-automatic' }
    | { readonly key: 'state-change-during-call'; readonly state: AgentState }
    | { readonly key: 'available-needs-connection'; readonly status: ConnectionStatus }
    | { readonly key: 'disconnect-during-call' }
    | { readonly key: 'no-after-call-work' }
    // Dialing
    | { readonly key: 'enter-number' }
    | { readonly key: 'invalid-related-record' }
    | { readonly key: 'dial-needs-connection'; readonly status: ConnectionStatus }
    | { readonly key: 'consult-needs-connection'; readonly status: ConnectionStatus }
    | { readonly key: 'dial-offline' }
    | { readonly key: 'dial-on-break' }
    | { readonly key: 'dial-in-after-call-work' }
    | { readonly key: 'already-dialing' }
    | { readonly key: 'answer-before-dial' }
    | { readonly key: 'hold-before-dial' }
    | { readonly key: 'two-calls' }
    // Requests on a call
    | { readonly key: 'no-such-call'; readonly callId: string }
    | { readonly key: 'call-ending' }
    | { readonly key: 'already-ending' }
    | { readonly key: 'request-pending'; readonly operation: CallOperation }
    | { readonly key: 'cannot-answer'; readonly call: CallShape }
    | { readonly key: 'cannot-decline'; readonly call: CallShape }
    | { readonly key: 'cannot-hold'; readonly call: CallShape }
    | { readonly key: 'cannot-resume'; readonly call: CallShape }
    | { readonly key: 'cannot-send-tones'; readonly call: CallShape }
    | { readonly key: 'conference-cannot-hold' }
    | { readonly key: 'decline-instead' }
    | { readonly key: 'answer-before-mute' }
    | { readonly key: 'hold-before-answer' }
    | { readonly key: 'hold-before-resume' }
    | { readonly key: 'bad-tones'; readonly digits: string }
    // Transfer, consult, conference (handover-rules.ts)
    | { readonly key: 'enter-transfer-target' }
    | { readonly key: 'in-conference'; readonly request: ConferenceBlockedRequest }
    | { readonly key: 'transfer-under-way' }
    | { readonly key: 'transfer-not-supported' }
    | { readonly key: 'consult-not-supported' }
    | { readonly key: 'complete-consult-not-supported' }
    | { readonly key: 'conference-not-supported' }
    | { readonly key: 'transfer-needs-live-call' }
    | { readonly key: 'consult-needs-live-call' }
    | { readonly key: 'two-calls-before-consult' }
    | { readonly key: 'no-consult-to-complete' }
    | { readonly key: 'consult-not-answered' }
    | { readonly key: 'hold-before-transfer' }
    | { readonly key: 'no-consult-to-cancel' }
    | { readonly key: 'first-call-not-held' }
    | { readonly key: 'already-in-conference' }
    | { readonly key: 'conference-needs-two-calls' }
    | { readonly key: 'drop-needs-conference-party' }
    | { readonly key: 'swap-needs-two-calls' }
    | { readonly key: 'consult-call-ended' }
    | { readonly key: 'no-consult-call' }
    | { readonly key: 'no-calls-to-merge' }
    | { readonly key: 'no-calls-to-swap' }
    // The phone system failed a request (`error`: its own words, untrusted text)
    | { readonly key: 'connect-failed'; readonly error: string }
    | { readonly key: 'disconnect-failed'; readonly error: string }
    | { readonly key: 'dial-failed'; readonly number: string; readonly error: string }
    | { readonly key: 'call-id-reused'; readonly number: string; readonly callId: string }
    | { readonly key: 'call-failed'; readonly action: CallAction; readonly error: string }
    | { readonly key: 'auto-decline-failed'; readonly error: string }
    | {
          readonly key: 'transfer-failed';
          readonly target: string;
          readonly why: TransferFailureReason;
          readonly detail?: string;
      };

export type EngineReasonKey = EngineReason['key'];
