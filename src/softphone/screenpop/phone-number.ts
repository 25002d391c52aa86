import type { CountryCode } from 'libphonenumber-js/core';
import { label } from '../i18n';
import { withheldCallerWord } from '../shared/withheld-caller';
import type * as phoneNumberLibrary from './phone-number-library';

/** libphonenumber-js and its metadata (phone-number-library.ts), once loaded. */
export type PhoneNumberLibrary = typeof phoneNumberLibrary;

let loaded: PhoneNumberLibrary | undefined;

/**
 * Loads the phone-number library (its own chunk of the static resource). Every function of this
 * module needs it: the softphone awaits this before it starts.
 */
export async function loadPhoneNumberLibrary(): Promise<void> {
    usePhoneNumberLibrary(await import('./phone-number-library'));
}

/** Uses `library` from now on (loadPhoneNumberLibrary does this; tests pass it directly). */
export function usePhoneNumberLibrary(library: PhoneNumberLibrary): void {
    loaded = library;
}

function library(): PhoneNumberLibrary {
    if (loaded === undefined) {
        // i18n-exempt: a programming error (main.ts loads the library before anything reads a number)
        throw new Error('The phone number library is not loaded yet (call loadPhoneNumberLibrary)');
    }
    return loaded;
}

export interface ValidPhoneNumber {
    readonly ok: true;
    readonly kind: 'number';
    /** +14155552671 */
    readonly e164: string;
    /** (415) 555-2671: as people of that country write it */
    readonly national: string;
    /** ISO 3166-1 alpha-2, when the number belongs to one country. */
    readonly country?: string;
    /** true only when the numbering plan says mobile (US numbers can't be told apart). */
    readonly mobile: boolean;
}

/** Missing, withheld or anonymous caller id. */
export interface AnonymousCaller {
    readonly ok: false;
    readonly kind: 'anonymous';
    readonly reason: string;
}

export interface InvalidPhoneNumber {
    readonly ok: false;
    readonly kind: 'invalid';
    /** For the agent, e.g. "Enter a phone number with at least 10 digits". */
    readonly reason: string;
    /**
     * What it held that is still worth a search and a log: its digits with a leading + kept
     * (+15550100999), or a SIP user name or extension as the network sent it ('alice');
     * '' when the text was rejected outright.
     */
    readonly digits: string;
}

export type PhoneNumberResult = ValidPhoneNumber | AnonymousCaller | InvalidPhoneNumber;

const MAX_INPUT_LENGTH = 64;
// Control characters, markup and invisible/bidi characters never belong in a phone number.
/** Control, zero-width and bidi characters: never part of a number, and they reorder text. */
export const INVISIBLE_OR_CONTROL =
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const FORBIDDEN = new RegExp(`${INVISIBLE_OR_CONTROL.source}|[<>&"'\`\\\\{}]`);
const URI_SCHEME = /^(?:tel|sips?):/i;
const MAX_SHOWN_LENGTH = 40;
// A caller identified by a name or an extension (From: <sip:alice@pbx>), as PBXs send for
// internal callers: letters, digits and . _ - only, at least one letter, at most 32 characters.
const SIP_NAME = /^(?=[^@]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/**
 * Normalises a typed number or a caller id to E.164, using `defaultCountry` (ISO alpha-2) for
 * numbers written without a country code. Extensions and formatting are dropped; anything
 * without digits ('', 'anonymous', 'Restricted', '+', 'sip:anonymous@…') is anonymous. A SIP
 * name or extension ('alice', 'sip:reception@pbx') is invalid as a number but kept in `digits`.
 */
export function normalisePhoneNumber(raw: unknown, defaultCountry: string): PhoneNumberResult {
    if (raw === undefined || raw === null) {
        return anonymous();
    }
    let text: string;
    if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) {
        text = String(raw);
    } else if (typeof raw === 'string') {
        text = toAsciiDigits(raw);
    } else {
        return invalid(label('Softphone_Pop_Number_Not_Text'), '');
    }
    if (text.length > MAX_INPUT_LENGTH) {
        return invalid(label('Softphone_Pop_Number_Too_Long', MAX_INPUT_LENGTH), '');
    }
    if (FORBIDDEN.test(text)) {
        return invalid(label('Softphone_Pop_Number_Forbidden'), '');
    }
    text = unwrapUri(text.trim());
    if (withheldCallerWord.test(text)) {
        return anonymous();
    }
    if (SIP_NAME.test(text)) {
        return invalid(label('Softphone_Pop_Not_A_Number', text), text);
    }
    // The + of an international number stays: the search and the forms use it as given.
    const digits = `${text.startsWith('+') ? '+' : ''}${text.replace(/\D/g, '')}`;
    // Some networks send zeros for "unknown"; no real number is all zeros.
    if (/^\+?0*$/.test(digits)) {
        return anonymous();
    }
    const { metadata, parsePhoneNumberFromString, validatePhoneNumberLength } = library();
    const country = supportedCountry(defaultCountry);
    const parsed = parsePhoneNumberFromString(
        text,
        { defaultCountry: country, extract: false },
        metadata
    );
    if (parsed !== undefined && parsed.isValid()) {
        // Re-read from E.164 so that the national form carries no extension.
        const bare = parsePhoneNumberFromString(parsed.number, metadata) ?? parsed;
        return {
            ok: true,
            kind: 'number',
            e164: parsed.number,
            national: bare.formatNational(),
            ...(parsed.country === undefined ? {} : { country: parsed.country }),
            mobile: parsed.getType() === 'MOBILE'
        };
    }
    const shown = text.slice(0, MAX_SHOWN_LENGTH);
    const international = text.startsWith('+');
    switch (validatePhoneNumberLength(text, { defaultCountry: country }, metadata)) {
        case 'TOO_SHORT': {
            const minimum = international ? undefined : minimumDigits(country);
            return invalid(
                minimum === undefined
                    ? label('Softphone_Pop_Number_Too_Short', shown)
                    : label('Softphone_Pop_Number_Min_Digits', minimum),
                digits
            );
        }
        case 'INVALID_COUNTRY':
            return invalid(
                label(
                    international ? 'Softphone_Pop_Unknown_Country' : 'Softphone_Pop_Needs_Country',
                    shown
                ),
                digits
            );
        case 'NOT_A_NUMBER':
            return invalid(label('Softphone_Pop_Not_A_Number', shown), digits);
        default: {
            const where = international ? parsed?.country : country;
            return invalid(
                where === undefined
                    ? label('Softphone_Pop_Not_Valid_Number', shown)
                    : label('Softphone_Pop_Not_Valid_Number_For', shown, where),
                digits
            );
        }
    }
}

/**
 * The strings worth searching for a number, most exact first: Salesforce phone fields keep
 * numbers as people typed them, so E.164, the usual written form and its bare digits.
 * Numbers from another numbering plan than `country`'s are written in international format.
 */
export function searchVariants(e164: string, country: string): string[] {
    const { metadata, getCountryCallingCode, parsePhoneNumberFromString } = library();
    const parsed = parsePhoneNumberFromString(e164, metadata);
    const home = supportedCountry(country);
    // Same calling code = same national format (a US agent writes Canadian numbers as US ones).
    const local =
        parsed !== undefined &&
        home !== undefined &&
        parsed.countryCallingCode === getCountryCallingCode(home, metadata);
    const variants =
        parsed === undefined
            ? [e164]
            : local
              ? [parsed.number, parsed.formatNational(), parsed.formatNational().replace(/\D/g, '')]
              : [parsed.number, parsed.formatInternational(), parsed.number.slice(1)];
    // Open CTI's SEARCH needs at least 3 characters.
    return [...new Set(variants)].filter((variant) => variant.length >= 3);
}

function anonymous(): AnonymousCaller {
    return { ok: false, kind: 'anonymous', reason: label('Softphone_Pop_Number_Withheld') };
}

function invalid(reason: string, digits: string): InvalidPhoneNumber {
    return { ok: false, kind: 'invalid', reason, digits };
}

/** tel:+1…;ext=2 → +1…; sip:+1…@host → +1… (the connector may pass URIs through). */
function unwrapUri(text: string): string {
    if (!URI_SCHEME.test(text)) {
        return text;
    }
    const rest = text.replace(URI_SCHEME, '');
    return (rest.split('@')[0] ?? '').split(';')[0] ?? '';
}

function supportedCountry(country: string): CountryCode | undefined {
    const { metadata, isSupportedCountry } = library();
    const code = country.trim().toUpperCase();
    return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code as CountryCode, metadata)
        ? (code as CountryCode)
        : undefined;
}

function minimumDigits(country: CountryCode | undefined): number | undefined {
    if (country === undefined) {
        return undefined;
    }
    const { Metadata, metadata } = library();
    const plan = new Metadata(metadata);
    plan.selectNumberingPlan(country);
    const lengths = plan.numberingPlan?.possibleLengths() ?? [];
    return lengths.length > 0 ? Math.min(...lengths) : undefined;
}

/**
 * Digits of other scripts (Arabic-Indic ٤١٥, Devanagari, full-width ０３…) as ASCII digits, so
 * a caller id or a typed number in them is read as the number it spells. Unicode puts each
 * script's 0–9 in one run of ten code points, so the value is the distance from that run's 0.
 */
export function toAsciiDigits(text: string): string {
    return text.replace(/\p{Nd}/gu, (digit) => {
        const code = digit.codePointAt(0) as number;
        let zero = code;
        while (code - zero < 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) {
            zero -= 1;
        }
        return String(code - zero);
    });
}
