/**
 * Phone numbers are personal data: the diagnostic log keeps only enough of one to tell calls
 * apart (`+14155550101` → `+1••••••0101`), unless the admin lets numbers into the logs.
 */

export const MASK_CHARACTER = '•';

/** A phone-looking run inside text needs at least this many digits to be masked. */
export const MIN_DIGITS_IN_TEXT = 7;

/**
 * Masks every digit of a number but the last few (4 from 10 digits on, 3 from 7, 2 from 4, none
 * below) and, for an international `+` number of 10 digits or more, its first digit (a hint of
 * the country). Formatting is dropped: `(415) 555-0101` → `••••••0101`. Text without digits
 * (`anonymous`, '') comes back unchanged.
 */
export function maskPhoneNumber(number: string): string {
    const digits = number.replace(/\D/g, '');
    if (digits === '') {
        return number;
    }
    const international = number.trimStart().startsWith('+');
    const count = digits.length;
    const keepLast = count >= 10 ? 4 : count >= 7 ? 3 : count >= 4 ? 2 : 0;
    const keepFirst = international && count >= 10 ? 1 : 0;
    return (
        (international ? '+' : '') +
        digits.slice(0, keepFirst) +
        MASK_CHARACTER.repeat(count - keepFirst - keepLast) +
        digits.slice(count - keepLast)
    );
}

/**
 * A phone number inside text: an optional `+`, then digits with single spaces, dots, dashes or
 * brackets between them, not glued to a letter or digit, nor to a word by a dash or dot (so
 * Salesforce Ids, `sim-1767225600000`-style ids and UUIDs are left alone).
 */
const PHONE_IN_TEXT =
    /(?<![\p{L}\p{N}_]|[\p{L}\p{N}_][-.])\+?\(?\d(?:[ .\-()]{0,2}\d)+\)?(?![\p{L}\p{N}_])/gu;

/** ISO dates and times look like digit runs too, and are what a log needs most. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?!\d)/;

/** Masks every run of {@link MIN_DIGITS_IN_TEXT}+ digits that reads as a phone number. */
export function maskNumbersInText(text: string, minDigits = MIN_DIGITS_IN_TEXT): string {
    return text.replace(PHONE_IN_TEXT, (match) => {
        const digitCount = match.replace(/\D/g, '').length;
        if (digitCount < minDigits || ISO_DATE.test(match)) {
            return match;
        }
        return maskPhoneNumber(match);
    });
}
