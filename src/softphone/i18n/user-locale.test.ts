import { directionOf, toLanguageTag } from './user-locale';

describe('user locale', () => {
    it.each([
        ['en_US', 'en-US'],
        ['ja', 'ja'],
        ['de_DE_EURO', 'de-DE'],
        ['iw_IL', 'he-IL'],
        ['  fr_CA ', 'fr-CA'],
        ['', undefined],
        [null, undefined],
        [undefined, undefined],
        ['{!$User.LocaleSidKey}', undefined],
        ['EN_us', undefined]
    ])('reads the Salesforce key %p as %p', (key, tag) => {
        expect(toLanguageTag(key)).toBe(tag);
    });

    it('knows the right-to-left languages', () => {
        expect(directionOf('ar')).toBe('rtl');
        expect(directionOf('he-IL')).toBe('rtl');
        expect(directionOf('ja-JP')).toBe('ltr');
        expect(directionOf(undefined)).toBe('ltr');
    });
});
