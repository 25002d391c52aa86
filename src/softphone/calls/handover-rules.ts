import type { HandoverSupport } from '../telephony/call-handover';
import type { Call } from './call-model';
import type { ConferenceBlockedRequest, EngineReason } from './engine-reason';
import type { EngineError } from './engine-result';

/**
 * Transfer, consult, conference and swap: which request the agent may make on which calls.
 * A call keeps its state (call-model.ts); these requests add marks to it.
 *
 *   blind transfer
 *     A connected/held ──transfer(A, T)──▶ A + transfer{requested → trying → ringing}
 *        ├── accepted ──▶ A ended, outcome Transferred (to T)
 *        └── failed (busy / no answer / refused …) ──▶ A as it was + transfer{failed, why}
 *
 *   consult
 *     A connected/held ──startConsult(A, T)──▶ A held, B dialing (B.consultOf = A)
 *        B answered ──▶ A held, B connected
 *           ├── completeConsult ──▶ A and B + transfer{consult} ──accepted──▶ both ended,
 *           │                        Transferred (A to B's number, B to A's caller)
 *           ├── cancelConsult ──▶ B ended (Connected), A connected
 *           └── merge ──▶ conference (A, B)
 *        B busy / no answer / declined / hangs up ──▶ B ended, A stays held (resume it)
 *        A's caller hangs up ──▶ A ended, B an ordinary call
 *
 *   two calls (a consult, or a waiting call answered)
 *     one connected + one held ──swap──▶ the held one connected, the other held
 *     one connected + one held ──merge──▶ both connected, both marked conference
 *
 *   conference (A, B)
 *     dropParty(X) / X hangs up ──▶ X ended; the other leaves the conference, connected
 *     hold, resume, swap, transfer, a new consult ──▶ refused (drop a party first)
 *
 * Every request is also refused while another request on one of its calls is unconfirmed
 * (the engine checks that, as for hold and resume).
 */

export type HandoverRefusal = EngineError | undefined;

function refusal(code: EngineError['code'], reason: EngineReason): EngineError {
    return { code, reason };
}

/** A call whose transfer is under way (requested, not yet accepted or failed). */
export function transferUnderWay(call: Call): boolean {
    const progress = call.transfer?.progress;
    return progress === 'requested' || progress === 'trying' || progress === 'ringing';
}

/** The consult call (B) among the live calls, with the held call it consults about (A). */
export function consultPair(calls: readonly Call[]): { parent: Call; consult: Call } | undefined {
    for (const consult of calls) {
        const parent = consult.consultOf
            ? calls.find((call) => call.id === consult.consultOf)
            : undefined;
        if (parent) {
            return { parent, consult };
        }
    }
    return undefined;
}

/** The two calls a swap or a merge acts on: one connected, one held, neither in conference. */
export function twoCallPair(calls: readonly Call[]): { active: Call; held: Call } | undefined {
    if (calls.length !== 2 || calls.some((call) => call.conference)) {
        return undefined;
    }
    const active = calls.find((call) => call.state === 'connected');
    const held = calls.find((call) => call.state === 'held');
    return active && held ? { active, held } : undefined;
}

/** The target must be a non-empty number or extension. */
function targetRefusal(target: unknown): HandoverRefusal {
    return typeof target === 'string' && target.trim() !== ''
        ? undefined
        : refusal('invalid-argument', { key: 'enter-transfer-target' });
}

function callRefusal(call: Call, request: ConferenceBlockedRequest): HandoverRefusal {
    if (call.conference) {
        return refusal('invalid-state', { key: 'in-conference', request });
    }
    if (transferUnderWay(call)) {
        return refusal('in-progress', { key: 'transfer-under-way' });
    }
    return undefined;
}

/** Blind transfer of `call` to `target`. */
export function blindTransferRefusal(
    call: Call,
    target: unknown,
    support: HandoverSupport
): HandoverRefusal {
    if (!support.blindTransfer) {
        return refusal('not-supported', { key: 'transfer-not-supported' });
    }
    if (call.state !== 'connected' && call.state !== 'held') {
        return refusal('invalid-state', { key: 'transfer-needs-live-call' });
    }
    return callRefusal(call, 'transfer') ?? targetRefusal(target);
}

/** A consult call about `call` to `target`; `calls` are all the live calls. */
export function startConsultRefusal(
    call: Call,
    calls: readonly Call[],
    target: unknown,
    support: HandoverSupport
): HandoverRefusal {
    if (!support.consultTransfer) {
        return refusal('not-supported', { key: 'consult-not-supported' });
    }
    if (call.state !== 'connected' && call.state !== 'held') {
        return refusal('invalid-state', { key: 'consult-needs-live-call' });
    }
    if (calls.length > 1) {
        return refusal('busy', { key: 'two-calls-before-consult' });
    }
    return callRefusal(call, 'consult') ?? targetRefusal(target);
}

/** Completing the consult (B connected, A held) into a transfer. */
export function completeConsultRefusal(
    calls: readonly Call[],
    support: HandoverSupport
): HandoverRefusal {
    if (!support.consultTransfer) {
        return refusal('not-supported', { key: 'complete-consult-not-supported' });
    }
    const pair = consultPair(calls);
    if (!pair) {
        return refusal('invalid-state', { key: 'no-consult-to-complete' });
    }
    if (pair.consult.state !== 'connected') {
        return refusal('invalid-state', { key: 'consult-not-answered' });
    }
    if (pair.parent.state !== 'held') {
        return refusal('invalid-state', { key: 'hold-before-transfer' });
    }
    return callRefusal(pair.parent, 'transfer') ?? callRefusal(pair.consult, 'transfer');
}

/** Cancelling the consult: B ends, A resumes. */
export function cancelConsultRefusal(calls: readonly Call[]): HandoverRefusal {
    const pair = consultPair(calls);
    if (!pair || pair.consult.conference) {
        return refusal('invalid-state', { key: 'no-consult-to-cancel' });
    }
    if (pair.parent.state !== 'held') {
        return refusal('invalid-state', { key: 'first-call-not-held' });
    }
    return transferUnderWay(pair.parent)
        ? refusal('in-progress', { key: 'transfer-under-way' })
        : undefined;
}

/** Merging the held and the connected call into a conference. */
export function mergeRefusal(calls: readonly Call[], support: HandoverSupport): HandoverRefusal {
    if (!support.conference) {
        return refusal('not-supported', { key: 'conference-not-supported' });
    }
    if (calls.some((call) => call.conference)) {
        return refusal('invalid-state', { key: 'already-in-conference' });
    }
    const pair = twoCallPair(calls);
    if (!pair) {
        return refusal('invalid-state', { key: 'conference-needs-two-calls' });
    }
    return callRefusal(pair.active, 'merge') ?? callRefusal(pair.held, 'merge');
}

/** Dropping `call` from the conference. */
export function dropPartyRefusal(call: Call, support: HandoverSupport): HandoverRefusal {
    if (!support.conference) {
        return refusal('not-supported', { key: 'conference-not-supported' });
    }
    return call.conference
        ? undefined
        : refusal('invalid-state', { key: 'drop-needs-conference-party' });
}

/** Swapping the connected and the held call. */
export function swapRefusal(calls: readonly Call[]): HandoverRefusal {
    if (calls.some((call) => call.conference)) {
        return refusal('invalid-state', { key: 'in-conference', request: 'swap' });
    }
    const pair = twoCallPair(calls);
    if (!pair) {
        return refusal('invalid-state', { key: 'swap-needs-two-calls' });
    }
    return callRefusal(pair.active, 'swap') ?? callRefusal(pair.held, 'swap');
}
