/**
 * What may enter the diagnostic log. Credentials never do (a credential-like key keeps only the
 * marker {@link REDACTED}, however its value looks), phone numbers are masked unless the admin
 * allows them, and every value becomes bounded, inert JSON data: control and bidi characters are
 * escaped, long text is clipped, cycles, getters that throw and odd objects are described
 * instead of followed. Which keys are credentials and which digits are numbers: the one policy
 * in redaction-policy.ts.
 */
import {
    isSalesforceId,
    maskNumbersInText,
    maskPhoneNumber,
    MIN_DIGITS_IN_TEXT
} from './mask-phone-number';
import { isCredentialKey, normaliseKey, REDACTION_POLICY } from './redaction-policy';

export { isCredentialKey } from './redaction-policy';

export type DiagnosticValue =
    null | boolean | number | string | readonly DiagnosticValue[] | DiagnosticRecord;

export interface DiagnosticRecord {
    readonly [key: string]: DiagnosticValue;
}

export const REDACTED = REDACTION_POLICY.marker;

export interface RedactionOptions {
    /** The admin allows phone numbers in logs: no masking (credentials are still redacted). */
    readonly showNumbers: boolean;
}

/** Bounds that keep one entry small whatever it is given. */
export const DETAIL_LIMITS = {
    maxDepth: 4,
    maxKeys: 30,
    maxItems: 20,
    maxKeyLength: 64,
    maxStringLength: 300
} as const;

/** Keys whose value is a phone number (or a caller id): masked more eagerly than free text. */
const NUMBER_KEYS_EXACT = new Set([
    'from',
    'to',
    'ani',
    'dnis',
    'msisdn',
    'e164',
    'national',
    'callerid',
    'searchstring',
    'uri',
    'remoteuri',
    'fromuri',
    'touri'
]);

export function isPhoneNumberKey(key: string): boolean {
    const normalised = normaliseKey(key);
    return (
        NUMBER_KEYS_EXACT.has(normalised) ||
        normalised.endsWith('number') ||
        normalised.endsWith('phone')
    );
}

/** `id`, `callId`, `request_id`, `Provider_Call_Id__c`, `recordIds` (not `valid`, `paid`). */
export function isIdKey(key: string): boolean {
    return /(?:^|_)(?:id|Id|ID)s?$|[a-z0-9](?:Id|ID)s?$/.test(key.replace(/__c$/i, ''));
}

/** A key as text names it: `password`, `"sipPin"`, `\"token\"` (JSON in JSON), `%22apiKey%22`. */
const QUOTE = String.raw`(?:\\*["']|%2[27])?`;
/** A key starts a word (or follows a %-escape such as `%22` or `%26`): one try per word. */
const KEY_START = String.raw`(?<=^|[^A-Za-z0-9_.\-]|%[0-9A-Fa-f]{2})`;
const KEY_IN_TEXT = String.raw`${QUOTE}${KEY_START}([A-Za-z][A-Za-z0-9_.\-]{0,63})${QUOTE}`;
/** `=` or `:`, or URL-encoded `%3D` / `%3A`, with spaces around. */
const SEPARATOR = String.raw`(\s*(?:[=:]|%3[dDaA])\s*)`;
/** A value, whole: JSON in JSON, quoted (escaped quotes inside), URL-encoded quoted, bare. */
const VALUE = [
    String.raw`\\+"[^]*?(?:\\+"(?=\s*(?:[,}\]]|$))|$)`,
    String.raw`"(?:[^"\\]|\\[^])*(?:"|$)`,
    String.raw`'(?:[^'\\]|\\[^])*(?:'|$)`,
    String.raw`%2[27](?:(?!%2[27])[^\s&])*(?:%2[27])?`,
    String.raw`(?:(?!%26|%2[27])[^\s&;,"'}])+`
].join('|');
const KEY_VALUE_IN_TEXT = new RegExp(`(${KEY_IN_TEXT}${SEPARATOR})(?:${VALUE})`);

const CREDENTIAL_IN_TEXT: readonly [RegExp, string][] = [
    // `Authorization: Bearer abc…`, `Basic dXNlcjpwYXNz`
    [/\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REDACTED}`],
    // `wss://user:secret@host`
    [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*):[^\s/@]*@/gi, `$1:${REDACTED}@`],
    // `sip:alice:secret@pbx.example.com`
    [/(\bsips?:[^\s:@;/]+):[^\s@;/]+@/gi, `$1:${REDACTED}@`]
];

/**
 * Replaces every credential in text: the value of any key the policy names (`password=…`,
 * `"sipPin": "…"`, `"token":"abc\"…"`, `token%3D…`), Bearer/Basic values and passwords inside URLs.
 */
export function redactCredentialsInText(text: string): string {
    const redacted = CREDENTIAL_IN_TEXT.reduce(
        (result, [pattern, replacement]) => result.replace(pattern, replacement),
        text
    );
    // By hand rather than replace(): after a key that is no credential, the search goes on
    // inside its value (`x=password=…`), which replace() would have skipped.
    const pattern = new RegExp(KEY_VALUE_IN_TEXT.source, 'g');
    let result = '';
    let copied = 0;
    for (let found = pattern.exec(redacted); found !== null; found = pattern.exec(redacted)) {
        const [match, keyAndSeparator = '', key = ''] = found;
        if (isCredentialKey(key)) {
            result += `${redacted.slice(copied, found.index)}${keyAndSeparator}${REDACTED}`;
            copied = found.index + match.length;
        } else {
            pattern.lastIndex = found.index + Math.max(1, keyAndSeparator.length);
        }
    }
    return result + redacted.slice(copied);
}

/** C0/C1 controls, bidi embeddings/overrides/isolates/marks, zero-width and line separators. */
const UNSAFE_CHARACTERS =
    /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Shows an invisible or reordering character as `\u202e`, so the log reads as it was received. */
export function escapeUnsafeCharacters(text: string): string {
    return text.replace(
        UNSAFE_CHARACTERS,
        (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
    );
}

/**
 * Clips without splitting a surrogate pair, saying how long the text was. `cutLength` is the
 * length of the original when the text given is already a cut of it (so it is marked as cut).
 */
export function clipText(text: string, max: number, cutLength?: number): string {
    if (text.length <= max && cutLength === undefined) {
        return text;
    }
    let end = Math.min(text.length, Math.max(0, max - 1));
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) {
        end -= 1;
    }
    return `${text.slice(0, end)}… (${cutLength ?? text.length} chars)`;
}

/** One string as the log stores it. */
export function sanitizeText(
    text: string,
    options: RedactionOptions,
    mode: 'text' | 'phoneNumber' = 'text',
    max: number = DETAIL_LIMITS.maxStringLength
): string {
    // Work on a bounded prefix: what lies beyond it is clipped away anyway.
    const bounded = text.length > max * 2 + 64 ? text.slice(0, max * 2 + 64) : text;
    let result = redactCredentialsInText(bounded);
    if (!options.showNumbers) {
        result =
            mode === 'phoneNumber' && /^[\p{Nd}\s+().\-/]*$/u.test(result)
                ? maskPhoneNumber(result)
                : maskNumbersInText(
                      result,
                      mode === 'phoneNumber'
                          ? REDACTION_POLICY.phoneNumbers.minDigitsInNumberFields
                          : MIN_DIGITS_IN_TEXT
                  );
    }
    result = escapeUnsafeCharacters(result);
    return clipText(result, max, bounded === text ? undefined : text.length);
}

/**
 * Turns whatever a caller passed as details into a bounded, redacted, masked copy (later changes
 * to the caller's object do not reach the log). Never throws.
 */
export function sanitizeDetails(
    details: unknown,
    options: RedactionOptions
): DiagnosticRecord | undefined {
    if (details === undefined || details === null) {
        return undefined;
    }
    const value = sanitizeValue(details, undefined, 0, new Set(), options);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return value as DiagnosticRecord;
    }
    return Object.freeze({ value });
}

function sanitizeValue(
    value: unknown,
    key: string | undefined,
    depth: number,
    seen: Set<object>,
    options: RedactionOptions
): DiagnosticValue {
    if (key !== undefined && isCredentialKey(key)) {
        return REDACTED;
    }
    const numberField = key !== undefined && isPhoneNumberKey(key);
    const idField = key !== undefined && !numberField && isIdKey(key);
    switch (typeof value) {
        case 'undefined':
            return null;
        case 'boolean':
            return value;
        case 'number':
            if (numberField && !options.showNumbers && Number.isFinite(value)) {
                return maskPhoneNumber(String(value));
            }
            return Number.isFinite(value) ? value : String(value);
        case 'bigint':
            return sanitizeText(value.toString(), options, numberField ? 'phoneNumber' : 'text');
        case 'string':
            // A record Id ties the log to a record and is no one's number: kept. Other ids (call
            // ids, request ids) are masked like text, since a PBX may build one from a number.
            return idField && isSalesforceId(value)
                ? sanitizeText(value, { ...options, showNumbers: true })
                : sanitizeText(value, options, numberField ? 'phoneNumber' : 'text');
        case 'symbol':
            return sanitizeText(value.toString(), options);
        case 'function':
            return '[function]';
        default:
            break;
    }
    if (value === null) {
        return null;
    }
    const object = value as object;
    if (seen.has(object)) {
        return '[circular]';
    }
    if (depth >= DETAIL_LIMITS.maxDepth) {
        // i18n-exempt: how the diagnostic log (English, for support) shows a value
        return Array.isArray(object) ? `[array of ${object.length}]` : '[object]';
    }
    seen.add(object);
    try {
        return sanitizeObject(object, depth, seen, options);
    } catch {
        return '[unreadable]';
    } finally {
        seen.delete(object);
    }
}

function sanitizeObject(
    object: object,
    depth: number,
    seen: Set<object>,
    options: RedactionOptions
): DiagnosticValue {
    if (object instanceof Date) {
        // i18n-exempt: how the diagnostic log (English, for support) shows a value
        return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
    }
    if (object instanceof Error) {
        const code = (object as { code?: unknown }).code;
        return freezeRecord([
            ['name', sanitizeText(String(object.name), options)],
            ['message', sanitizeText(String(object.message), options)],
            ...(typeof code === 'string' || typeof code === 'number'
                ? [['code', sanitizeText(String(code), options)] as [string, DiagnosticValue]]
                : [])
        ]);
    }
    if (Array.isArray(object)) {
        const items = object
            .slice(0, DETAIL_LIMITS.maxItems)
            .map((item: unknown) => sanitizeValue(item, undefined, depth + 1, seen, options));
        if (object.length > DETAIL_LIMITS.maxItems) {
            items.push(`… ${object.length - DETAIL_LIMITS.maxItems} more`);
        }
        return Object.freeze(items);
    }
    const keys = Object.keys(object);
    const entries: [string, DiagnosticValue][] = [];
    for (const key of keys.slice(0, DETAIL_LIMITS.maxKeys)) {
        let child: unknown;
        try {
            child = (object as Record<string, unknown>)[key];
        } catch {
            child = '[unreadable]';
        }
        if (child === undefined) {
            continue;
        }
        const safeKey = escapeUnsafeCharacters(clipText(key, DETAIL_LIMITS.maxKeyLength));
        entries.push([safeKey, sanitizeValue(child, key, depth + 1, seen, options)]);
    }
    if (keys.length > DETAIL_LIMITS.maxKeys) {
        entries.push(['…', `${keys.length - DETAIL_LIMITS.maxKeys} more keys`]);
    }
    return freezeRecord(entries);
}

/** Object.fromEntries defines own properties: a `__proto__` key stays data, never a prototype. */
function freezeRecord(entries: readonly (readonly [string, DiagnosticValue])[]): DiagnosticRecord {
    return Object.freeze(Object.fromEntries(entries)) as DiagnosticRecord;
}
