/**
 * The call center's dial plan: which typed numbers are internal (extensions, short codes) and go
 * to the phone system as typed, instead of being read as a phone number of dialing/defaultCountry
 * and sent in E.164. The admin writes it as a regular expression (dialing/internalNumberPattern)
 * that the whole number must match.
 *
 * A regular expression from a setting can backtrack for a very long time on a long input
 * (e.g. `(\d+)+$`). Two bounds keep that harmless: the pattern itself is short, and only inputs
 * of at most MAX_INTERNAL_NUMBER_LENGTH characters are ever tested against it (no extension is
 * longer), and a repeated group that itself repeats (`(\d+)+`, the classic catastrophic shape,
 * which nests into seconds even on 16 characters) is refused at start.
 */

import { label } from '../i18n';

export const MAX_PATTERN_LENGTH = 200;
export const MAX_INTERNAL_NUMBER_LENGTH = 16;

/**
 * Whether a repeated group (`(…)+`, `(…)*`, `(…){n,}`) holds a repetition itself, anywhere inside:
 * `(\d+)+`, `(\d+|x)*`, `((\d)+)+`. Escapes and character classes are skipped.
 */
export function hasNestedRepetition(source: string): boolean {
    // One entry per open group: whether a repetition was seen inside it.
    const groups: boolean[] = [];
    let inClass = false;
    for (let index = 0; index < source.length; index += 1) {
        const char = source[index];
        if (char === '\\') {
            index += 1;
            continue;
        }
        if (inClass) {
            inClass = char !== ']';
            continue;
        }
        const next = source[index + 1];
        const repeatedNext = next === '+' || next === '*' || next === '{';
        if (char === '[') {
            inClass = true;
        } else if (char === '(') {
            groups.push(false);
        } else if (char === ')') {
            const repeatedInside = groups.pop() ?? false;
            if (repeatedNext && repeatedInside) {
                return true;
            }
            markRepetition(groups, repeatedInside || repeatedNext);
        } else if (char === '+' || char === '*' || char === '{') {
            markRepetition(groups, true);
        }
    }
    return false;
}

function markRepetition(groups: boolean[], repeated: boolean): void {
    if (repeated && groups.length > 0) {
        groups[groups.length - 1] = true;
    }
}

export interface DialPlan {
    /** The pattern as the admin wrote it ('' when no number is internal). */
    readonly pattern: string;
    /** True when `typed` (trimmed) is an internal number to dial as typed. */
    isInternal(typed: string): boolean;
}

export type DialPlanResult =
    | { readonly ok: true; readonly plan: DialPlan }
    | { readonly ok: false; readonly message: string };

/** No internal numbers: every number is a phone number (a blank setting). */
export const noInternalNumbers: DialPlan = { pattern: '', isInternal: () => false };

/** Compiles the admin's pattern; the message says what is wrong, for the setting error. */
export function parseDialPlan(pattern: string): DialPlanResult {
    const source = pattern.trim();
    if (source === '') {
        return { ok: true, plan: noInternalNumbers };
    }
    if (source.length > MAX_PATTERN_LENGTH) {
        return {
            ok: false,
            message: label('Softphone_Pop_Dial_Plan_Too_Long', MAX_PATTERN_LENGTH)
        };
    }
    let regex: RegExp;
    try {
        // Anchored here, so a pattern written without ^ and $ cannot match part of a number.
        regex = new RegExp(`^(?:${source})$`);
    } catch (error) {
        return {
            ok: false,
            // RegExp throws only SyntaxError.
            message: label('Softphone_Pop_Dial_Plan_Invalid', (error as SyntaxError).message)
        };
    }
    if (hasNestedRepetition(source)) {
        return {
            ok: false,
            message: label('Softphone_Pop_Dial_Plan_Nested')
        };
    }
    if (regex.test('')) {
        return { ok: false, message: label('Softphone_Pop_Dial_Plan_Empty') };
    }
    return {
        ok: true,
        plan: {
            pattern: source,
            isInternal: (typed) => {
                const text = typed.trim();
                return text !== '' && text.length <= MAX_INTERNAL_NUMBER_LENGTH && regex.test(text);
            }
        }
    };
}
