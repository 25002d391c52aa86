import { defaultSimulatorDelays } from './simulator-delays';
import { dialDigits, simulatorDialRules, simulatorRuleFor } from './simulator-rules';

describe('simulator dial rules', () => {
    it.each([
        ['4155550000', 'busy'],
        ['4155550001', 'no-answer'],
        ['4155550002', 'unreachable'],
        ['4155550003', 'voicemail'],
        ['4155550004', 'answer'],
        ['4155550005', 'refuse-transfer'],
        ['4155551234', 'answer'],
        ['0000', 'busy'],
        ['1', 'answer']
    ])('%s → %s', (number, behaviour) => {
        expect(simulatorRuleFor(number).behaviour).toBe(behaviour);
    });

    it('ignores formatting when matching the last digits', () => {
        expect(simulatorRuleFor('+1 (415) 555-0000').behaviour).toBe('busy');
        expect(simulatorRuleFor('415.555.0003 ').behaviour).toBe('voicemail');
        expect(simulatorRuleFor('000-0 ext').behaviour).toBe('busy');
    });

    it('strips everything but digits', () => {
        expect(dialDigits('+1 (415) 555-0100 x7')).toBe('141555501007');
        expect(dialDigits('abc')).toBe('');
    });

    it('ends with a catch-all rule and gives every rule a description', () => {
        expect(simulatorDialRules[simulatorDialRules.length - 1]?.suffix).toBeUndefined();
        for (const rule of simulatorDialRules) {
            expect(rule.description.length).toBeGreaterThan(0);
            expect(rule.steps.length).toBeGreaterThan(0);
        }
    });

    it('times every step with a known delay', () => {
        for (const rule of simulatorDialRules) {
            for (const step of rule.steps) {
                if (step.after !== 'immediately') {
                    expect(defaultSimulatorDelays[step.after]).toBeGreaterThanOrEqual(0);
                }
            }
        }
    });

    it('ends every rule with either an answer or an end reason', () => {
        for (const rule of simulatorDialRules) {
            const last = rule.steps[rule.steps.length - 1];
            expect(last?.event === 'answered' || last?.event === 'ended').toBe(true);
        }
    });
});
