import { dialTarget } from './dial-plan';

describe('dialTarget', () => {
    it('keeps a leading + for E.164 and drops visual separators', () => {
        expect(dialTarget('+1 (415) 555-0123', 'pbx.example.com')).toEqual({
            ok: true,
            user: '+14155550123',
            uri: 'sip:+14155550123@pbx.example.com'
        });
    });

    it('sends extensions and star codes as typed, escaping #', () => {
        expect(dialTarget('1002', 'pbx')).toEqual({ ok: true, user: '1002', uri: 'sip:1002@pbx' });
        expect(dialTarget('*97#', 'pbx')).toEqual({
            ok: true,
            user: '*97#',
            uri: 'sip:*97%23@pbx'
        });
    });

    it('adds the outside prefix to external numbers only', () => {
        const plan = { outsidePrefix: '9' };
        expect(dialTarget('4155550123', 'pbx', plan)).toMatchObject({ user: '94155550123' });
        expect(dialTarget('1002', 'pbx', plan)).toMatchObject({ user: '1002' });
        expect(dialTarget('+14155550123', 'pbx', plan)).toMatchObject({ user: '9+14155550123' });
        expect(dialTarget('12345678', 'pbx', { ...plan, internalMaxDigits: 8 })).toMatchObject({
            user: '12345678'
        });
    });

    it('replaces + by the international prefix when one is set', () => {
        expect(
            dialTarget('+442071234567', 'pbx', { outsidePrefix: '9', internationalPrefix: '00' })
        ).toMatchObject({ user: '900442071234567', uri: 'sip:900442071234567@pbx' });
    });

    it.each(['', '   ', 'call me', '+', '1+2', '12;user=phone', 'sip:1@evil', '1'.repeat(33)])(
        'refuses %p',
        (number) => {
            const result = dialTarget(number, 'pbx');
            expect(result.ok).toBe(false);
            expect(!result.ok && result.message).toMatch(/^Cannot dial/);
        }
    );

    it('refuses a dial plan with non-digit prefixes', () => {
        expect(dialTarget('4155550123', 'pbx', { outsidePrefix: '9;x' })).toEqual({
            ok: false,
            message: 'The dial plan prefixes may hold only digits, * and #.'
        });
    });
});
