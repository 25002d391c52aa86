import type { AgentState, CallDirection, CallState } from '../calls/call-model';
import type { ConnectionStatus } from '../telephony/connector';

// Every user-visible word for a state lives here, so a later translation touches one file.

export const agentStateLabels: Readonly<Record<AgentState, string>> = {
    Offline: 'Offline',
    Available: 'Available',
    Busy: 'Busy',
    AfterCallWork: 'After Call Work',
    Break: 'Break'
};

export const connectionLabels: Readonly<Record<ConnectionStatus, string>> = {
    connected: 'Connected',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    disconnected: 'Disconnected'
};

export const callStateLabels: Readonly<Record<CallState, string>> = {
    ringing: 'Ringing',
    dialing: 'Calling…',
    connected: 'Connected',
    held: 'On hold',
    ended: 'Ended'
};

export const directionArrows: Readonly<Record<CallDirection, string>> = {
    Inbound: '↙',
    Outbound: '↗'
};

export const withheldNumberLabel = 'Withheld number';

/** How a call's other party is named: the name when known, else the number. */
export function remoteLabel(call: { readonly name?: string; readonly number: string }): string {
    const name = call.name?.trim();
    if (name) {
        return name;
    }
    return call.number === '' ? withheldNumberLabel : call.number;
}

/** The words of transfer, consult and conference (see handover-controls.ts). */
export const handoverLabels = {
    transfer: 'Transfer',
    closeTransfer: 'Close transfer',
    transferTo: 'Transfer to',
    transferPlaceholder: 'Number or extension',
    suggestions: 'Suggested numbers',
    suggestionsNone: 'Choose a number…',
    transferNow: 'Transfer now',
    consultFirst: 'Consult first',
    completeTransfer: 'Complete transfer',
    cancelConsult: 'Cancel consult',
    conference: 'Conference',
    merge: 'Merge calls',
    drop: 'Drop',
    swap: 'Swap',
    live: 'Live',
    inConference: 'In conference',
    consultAbout: 'Consult call about',
    conferenceHeading: (parties: number): string => `Conference (${parties})`,
    transferProgress: {
        requested: 'Transferring to',
        trying: 'Transferring to',
        ringing: 'Ringing',
        accepted: 'Transferred to',
        failed: 'Transfer failed to'
    },
    transferFailure: {
        busy: 'busy',
        'no-answer': 'no answer',
        refused: 'refused',
        unreachable: 'unreachable',
        failed: 'failed'
    }
} as const;
