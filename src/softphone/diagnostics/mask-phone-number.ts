/**
 * Phone numbers are personal data: the diagnostic log keeps only enough of one to tell calls
 * apart (`+14155550101` → `+1••••••0101`), unless the admin lets numbers into the logs. What
 * counts as a number, and what is kept, is the one policy in redaction-policy.ts.
 */
import { REDACTION_POLICY } from './redaction-policy';

const POLICY = REDACTION_POLICY.phoneNumbers;

export const MASK_CHARACTER = POLICY.maskCharacter;

/** A phone-looking run inside text needs at least this many digits to be masked. */
export const MIN_DIGITS_IN_TEXT = POLICY.minDigitsInText;

/** Every decimal digit, of any script (Arabic-Indic, fullwidth…), and what is not one. */
const NOT_A_DIGIT = /\P{Nd}/gu;

/**
 * Masks every digit of a number but the last few (4 from 10 digits on, 3 from 7, 2 from 4, none
 * below) and, for an international `+` number of 10 digits or more, its first digit (a hint of
 * the country). Formatting is dropped: `(415) 555-0101` → `••••••0101`. Text without digits
 * (`anonymous`, '') comes back unchanged.
 */
export function maskPhoneNumber(number: string): string {
    const digits = [...number.replace(NOT_A_DIGIT, '')];
    if (digits.length === 0) {
        return number;
    }
    const international = number.trimStart().startsWith('+');
    const count = digits.length;
    const keepLast = POLICY.keepLast.find((row) => count >= row.fromDigits)?.keep ?? 0;
    const keepFirst = international && count >= 10 ? 1 : 0;
    return (
        (international ? '+' : '') +
        digits.slice(0, keepFirst).join('') +
        MASK_CHARACTER.repeat(count - keepFirst - keepLast) +
        digits.slice(count - keepLast).join('')
    );
}

/**
 * A Salesforce record Id standing alone (15 or 18 letters and digits, at least one letter): kept,
 * it ties the log to a record. Tried before a number at the same place.
 */
const SALESFORCE_ID_TOKEN =
    '(?<![\\p{L}\\p{N}])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?(?![\\p{L}\\p{N}])';
/**
 * A phone number inside text: an optional `+`, then digits of any script with at most two
 * spaces, dots, dashes or brackets between them, wherever it stands (glued to letters, inside an
 * id).
 */
const PHONE_RUN = '\\+?\\(?\\p{Nd}(?:[ .\\-()]{0,2}\\p{Nd})+\\)?';
const NUMBER_OR_RECORD_ID = new RegExp(`(${SALESFORCE_ID_TOKEN})|${PHONE_RUN}`, 'gu');

/** ISO dates and times look like digit runs too, and are what a log needs most. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?!\d)/;

/** Whether a whole value is a Salesforce record Id (15 or 18 letters and digits). */
export function isSalesforceId(value: string): boolean {
    return /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(value);
}

/** Masks every run of {@link MIN_DIGITS_IN_TEXT}+ digits that reads as a phone number. */
export function maskNumbersInText(text: string, minDigits: number = MIN_DIGITS_IN_TEXT): string {
    return text.replace(NUMBER_OR_RECORD_ID, (match, recordId: string | undefined) => {
        if (recordId !== undefined) {
            return match;
        }
        const digitCount = [...match.replace(NOT_A_DIGIT, '')].length;
        if (digitCount < minDigits || ISO_DATE.test(match)) {
            return match;
        }
        return maskPhoneNumber(match);
    });
}
