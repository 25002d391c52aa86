import { XMLParser } from 'fast-xml-parser';

/**
 * The running user's language and locale as the local console plays them (`lang=` and `locale=`
 * in the console URL), and the custom labels Visualforce would render for that user: the
 * language's Translations metadata over the English custom labels, English for a label the
 * language does not translate
 * (https://developer.salesforce.com/docs/atlas.en-us.pages.meta/pages/pages_variables_global_label.htm).
 */
export interface UserLanguage {
    /** `$User.LanguageLocaleKey`, as Salesforce keys it: "en_US", "ja", "iw" (Hebrew). */
    readonly language: string;
    /** `$User.LocaleSidKey`: "en_US", "ja_JP", "ar_EG". */
    readonly locale: string;
    /** Query values that were not a language or locale (the console notes them). */
    readonly ignored: readonly string[];
}

export const defaultUserLanguage: UserLanguage = {
    language: 'en_US',
    locale: 'en_US',
    ignored: []
};

const key = /^([a-z]{2,3})(?:[_-]([A-Za-z]{2}))?$/;

/** "ja-JP", "ja_JP" → "ja_JP"; "he" → "iw" (Salesforce's key for Hebrew); undefined if not a key. */
export function salesforceLocaleKey(value: string): string | undefined {
    const match = key.exec(value.trim());
    if (!match?.[1]) {
        return undefined;
    }
    const language = match[1] === 'he' ? 'iw' : match[1];
    return match[2] ? `${language}_${match[2].toUpperCase()}` : language;
}

/** `lang=ja&locale=ja-JP`: the locale defaults to the language's, the language to English. */
export function userLanguageFromQuery(query: URLSearchParams): UserLanguage {
    const ignored: string[] = [];
    const read = (name: string): string | undefined => {
        const value = query.get(name);
        if (value === null) {
            return undefined;
        }
        const parsed = salesforceLocaleKey(value);
        if (parsed === undefined) {
            ignored.push(`${name}=${value}`);
        }
        return parsed;
    };
    const language = read('lang');
    const locale = read('locale');
    return {
        language: language ?? defaultUserLanguage.language,
        locale: locale ?? language ?? defaultUserLanguage.locale,
        ignored
    };
}

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === 'labels' || name === 'customLabels'
});

function text(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

/** name → English value, from CustomLabels.labels-meta.xml. */
export function englishLabelsFromXml(xml: string): Map<string, string> {
    const parsed = parser.parse(xml) as { CustomLabels?: { labels?: unknown[] } };
    return new Map(
        (parsed.CustomLabels?.labels ?? []).map((entry) => {
            const label = entry as { fullName?: unknown; value?: unknown };
            return [text(label.fullName), text(label.value)];
        })
    );
}

/** name → translated text, from <language>.translation-meta.xml. */
export function translatedLabelsFromXml(xml: string): Map<string, string> {
    const parsed = parser.parse(xml) as { Translations?: { customLabels?: unknown[] } };
    return new Map(
        (parsed.Translations?.customLabels ?? [])
            .map((entry) => {
                const label = entry as { name?: unknown; label?: unknown };
                return [text(label.name), text(label.label)] as const;
            })
            .filter(([, translated]) => translated.trim() !== '')
    );
}

/** The translation files to try for a language key, most specific first: "pt_BR", then "pt". */
export function translationFileNames(language: string): string[] {
    const base = language.split('_')[0] ?? language;
    return [...new Set([language, base])].map((name) => `${name}.translation-meta.xml`);
}
