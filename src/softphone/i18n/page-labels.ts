import { installEnglishLabels, installLabels, type LabelName } from './label-catalog';
import { directionOf, installLocale, toLanguageTag } from './user-locale';

/** What the host page says about the user's language (see Softphone.page, #softphone-labels). */
export interface PageLanguage {
    /** Every label the page renders, not blank (names the softphone does not know included). */
    readonly labels: Partial<Record<LabelName, string>>;
    /** BCP 47, e.g. "ja"; undefined when the page gives none (then the page stays as written). */
    readonly language: string | undefined;
    /** BCP 47, e.g. "ja-JP"; undefined: the browser's locale. */
    readonly locale: string | undefined;
}

const maxLabelLength = 1000;

/** Reads the labels, language and locale the host page rendered for the user. */
export function readPageLanguage(document: Document): PageLanguage {
    const container = document.getElementById('softphone-labels');
    const labels: Partial<Record<string, string>> = {};
    for (const element of container?.querySelectorAll('[data-label]') ?? []) {
        const name = element.getAttribute('data-label') ?? '';
        const text = element.textContent?.trim() ?? '';
        if (name !== '' && text !== '' && text.length <= maxLabelLength) {
            labels[name] = text;
        }
    }
    return {
        labels,
        language: toLanguageTag(container?.getAttribute('data-language')),
        locale: toLanguageTag(container?.getAttribute('data-locale'))
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

/** How the softphone tells a page that renders all its labels from one that does not. */
export interface EnglishFallback {
    /**
     * What `digest` gives for the names of every softphone label (`"softphone": true` in
     * src/labels/en.json), sorted, one a line: the build computes it (scripts/build.mjs).
     */
    readonly expectedDigest: string;
    readonly digest: (text: string) => Promise<string>;
    /** The English catalogue (english-labels.ts, a chunk). */
    readonly load: () => Promise<Readonly<Record<string, string>>>;
}

/**
 * Loads the English catalogue when the page does not render every softphone label, or renders
 * one blank (an edited or outdated page; Salesforce's own `$Label` already gives English for a
 * label nobody translated): each label the page lacks then reads in English. A page that renders
 * them all costs nothing more. Resolves to whether it loaded English.
 */
export async function completeWithEnglish(
    page: PageLanguage,
    fallback: EnglishFallback
): Promise<boolean> {
    const names = Object.keys(page.labels).sort().join('\n');
    const digest = await fallback.digest(names).catch(() => undefined);
    if (digest === fallback.expectedDigest) {
        return false;
    }
    installEnglishLabels(await fallback.load());
    return true;
}

/** SHA-256 in hex (what scripts/build.mjs computes with node:crypto). */
export async function sha256Hex(text: string): Promise<string> {
    const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The English catalogue, as a chunk. */
export async function loadEnglishLabels(): Promise<Record<string, string>> {
    return (await import('./english-labels')).englishLabels();
}
