// What the softphone's build needs from src/labels/en.json (scripts/build.mjs, and the bench's
// what-if builds): the digest of the label names the host page renders, and a plugin that keeps
// only each label's English value in the bundle (the descriptions are for translators).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEnglishSource } from './labels/label-files.mjs';

/**
 * SHA-256 (hex) of the names of every softphone label, sorted, one a line: what the softphone
 * compares with the labels its page renders (completeWithEnglish in src/softphone/i18n).
 */
export function softphoneLabelDigest(root) {
    const { labels, problems } = readEnglishSource(root);
    if (problems.length > 0) {
        throw new Error(`src/labels/en.json: ${problems[0].message}`);
    }
    const names = [...labels].filter(([, entry]) => entry.softphone).map(([name]) => name);
    return createHash('sha256').update(names.sort().join('\n')).digest('hex');
}

/** en.json in the bundle as { name: { value } }: the shape the code reads, without the rest. */
export function englishValuesPlugin(root) {
    const source = join(root, 'src/labels/en.json');
    return {
        name: 'english-label-values',
        setup(build) {
            build.onLoad({ filter: /[\\/]src[\\/]labels[\\/]en\.json$/ }, (args) => {
                if (args.path !== source) {
                    return undefined;
                }
                const catalog = JSON.parse(readFileSync(source, 'utf8'));
                const values = Object.fromEntries(
                    Object.entries(catalog).map(([name, { value }]) => [name, { value }])
                );
                return { contents: JSON.stringify(values), loader: 'json' };
            });
        }
    };
}
