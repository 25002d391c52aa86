import { normalisePhoneNumber } from '../screenpop/phone-number';

/** Turns a stored number (E.164 or raw) into what an agent reads; '' stays '' (withheld). */
export type NumberFormatter = (number: string) => string;

export function createNumberFormatter(defaultCountry: string): NumberFormatter {
    return (number) => {
        if (number === '') {
            return '';
        }
        const parsed = normalisePhoneNumber(number, defaultCountry);
        if (!parsed.ok) {
            return number;
        }
        // Numbers of the agent's own country read best nationally; others keep their + prefix.
        return parsed.country === defaultCountry ? parsed.national : parsed.e164;
    };
}

/** E.164 when the number can be read with the default country; the raw text otherwise. */
export function createNumberNormaliser(defaultCountry: string): (raw: string) => string {
    return (raw) => {
        const parsed = normalisePhoneNumber(raw, defaultCountry);
        return parsed.ok ? parsed.e164 : raw;
    };
}
