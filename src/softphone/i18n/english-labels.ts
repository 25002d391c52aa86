// The English catalogue, a chunk of its own (loadEnglishLabels in page-labels.ts): the host page
// renders every softphone label, English included, so only a page that lacks one loads this.
// The build keeps only each label's value (scripts/build.mjs, the en.json plugin).
import catalog from '../../labels/en.json';

/** Every label's English value, by name. */
export function englishLabels(): Record<string, string> {
    return Object.fromEntries(Object.entries(catalog).map(([name, { value }]) => [name, value]));
}
