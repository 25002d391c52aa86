import type { Call, RelatedRecord } from './call-model';
import type { EngineCore } from './engine-core';
import type { CallShape, EngineReason } from './engine-reason';
import type { DialResult, EngineFailure, EngineResult } from './engine-result';
import { engineFailure } from './engine-result';
import type { HandoverRefusal } from './handover-rules';

// Why the engine refuses a request before it asks the connector (transfer, consult and
// conference rules are in handover-rules.ts).

/** When a request on a live call is refused (see requestRefusal). */
export interface CallRequestRule {
    /**
     * The request waits for nothing but the call ending, refused for this reason meanwhile;
     * without it, any pending request on the call refuses it too.
     */
    readonly whileEnding?: EngineReason;
    /** Whether the call's state allows the request; `refusal` says why not. */
    readonly allowed: (call: Call) => boolean;
    readonly refusal: (call: Call) => EngineReason;
    /** Refused for this reason while another call holds the agent's audio. */
    readonly lineTaken?: EngineReason;
}

/**
 * Why a request on a call is refused, in this order: no such live call; the call is ending
 * or (unless `whileEnding` is given) another request on it is pending; its state does not
 * allow the request; another call holds the line (only where `lineTaken` is given).
 * Undefined when the request may go ahead.
 */
export function requestRefusal(
    core: EngineCore,
    callId: string,
    rule: CallRequestRule
): EngineResult | undefined {
    const call = core.getCall(callId);
    if (!call) {
        return noSuchCall(callId);
    }
    const busy =
        rule.whileEnding === undefined
            ? inProgressRefusal(core, callId)
            : core.ending.has(callId)
              ? engineFailure('in-progress', rule.whileEnding)
              : undefined;
    if (busy) {
        return busy;
    }
    if (!rule.allowed(call)) {
        return engineFailure('invalid-state', rule.refusal(call));
    }
    if (rule.lineTaken !== undefined && lineTaken(core, callId)) {
        return engineFailure('busy', rule.lineTaken);
    }
    return undefined;
}

export function inProgressRefusal(core: EngineCore, callId: string): EngineFailure | undefined {
    if (core.ending.has(callId)) {
        return engineFailure('in-progress', { key: 'call-ending' });
    }
    const operation = core.pending.get(callId);
    return operation
        ? engineFailure('in-progress', { key: 'request-pending', operation })
        : undefined;
}

/** Whether a call other than `callId` holds the agent's audio or is about to. */
export function lineTaken(core: EngineCore, callId: string): boolean {
    if (core.pendingDial) {
        return true;
    }
    return core.calls.some((call) => {
        if (call.id === callId) {
            return false;
        }
        const operation = core.pending.get(call.id);
        return (
            call.state === 'connected' ||
            call.state === 'dialing' ||
            operation === 'answer' ||
            operation === 'resume'
        );
    });
}

export function dialRefusal(
    core: EngineCore,
    number: string,
    related: RelatedRecord | undefined
): DialResult | undefined {
    if (typeof number !== 'string' || number.trim() === '') {
        return engineFailure('invalid-argument', { key: 'enter-number' });
    }
    if (related !== undefined && !isRelatedRecord(related)) {
        return engineFailure('invalid-argument', { key: 'invalid-related-record' });
    }
    if (core.connectionStatus !== 'connected') {
        return engineFailure('not-connected', {
            key: 'dial-needs-connection',
            status: core.connectionStatus
        });
    }
    switch (core.agentState) {
        case 'Offline':
        case 'Break':
            return engineFailure('agent-unavailable', {
                key: core.agentState === 'Break' ? 'dial-on-break' : 'dial-offline'
            });
        case 'AfterCallWork':
            return engineFailure('agent-unavailable', { key: 'dial-in-after-call-work' });
        default:
            break;
    }
    if (core.pendingDial) {
        return engineFailure('busy', { key: 'already-dialing' });
    }
    const ringing = core.calls.find((call) => call.state === 'ringing');
    if (ringing) {
        return engineFailure('busy', { key: 'answer-before-dial' });
    }
    if (core.calls.some((call) => call.state !== 'held')) {
        return engineFailure('busy', { key: 'hold-before-dial' });
    }
    if (core.calls.length >= 2) {
        return engineFailure('busy', { key: 'two-calls' });
    }
    return undefined;
}

/** A consult is a dial: the line must be up and no other dial under way. */
export function consultLineRefusal(core: EngineCore): EngineFailure | undefined {
    if (core.connectionStatus !== 'connected') {
        return engineFailure('not-connected', {
            key: 'consult-needs-connection',
            status: core.connectionStatus
        });
    }
    return core.pendingDial ? engineFailure('busy', { key: 'already-dialing' }) : undefined;
}

/** A rule's refusal as an engine result. */
export function handoverRefusal(refusal: HandoverRefusal): EngineFailure | undefined {
    return refusal ? engineFailure(refusal.code, refusal.reason) : undefined;
}

/** A two-call request: refused by its rule, or while a request on either call is pending. */
export function pairRefusal(core: EngineCore, refusal: HandoverRefusal): EngineFailure | undefined {
    const rule = handoverRefusal(refusal);
    if (rule) {
        return rule;
    }
    for (const call of core.calls) {
        const busy = inProgressRefusal(core, call.id);
        if (busy) {
            return busy;
        }
    }
    return undefined;
}

export function noSuchCall(callId: string): EngineFailure {
    return engineFailure('no-such-call', { key: 'no-such-call', callId });
}

export function shapeOf(call: Call): CallShape {
    return { direction: call.direction, state: call.state };
}

export function isRelatedRecord(value: RelatedRecord): boolean {
    return (
        typeof value === 'object' &&
        value !== null &&
        typeof value.recordId === 'string' &&
        value.recordId.trim() !== '' &&
        typeof value.objectType === 'string' &&
        value.objectType.trim() !== ''
    );
}
