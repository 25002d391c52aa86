import { label, type LabelName } from '../i18n';
import type { ConnectionStatus } from './connector';

/**
 * The words the connectors' refusals put in their sentences, in the agent's language: the
 * action refused ("Cannot {hold} call …"), a call's state and the connection's status.
 */
export type ConnectorAction =
    | 'answer'
    | 'decline'
    | 'hangup'
    | 'hold'
    | 'resume'
    | 'mute'
    | 'unmute'
    | 'sendTones'
    | 'sendDtmf'
    | 'dial'
    | 'transfer'
    | 'transferTo'
    | 'consult'
    | 'completeConsult'
    | 'merge'
    | 'drop'
    | 'receiveCall'
    | 'simulateRemoteHangup';

const actionLabels: Readonly<Record<ConnectorAction, LabelName>> = {
    answer: 'Softphone_Connector_Action_Answer',
    decline: 'Softphone_Connector_Action_Decline',
    hangup: 'Softphone_Connector_Action_Hang_Up',
    hold: 'Softphone_Connector_Action_Hold',
    resume: 'Softphone_Connector_Action_Resume',
    mute: 'Softphone_Connector_Action_Mute',
    unmute: 'Softphone_Connector_Action_Unmute',
    sendTones: 'Softphone_Connector_Action_Send_Tones',
    sendDtmf: 'Softphone_Connector_Action_Send_Dtmf',
    dial: 'Softphone_Connector_Action_Dial',
    transfer: 'Softphone_Connector_Action_Transfer',
    transferTo: 'Softphone_Connector_Action_Transfer_To',
    consult: 'Softphone_Connector_Action_Consult',
    completeConsult: 'Softphone_Connector_Action_Complete_Consult',
    merge: 'Softphone_Connector_Action_Merge',
    drop: 'Softphone_Connector_Action_Drop',
    receiveCall: 'Softphone_Connector_Action_Receive_Call',
    simulateRemoteHangup: 'Softphone_Connector_Action_Simulate_Remote_Hang_Up'
};

const stateLabels: Readonly<Record<string, LabelName>> = {
    ringing: 'Softphone_Connector_State_Ringing',
    answering: 'Softphone_Connector_State_Answering',
    dialing: 'Softphone_Connector_State_Dialing',
    connected: 'Softphone_Connector_State_Connected',
    held: 'Softphone_Connector_State_Held'
};

const statusLabels: Readonly<Record<ConnectionStatus, LabelName>> = {
    connecting: 'Softphone_Connector_Status_Connecting',
    connected: 'Softphone_Connector_Status_Connected',
    reconnecting: 'Softphone_Connector_Status_Reconnecting',
    disconnected: 'Softphone_Connector_Status_Disconnected'
};

/** The action as the refusals name it: "hang up" in "Cannot hang up call …". */
export function actionWord(action: ConnectorAction): string {
    return label(actionLabels[action]);
}

/** A call's state in a sentence ("ringing"); a state without a word stays as it is. */
export function callStateWord(state: string): string {
    const name = Object.hasOwn(stateLabels, state) ? stateLabels[state] : undefined;
    return name ? label(name) : state;
}

/** The connection's status in a sentence: "… the listener bridge is reconnecting." */
export function connectionStatusWord(status: ConnectionStatus): string {
    return label(statusLabels[status]);
}

/** "connected or held": words joined as alternatives. */
export function eitherWords(words: readonly string[]): string {
    const [first = '', ...rest] = words;
    return rest.reduce((joined, word) => label('Softphone_Connector_Either', joined, word), first);
}
