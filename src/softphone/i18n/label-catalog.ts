import english from '../../labels/en.json';

/**
 * The softphone's words. The English source is src/labels/en.json (also the source of the
 * package's custom labels); the host page renders each label in the user's language through
 * `$Label` and the softphone installs them at start (page-labels.ts). A label the page does not
 * give, or gives blank, reads in English.
 */
export type LabelName = keyof typeof english;

/** A value in a label's `{0}`, `{1}`…: names, numbers and times, already formatted. */
export type LabelArgument = string | number;

let installed: Partial<Record<LabelName, string>> = {};

/** The labels in the user's language (from the host page); every other label stays English. */
export function installLabels(values: Partial<Record<LabelName, string>>): void {
    installed = { ...values };
}

export function englishLabel(name: LabelName): string {
    return english[name].value;
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

export function isLabelName(name: string): name is LabelName {
    return Object.prototype.hasOwnProperty.call(english, name);
}
