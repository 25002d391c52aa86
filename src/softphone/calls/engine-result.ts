import type { EngineReason } from './engine-reason';

/**
 * Why the call engine refused or failed a command.
 * - invalid-state: the call or the agent is not in a state that allows it (e.g. answer an
 *   outbound call, hold a ringing call, pick Busy by hand).
 * - no-such-call: no live call has that id.
 * - busy: another call is in the way (hold or end it first), or the agent is on a call.
 * - agent-unavailable: the agent is Offline, on Break or in AfterCallWork.
 * - not-connected: the connector is not connected.
 * - invalid-argument: a number, DTMF digits or a record that cannot be used.
 * - in-progress: an earlier request on the same call has not been confirmed yet.
 * - connector-failed: the phone system refused or failed the request.
 * - not-supported: the phone system (its connector) cannot do this, e.g. a conference.
 */
export type EngineErrorCode =
    | 'invalid-state'
    | 'no-such-call'
    | 'busy'
    | 'agent-unavailable'
    | 'not-connected'
    | 'invalid-argument'
    | 'in-progress'
    | 'connector-failed'
    | 'not-supported';

export interface EngineError {
    readonly code: EngineErrorCode;
    /**
     * What was refused and, where there is one, what to do instead, as a code with its
     * parameters: ui/engine-words.ts words it for the agent.
     */
    readonly reason: EngineReason;
}

export interface EngineFailure {
    readonly ok: false;
    readonly error: EngineError;
}

/** What every engine command returns; commands never throw for an illegal request. */
export type EngineResult = { readonly ok: true } | EngineFailure;

/** dial() also returns the new call's id (the connector's call id). */
export type DialResult = { readonly ok: true; readonly callId: string } | EngineFailure;

export const engineOk: EngineResult = Object.freeze({ ok: true });

export function engineFailure(code: EngineErrorCode, reason: EngineReason): EngineFailure {
    return Object.freeze({ ok: false, error: Object.freeze({ code, reason }) });
}
