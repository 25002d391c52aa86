import type { CallEndReason } from '../connector';
import type { ConnectorAction } from '../connector-words';
import type { Scheduler } from '../scheduler';
import { endedBeforeAction } from './simulator-refusals';

export type SimulatedCallState = 'ringing' | 'dialing' | 'connected' | 'held';

/** An agent's request on a call, waiting for its confirming event. */
export interface PendingAction {
    readonly action: ConnectorAction;
    readonly handle: unknown;
    readonly reject: (error: Error) => void;
}

export interface SimulatedCall {
    readonly id: string;
    readonly direction: 'inbound' | 'outbound';
    /** The other party's number (the dialled number, or the caller's). */
    readonly remote: string;
    state: SimulatedCallState;
    muted: boolean;
    /** The remote side's scheduled behaviour (dial rule steps, inbound ring timeout). */
    readonly remoteTimers: Set<unknown>;
    /** The agent's requests waiting for their confirming event. */
    readonly pendingActions: Set<PendingAction>;
}

export function newSimulatedCall(
    id: string,
    direction: SimulatedCall['direction'],
    state: SimulatedCallState,
    remote: string
): SimulatedCall {
    return {
        id,
        direction,
        remote,
        state,
        muted: false,
        remoteTimers: new Set(),
        pendingActions: new Set()
    };
}

/** Schedules something the remote side does on `call`; cancelled if the call ends first. */
export function scheduleRemote(
    call: SimulatedCall,
    scheduler: Scheduler,
    delayMs: number,
    act: () => void
): void {
    const handle = scheduler.setTimeout(() => {
        call.remoteTimers.delete(handle);
        act();
    }, delayMs);
    call.remoteTimers.add(handle);
}

export function clearRemoteTimers(call: SimulatedCall, scheduler: Scheduler): void {
    for (const handle of call.remoteTimers) {
        scheduler.clearTimeout(handle);
    }
    call.remoteTimers.clear();
}

/** The call ended: its remote behaviour stops and the requests still pending on it fail. */
export function settleEndedCall(
    call: SimulatedCall,
    scheduler: Scheduler,
    reason: CallEndReason
): void {
    clearRemoteTimers(call, scheduler);
    for (const pending of call.pendingActions) {
        scheduler.clearTimeout(pending.handle);
        pending.reject(endedBeforeAction(call.id, reason, pending.action));
    }
    call.pendingActions.clear();
}

/**
 * A request that settles after `delayMs`: `settle` runs then (emitting the confirming event, or
 * throwing the phone system's refusal); the promise fails early if the call ends meanwhile.
 */
export function settleLater(
    call: SimulatedCall,
    scheduler: Scheduler,
    action: ConnectorAction,
    delayMs: number,
    settle: () => void
): Promise<void> {
    return new Promise<void>((resolve, reject) => {
        const pending: PendingAction = {
            action,
            handle: scheduler.setTimeout(() => {
                call.pendingActions.delete(pending);
                try {
                    settle();
                    resolve();
                } catch (error) {
                    reject(error instanceof Error ? error : new Error(String(error)));
                }
            }, delayMs),
            reject
        };
        call.pendingActions.add(pending);
    });
}
