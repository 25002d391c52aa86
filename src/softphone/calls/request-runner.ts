import type { CallEndReason } from '../telephony/connector';
import type { EngineCore } from './engine-core';
import { errorMessage } from './engine-core';
import type { CallAction, CallOperation } from './engine-reason';
import type { EngineResult } from './engine-result';
import { engineOk } from './engine-result';

// How the engine runs a request on live calls through the connector: the calls are marked
// pending (or ending) until the phone system confirms; a failure leaves them as they were.

/** Runs a state-changing request: marks it pending, applies `confirm` once it resolves. */
export async function perform(
    core: EngineCore,
    callId: string,
    operation: CallOperation,
    request: () => Promise<void>,
    confirm: () => void
): Promise<EngineResult> {
    core.pending.set(callId, operation);
    try {
        await request();
    } catch (error) {
        core.pending.delete(callId);
        return core.callFailure(operation, callId, error);
    }
    core.pending.delete(callId);
    confirm();
    core.flush();
    return engineOk;
}

/** Runs decline / hang-up: the call ends on the connector's event or when the request resolves. */
export async function performEnd(
    core: EngineCore,
    callId: string,
    action: CallAction,
    request: () => Promise<void>,
    reason: CallEndReason
): Promise<EngineResult> {
    core.ending.add(callId);
    try {
        await request();
    } catch (error) {
        core.ending.delete(callId);
        return core.callFailure(action, callId, error);
    }
    if (core.endCall(callId, reason)) {
        core.publishState();
    }
    return engineOk;
}

/**
 * Runs a transfer request on `callIds` (marked already): pending until the phone system
 * took it; a refusal turns the marks into failed ones (the calls stay as they were).
 */
export async function performTransfer(
    core: EngineCore,
    callIds: readonly string[],
    action: CallAction,
    request: () => Promise<void>
): Promise<EngineResult> {
    for (const id of callIds) {
        core.pending.set(id, 'transfer');
    }
    try {
        await request();
    } catch (error) {
        for (const id of callIds) {
            core.pending.delete(id);
            const transfer = core.getCall(id)?.transfer;
            if (transfer) {
                core.updateCall(id, {
                    transfer: Object.freeze({
                        ...transfer,
                        progress: 'failed',
                        reason: 'refused',
                        message: errorMessage(error)
                    })
                });
            }
        }
        const [first] = callIds;
        const failure = core.callFailure(action, first ?? '', error);
        core.publishState();
        return failure;
    }
    for (const id of callIds) {
        core.pending.delete(id);
    }
    core.flush();
    return engineOk;
}

/** Runs a request on two calls at once (merge, swap): both pending until it resolves. */
export async function performPair(
    core: EngineCore,
    callIds: readonly string[],
    operation: CallOperation,
    request: () => Promise<void>
): Promise<EngineResult> {
    for (const id of callIds) {
        core.pending.set(id, operation);
    }
    try {
        await request();
    } catch (error) {
        for (const id of callIds) {
            core.pending.delete(id);
        }
        const live = callIds.find((id) => core.getCall(id)) ?? callIds[0] ?? '';
        return core.callFailure(operation, live, error);
    } finally {
        for (const id of callIds) {
            core.pending.delete(id);
        }
    }
    core.publishState();
    return engineOk;
}
