import type { AssertedIdentityTrust, CallerPrivacy } from '../../settings/softphone-settings';
import { withheldCallerWord } from '../../shared/withheld-caller';
import { plainText } from './plain-text';
import type { RawCallerIdentity } from './sip-user-agent';

/**
 * The caller id of an inbound call, fit to show, log and search with: `from` is '' when the
 * network gave none we may use (missing, withheld, malformed, or private by the caller's choice).
 */
export interface CallerId {
    readonly from: string;
    readonly fromName?: string;
    /** The header the number came from, for the diagnostic log. */
    readonly source: CallerIdSource;
}

export type CallerIdSource =
    'P-Asserted-Identity' | 'Remote-Party-ID' | 'From' | 'privacy' | 'none';

export interface CallerIdPolicy {
    readonly assertedIdentityTrust: AssertedIdentityTrust;
    readonly privacy: CallerPrivacy;
    /** Host names and addresses of the configured SIP server, lower case. */
    readonly serverHosts: readonly string[];
}

export const defaultCallerIdPolicy: CallerIdPolicy = {
    assertedIdentityTrust: 'Proxy',
    privacy: 'Withhold',
    serverHosts: []
};

/** Longest display name kept (in characters); longer names are cut. */
export const maxCallerNameLength = 64;
/** Longest number or SIP user kept; anything longer is treated as no caller id at all. */
export const maxCallerNumberLength = 32;
// Header text beyond this is not parsed at all: no real identity header comes close.
const maxHeaderLength = 512;

const phoneLike = /^\+?[0-9*#]+$/;
// RFC 3966 visual separators (- . ( )) and the spaces people type.
const visualSeparators = /[\s().-]/g;
const sipUser = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
// Privacy header values (RFC 3323, RFC 3325) by which the caller asks to stay unidentified.
const privateTokens = new Set(['id', 'user', 'header']);

/** One identity header read: its display name, user part and header parameters. */
export interface ParsedIdentity {
    readonly displayName?: string;
    readonly user: string;
    /** Header parameters after the address (RPID's party, privacy, screen), lower-case names. */
    readonly params: Readonly<Record<string, string>>;
}

/**
 * The caller id of an inbound call, in one documented order (docs/sip-guide.md):
 * 1. a private caller (Privacy: id / user / header, or RPID privacy=full or uri) gives no number
 *    and no name, unless the policy says Show;
 * 2. the number of P-Asserted-Identity, then of Remote-Party-ID (party=calling or no party), when
 *    the policy trusts the sender; 3. else the From user part.
 * The name comes from the header that gave the number, else From's. Every header goes through
 * the same parser (parseIdentityHeader) and every user part through callerNumber: parameters,
 * visual separators, markup and control characters are handled once, the same way.
 */
export function callerIdFrom(
    raw: RawCallerIdentity,
    policy: CallerIdPolicy = defaultCallerIdPolicy
): CallerId {
    const from = fromIdentity(raw);
    const fromName = sanitiseDisplayName(from?.displayName);
    const remoteParty =
        raw.remotePartyId === undefined ? undefined : parseIdentityHeader(raw.remotePartyId);
    if (policy.privacy === 'Withhold' && asksForPrivacy(raw.privacy, remoteParty)) {
        return { from: '', source: 'privacy' };
    }
    if (trustsAssertedIdentity(raw.viaHost, policy)) {
        const asserted =
            raw.assertedIdentity === undefined
                ? undefined
                : parseIdentityHeader(raw.assertedIdentity);
        const candidates: [CallerIdSource, ParsedIdentity | undefined][] = [
            ['P-Asserted-Identity', asserted],
            ['Remote-Party-ID', isCallingParty(remoteParty) ? remoteParty : undefined]
        ];
        for (const [source, identity] of candidates) {
            const number = callerNumber(identity?.user);
            if (number !== '') {
                const name = sanitiseDisplayName(identity?.displayName) ?? fromName;
                return withName({ from: number, source }, name);
            }
        }
    }
    const number = callerNumber(from?.user);
    return withName({ from: number, source: number === '' ? 'none' : 'From' }, fromName);
}

/** Whether P-Asserted-Identity / Remote-Party-ID may be believed for an INVITE with this top Via. */
export function trustsAssertedIdentity(
    viaHost: string | undefined,
    policy: CallerIdPolicy
): boolean {
    switch (policy.assertedIdentityTrust) {
        case 'Off':
            return false;
        case 'Any':
            return true;
        case 'Proxy':
            return (
                viaHost !== undefined &&
                policy.serverHosts.includes(
                    viaHost
                        .trim()
                        .replace(/^\[|\]$/g, '')
                        .toLowerCase()
                )
            );
    }
}

/**
 * A number or SIP user name as it may be shown and searched. URI user parameters
 * (;phone-context=, ;isub=, ;ext=, …) are dropped; visual separators are dropped from phone
 * numbers (a leading + is kept); a plain SIP user name (an extension such as 'alice') is kept as
 * is; anything else — withheld markers, markup, over-long text — gives ''.
 */
export function callerNumber(user: string | undefined): string {
    if (user === undefined || user.length > maxHeaderLength) {
        return '';
    }
    const trimmed = (user.split(';')[0] ?? '').trim();
    const digits = trimmed.replace(visualSeparators, '');
    if (phoneLike.test(digits) && digits.length <= maxCallerNumberLength) {
        return /^\+?0*$/.test(digits) ? '' : digits;
    }
    if (
        sipUser.test(trimmed) &&
        trimmed.length <= maxCallerNumberLength &&
        !withheldCallerWord.test(trimmed)
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
 * The display name, user part and header parameters of the first identity in a name-addr or
 * addr-spec header value such as `"Ada" <sip:+1415;isub=2@pbx;user=phone>;party=calling,
 * <tel:+1415>`; undefined when it is malformed. The user part is percent-decoded and keeps its
 * own parameters; callerNumber drops them and validates the rest.
 */
export function parseIdentityHeader(value: string): ParsedIdentity | undefined {
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
    let headerParams: string;
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
        headerParams = (rest.slice(close + 1).split(',')[0] ?? '').trim();
    } else {
        // An addr-spec without brackets: its parameters belong to the header, not the URI.
        const [address = '', ...params] = (rest.split(',')[0] ?? '').split(';');
        uri = address.trim();
        headerParams = params.length === 0 ? '' : `;${params.join(';')}`;
    }
    const user = uriUser(uri);
    if (user === undefined) {
        return undefined;
    }
    const params = parseParams(headerParams);
    return displayName === undefined ? { user, params } : { displayName, user, params };
}

/** From as a parsed identity: the raw header when the stack gave it, else its parsed parts. */
function fromIdentity(raw: RawCallerIdentity): ParsedIdentity | undefined {
    if (raw.fromHeader !== undefined) {
        return parseIdentityHeader(raw.fromHeader);
    }
    if (raw.fromUser === undefined && raw.fromDisplayName === undefined) {
        return undefined;
    }
    return {
        user: raw.fromUser ?? '',
        params: {},
        ...(raw.fromDisplayName === undefined ? {} : { displayName: raw.fromDisplayName })
    };
}

function asksForPrivacy(
    privacy: string | undefined,
    remoteParty: ParsedIdentity | undefined
): boolean {
    const tokens = (privacy ?? '')
        .toLowerCase()
        .split(';')
        .map((token) => token.trim());
    const rpidPrivacy = remoteParty?.params.privacy?.toLowerCase();
    return (
        tokens.some((token) => privateTokens.has(token)) ||
        rpidPrivacy === 'full' ||
        rpidPrivacy === 'uri'
    );
}

function isCallingParty(identity: ParsedIdentity | undefined): boolean {
    const party = identity?.params.party?.toLowerCase();
    return party === undefined || party === 'calling';
}

function withName(callerId: CallerId, name: string | undefined): CallerId {
    return name === undefined ? callerId : { ...callerId, fromName: name };
}

function parseParams(text: string): Record<string, string> {
    const params: Record<string, string> = {};
    for (const part of text.split(';')) {
        const [name = '', value = ''] = part.split('=');
        const key = name.trim().toLowerCase();
        if (/^[a-z-]{1,32}$/.test(key)) {
            params[key] = value.trim().replace(/^"|"$/g, '');
        }
    }
    return params;
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
        user = body;
    } else {
        const at = body.indexOf('@');
        if (at <= 0) {
            return undefined;
        }
        // user[:password]@host — the password (deprecated) is never part of the identity.
        user = body.slice(0, at).replace(/:[^;]*/, '');
    }
    try {
        return decodeURIComponent(user);
    } catch {
        return undefined;
    }
}
