import type { CallAction, CallShape, EngineReason } from '../calls/engine-reason';
import { label, type LabelName } from '../i18n';
import { agentStateLabels, callStateLabels, connectionLabels, directionLabel } from './labels';

// The call engine's refusals and failures in the agent's words: the engine gives a code with its
// parameters (calls/engine-reason.ts), this words it with the package's labels for the panel and
// the Lightning message channel.

type PlainReason = Extract<EngineReason, { readonly key: PlainKey }>;
type PlainKey = {
    [K in EngineReason['key']]: Exclude<
        keyof Extract<EngineReason, { key: K }>,
        'key'
    > extends never
        ? K
        : never;
}[EngineReason['key']];

/** The reasons without parameters: one label each. */
const plainLabels: Readonly<Record<PlainKey, LabelName>> = {
    'busy-is-automatic': 'Softphone_Busy_Automatic',
    'after-call-work-is-automatic': 'Softphone_Acw_Automatic',
    'disconnect-during-call': 'Softphone_No_Disconnect_In_Call',
    'no-after-call-work': 'Softphone_No_After_Call_Work',
    'enter-number': 'Softphone_Enter_Number',
    'invalid-related-record': 'Softphone_Engine_Bad_Related_Record',
    'dial-offline': 'Softphone_No_Dial_Offline',
    'dial-on-break': 'Softphone_No_Dial_Break',
    'dial-in-after-call-work': 'Softphone_Finish_Acw_Before_Dial',
    'already-dialing': 'Softphone_Already_Dialing',
    'answer-before-dial': 'Softphone_Answer_Before_Dial',
    'hold-before-dial': 'Softphone_Hold_Before_Dial',
    'two-calls': 'Softphone_Two_Calls',
    'call-ending': 'Softphone_Call_Ending',
    'already-ending': 'Softphone_Already_Ending',
    'conference-cannot-hold': 'Softphone_Engine_Conference_Cannot_Hold',
    'decline-instead': 'Softphone_Decline_Instead',
    'answer-before-mute': 'Softphone_Answer_Before_Mute',
    'hold-before-answer': 'Softphone_Hold_Before_Answer',
    'hold-before-resume': 'Softphone_Hold_Before_Resume',
    'enter-transfer-target': 'Softphone_Engine_Enter_Transfer_Target',
    'transfer-under-way': 'Softphone_Engine_Transfer_Under_Way',
    'transfer-not-supported': 'Softphone_Engine_No_Transfer_Support',
    'consult-not-supported': 'Softphone_Engine_No_Consult_Support',
    'complete-consult-not-supported': 'Softphone_Engine_No_Complete_Consult_Support',
    'conference-not-supported': 'Softphone_Engine_No_Conference_Support',
    'transfer-needs-live-call': 'Softphone_Engine_Transfer_Needs_Live_Call',
    'consult-needs-live-call': 'Softphone_Engine_Consult_Needs_Live_Call',
    'two-calls-before-consult': 'Softphone_Engine_Two_Calls_Before_Consult',
    'no-consult-to-complete': 'Softphone_Engine_No_Consult_To_Complete',
    'consult-not-answered': 'Softphone_Engine_Consult_Not_Answered',
    'hold-before-transfer': 'Softphone_Engine_Hold_Before_Transfer',
    'no-consult-to-cancel': 'Softphone_Engine_No_Consult_To_Cancel',
    'first-call-not-held': 'Softphone_Engine_First_Call_Not_Held',
    'already-in-conference': 'Softphone_Engine_Already_In_Conference',
    'conference-needs-two-calls': 'Softphone_Engine_Conference_Needs_Two_Calls',
    'drop-needs-conference-party': 'Softphone_Engine_Drop_Needs_Party',
    'swap-needs-two-calls': 'Softphone_Engine_Swap_Needs_Two_Calls',
    'consult-call-ended': 'Softphone_Engine_Consult_Call_Ended',
    'no-consult-call': 'Softphone_Engine_No_Consult_Call',
    'no-calls-to-merge': 'Softphone_Engine_No_Calls_To_Merge',
    'no-calls-to-swap': 'Softphone_Engine_No_Calls_To_Swap'
};

const callFailureLabels: Readonly<Record<CallAction, LabelName>> = {
    answer: 'Softphone_Engine_Answer_Failed',
    decline: 'Softphone_Engine_Decline_Failed',
    'hang-up': 'Softphone_Engine_Hang_Up_Failed',
    hold: 'Softphone_Engine_Hold_Failed',
    resume: 'Softphone_Engine_Resume_Failed',
    mute: 'Softphone_Engine_Mute_Failed',
    unmute: 'Softphone_Engine_Unmute_Failed',
    'send-tones': 'Softphone_Engine_Tones_Failed',
    transfer: 'Softphone_Engine_Transfer_Failed',
    consult: 'Softphone_Engine_Consult_Failed',
    'complete-transfer': 'Softphone_Engine_Complete_Transfer_Failed',
    'cancel-consult': 'Softphone_Engine_Cancel_Consult_Failed',
    merge: 'Softphone_Engine_Merge_Failed',
    swap: 'Softphone_Engine_Swap_Failed',
    drop: 'Softphone_Engine_Drop_Failed'
};

const transferFailureLabels: Readonly<
    Record<Extract<EngineReason, { key: 'transfer-failed' }>['why'], LabelName>
> = {
    busy: 'Softphone_Engine_Transfer_Why_Busy',
    'no-answer': 'Softphone_Engine_Transfer_Why_No_Answer',
    refused: 'Softphone_Engine_Transfer_Why_Refused',
    unreachable: 'Softphone_Engine_Transfer_Why_Unreachable',
    failed: 'Softphone_Engine_Transfer_Why_Failed'
};

const conferenceBlockLabels: Readonly<
    Record<Extract<EngineReason, { key: 'in-conference' }>['request'], LabelName>
> = {
    transfer: 'Softphone_Engine_Conference_Blocks_Transfer',
    consult: 'Softphone_Engine_Conference_Blocks_Consult',
    merge: 'Softphone_Engine_Conference_Blocks_Merge',
    swap: 'Softphone_Engine_Conference_Blocks_Swap'
};

function isPlain(reason: EngineReason): reason is PlainReason {
    return Object.prototype.hasOwnProperty.call(plainLabels, reason.key);
}

/** A refusal's words about the call it names: "Outbound call, Dialing". */
function shapeArguments(call: CallShape): [string, string] {
    return [directionLabel(call.direction), callStateLabels[call.state]];
}

/** Why the engine refused or failed a command, in the agent's language. */
export function engineReasonText(reason: EngineReason): string {
    if (isPlain(reason)) {
        return label(plainLabels[reason.key]);
    }
    switch (reason.key) {
        case 'state-change-during-call':
            return label('Softphone_Engine_State_During_Call', agentStateLabels[reason.state]);
        case 'available-needs-connection':
            return label(
                'Softphone_Engine_Available_Needs_Line',
                agentStateLabels.Available,
                connectionLabels[reason.status]
            );
        case 'dial-needs-connection':
            return label('Softphone_Engine_Dial_Needs_Line', connectionLabels[reason.status]);
        case 'consult-needs-connection':
            return label('Softphone_Engine_Consult_Needs_Line', connectionLabels[reason.status]);
        case 'no-such-call':
            return label('Softphone_Engine_No_Such_Call', reason.callId);
        case 'request-pending':
            return label('Softphone_Engine_Request_Pending');
        case 'cannot-answer':
            return label('Softphone_Engine_Cannot_Answer', ...shapeArguments(reason.call));
        case 'cannot-decline':
            return label('Softphone_Engine_Cannot_Decline', ...shapeArguments(reason.call));
        case 'cannot-hold':
            return label('Softphone_Engine_Cannot_Hold', ...shapeArguments(reason.call));
        case 'cannot-resume':
            return label('Softphone_Engine_Cannot_Resume', ...shapeArguments(reason.call));
        case 'cannot-send-tones':
            return label('Softphone_Engine_Cannot_Send_Tones', ...shapeArguments(reason.call));
        case 'bad-tones':
            return label('Softphone_Bad_Tones', reason.digits);
        case 'in-conference':
            return label(conferenceBlockLabels[reason.request]);
        case 'connect-failed':
            return label('Softphone_Engine_Connect_Failed', reason.error);
        case 'disconnect-failed':
            return label('Softphone_Engine_Disconnect_Failed', reason.error);
        case 'dial-failed':
            return label('Softphone_Engine_Dial_Failed', reason.number, reason.error);
        case 'call-id-reused':
            return label('Softphone_Engine_Call_Id_Reused', reason.number, reason.callId);
        case 'call-failed':
            return label(callFailureLabels[reason.action], reason.error);
        case 'auto-decline-failed':
            return label('Softphone_Engine_Auto_Decline_Failed', reason.error);
        case 'transfer-failed': {
            const why = label(transferFailureLabels[reason.why]);
            return reason.detail === undefined
                ? label('Softphone_Engine_Transfer_Failed_To', reason.target, why)
                : label(
                      'Softphone_Engine_Transfer_Failed_To_Detail',
                      reason.target,
                      why,
                      reason.detail
                  );
        }
    }
}

/** An engine error (a refused command's or an error event's) in the agent's language. */
export function engineErrorText(error: { readonly reason: EngineReason }): string {
    return engineReasonText(error.reason);
}
