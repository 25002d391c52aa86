/** The sixteen DTMF tones, in keypad order (A-D are the fourth column of a full keypad). */
export const dtmfTones: readonly string[] = [
    '1',
    '2',
    '3',
    'A',
    '4',
    '5',
    '6',
    'B',
    '7',
    '8',
    '9',
    'C',
    '*',
    '0',
    '#',
    'D'
];

const dtmfPattern = /^[0-9*#A-D]+$/;

/**
 * The digits as tones to send (a-d upper-cased), or undefined when `digits` is empty or holds
 * anything that is not a DTMF tone — pauses and spaces included, so nothing is silently dropped.
 */
export function normaliseDtmf(digits: string): string | undefined {
    const upper = digits.toUpperCase();
    return dtmfPattern.test(upper) ? upper : undefined;
}
