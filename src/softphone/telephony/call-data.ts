/**
 * Call data: what the phone system knows about a call beyond the caller's number (the IVR's
 * account number, the queue, the dialled number, a recording…), as key → value text. Every
 * connector fills it (the listener's extra pairs, SIP headers the admin names, the simulator's
 * presets); screen-pop rules, the call log and the softphone read it.
 *
 * One place for its limits and its shape: a map without a prototype (so `constructor` or
 * `__proto__` are ordinary keys), at most `count` entries, keys of letters, digits and `_`,
 * values of plain text (no control or invisible characters). Values are never markup.
 */

import { isCredentialKey, normaliseKey } from '../diagnostics/redaction-policy';

export const callDataLimits = {
    count: 20,
    keyLength: 40,
    valueLength: 256
} as const;

/** The keys connectors fill themselves (the admin maps them to log fields and labels). */
export const CALL_DATA_KEYS = {
    /** The number the caller dialled (SIP Request-URI user, the listener's dnis). */
    dialledNumber: 'DNIS',
    /** The number the call was redirected from (SIP Diversion / History-Info). */
    redirectingNumber: 'RedirectingNumber'
} as const;

export type CallData = Readonly<Record<string, string>>;

export const callDataKeyPattern = /^[A-Za-z0-9_]{1,40}$/;
// Control characters and the invisible or direction-changing ones never belong in call data.
const forbiddenInText = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/** An empty call-data map, without a prototype. */
export function emptyCallData(): Record<string, string> {
    return Object.create(null) as Record<string, string>;
}

export function isCallDataKey(key: string): boolean {
    return callDataKeyPattern.test(key);
}

/** A value: up to 256 characters, no control or invisible characters. */
export function isCallDataValue(value: string): boolean {
    return value.length <= callDataLimits.valueLength && !forbiddenInText.test(value);
}

/**
 * Builds call data from untrusted pairs: invalid keys and values are left out (their names are
 * returned, never their values), values are trimmed, empty ones dropped, and pairs after the
 * 20th are left out. A key seen twice keeps its first value.
 */
export function toCallData(pairs: Iterable<readonly [string, unknown]>): {
    readonly data: CallData;
    readonly rejected: readonly string[];
} {
    const data = emptyCallData();
    const rejected: string[] = [];
    let count = 0;
    for (const [key, raw] of pairs) {
        if (Object.hasOwn(data, key)) {
            continue;
        }
        const value = typeof raw === 'string' ? raw.trim() : undefined;
        if (!isCallDataKey(key) || value === undefined || !isCallDataValue(value)) {
            // i18n-exempt: a stand-in among the rejected keys' names, which no agent reads
            rejected.push(isCallDataKey(key) ? key : '(invalid key)');
            continue;
        }
        if (value === '') {
            continue;
        }
        if (count >= callDataLimits.count) {
            rejected.push(key);
            continue;
        }
        data[key] = value;
        count += 1;
    }
    return { data: Object.freeze(data), rejected };
}

/** The entries of call data, in insertion order. */
export function callDataEntries(data: CallData | undefined): [string, string][] {
    return data === undefined ? [] : Object.entries(data);
}

/**
 * Whether a key's value is secret: never shown, logged or passed on. The diagnostic log's
 * credential policy (passwords, tokens, PINs… see redaction-policy.ts) plus the admin's
 * deny-list (callData/deniedKeys), compared the policy's way (case, `_` and `-` ignored).
 */
export function isSecretCallDataKey(key: string, secretKeys: readonly string[]): boolean {
    const normalised = normaliseKey(key);
    return isCredentialKey(key) || secretKeys.some((secret) => normaliseKey(secret) === normalised);
}

/** The call data without its secret keys (the engine keeps only this). */
export function withoutSecrets(data: CallData, secretKeys: readonly string[]): CallData {
    const kept = emptyCallData();
    for (const [key, value] of Object.entries(data)) {
        if (!isSecretCallDataKey(key, secretKeys)) {
            kept[key] = value;
        }
    }
    return Object.freeze(kept);
}

/** Whether a value read back from storage is call data within the limits (text values only). */
export function isCallData(value: unknown): value is CallData {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return false;
    }
    const entries = Object.entries(value);
    return (
        entries.length <= callDataLimits.count &&
        entries.every(
            ([key, text]) => isCallDataKey(key) && typeof text === 'string' && isCallDataValue(text)
        )
    );
}
