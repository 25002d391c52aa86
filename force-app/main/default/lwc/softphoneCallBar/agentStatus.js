/**
 * The call bar's agent status: the choices (Available, Break or one per not-ready reason,
 * Offline), the chosen one, the text shown while a call fixes it, and the command a choice sends.
 */
import { buildSetAgentState, formatLabel } from 'c/softphoneChannel';

import STATUS_AVAILABLE from '@salesforce/label/c.Softphone_Status_Available';
import STATUS_BREAK from '@salesforce/label/c.Softphone_Status_Break';
import STATUS_BREAK_REASON from '@salesforce/label/c.Softphone_Status_Break_Reason';
import STATUS_OFFLINE from '@salesforce/label/c.Softphone_Status_Offline';
import STATUS_BUSY from '@salesforce/label/c.Softphone_Status_Busy';
import STATUS_AFTER_CALL_WORK from '@salesforce/label/c.Softphone_Status_After_Call_Work';

const BREAK_PREFIX = 'Break:';

/** The choice that matches the softphone's state ('Break:<reason>' for a reason). */
export function statusValue(state) {
    if (!state) {
        return '';
    }
    if (state.agentState === 'Break') {
        return state.breakReason ? `${BREAK_PREFIX}${state.breakReason}` : 'Break';
    }
    return state.agentState;
}

export function statusOptions(state) {
    const reasons = (state && state.breakReasons) || [];
    const breaks =
        reasons.length === 0
            ? [{ label: STATUS_BREAK, value: 'Break' }]
            : reasons.map((reason) => ({
                  label: formatLabel(STATUS_BREAK_REASON, reason),
                  value: `${BREAK_PREFIX}${reason}`
              }));
    return [
        { label: STATUS_AVAILABLE, value: 'Available' },
        ...breaks,
        { label: STATUS_OFFLINE, value: 'Offline' }
    ];
}

/** On a call or in wrap-up the status follows the call: shown as text, not a choice. */
export function statusFixed(state) {
    const agentState = state && state.agentState;
    return agentState === 'Busy' || agentState === 'AfterCallWork';
}

export function fixedStatusText(state) {
    return state && state.agentState === 'Busy' ? STATUS_BUSY : STATUS_AFTER_CALL_WORK;
}

/** The setAgentState command for a choice. */
export function setAgentStateCommand(value) {
    return value.startsWith(BREAK_PREFIX)
        ? buildSetAgentState({ state: 'Break', reason: value.slice(BREAK_PREFIX.length) })
        : buildSetAgentState({ state: value });
}
