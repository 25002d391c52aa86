import {
    hasNestedRepetition,
    MAX_INTERNAL_NUMBER_LENGTH,
    MAX_PATTERN_LENGTH,
    noInternalNumbers,
    parseDialPlan
} from './dial-plan';

function planOf(pattern: string) {
    const result = parseDialPlan(pattern);
    if (!result.ok) {
        throw new Error(result.message);
    }
    return result.plan;
}

function problemOf(pattern: string): string {
    const result = parseDialPlan(pattern);
    if (result.ok) {
        throw new Error(`${pattern} was accepted`);
    }
    return result.message;
}

describe('parseDialPlan', () => {
    it('reads extensions of 3 to 5 digits as internal, anything else as a phone number', () => {
        const plan = planOf('^\\d{3,5}$');

        expect(plan.pattern).toBe('^\\d{3,5}$');
        expect(['1002', ' 1002 ', '911', '20001'].map((typed) => plan.isInternal(typed))).toEqual([
            true,
            true,
            true,
            true
        ]);
        expect(
            ['12', '200011', '4155550101', '(415) 555-0101', '10 02', 'abc', ''].map((typed) =>
                plan.isInternal(typed)
            )
        ).toEqual([false, false, false, false, false, false, false]);
    });

    it('matches the whole number even when the pattern has no anchors', () => {
        const plan = planOf('\\d{4}');

        expect(plan.isInternal('1002')).toBe(true);
        expect(plan.isInternal('4155550101')).toBe(false);
    });

    it('takes star codes and alternatives', () => {
        const plan = planOf('\\*\\d{2}|[1-4]\\d{3}');

        expect(['*72', '1002', '4999'].every((typed) => plan.isInternal(typed))).toBe(true);
        expect(['5002', '*7', '72'].some((typed) => plan.isInternal(typed))).toBe(false);
    });

    it('has no internal numbers when the setting is blank', () => {
        expect(parseDialPlan('  ')).toEqual({ ok: true, plan: noInternalNumbers });
        expect(noInternalNumbers.isInternal('1002')).toBe(false);
    });

    it('never tests an input longer than an extension can be', () => {
        const plan = planOf('\\d+');

        expect(plan.isInternal('1'.repeat(MAX_INTERNAL_NUMBER_LENGTH))).toBe(true);
        expect(plan.isInternal('1'.repeat(MAX_INTERNAL_NUMBER_LENGTH + 1))).toBe(false);
    });

    it('refuses a pattern that is not a regular expression, saying why', () => {
        expect(problemOf('^(\\d{3}$')).toMatch(
            /^must be a regular expression such as \^\\d\{3,5\}\$ \(.+\)$/
        );
    });

    it('refuses a pattern longer than a dial plan needs', () => {
        expect(problemOf(`\\d{1}${'1'.repeat(MAX_PATTERN_LENGTH)}`)).toBe(
            `must be a regular expression of at most ${MAX_PATTERN_LENGTH} characters`
        );
    });

    it('refuses a pattern that matches an empty number', () => {
        expect(problemOf('\\d*')).toBe('must not match an empty number');
    });

    it.each(['(\\d+)+', '^(\\d|x+)*$', '((\\d)+)+', '(\\d*){2,}', '(?:[0-9]+)+'])(
        'refuses the catastrophic shape %s',
        (pattern) => {
            expect(problemOf(pattern)).toBe(
                'must not repeat a group that itself repeats, such as (\\d+)+: write \\d+ instead'
            );
        }
    );
});

describe('hasNestedRepetition', () => {
    it.each(['^\\d{3,5}$', '(\\d{3})?', '(1|2)\\d+', '[(+]\\d+', '\\(\\d+\\)+', '(\\*)\\d{2}'])(
        'lets %s through',
        (pattern) => {
            expect(hasNestedRepetition(pattern)).toBe(false);
        }
    );

    it('reads a stray closing parenthesis without failing (the RegExp check refuses it)', () => {
        expect(hasNestedRepetition('\\d+)+')).toBe(false);
    });

    it.each(['(\\d+)+', '(a(b+))*', '((\\d)+)+', '([0-9]+){2}'])('finds it in %s', (pattern) => {
        expect(hasNestedRepetition(pattern)).toBe(true);
    });
});
