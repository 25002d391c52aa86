/**
 * The user's language and locale, as Salesforce settings give them to the host page
 * (`$User.LanguageLocaleKey`, e.g. "ja" or "en_US"; `$User.LocaleSidKey`, e.g. "de_DE"). Times,
 * dates, durations and numbers are formatted in the locale; the language sets the page's
 * direction (right to left for Arabic, Hebrew, Persian, Urdu).
 */

let current: string | undefined;

const rightToLeft = new Set(['ar', 'he', 'iw', 'fa', 'ur']);

/**
 * A Salesforce language or locale key as a BCP 47 tag ("ja_JP" → "ja-JP", "iw" → "he"), or
 * undefined when it is blank or not a locale the browser knows.
 */
export function toLanguageTag(key: string | null | undefined): string | undefined {
    const match = /^([a-z]{2,3})(?:_([A-Z]{2}))?/.exec(key?.trim() ?? '');
    if (!match?.[1]) {
        return undefined;
    }
    const language = match[1] === 'iw' ? 'he' : match[1];
    const tag = match[2] ? `${language}-${match[2]}` : language;
    try {
        return Intl.getCanonicalLocales(tag)[0];
    } catch {
        return undefined;
    }
}

/** The locale every formatter uses from now on (undefined: the browser's). */
export function installLocale(locale: string | undefined): void {
    current = locale;
}

/** The user's locale for Intl formatters; undefined lets the browser choose. */
export function userLocale(): string | undefined {
    return current;
}

export function directionOf(languageTag: string | undefined): 'ltr' | 'rtl' {
    const language = languageTag?.split('-')[0] ?? '';
    return rightToLeft.has(language) ? 'rtl' : 'ltr';
}
