import { dtmfTones, normaliseDtmf } from './dtmf';

describe('normaliseDtmf', () => {
    it.each(['0', '123', '*', '#', '0123456789*#ABCD', 'A'])('accepts %p', (digits) => {
        expect(normaliseDtmf(digits)).toBe(digits);
    });

    it('upper-cases a to d', () => {
        expect(normaliseDtmf('abcd1')).toBe('ABCD1');
    });

    it.each(['', ' ', '1 2', 'E', '12,3', '+1', 'p', '１'])('rejects %p', (digits) => {
        expect(normaliseDtmf(digits)).toBeUndefined();
    });

    it('accepts every keypad tone', () => {
        expect(dtmfTones).toHaveLength(16);
        for (const tone of dtmfTones) {
            expect(normaliseDtmf(tone)).toBe(tone);
        }
    });
});
