import { maskNumbersInText, maskPhoneNumber } from './mask-phone-number';

describe('maskPhoneNumber', () => {
    it.each([
        ['+14155550101', '+1••••••0101'],
        ['+1 (415) 555-0101', '+1••••••0101'],
        ['(415) 555-0101', '••••••0101'],
        ['+442079460958', '+4•••••••0958'],
        ['5550101', '••••101'],
        ['55501', '•••01'],
        ['1234', '••34'],
        ['123', '•••'],
        ['7', '•']
    ])('%s → %s', (number, masked) => {
        expect(maskPhoneNumber(number)).toBe(masked);
    });

    it.each(['', 'anonymous', 'Withheld'])('leaves %p (no digits) alone', (text) => {
        expect(maskPhoneNumber(text)).toBe(text);
    });

    it('always hides at least half of the digits', () => {
        for (let length = 1; length <= 20; length += 1) {
            for (const prefix of ['', '+']) {
                const masked = maskPhoneNumber(prefix + '9'.repeat(length));
                const hidden = [...masked].filter((char) => char === '•').length;
                expect(hidden).toBeGreaterThanOrEqual(Math.ceil(length / 2));
            }
        }
    });
});

describe('maskNumbersInText', () => {
    it.each([
        ['Call from +1 (415) 555-0101 ended', 'Call from +1••••••0101 ended'],
        ['dialled 4155550101.', 'dialled ••••••0101.'],
        ['to=+442079460958&x=1', 'to=+4•••••••0958&x=1'],
        ['sip:+14155550101@pbx.example.com', 'sip:+1••••••0101@pbx.example.com'],
        ['555 0101 and 555-0199', '••••101 and ••••199'],
        ['count 1234567 x', 'count ••••567 x'],
        // Numbers inside ids are numbers too (a PBX may build a call id from the caller's).
        ['call sim-1767225600000', 'call sim-•••••••••0000'],
        ['uuid 123e4567-e89b-12d3-a456-426614174000', 'uuid 123e4567-e89b-12d3-a•••••••••••4000']
    ])('%s → %s', (text, masked) => {
        expect(maskNumbersInText(text)).toBe(masked);
    });

    it.each([
        'at 2026-01-15T12:00:00.000Z',
        'on 2026-01-15 only',
        'Contact 0035g00000AbCdEAAZ',
        'extension 12345, 6 digits 123456',
        'v1.13.16 and 3.5 seconds'
    ])('leaves %p alone', (text) => {
        expect(maskNumbersInText(text)).toBe(text);
    });

    it('masks short numbers too in number fields (a lower minimum)', () => {
        expect(maskNumbersInText('ext 12345', 4)).toBe('ext •••45');
    });
});
