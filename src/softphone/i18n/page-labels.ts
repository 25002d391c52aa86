import { installLabels, isLabelName, type LabelName } from './label-catalog';
import { directionOf, installLocale, toLanguageTag } from './user-locale';

/** What the host page says about the user's language (see Softphone.page, #softphone-labels). */
export interface PageLanguage {
    readonly labels: Partial<Record<LabelName, string>>;
    /** BCP 47, e.g. "ja"; undefined when the page gives none (then the page stays as written). */
    readonly language: string | undefined;
    /** BCP 47, e.g. "ja-JP"; undefined: the browser's locale. */
    readonly locale: string | undefined;
    /** Names the page renders that the softphone does not know (an older or newer page). */
    readonly unknown: readonly string[];
}

const maxLabelLength = 1000;

/** Reads the labels, language and locale the host page rendered for the user. */
export function readPageLanguage(document: Document): PageLanguage {
    const container = document.getElementById('softphone-labels');
    const labels: Partial<Record<LabelName, string>> = {};
    const unknown: string[] = [];
    for (const element of container?.querySelectorAll('[data-label]') ?? []) {
        const name = element.getAttribute('data-label') ?? '';
        const text = element.textContent?.trim() ?? '';
        if (!isLabelName(name)) {
            unknown.push(name);
        } else if (text !== '' && text.length <= maxLabelLength) {
            labels[name] = text;
        }
    }
    return {
        labels,
        language: toLanguageTag(container?.getAttribute('data-language')),
        locale: toLanguageTag(container?.getAttribute('data-locale')),
        unknown
    };
}

/**
 * Puts the user's language to work: the labels, the locale of every formatter, and the page's
 * `lang` and `dir` (SLDS and the softphone's CSS mirror under `dir="rtl"`). The page's label
 * block is removed once read.
 */
export function applyPageLanguage(document: Document, page: PageLanguage): void {
    installLabels(page.labels);
    // Read once: a hidden second copy of every word would only confuse find-in-page.
    document.getElementById('softphone-labels')?.remove();
    installLocale(page.locale ?? page.language);
    if (page.language) {
        document.documentElement.lang = page.language;
        document.documentElement.dir = directionOf(page.language);
    }
}
