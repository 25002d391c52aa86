// What the call bar's jest tests share: the softphone's states as the `state` event carries them,
// a stand-in for the softphone on the channel, and mounting and clicking the component. Import it
// by relative path from softphoneCallBar/__tests__ (a helper inside __tests__ would run as a test).
import SoftphoneCallBar from 'c/softphoneCallBar';
import { publish, subscribe, unsubscribe } from 'lightning/messageService';
import { $deep, flush, mount } from './lwc-test-utils';

export const CHANNEL = 'Softphone_Message__c';
export const COMMANDS = [
    'dial',
    'answer',
    'hangup',
    'hold',
    'resume',
    'mute',
    'setDisposition',
    'ping',
    'decline',
    'setAgentState',
    'sendDtmf',
    'completeWrapUp',
    'getState',
    'transfer',
    'completeConsult',
    'cancelConsult',
    'conference',
    'dropParty',
    'swap'
];

export const IDLE = {
    agentState: 'Available',
    connectionStatus: 'connected',
    softphoneVersion: '0.1.0',
    breakReasons: ['Lunch', 'Training']
};
export const RINGING = {
    callId: 'call-1',
    direction: 'Inbound',
    state: 'ringing',
    from: '+14155550100',
    to: '+14155550199',
    remoteName: 'Jane Doe',
    startedAt: 1767225600000,
    muted: false
};
export const CONNECTED = { ...RINGING, state: 'connected', answeredAt: 1767225605000 };
const CALLER_HELD = { ...CONNECTED, state: 'held' };
export const CONSULT = {
    ...CONNECTED,
    callId: 'call-2',
    direction: 'Outbound',
    from: '+14155550199',
    to: '+14155551234',
    remoteName: undefined,
    // A consult call carries the caller's record; the bar names it by the number it called.
    related: { recordId: '003000000000001AAA', objectType: 'Contact', recordName: 'Jane Doe' }
};
export const CONSULTING = {
    ...IDLE,
    agentState: 'Busy',
    activeCall: CONSULT,
    otherCall: CALLER_HELD,
    callsLink: 'consult',
    consultCallId: 'call-2'
};
export const CONFERENCE = {
    ...CONSULTING,
    otherCall: CONNECTED,
    callsLink: 'conference'
};
export const WRAP_UP = {
    callId: 'call-1',
    remoteLabel: 'Jane Doe',
    disposition: '',
    notes: '',
    dispositionRequired: true,
    dispositions: ['Sale', 'No sale']
};

/**
 * A stand-in for the softphone's LmsBridge: answers ping (pong + state) and getState (state) with
 * `state`, records every command, and answers a command type listed in `refuse` with an error.
 */
export function fakeSoftphone({ answers = true, state = IDLE, refuse = {} } = {}) {
    const commands = [];
    const current = { state, answers };
    const emit = (event) => publish(null, CHANNEL, event);
    const emitState = (requestId) =>
        emit({
            version: 1,
            type: 'state',
            ...(requestId ? { requestId } : {}),
            payload: current.state
        });
    const subscription = subscribe(null, CHANNEL, (message) => {
        if (!message || !COMMANDS.includes(message.type)) {
            return;
        }
        commands.push(message);
        if (!current.answers) {
            return;
        }
        if (message.type === 'ping') {
            emit({ version: 1, type: 'pong', requestId: message.requestId, payload: {} });
            emitState(message.requestId);
        } else if (message.type === 'getState') {
            emitState(message.requestId);
        } else if (refuse[message.type]) {
            emit({
                version: 1,
                type: 'error',
                requestId: message.requestId,
                payload: {
                    code: 'invalid-state',
                    message: refuse[message.type],
                    inResponseTo: message.type
                }
            });
        }
    });
    return {
        commands,
        commandsOf: (type) => commands.filter((command) => command.type === type),
        setState: (next) => {
            current.state = next;
            emitState();
        },
        stopAnswering: () => {
            current.answers = false;
        },
        emit,
        stop: () => unsubscribe(subscription)
    };
}

export async function render(props = {}) {
    const element = mount('c-softphone-call-bar', SoftphoneCallBar, props);
    await flush();
    return element;
}

export const button = (element, name) => $deep(element, `lightning-button.${name}`);

export async function click(element, name) {
    button(element, name).click();
    await flush();
}
