import type { ConnectionStatus } from '../telephony/connector';
import type { AgentState } from './call-model';
import type { EngineError } from './engine-result';

/**
 * Agent states. Busy and AfterCallWork belong to the engine: it sets them and the agent cannot
 * pick them. The agent picks Offline, Available or Break, and only while no call is live (one
 * exception below: from AfterCallWork to Available while a call only rings).
 *
 *                       agent picks (no live call)
 *        ┌──────────────────────────┬──────────────────────────┐
 *        ▼                          ▼                          ▼
 *     Offline ◀──────────────▶ Available ◀──────────────────▶ Break
 *        ▲                       │    ▲   ▲
 *        │        dial / answer  │    │   │ last live call ends and no call was worked
 *        │                       ▼    │   │ (e.g. a refused dial, a missed call waiting)
 *        │                      Busy ─────┘
 *        │                       │ ▲  │ completeWrapUp(), or the agent picks Available
 *        │  last live call ends  │ │  │ (also while a call offered in wrap-up still rings)
 *        │  after a worked call  ▼ │  │
 *        └─ agent picks ─── AfterCallWork ─(agent may also pick Break)
 *                                  └── the agent answers a call that rang during after-call
 *                                      work (it rings as for Available; while it rings, or if
 *                                      it ends unanswered, the agent stays AfterCallWork)
 *
 *     any state ──connector reports 'disconnected'──▶ Offline (live calls end 'connection-lost')
 *
 * - Available needs the connector 'connected' (or 'reconnecting', a passing state). The status
 *   menu still offers Available from Offline while the connector is disconnected (the agent's
 *   own Offline, or a lost line): choosing it connects first (SoftphoneApp.changeAgentState).
 * - A worked call is one the agent dialled (accepted by the connector) or answered.
 * - A ringing inbound call leaves the agent Available (or in AfterCallWork) until it is answered.
 * - A call that ends while the agent is Offline (forced by a disconnect) starts no wrap-up.
 */

/** The states the agent may pick by hand. */
export const selectableAgentStates: readonly AgentState[] = ['Offline', 'Available', 'Break'];

export interface AgentStateContext {
    /** A call that is ringing, dialing, connected or held, or a dial not yet accepted. */
    readonly hasLiveCall: boolean;
    readonly connectionStatus: ConnectionStatus;
    /** Every live call is an inbound call still ringing (offered, not answered). */
    readonly onlyRingingCalls?: boolean;
}

/** Why the agent may not go from `from` to `to` now; undefined when they may (or already are). */
export function agentStateRefusal(
    from: AgentState,
    to: AgentState,
    context: AgentStateContext
): EngineError | undefined {
    if (from === to) {
        return undefined;
    }
    if (to === 'Busy') {
        return {
            code: 'invalid-state',
            reason: { key: 'busy-is-automatic' }
        };
    }
    if (to === 'AfterCallWork') {
        return {
            code: 'invalid-state',
            reason: { key: 'after-call-work-is-automatic' }
        };
    }
    // A call offered during after-call work keeps ringing for an agent who finishes it.
    const offeredInWrapUp =
        from === 'AfterCallWork' && to === 'Available' && context.onlyRingingCalls === true;
    if (context.hasLiveCall && !offeredInWrapUp) {
        return {
            code: 'busy',
            reason: { key: 'state-change-during-call', state: to }
        };
    }
    if (
        to === 'Available' &&
        context.connectionStatus !== 'connected' &&
        context.connectionStatus !== 'reconnecting'
    ) {
        return {
            code: 'not-connected',
            reason: { key: 'available-needs-connection', status: context.connectionStatus }
        };
    }
    return undefined;
}

/**
 * The states the agent may pick now, the current one included (for the status menu). From
 * Offline on a disconnected line, every state is offered as if connected: picking one connects.
 */
export function agentStateOptions(from: AgentState, context: AgentStateContext): AgentState[] {
    const offered: AgentStateContext =
        from === 'Offline' && context.connectionStatus === 'disconnected'
            ? { ...context, connectionStatus: 'connected' }
            : context;
    const options = selectableAgentStates.filter(
        (to) => agentStateRefusal(from, to, offered) === undefined
    );
    return options.includes(from) ? options : [from, ...options];
}
