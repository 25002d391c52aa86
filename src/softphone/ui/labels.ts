import type { AgentState, CallDirection, CallOutcome, CallState } from '../calls/call-model';
import { label, type LabelName } from '../i18n';
import type { ConnectionStatus } from '../telephony/connector';

// The words for each state, read in the user's language: each entry names a label of
// src/labels/en.json (see src/labels/README.md to add one).

/** A record whose values read their label when used, so they follow the installed language. */
function labelRecord<K extends string>(
    names: Readonly<Record<K, LabelName>>
): Readonly<Record<K, string>> {
    const record = {} as Record<K, string>;
    for (const key of Object.keys(names) as K[]) {
        Object.defineProperty(record, key, { enumerable: true, get: () => label(names[key]) });
    }
    return record;
}

export const agentStateLabels: Readonly<Record<AgentState, string>> = labelRecord({
    Offline: 'Softphone_Agent_Offline',
    Available: 'Softphone_Agent_Available',
    Busy: 'Softphone_Agent_Busy',
    AfterCallWork: 'Softphone_Agent_After_Call_Work',
    Break: 'Softphone_Agent_Break'
});

export const connectionLabels: Readonly<Record<ConnectionStatus, string>> = labelRecord({
    connected: 'Softphone_Connection_Connected',
    connecting: 'Softphone_Connection_Connecting',
    reconnecting: 'Softphone_Connection_Reconnecting',
    disconnected: 'Softphone_Connection_Disconnected'
});

export const callStateLabels: Readonly<Record<CallState, string>> = labelRecord({
    ringing: 'Softphone_Call_Ringing',
    dialing: 'Softphone_Call_Dialing',
    connected: 'Softphone_Call_Connected',
    held: 'Softphone_Call_Held',
    ended: 'Softphone_Call_Ended'
});

export const directionArrows: Readonly<Record<CallDirection, string>> = {
    Inbound: '↙',
    Outbound: '↗'
};

const outcomeLabels: Readonly<Record<CallOutcome, string>> = labelRecord({
    Connected: 'Softphone_Outcome_Connected',
    'No Answer': 'Softphone_Outcome_No_Answer',
    Busy: 'Softphone_Outcome_Busy',
    Voicemail: 'Softphone_Outcome_Voicemail',
    Failed: 'Softphone_Outcome_Failed',
    Missed: 'Softphone_Outcome_Missed',
    Rejected: 'Softphone_Outcome_Rejected',
    Dropped: 'Softphone_Outcome_Dropped',
    Transferred: 'Softphone_Outcome_Transferred'
});

/** A call's outcome as the agent reads it (the record keeps the English picklist value). */
export function outcomeLabel(outcome: CallOutcome): string {
    return outcomeLabels[outcome];
}

export function directionLabel(direction: CallDirection): string {
    return label(direction === 'Inbound' ? 'Softphone_Inbound_Call' : 'Softphone_Outbound_Call');
}

export function withheldNumberLabel(): string {
    return label('Softphone_Withheld_Number');
}

/** How a call's other party is named: the name when known, else the number. */
export function remoteLabel(call: { readonly name?: string; readonly number: string }): string {
    const name = call.name?.trim();
    if (name) {
        return name;
    }
    return call.number === '' ? withheldNumberLabel() : call.number;
}

/** The words of transfer, consult and conference (see handover-controls.ts). */
export const handoverLabels = Object.defineProperties(
    {
        conferenceHeading: (parties: number): string =>
            label('Softphone_Conference_Heading', String(parties)),
        transferProgress: labelRecord({
            requested: 'Softphone_Transferring_To',
            trying: 'Softphone_Transferring_To',
            ringing: 'Softphone_Transfer_Ringing',
            accepted: 'Softphone_Transferred_To',
            failed: 'Softphone_Transfer_Failed_To'
        }),
        transferFailure: labelRecord({
            busy: 'Softphone_Transfer_Failure_Busy',
            'no-answer': 'Softphone_Transfer_Failure_No_Answer',
            refused: 'Softphone_Transfer_Failure_Refused',
            unreachable: 'Softphone_Transfer_Failure_Unreachable',
            failed: 'Softphone_Transfer_Failure_Failed'
        })
    },
    Object.getOwnPropertyDescriptors(
        labelRecord({
            transfer: 'Softphone_Transfer',
            closeTransfer: 'Softphone_Close_Transfer',
            transferTo: 'Softphone_Transfer_To',
            transferPlaceholder: 'Softphone_Transfer_Placeholder',
            suggestions: 'Softphone_Transfer_Suggestions',
            suggestionsNone: 'Softphone_Transfer_Suggestions_None',
            transferNow: 'Softphone_Transfer_Now',
            consultFirst: 'Softphone_Consult_First',
            completeTransfer: 'Softphone_Complete_Transfer',
            cancelConsult: 'Softphone_Cancel_Consult',
            conference: 'Softphone_Conference',
            merge: 'Softphone_Merge_Calls',
            drop: 'Softphone_Handover_Remove_Party',
            endConference: 'Softphone_Handover_End_Conference',
            swap: 'Softphone_Swap',
            live: 'Softphone_Live',
            inConference: 'Softphone_In_Conference',
            consultAbout: 'Softphone_Consult_About'
        })
    )
) as {
    readonly conferenceHeading: (parties: number) => string;
    readonly transferProgress: Readonly<
        Record<'requested' | 'trying' | 'ringing' | 'accepted' | 'failed', string>
    >;
    readonly transferFailure: Readonly<
        Record<'busy' | 'no-answer' | 'refused' | 'unreachable' | 'failed', string>
    >;
} & Readonly<
    Record<
        | 'transfer'
        | 'closeTransfer'
        | 'transferTo'
        | 'transferPlaceholder'
        | 'suggestions'
        | 'suggestionsNone'
        | 'transferNow'
        | 'consultFirst'
        | 'completeTransfer'
        | 'cancelConsult'
        | 'conference'
        | 'merge'
        | 'drop'
        | 'endConference'
        | 'swap'
        | 'live'
        | 'inConference'
        | 'consultAbout',
        string
    >
>;
