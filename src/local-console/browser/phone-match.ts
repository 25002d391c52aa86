/** How the console compares phone numbers: by their last 10 digits, whatever the formatting. */

export function digitsOf(value: string): string {
    return value.replace(/\D/g, '');
}

/** The comparison key of a phone number: its last 10 digits (fewer for short numbers). */
export function phoneKey(value: string): string {
    return digitsOf(value).slice(-10);
}

/** True when both numbers have the same key of at least 3 digits. */
export function samePhoneNumber(a: string, b: string): boolean {
    const key = phoneKey(a);
    return key.length >= 3 && key === phoneKey(b);
}
