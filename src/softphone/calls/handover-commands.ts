import type { EngineCore } from './engine-core';
import { remoteNumber } from './engine-core';
import type { DialResult, EngineResult } from './engine-result';
import { engineFailure, engineOk } from './engine-result';
import { holdCall } from './call-commands';
import {
    blindTransferRefusal,
    cancelConsultRefusal,
    completeConsultRefusal,
    consultPair,
    dropPartyRefusal,
    mergeRefusal,
    startConsultRefusal,
    swapRefusal,
    twoCallPair
} from './handover-rules';
import { placeCall } from './place-call';
import {
    consultLineRefusal,
    handoverRefusal,
    inProgressRefusal,
    noSuchCall,
    pairRefusal
} from './request-refusals';
import { performEnd, performPair, performTransfer } from './request-runner';

// Transfer, consult, conference and swap (the rules are in handover-rules.ts).

/**
 * Blind transfer of a connected or held call to `target` (a number or extension, sent
 * trimmed). Resolves once the phone system took the request; the call then shows the
 * transfer's progress and ends Transferred, or keeps a failed transfer mark saying why.
 */
export async function transferCall(
    core: EngineCore,
    callId: string,
    target: string
): Promise<EngineResult> {
    const call = core.getCall(callId);
    const refusal = call
        ? (inProgressRefusal(core, callId) ??
          handoverRefusal(blindTransferRefusal(call, target, core.handoverSupport())))
        : noSuchCall(callId);
    if (refusal) {
        return refusal;
    }
    const to = target.trim();
    core.updateCall(callId, {
        transfer: Object.freeze({ kind: 'blind', target: to, progress: 'requested' })
    });
    core.publishState();
    return performTransfer(core, [callId], 'transfer', () =>
        core.handover.blindTransfer(callId, to)
    );
}

/**
 * Consult: holds the call (when connected) and places a second call to `target` about it.
 * Resolves with the consult call's id.
 */
export async function startConsult(
    core: EngineCore,
    callId: string,
    target: string
): Promise<DialResult> {
    const call = core.getCall(callId);
    const refusal = call
        ? (inProgressRefusal(core, callId) ??
          handoverRefusal(startConsultRefusal(call, core.calls, target, core.handoverSupport())) ??
          consultLineRefusal(core))
        : noSuchCall(callId);
    if (refusal) {
        return refusal;
    }
    if (call?.state === 'connected') {
        const held = await holdCall(core, callId);
        if (!held.ok) {
            return held;
        }
        if (core.getCall(callId)?.state !== 'held') {
            return engineFailure('invalid-state', { key: 'consult-call-ended' });
        }
    }
    const to = target.trim();
    return placeCall(core, to, call?.related, () => core.handover.startConsult(callId, to), {
        consultOf: callId
    });
}

/** Completes the consult into a transfer: the held caller is joined to the consulted party. */
export async function completeConsult(core: EngineCore): Promise<EngineResult> {
    const refusal = pairRefusal(core, completeConsultRefusal(core.calls, core.handoverSupport()));
    const pair = consultPair(core.calls);
    if (refusal || !pair) {
        return refusal ?? engineFailure('invalid-state', { key: 'no-consult-call' });
    }
    const { parent, consult } = pair;
    core.updateCall(parent.id, {
        transfer: Object.freeze({ kind: 'consult', target: consult.to, progress: 'requested' })
    });
    core.updateCall(consult.id, {
        transfer: Object.freeze({
            kind: 'consult',
            target: remoteNumber(parent),
            progress: 'requested'
        })
    });
    core.publishState();
    return performTransfer(core, [parent.id, consult.id], 'complete-transfer', () =>
        core.handover.completeConsult(parent.id, consult.id)
    );
}

/** Cancels the consult: the consult call ends and the held call is resumed. */
export async function cancelConsult(core: EngineCore): Promise<EngineResult> {
    const refusal = pairRefusal(core, cancelConsultRefusal(core.calls));
    const pair = consultPair(core.calls);
    if (refusal || !pair) {
        return refusal ?? engineFailure('invalid-state', { key: 'no-consult-call' });
    }
    const { parent, consult } = pair;
    core.pending.set(parent.id, 'resume');
    core.ending.add(consult.id);
    try {
        await core.handover.cancelConsult(parent.id, consult.id);
    } catch (error) {
        core.pending.delete(parent.id);
        core.ending.delete(consult.id);
        return core.callFailure('cancel-consult', parent.id, error);
    }
    core.pending.delete(parent.id);
    core.endCall(consult.id, 'local-hangup');
    core.markResumed(parent.id);
    core.publishState();
    return engineOk;
}

/** Merges the held call and the connected call into one conference with the agent. */
export async function mergeCalls(core: EngineCore): Promise<EngineResult> {
    const refusal = pairRefusal(core, mergeRefusal(core.calls, core.handoverSupport()));
    const pair = twoCallPair(core.calls);
    if (refusal || !pair) {
        return refusal ?? engineFailure('invalid-state', { key: 'no-calls-to-merge' });
    }
    const { active, held } = pair;
    return performPair(core, [active.id, held.id], 'merge', async () => {
        await core.handover.mergeCalls(held.id, active.id);
        core.applyConference([held.id, active.id]);
    });
}

/** Drops one party of the conference; the other stays connected to the agent. */
export async function dropParty(core: EngineCore, callId: string): Promise<EngineResult> {
    const call = core.getCall(callId);
    const refusal = call
        ? (inProgressRefusal(core, callId) ??
          handoverRefusal(dropPartyRefusal(call, core.handoverSupport())))
        : noSuchCall(callId);
    return (
        refusal ??
        performEnd(core, callId, 'drop', () => core.handover.dropParty(callId), 'local-hangup')
    );
}

/** Holds the connected call and resumes the held one. */
export async function swapCalls(core: EngineCore): Promise<EngineResult> {
    const refusal = pairRefusal(core, swapRefusal(core.calls));
    const pair = twoCallPair(core.calls);
    if (refusal || !pair) {
        return refusal ?? engineFailure('invalid-state', { key: 'no-calls-to-swap' });
    }
    const { active, held } = pair;
    return performPair(core, [active.id, held.id], 'swap', async () => {
        await core.handover.swap(active.id, held.id);
        core.markHeld(active.id);
        core.markResumed(held.id);
    });
}
