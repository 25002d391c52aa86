import { CALL_DATA_KEYS, toCallData, type CallData } from '../call-data';
import { callerNumber } from './caller-id';
import type { RawCallerIdentity } from './sip-user-agent';

/** A SIP header the admin names (callData/sipHeaders) and the call-data key it is read into. */
export interface SipDataHeader {
    readonly header: string;
    readonly key: string;
}

/**
 * A number, not a SIP user name: behind a registrar the Request-URI is the softphone's own
 * contact (a random user JsSIP makes up), which is no dialled number.
 */
const NUMBER = /^\+?[0-9*#]{2,}$/;

function numberOf(user: string | undefined): string {
    const number = callerNumber(user);
    return NUMBER.test(number) ? number : '';
}

/** The user part of the first sip:, sips: or tel: URI in a header value (Diversion, History-Info). */
const FIRST_URI_USER = /(?:sips?|tel):([^@;>?\s,]+)/i;

/**
 * The call data of an incoming INVITE: DNIS (the Request-URI user; the To user is the call's
 * `to` already),
 * RedirectingNumber (the first Diversion entry, else the first History-Info entry when the call
 * was retargeted), then the headers the admin names. Every value is validated and bounded like
 * any call data (call-data.ts); the two numbers must be numbers (digits, a leading +, * or #).
 */
export function sipCallData(
    caller: RawCallerIdentity,
    headers: readonly SipDataHeader[]
): CallData {
    const pairs: [string, string][] = [];
    const dialled = numberOf(caller.requestUser);
    if (dialled !== '') {
        pairs.push([CALL_DATA_KEYS.dialledNumber, dialled]);
    }
    const redirecting = redirectingNumber(caller);
    if (redirecting !== '') {
        pairs.push([CALL_DATA_KEYS.redirectingNumber, redirecting]);
    }
    for (const { header, key } of headers) {
        const value = caller.readHeader?.(header);
        if (value !== undefined) {
            pairs.push([key, value]);
        }
    }
    return toCallData(pairs).data;
}

function redirectingNumber(caller: RawCallerIdentity): string {
    const diversion = caller.readHeader?.('Diversion');
    if (diversion !== undefined) {
        return numberOf(FIRST_URI_USER.exec(diversion)?.[1]);
    }
    const history = caller.readHeader?.('History-Info');
    // One entry is the call as dialled; a second means it was retargeted from the first.
    if (history !== undefined && history.includes(',')) {
        return numberOf(FIRST_URI_USER.exec(history)?.[1]);
    }
    return '';
}
