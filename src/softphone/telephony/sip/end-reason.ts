import type { CallEndReason } from '../connector';
import { plainText } from './plain-text';
import type { SipEnd } from './sip-user-agent';

const byStatusCode: Readonly<Record<number, CallEndReason>> = {
    486: 'busy',
    600: 'busy',
    480: 'no-answer',
    408: 'no-answer',
    404: 'unreachable',
    484: 'unreachable',
    604: 'unreachable',
    603: 'declined',
    487: 'cancelled'
};

// JsSIP's causes (Constants.causes) for ends that carry no SIP status code.
const byCause: Readonly<Record<string, CallEndReason>> = {
    Busy: 'busy',
    Rejected: 'declined',
    'Not Found': 'unreachable',
    'Address Incomplete': 'unreachable',
    Unavailable: 'no-answer',
    'No Answer': 'no-answer',
    'Request Timeout': 'no-answer',
    Canceled: 'cancelled',
    'Connection Error': 'connection-lost',
    'RTP Timeout': 'connection-lost'
};

/**
 * Why a SIP session ended, as a CallEndReason. The final response's status code decides when
 * there is one (486/600 busy, 480/408 no-answer, 404/484/604 unreachable, 603 declined,
 * 487 cancelled, any other failure 'failed'); otherwise JsSIP's cause does: a BYE is a
 * remote or local hang-up by its originator, the rest as the table above, unknown ones 'failed'.
 * The connector overrides this for ends the agent asked for (hang up, decline, transfer).
 */
export function callEndReasonFor(end: SipEnd): CallEndReason {
    if (end.statusCode !== undefined && end.statusCode >= 300) {
        return byStatusCode[end.statusCode] ?? 'failed';
    }
    if (end.cause === 'Terminated') {
        return end.originator === 'remote' ? 'remote-hangup' : 'local-hangup';
    }
    return byCause[end.cause] ?? 'failed';
}

/**
 * What to tell the agent about an end: undefined for an ordinary hang-up or cancel, otherwise the SIP
 * status ("SIP 486 Busy Here") or JsSIP's cause. The reason phrase comes from the network, so
 * it is cut to plain text.
 */
export function sipEndMessage(end: SipEnd): string | undefined {
    if (end.statusCode !== undefined && end.statusCode >= 300) {
        const phrase = plainText(end.reasonPhrase ?? '', 60);
        return phrase === '' ? `SIP ${end.statusCode}` : `SIP ${end.statusCode} ${phrase}`;
    }
    // A hang-up, or a caller giving up before the answer, is ordinary: nothing to explain.
    if (end.cause === 'Terminated' || end.cause === 'Canceled') {
        return undefined;
    }
    return plainText(end.cause, 60) || undefined;
}
