import type { ConnectionStatus } from '../telephony/connector';
import type { AgentState, Call } from './call-model';
import type { EndedCall } from './ended-call';
import type { EngineReason } from './engine-reason';
import type { EngineErrorCode } from './engine-result';

/** Everything the engine knows, frozen: safe to keep, compare and hand to a view. */
export interface EngineSnapshot {
    readonly agentState: AgentState;
    readonly connectionStatus: ConnectionStatus;
    /** Live calls (ringing, dialing, connected, held), oldest first; ended calls are not here. */
    readonly calls: readonly Call[];
    /**
     * The call the agent's controls act on: the connected call, else the dialing one, else the
     * ringing one, else the held one; absent when there is no live call.
     */
    readonly activeCallId?: string;
    /** The calls joined in the agent's conference (two or more), oldest first; absent when none. */
    readonly conferenceCallIds?: readonly string[];
}

/** A failure nobody asked about synchronously: a connector rejection, an auto-decline failure. */
export interface EngineErrorEvent {
    readonly code: EngineErrorCode;
    readonly reason: EngineReason;
    readonly callId?: string;
}

/**
 * The engine's events. Per change, the specific events come first (callStarted, callAnswered,
 * callEnded, error), then one stateChanged carrying the snapshot after the whole change.
 */
export interface CallEngineEvents {
    stateChanged: EngineSnapshot;
    /** A new live call: an inbound call starts ringing, or an outbound dial was accepted. */
    callStarted: Call;
    /** A call became connected for the first time (held/resumed do not repeat it). */
    callAnswered: Call;
    callEnded: EndedCall;
    error: EngineErrorEvent;
}
