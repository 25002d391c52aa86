import {
    englishLabelsFromXml,
    salesforceLocaleKey,
    translatedLabelsFromXml,
    translationFileNames,
    userLanguageFromQuery
} from './user-language';
import { renderVisualforcePage } from './visualforce-page';

describe('the user language the console plays', () => {
    it('reads lang and locale as Salesforce keys them', () => {
        expect(userLanguageFromQuery(new URLSearchParams('lang=ja&locale=ja-JP'))).toEqual({
            language: 'ja',
            locale: 'ja_JP',
            ignored: []
        });
        expect(userLanguageFromQuery(new URLSearchParams('lang=he'))).toEqual({
            language: 'iw',
            locale: 'iw',
            ignored: []
        });
        expect(userLanguageFromQuery(new URLSearchParams(''))).toEqual({
            language: 'en_US',
            locale: 'en_US',
            ignored: []
        });
    });

    it('ignores what is not a language, and says so', () => {
        expect(userLanguageFromQuery(new URLSearchParams('lang=<b>&locale=de_de'))).toEqual({
            language: 'en_US',
            locale: 'de_DE',
            ignored: ['lang=<b>']
        });
        expect(salesforceLocaleKey('japanese')).toBeUndefined();
    });

    it('tries the regional translation file, then the language', () => {
        expect(translationFileNames('pt_BR')).toEqual([
            'pt_BR.translation-meta.xml',
            'pt.translation-meta.xml'
        ]);
        expect(translationFileNames('ja')).toEqual(['ja.translation-meta.xml']);
    });

    it('reads English labels and their translations, a blank translation left to English', () => {
        const english = englishLabelsFromXml(
            '<CustomLabels><labels><fullName>A</fullName><value>Answer</value></labels></CustomLabels>'
        );
        expect([...english]).toEqual([['A', 'Answer']]);
        const translated = translatedLabelsFromXml(
            '<Translations><customLabels><label>応答</label><name>A</name></customLabels>' +
                '<customLabels><label> </label><name>B</name></customLabels></Translations>'
        );
        expect([...translated]).toEqual([['A', '応答']]);
    });

    it('renders $Label and the $User language fields, escaped, and warns on an unknown label', () => {
        const { html, warnings } = renderVisualforcePage(
            '<div data-language="{!$User.LanguageLocaleKey}" data-locale="{!$User.LocaleSidKey}">' +
                '<span>{!$Label.A}</span><span>{!$Label.Missing}</span></div>',
            {
                userId: '005',
                sldsStylesheetUrl: '/slds.css',
                resourceUrl: (name) => `/resource/${name}`,
                userLanguage: { language: 'ar', locale: 'ar_EG' },
                labelValue: (name) => (name === 'A' ? '<رد>' : undefined)
            }
        );
        expect(html).toContain('data-language="ar" data-locale="ar_EG"');
        expect(html).toContain('<span>&lt;رد&gt;</span>');
        expect(html).toContain('<span></span>');
        expect(warnings).toEqual(['no custom label Missing, rendered blank: {!$Label.Missing}']);
    });
});
