import type { CallEndReason, ConnectionStatus } from '../connector';

/** The simulator's refusals, worded for the agent. */

export function simulatorNotConnected(action: string, status: ConnectionStatus): Error {
    return new Error(`Cannot ${action}: the simulator is ${status}.`);
}

export function unknownSimulatedCall(action: string, callId: string, ended: boolean): Error {
    return ended
        ? new Error(`Cannot ${action} call "${callId}": it has ended.`)
        : new Error(`Cannot ${action} call "${callId}": the simulator has no such call.`);
}

/** Undefined when `number` has a digit to dial. */
export function numberRefusal(number: string, action = 'dial'): Error | undefined {
    return typeof number === 'string' && /\d/.test(number)
        ? undefined
        : new Error(`Cannot ${action} "${String(number)}": a number needs at least one digit.`);
}

export function transferRefused(target: string): Error {
    return new Error(`The phone system refused the transfer to ${target} (403 Forbidden).`);
}

export function endedBeforeAction(callId: string, reason: CallEndReason, action: string): Error {
    return new Error(`Call "${callId}" ended (${reason}) before the ${action} completed.`);
}
