import { plainText } from './plain-text';
import type { RawCallerIdentity } from './sip-user-agent';

/** A caller id fit to show and to search with: `from` is '' when the network gave none we trust. */
export interface CallerId {
    readonly from: string;
    readonly fromName?: string;
}

/** Longest display name kept (in characters); longer names are cut. */
export const maxCallerNameLength = 64;
/** Longest number or SIP user kept; anything longer is treated as no caller id at all. */
export const maxCallerNumberLength = 32;
// Header text beyond this is not parsed at all: no real identity header comes close.
const maxHeaderLength = 512;

const phoneLike = /^\+?[0-9*#]+$/;
const visualSeparators = /[\s().-]/g;
const sipUser = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const withheld = /^(anonymous|unknown|unavailable|restricted|private|withheld)$/i;

/**
 * The caller id of an inbound call: the number from P-Asserted-Identity when it carries a
 * usable one (the PBX vouches for it), otherwise the From user part; the display name from the
 * same header, else From's. Every part is validated: markup and control characters are removed,
 * lengths are capped, and a missing, withheld or malformed number gives from ''.
 */
export function callerIdFrom(raw: RawCallerIdentity): CallerId {
    const asserted =
        raw.assertedIdentity === undefined ? undefined : parseIdentityHeader(raw.assertedIdentity);
    const assertedNumber = callerNumber(asserted?.user);
    const fromName = sanitiseDisplayName(
        assertedNumber !== '' && asserted?.displayName ? asserted.displayName : raw.fromDisplayName
    );
    const from = assertedNumber !== '' ? assertedNumber : callerNumber(raw.fromUser);
    return fromName === undefined ? { from } : { from, fromName };
}

/**
 * A number or SIP user name as it may be shown and searched: visual separators are dropped
 * from phone numbers (a leading + is kept), a plain SIP user name (e.g. an extension 'alice')
 * is kept as is, anything else — withheld markers, markup, over-long text — gives ''.
 */
export function callerNumber(user: string | undefined): string {
    if (user === undefined) {
        return '';
    }
    const trimmed = user.trim();
    if (trimmed.length > maxHeaderLength) {
        return '';
    }
    const digits = trimmed.replace(visualSeparators, '');
    if (phoneLike.test(digits) && digits.length <= maxCallerNumberLength) {
        return digits;
    }
    if (
        sipUser.test(trimmed) &&
        trimmed.length <= maxCallerNumberLength &&
        !withheld.test(trimmed)
    ) {
        return trimmed;
    }
    return '';
}

/** A display name as plain text: no markup, no invisible characters, at most 64 characters. */
export function sanitiseDisplayName(name: string | undefined): string | undefined {
    if (name === undefined) {
        return undefined;
    }
    const text = plainText(name, maxCallerNameLength);
    return text === '' ? undefined : text;
}

/**
 * The display name and user part of the first identity in a name-addr header value such as
 * `"Ada" <sip:+1415@pbx;user=phone>, <tel:+1415>`; undefined when it is malformed. The user
 * part is percent-decoded; validating it is callerNumber's job.
 */
export function parseIdentityHeader(
    value: string
): { displayName?: string; user: string } | undefined {
    if (value.length > maxHeaderLength) {
        return undefined;
    }
    let rest = value.trim();
    let displayName: string | undefined;
    if (rest.startsWith('"')) {
        const quoted = readQuoted(rest);
        if (!quoted) {
            return undefined;
        }
        displayName = quoted.text;
        rest = rest.slice(quoted.length).trimStart();
        if (!rest.startsWith('<')) {
            return undefined;
        }
    }
    let uri: string;
    const open = rest.indexOf('<');
    if (open >= 0) {
        const close = rest.indexOf('>', open);
        if (close < 0) {
            return undefined;
        }
        const token = rest.slice(0, open).trim();
        if (displayName === undefined && token !== '') {
            displayName = token;
        }
        uri = rest.slice(open + 1, close).trim();
    } else {
        // An addr-spec without brackets: its parameters belong to the header, not the URI.
        uri = (rest.split(/[;,]/)[0] ?? '').trim();
    }
    const user = uriUser(uri);
    if (user === undefined) {
        return undefined;
    }
    return displayName === undefined ? { user } : { displayName, user };
}

function readQuoted(text: string): { text: string; length: number } | undefined {
    let result = '';
    for (let index = 1; index < text.length; index += 1) {
        const char = text[index];
        if (char === '\\') {
            index += 1;
            result += text[index] ?? '';
        } else if (char === '"') {
            return { text: result, length: index + 1 };
        } else {
            result += char;
        }
    }
    return undefined;
}

function uriUser(uri: string): string | undefined {
    const match = /^(sips?|tel):(.*)$/i.exec(uri);
    if (!match) {
        return undefined;
    }
    const scheme = (match[1] ?? '').toLowerCase();
    const body = match[2] ?? '';
    let user: string;
    if (scheme === 'tel') {
        user = body.split(';')[0] ?? '';
    } else {
        const at = body.indexOf('@');
        if (at <= 0) {
            return undefined;
        }
        user = (body.slice(0, at).split(';')[0] ?? '').split(':')[0] ?? '';
    }
    try {
        return decodeURIComponent(user);
    } catch {
        return undefined;
    }
}
