import { label } from '../../i18n';
import type { CallEndReason, ConnectionStatus } from '../connector';
import type { ConnectorAction } from '../connector-words';
import { actionWord, connectionStatusWord } from '../connector-words';

/** The simulator's refusals, worded for the agent in their language. */

export function simulatorNotConnected(action: ConnectorAction, status: ConnectionStatus): Error {
    return new Error(
        label('Softphone_Simulator_Not_Connected', actionWord(action), connectionStatusWord(status))
    );
}

export function unknownSimulatedCall(
    action: ConnectorAction,
    callId: string,
    ended: boolean
): Error {
    return new Error(
        label(
            ended ? 'Softphone_Connector_Call_Ended' : 'Softphone_Simulator_No_Such_Call',
            actionWord(action),
            callId
        )
    );
}

/** Undefined when `number` has a digit to dial. */
export function numberRefusal(
    number: string,
    action: 'dial' | 'transferTo' = 'dial'
): Error | undefined {
    return typeof number === 'string' && /\d/.test(number)
        ? undefined
        : new Error(label('Softphone_Simulator_Bad_Number', actionWord(action), String(number)));
}

export function transferRefused(target: string): Error {
    return new Error(label('Softphone_Simulator_Transfer_Refused', target));
}

export function endedBeforeAction(
    callId: string,
    reason: CallEndReason,
    action: ConnectorAction
): Error {
    return new Error(label('Softphone_Simulator_Ended_Before', callId, reason, actionWord(action)));
}
