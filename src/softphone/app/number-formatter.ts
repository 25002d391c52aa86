import {
    INVISIBLE_OR_CONTROL,
    normalisePhoneNumber,
    toAsciiDigits
} from '../screenpop/phone-number';

/** Turns a stored number (E.164 or raw) into what an agent reads; '' stays '' (withheld). */
export type NumberFormatter = (number: string) => string;

export function createNumberFormatter(defaultCountry: string): NumberFormatter {
    return (number) => {
        if (number === '') {
            return '';
        }
        const parsed = normalisePhoneNumber(number, defaultCountry);
        if (!parsed.ok) {
            return parsed.kind === 'anonymous' ? '' : number;
        }
        // Numbers of the agent's own country read best nationally; others keep their + prefix.
        return parsed.country === defaultCountry ? parsed.national : parsed.e164;
    };
}

/**
 * E.164 when the number can be read with the default country; '' for a withheld or anonymous
 * caller id (what Call.from means by ''); the raw text otherwise.
 */
export function createNumberNormaliser(defaultCountry: string): (raw: string) => string {
    return (raw) => {
        const readable = toAsciiDigits(raw).replace(INVISIBLE_OR_CONTROL, '');
        const parsed = normalisePhoneNumber(readable, defaultCountry);
        if (parsed.ok) {
            return parsed.e164;
        }
        return parsed.kind === 'anonymous' ? '' : readable;
    };
}
