/**
 * The call bar's view of two calls and of a transfer under way: how the calls are tied (consult,
 * conference, or two separate calls), each call's line (Live, On hold, Calling…, In conference;
 * which one is the consult call), what may be offered, and the transferUpdate's text.
 */
import { formatLabel, remotePartyName } from 'c/softphoneChannel';

import LIVE from '@salesforce/label/c.Softphone_Live';
import ON_HOLD from '@salesforce/label/c.Softphone_Call_Held';
import CALLING from '@salesforce/label/c.Softphone_Call_Dialing';
import IN_CONFERENCE from '@salesforce/label/c.Softphone_In_Conference';
import CONSULT_ABOUT from '@salesforce/label/c.Softphone_Consult_About';
import CONFERENCE_HEADING from '@salesforce/label/c.Softphone_Conference_Heading';
import UNKNOWN_NUMBER from '@salesforce/label/c.Softphone_Unknown_Number';
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
 * Who is on the other end of a call: its name, else its number. A consult call carries the
 * caller's record, so it is named by the number it called.
 */
export function partyName(call, state) {
    if (!call) {
        return '';
    }
    if (state && call.callId === state.consultCallId) {
        return call.to || UNKNOWN_NUMBER;
    }
    return remotePartyName(call) || UNKNOWN_NUMBER;
}

/**
 * With a second call beside the active one (`state.otherCall`): how they are tied and what the
 * call bar offers. Undefined with one call.
 */
export function twoCallsView(active, state) {
    const other = state.otherCall;
    if (!active || !other) {
        return undefined;
    }
    const isConference = state.callsLink === 'conference';
    return {
        isConsult: state.callsLink === 'consult',
        isConference,
        // Two separate calls (a waiting call answered): Merge calls and Swap.
        isTwoCalls: !state.callsLink,
        // Swap talks to the held call: offered while one of two separate or consult calls is held.
        showSwap: !isConference && [active, other].some((call) => call.state === 'held'),
        // The agent is a party too.
        conferenceHeading: formatLabel(CONFERENCE_HEADING, '3'),
        lines: callLines(active, other, state)
    };
}

/** The two calls, the active one first, each marked Live, On hold, Calling… or In conference. */
function callLines(active, other, state) {
    const conference = state.callsLink === 'conference';
    const consultCall = other.callId === state.consultCallId ? other : active;
    const parent = consultCall === active ? other : active;
    return [active, other].map((call) => {
        const badge = conference
            ? IN_CONFERENCE
            : { held: ON_HOLD, dialing: CALLING }[call.state] || LIVE;
        return {
            callId: call.callId,
            name: partyName(call, state),
            badge,
            badgeClass: `slds-badge line-badge${badge === LIVE ? ' slds-theme_success' : ''}`,
            note:
                state.callsLink === 'consult' && call === consultCall
                    ? `${CONSULT_ABOUT} ${partyName(parent, state)}`
                    : '',
            droppable: conference,
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
