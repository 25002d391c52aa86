/** @jest-environment jsdom */
import { installLabels, label } from './label-catalog';
import { applyPageLanguage, readPageLanguage } from './page-labels';
import { installLocale, userLocale } from './user-locale';

function renderPage(attrs: string, spans: string): void {
    document.documentElement.removeAttribute('dir');
    document.documentElement.lang = 'en';
    document.body.innerHTML = `<div id="softphone-labels" hidden ${attrs}>${spans}</div>`;
}

describe('the labels the host page renders', () => {
    afterEach(() => {
        installLabels({});
        installLocale(undefined);
    });

    it('reads each label, the language and the locale as Salesforce keys them', () => {
        renderPage(
            'data-language="ja" data-locale="ja_JP"',
            '<span data-label="Softphone_Answer">応答</span><span data-label="Softphone_Decline">拒否</span>'
        );
        const page = readPageLanguage(document);
        expect(page).toEqual({
            labels: { Softphone_Answer: '応答', Softphone_Decline: '拒否' },
            language: 'ja',
            locale: 'ja-JP'
        });
        applyPageLanguage(document, page);
        expect(label('Softphone_Answer')).toBe('応答');
        expect(document.getElementById('softphone-labels')).toBeNull();
        expect(userLocale()).toBe('ja-JP');
        expect(document.documentElement.lang).toBe('ja');
        expect(document.documentElement.dir).toBe('ltr');
    });

    it('turns the page right to left for Arabic and Hebrew (Salesforce keys Hebrew "iw")', () => {
        for (const [key, tag] of [
            ['ar', 'ar'],
            ['iw', 'he']
        ]) {
            renderPage(`data-language="${key}" data-locale="${key}_IL"`, '');
            applyPageLanguage(document, readPageLanguage(document));
            expect(document.documentElement.lang).toBe(tag);
            expect(document.documentElement.dir).toBe('rtl');
        }
    });

    it('keeps English for a blank label and reads a label it does not know', () => {
        renderPage(
            'data-language="fr" data-locale="fr_FR"',
            '<span data-label="Softphone_Answer">  </span><span data-label="Softphone_Gone">x</span>'
        );
        const page = readPageLanguage(document);
        expect(page.labels).toEqual({ Softphone_Gone: 'x' });
        applyPageLanguage(document, page);
        expect(label('Softphone_Answer')).toBe('Answer');
    });

    it('leaves the page and the browser locale alone when the page says nothing (an older page)', () => {
        renderPage('', '');
        document.body.innerHTML = '';
        const page = readPageLanguage(document);
        expect(page).toEqual({ labels: {}, language: undefined, locale: undefined });
        applyPageLanguage(document, page);
        expect(document.documentElement.lang).toBe('en');
        expect(userLocale()).toBeUndefined();
    });

    it('uses the language as the locale when the locale is unreadable', () => {
        renderPage('data-language="de" data-locale="{!$User.LocaleSidKey}"', '');
        const page = readPageLanguage(document);
        expect(page.locale).toBeUndefined();
        applyPageLanguage(document, page);
        expect(userLocale()).toBe('de');
    });
});
