import type { HandoverSupport } from '../telephony/call-handover';
import type { Call } from './call-model';
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

function refusal(code: EngineError['code'], message: string): EngineError {
    return { code, message };
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
        : refusal('invalid-argument', 'Enter a number or extension to transfer to.');
}

function callRefusal(call: Call, action: string): HandoverRefusal {
    if (call.conference) {
        return refusal('invalid-state', `Drop a party from the conference before you ${action}.`);
    }
    if (transferUnderWay(call)) {
        return refusal('in-progress', 'A transfer of this call is under way.');
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
        return refusal('not-supported', 'This phone system cannot transfer calls.');
    }
    if (call.state !== 'connected' && call.state !== 'held') {
        return refusal('invalid-state', 'Only a connected or held call can be transferred.');
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
        return refusal('not-supported', 'This phone system cannot place consult calls.');
    }
    if (call.state !== 'connected' && call.state !== 'held') {
        return refusal('invalid-state', 'Only a connected or held call can be consulted on.');
    }
    if (calls.length > 1) {
        return refusal('busy', 'You already have two calls. End one before a consult.');
    }
    return callRefusal(call, 'consult') ?? targetRefusal(target);
}

/** Completing the consult (B connected, A held) into a transfer. */
export function completeConsultRefusal(
    calls: readonly Call[],
    support: HandoverSupport
): HandoverRefusal {
    if (!support.consultTransfer) {
        return refusal('not-supported', 'This phone system cannot complete consult transfers.');
    }
    const pair = consultPair(calls);
    if (!pair) {
        return refusal('invalid-state', 'There is no consult call to complete.');
    }
    if (pair.consult.state !== 'connected') {
        return refusal(
            'invalid-state',
            'Wait for the consult call to be answered, or cancel it and transfer blind.'
        );
    }
    if (pair.parent.state !== 'held') {
        return refusal('invalid-state', 'Hold the first call before completing the transfer.');
    }
    return callRefusal(pair.parent, 'transfer') ?? callRefusal(pair.consult, 'transfer');
}

/** Cancelling the consult: B ends, A resumes. */
export function cancelConsultRefusal(calls: readonly Call[]): HandoverRefusal {
    const pair = consultPair(calls);
    if (!pair || pair.consult.conference) {
        return refusal('invalid-state', 'There is no consult call to cancel.');
    }
    if (pair.parent.state !== 'held') {
        return refusal('invalid-state', 'The first call is not on hold: hang up the consult call.');
    }
    return transferUnderWay(pair.parent)
        ? refusal('in-progress', 'A transfer of this call is under way.')
        : undefined;
}

/** Merging the held and the connected call into a conference. */
export function mergeRefusal(calls: readonly Call[], support: HandoverSupport): HandoverRefusal {
    if (!support.conference) {
        return refusal('not-supported', 'This phone system cannot hold conferences.');
    }
    if (calls.some((call) => call.conference)) {
        return refusal('invalid-state', 'The calls are already in conference.');
    }
    const pair = twoCallPair(calls);
    if (!pair) {
        return refusal('invalid-state', 'A conference needs one connected call and one held call.');
    }
    return callRefusal(pair.active, 'merge') ?? callRefusal(pair.held, 'merge');
}

/** Dropping `call` from the conference. */
export function dropPartyRefusal(call: Call, support: HandoverSupport): HandoverRefusal {
    if (!support.conference) {
        return refusal('not-supported', 'This phone system cannot hold conferences.');
    }
    return call.conference
        ? undefined
        : refusal('invalid-state', 'Only a party of the conference can be dropped.');
}

/** Swapping the connected and the held call. */
export function swapRefusal(calls: readonly Call[]): HandoverRefusal {
    if (calls.some((call) => call.conference)) {
        return refusal('invalid-state', 'Drop a party from the conference before you swap.');
    }
    const pair = twoCallPair(calls);
    if (!pair) {
        return refusal('invalid-state', 'Swap needs one connected call and one held call.');
    }
    return callRefusal(pair.active, 'swap') ?? callRefusal(pair.held, 'swap');
}
