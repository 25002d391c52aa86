import { label } from '../../i18n';
import type { ConnectionStatus } from '../connector';
import type { ConnectorAction } from '../connector-words';
import { actionWord, connectionStatusWord } from '../connector-words';
import type { ListenerAction } from './listener-protocol';
import { isPhoneText, listenerLimits } from './listener-protocol';

const actionWords: Readonly<Record<ListenerAction, ConnectorAction>> = {
    answer: 'answer',
    decline: 'decline',
    hangup: 'hangup',
    hold: 'hold',
    resume: 'resume',
    mute: 'mute',
    unmute: 'unmute',
    dtmf: 'sendTones',
    dial: 'dial',
    transfer: 'transfer',
    consult: 'consult',
    completeConsult: 'completeConsult',
    conference: 'merge',
    drop: 'drop'
};

/** How the refusals name an action: "hang up" in "Cannot hang up: …", in the agent's language. */
export function actionName(action: ListenerAction): string {
    return actionWord(actionWords[action]);
}

/** The action needs the bridge, which is not connected. */
export function bridgeNotConnected(action: ListenerAction, status: ConnectionStatus): Error {
    return new Error(
        label(
            'Softphone_Listener_Bridge_Not_Connected',
            actionName(action),
            connectionStatusWord(status)
        )
    );
}

export function actionTimedOut(action: ListenerAction, timeoutMs: number): Error {
    return new Error(
        label(
            'Softphone_Listener_Action_Timed_Out',
            actionName(action),
            Math.round(timeoutMs / 1000)
        )
    );
}

/** The call the action names is not live: it has ended, or never was. */
export function unknownCall(action: ListenerAction, callId: string, ended: boolean): Error {
    return new Error(
        label(
            ended ? 'Softphone_Connector_Call_Ended' : 'Softphone_Listener_No_Such_Call',
            actionName(action),
            callId
        )
    );
}

/** Undefined when `number` can go to the phone system as a number to dial. */
export function dialNumberRefusal(number: string): Error | undefined {
    const trimmed = typeof number === 'string' ? number.trim() : '';
    return /\d/.test(trimmed) && isPhoneText(trimmed)
        ? undefined
        : new Error(
              label(
                  'Softphone_Listener_Bad_Dial_Number',
                  String(number).slice(0, 40),
                  listenerLimits.phoneTextLength
              )
          );
}
