// Types only: the English words are not in the core bundle (see english-labels.ts).
import type englishCatalog from '../../labels/en.json';

/**
 * The softphone's words. The English source is src/labels/en.json (also the source of the
 * package's custom labels); the host page renders each label in the user's language through
 * `$Label` (Salesforce renders English for a label nobody translated) and the softphone installs
 * them at start (page-labels.ts). The English catalogue is a chunk loaded only when the page
 * lacks a label or gives one blank (an edited or outdated page): such a label then reads in
 * English.
 */
export type LabelName = keyof typeof englishCatalog;

/** A value in a label's `{0}`, `{1}`…: names, numbers and times, already formatted. */
export type LabelArgument = string | number;

let installed: Partial<Record<LabelName, string>> = {};
let english: Readonly<Partial<Record<string, string>>> = {};

/** The labels in the user's language (from the host page); every other label stays English. */
export function installLabels(values: Partial<Record<LabelName, string>>): void {
    installed = { ...values };
}

/** The English catalogue (english-labels.ts), once loaded. */
export function installEnglishLabels(values: Readonly<Record<string, string>>): void {
    english = values;
}

/** The label in English; its name when the English catalogue is not loaded (never at run time). */
export function englishLabel(name: LabelName): string {
    return english[name] ?? name;
}

/** A label in the user's language, its placeholders filled: label('X', 'Ada') for "Call {0}". */
export function label(name: LabelName, ...args: readonly LabelArgument[]): string {
    const translated = installed[name];
    const template = translated?.trim() ? translated : englishLabel(name);
    return formatLabel(template, args);
}

/** Fills `{0}`, `{1}`… once each; a placeholder without an argument stays as written. */
export function formatLabel(template: string, args: readonly LabelArgument[]): string {
    return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
        const value = args[Number(index)];
        return value === undefined ? placeholder : String(value);
    });
}

/** Whether the English catalogue (once loaded) knows the name. */
export function isLabelName(name: string): name is LabelName {
    return Object.prototype.hasOwnProperty.call(english, name);
}
