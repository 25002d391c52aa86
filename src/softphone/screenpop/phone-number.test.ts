import type * as phoneNumberModule from './phone-number';
import { normalisePhoneNumber, searchVariants, toAsciiDigits } from './phone-number';

describe('normalisePhoneNumber', () => {
    it.each([
        ['(415) 555-2671', '+14155552671', '(415) 555-2671'],
        ['415.555.0102', '+14155550102', '(415) 555-0102'],
        ['+1 (628) 555-0112', '+16285550112', '(628) 555-0112'],
        ['1 415 555 2671', '+14155552671', '(415) 555-2671'],
        ['  +44 20 7946 0958 ', '+442079460958', '020 7946 0958']
    ])('normalises %j to E.164', (raw, e164, national) => {
        expect(normalisePhoneNumber(raw, 'US')).toMatchObject({
            ok: true,
            kind: 'number',
            e164,
            national
        });
    });

    it('accepts a numeric value (Salesforce types the click-to-dial number as a number)', () => {
        expect(normalisePhoneNumber(4155552671, 'US')).toMatchObject({
            ok: true,
            e164: '+14155552671'
        });
    });

    it.each(['415 555 2671 x12', '+1 415 555 2671 ext. 12', 'tel:+14155552671;ext=12'])(
        'drops the extension of %j',
        (raw) => {
            expect(normalisePhoneNumber(raw, 'US')).toEqual({
                ok: true,
                kind: 'number',
                e164: '+14155552671',
                national: '(415) 555-2671',
                country: 'US',
                mobile: false
            });
        }
    );

    it('reads the user part of a SIP URI', () => {
        expect(normalisePhoneNumber('sip:+14155552671@pbx.example.com', 'US')).toMatchObject({
            ok: true,
            e164: '+14155552671'
        });
    });

    it('accepts a non-geographic number, which belongs to no country', () => {
        // +800 is the international freephone code: valid, but no ISO country owns it.
        expect(normalisePhoneNumber('+800 1234 5678', 'US')).toStrictEqual({
            ok: true,
            kind: 'number',
            e164: '+80012345678',
            national: '1234 5678',
            mobile: false
        });
    });

    it('flags mobiles where the numbering plan says so, and uses the default country', () => {
        expect(normalisePhoneNumber('07911 123456', 'gb')).toMatchObject({
            ok: true,
            e164: '+447911123456',
            mobile: true
        });
        expect(normalisePhoneNumber('020 7946 0958', 'GB')).toMatchObject({
            ok: true,
            country: 'GB',
            mobile: false
        });
    });

    it.each([
        undefined,
        null,
        '',
        '   ',
        'anonymous',
        'Anonymous',
        'unknown',
        'private',
        'restricted',
        'withheld',
        'unavailable',
        'Blocked',
        '+',
        '+000',
        '--',
        'sip:anonymous@anonymous.invalid',
        '0000000000'
    ])('recognises %j as an anonymous caller', (raw) => {
        expect(normalisePhoneNumber(raw, 'US')).toEqual({
            ok: false,
            kind: 'anonymous',
            reason: "The caller's number is withheld or unknown"
        });
    });

    it.each([
        ['alice', 'alice'],
        ['sip:reception@pbx.example.com', 'reception'],
        ['front.desk-2', 'front.desk-2'],
        ['ext_1001a', 'ext_1001a']
    ])('keeps the SIP name %j as %j: shown, logged and searched, not a number', (raw, kept) => {
        expect(normalisePhoneNumber(raw, 'US')).toEqual({
            ok: false,
            kind: 'invalid',
            reason: `${kept} is not a phone number`,
            digits: kept
        });
    });

    it.each([
        ['+15550100999', '+15550100999'],
        ['+1 (555) 010-0999', '+15550100999'],
        ['555-0100', '5550100'],
        ['tel:+999123456789', '+999123456789']
    ])('keeps the + of %j in the digits of a number that does not validate', (raw, digits) => {
        expect(normalisePhoneNumber(raw, 'US')).toMatchObject({ kind: 'invalid', digits });
    });

    it('asks for enough digits when a number is too short', () => {
        expect(normalisePhoneNumber('12', 'US')).toEqual({
            ok: false,
            kind: 'invalid',
            reason: 'Enter a phone number with at least 10 digits',
            digits: '12'
        });
        expect(normalisePhoneNumber('12345', 'GB')).toMatchObject({
            reason: 'Enter a phone number with at least 7 digits'
        });
        expect(normalisePhoneNumber('+12', 'US')).toMatchObject({
            reason: '+12 is too short to be a phone number'
        });
    });

    it('says which country a number is not valid for', () => {
        expect(normalisePhoneNumber('020 7946 0958', 'US')).toEqual({
            ok: false,
            kind: 'invalid',
            reason: '020 7946 0958 is not a valid number for US',
            digits: '02079460958'
        });
        // max metadata checks the digits, not only the length: 555 is no US area code.
        expect(normalisePhoneNumber('(555) 867-5309', 'US')).toMatchObject({
            reason: '(555) 867-5309 is not a valid number for US'
        });
        expect(normalisePhoneNumber('+44 7700 900123', 'US')).toMatchObject({
            reason: '+44 7700 900123 is not a valid number'
        });
    });

    it('explains country-code problems', () => {
        expect(normalisePhoneNumber('020 7946 0958', 'XX')).toMatchObject({
            reason: '020 7946 0958 needs a country code: start it with +'
        });
        expect(normalisePhoneNumber('+999 123 456 789', 'US')).toMatchObject({
            reason: '+999 123 456 789 has an unknown country code'
        });
        expect(normalisePhoneNumber('1-800-FLOWERS', 'US')).toMatchObject({
            reason: '1-800-FLOWERS is not a phone number'
        });
    });

    it.each([
        '<b>4155552671</b>',
        '415&555',
        '4155552671\u0000',
        '415\n5552671',
        '\u202e1762555514',
        '"415" 555 2671'
    ])('rejects markup and control characters in %j without echoing them', (raw) => {
        expect(normalisePhoneNumber(raw, 'US')).toEqual({
            ok: false,
            kind: 'invalid',
            reason: 'The phone number contains characters that are not allowed',
            digits: ''
        });
    });

    it('rejects values that are not text and overly long text', () => {
        expect(normalisePhoneNumber({ number: '1' }, 'US')).toMatchObject({
            kind: 'invalid',
            reason: 'The phone number is not text'
        });
        expect(normalisePhoneNumber(-5, 'US')).toMatchObject({ kind: 'invalid' });
        expect(normalisePhoneNumber('1'.repeat(65), 'US')).toMatchObject({
            kind: 'invalid',
            reason: 'A phone number has at most 64 characters'
        });
    });
});

describe('searchVariants', () => {
    it('gives E.164, the national format and its digits for a home number', () => {
        expect(searchVariants('+14155552671', 'US')).toEqual([
            '+14155552671',
            '(415) 555-2671',
            '4155552671'
        ]);
        expect(searchVariants('+442079460958', 'GB')).toEqual([
            '+442079460958',
            '020 7946 0958',
            '02079460958'
        ]);
    });

    it('treats numbers sharing the calling code as home numbers (NANP)', () => {
        expect(searchVariants('+14165550123', 'US')).toEqual([
            '+14165550123',
            '(416) 555-0123',
            '4165550123'
        ]);
    });

    it('gives the international format for a foreign number', () => {
        expect(searchVariants('+442079460958', 'US')).toEqual([
            '+442079460958',
            '+44 20 7946 0958',
            '442079460958'
        ]);
    });

    it('keeps an unparsable value as the only variant, and never one under 3 characters', () => {
        expect(searchVariants('+999123', 'US')).toEqual(['+999123']);
        expect(searchVariants('+1', 'US')).toEqual([]);
    });
});

describe('numbers written with the digits of other scripts', () => {
    it('reads full-width and Arabic-Indic digits as the number they spell', () => {
        expect(normalisePhoneNumber('０３－１２３４－５６７８', 'JP')).toMatchObject({
            ok: true,
            e164: '+81312345678'
        });
        expect(normalisePhoneNumber('٤١٥٥٥٥٠١٧٩', 'US')).toMatchObject({
            ok: true,
            e164: '+14155550179'
        });
    });

    it('maps each script digit to its value and leaves ASCII alone', () => {
        expect(toAsciiDigits('०१२३४५६७८९')).toBe('0123456789');
        expect(toAsciiDigits('+1 (415) 555-0101')).toBe('+1 (415) 555-0101');
    });
});

describe('the phone-number library chunk', () => {
    it('refuses to read a number before the library is loaded, and reads it once loaded', async () => {
        let phoneNumber: typeof phoneNumberModule | undefined;
        jest.isolateModules(() => {
            phoneNumber = jest.requireActual<typeof phoneNumberModule>('./phone-number');
        });
        if (phoneNumber === undefined) {
            throw new Error('phone-number did not load');
        }
        expect(() => phoneNumber?.normalisePhoneNumber('4155552671', 'US')).toThrow(
            'The phone number library is not loaded yet'
        );
        await phoneNumber.loadPhoneNumberLibrary();
        expect(phoneNumber.normalisePhoneNumber('4155552671', 'US')).toMatchObject({
            ok: true,
            e164: '+14155552671'
        });
    });
});
