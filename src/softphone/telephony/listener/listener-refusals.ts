import type { ConnectionStatus } from '../connector';
import type { ListenerAction } from './listener-protocol';
import { isPhoneText, listenerLimits } from './listener-protocol';

/** How the refusals name each action: "Cannot hang up: …". */
export const actionNames: Readonly<Record<ListenerAction, string>> = {
    answer: 'answer',
    decline: 'decline',
    hangup: 'hang up',
    hold: 'hold',
    resume: 'resume',
    mute: 'mute',
    unmute: 'unmute',
    dtmf: 'send tones on',
    dial: 'dial',
    transfer: 'transfer',
    consult: 'consult on',
    completeConsult: 'complete the consult on',
    conference: 'merge',
    drop: 'drop'
};

/** The action needs the bridge, which is not connected. */
export function bridgeNotConnected(action: ListenerAction, status: ConnectionStatus): Error {
    return new Error(`Cannot ${actionNames[action]}: the listener bridge is ${status}.`);
}

export function actionTimedOut(action: ListenerAction, timeoutMs: number): Error {
    return new Error(
        `The phone system did not answer the ${actionNames[action]} request within ${Math.round(timeoutMs / 1000)} s.`
    );
}

/** The call the action names is not live: it has ended, or never was. */
export function unknownCall(action: ListenerAction, callId: string, ended: boolean): Error {
    return ended
        ? new Error(`Cannot ${actionNames[action]} call "${callId}": it has ended.`)
        : new Error(`Cannot ${actionNames[action]} call "${callId}": there is no such call.`);
}

/** Undefined when `number` can go to the phone system as a number to dial. */
export function dialNumberRefusal(number: string): Error | undefined {
    const trimmed = typeof number === 'string' ? number.trim() : '';
    return /\d/.test(trimmed) && isPhoneText(trimmed)
        ? undefined
        : new Error(
              `Cannot dial "${String(number).slice(0, 40)}": use up to ${listenerLimits.phoneTextLength} digits, spaces and + * # ( ) . -.`
          );
}
