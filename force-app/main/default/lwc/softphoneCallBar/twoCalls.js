/**
 * The call bar's words for two calls and for a transfer under way: each call's line (Live, On
 * hold, Calling…, In conference; which one is the consult call) and the transferUpdate's text.
 */
import LIVE from '@salesforce/label/c.Softphone_Live';
import ON_HOLD from '@salesforce/label/c.Softphone_Call_Held';
import CALLING from '@salesforce/label/c.Softphone_Call_Dialing';
import IN_CONFERENCE from '@salesforce/label/c.Softphone_In_Conference';
import CONSULT_ABOUT from '@salesforce/label/c.Softphone_Consult_About';
import TRANSFERRING_TO from '@salesforce/label/c.Softphone_Transferring_To';
import TRANSFERRED_TO from '@salesforce/label/c.Softphone_Transferred_To';
import TRANSFER_FAILED_TO from '@salesforce/label/c.Softphone_Transfer_Failed_To';
import FAILURE_BUSY from '@salesforce/label/c.Softphone_Transfer_Failure_Busy';
import FAILURE_NO_ANSWER from '@salesforce/label/c.Softphone_Transfer_Failure_No_Answer';
import FAILURE_REFUSED from '@salesforce/label/c.Softphone_Transfer_Failure_Refused';
import FAILURE_UNREACHABLE from '@salesforce/label/c.Softphone_Transfer_Failure_Unreachable';
import FAILURE_FAILED from '@salesforce/label/c.Softphone_Transfer_Failure_Failed';

/** The contract's transfer failure reasons, in words. */
const FAILURE_WORDS = {
    busy: FAILURE_BUSY,
    'no-answer': FAILURE_NO_ANSWER,
    refused: FAILURE_REFUSED,
    unreachable: FAILURE_UNREACHABLE,
    failed: FAILURE_FAILED
};

/**
 * The two calls, the active one first, each marked Live, On hold, Calling… or In conference; the
 * consult call says which call it is about. `state` carries callsLink and consultCallId.
 */
export function callLines(active, other, state, nameOf) {
    const conference = state.callsLink === 'conference';
    const consultCall = other.callId === state.consultCallId ? other : active;
    const parent = consultCall === active ? other : active;
    return [active, other].map((call) => {
        const badge = conference
            ? IN_CONFERENCE
            : { held: ON_HOLD, dialing: CALLING }[call.state] || LIVE;
        return {
            callId: call.callId,
            name: nameOf(call),
            badge,
            badgeClass: `slds-badge line-badge${badge === LIVE ? ' slds-theme_success' : ''}`,
            note:
                state.callsLink === 'consult' && call === consultCall
                    ? `${CONSULT_ABOUT} ${nameOf(parent)}`
                    : '',
            lineClass: `slds-item call-line${call === active ? ' active-line' : ' other-line'}`
        };
    });
}

/** How a transfer goes, in words ("Transferring to …", "Transfer failed to … · busy"). */
export function transferText(note) {
    if (!note) {
        return '';
    }
    if (note.progress === 'failed') {
        const why = FAILURE_WORDS[note.reason];
        return `${TRANSFER_FAILED_TO} ${note.target}${why ? ` · ${why}` : ''}`;
    }
    return `${note.progress === 'accepted' ? TRANSFERRED_TO : TRANSFERRING_TO} ${note.target}`;
}
