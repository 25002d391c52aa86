import { createNumberFormatter, createNumberNormaliser } from './number-formatter';

describe('createNumberFormatter', () => {
    const us = createNumberFormatter('US');

    it.each([
        ['+14155550101', '(415) 555-0101'],
        ['4155550101', '(415) 555-0101'],
        ['+1 (212) 555-0199', '(212) 555-0199'],
        ['tel:+14155550101;ext=12', '(415) 555-0101']
    ])('writes the home country number %j nationally: %j', (number, shown) => {
        expect(us(number)).toBe(shown);
    });

    it.each([
        ['+442079460018', '+442079460018'],
        ['+44 20 7946 0018', '+442079460018'],
        ['+33 1 23 45 67 89', '+33123456789']
    ])('keeps the + form of a foreign number %j: %j', (number, shown) => {
        expect(us(number)).toBe(shown);
    });

    it("keeps a withheld number ''", () => {
        expect(us('')).toBe('');
    });

    it.each(['12', '+999 123 4567', 'ext. 12'])(
        'shows text it cannot read as it came: %j',
        (text) => {
            expect(us(text)).toBe(text);
        }
    );

    it('formats for the agent’s own country', () => {
        const gb = createNumberFormatter('GB');

        expect(gb('+442079460018')).toBe('020 7946 0018');
        expect(gb('+14155550101')).toBe('+14155550101');
    });
});

describe('createNumberNormaliser', () => {
    const us = createNumberNormaliser('US');

    it.each([
        ['(415) 555-0101', '+14155550101'],
        ['1-415-555-0101', '+14155550101'],
        ['sip:+14155550101@pbx.example.com', '+14155550101'],
        ['+44 20 7946 0018', '+442079460018']
    ])('turns %j into E.164', (raw, e164) => {
        expect(us(raw)).toBe(e164);
    });

    it.each(['', '12', '+999 123 4567'])('keeps text it cannot read: %j', (raw) => {
        expect(us(raw)).toBe(raw);
    });

    it('reads national numbers with the default country', () => {
        expect(createNumberNormaliser('GB')('020 7946 0018')).toBe('+442079460018');
    });
});

describe('createNumberNormaliser with text from other scripts and hostile characters', () => {
    const normalise = createNumberNormaliser('US');

    it('reads Arabic-Indic and full-width digits as the number they spell', () => {
        expect(normalise('+١ ٤١٥ ٥٥٥ ٠١٧٩')).toBe('+14155550179');
        expect(normalise('４１５５５５０１７９')).toBe('+14155550179');
    });

    it('drops bidi overrides and control characters from what it keeps', () => {
        expect(normalise('\u202E+14155550177')).toBe('+14155550177');
        expect(normalise('\u202E12\u0007')).toBe('12');
    });
});
