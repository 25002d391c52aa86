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

/** The labels' English values as { name: { value } }, those whose name `keep` accepts. */
function englishValues(source, keep) {
    const catalog = JSON.parse(readFileSync(source, 'utf8'));
    return JSON.stringify(
        Object.fromEntries(
            Object.entries(catalog)
                .filter(([name]) => keep(name))
                .map(([name, { value }]) => [name, { value }])
        )
    );
}

/**
 * en.json in the bundle as { name: { value } }: the shape the code reads, without the rest.
 * The LMS contract's words (channel/contract-words.ts, which the core needs) get a module of
 * their own with only its labels: were it the same module as the English catalogue's lazy chunk,
 * code splitting would put the whole catalogue in the core.
 */
export function englishValuesPlugin(root) {
    const source = join(root, 'src/labels/en.json');
    const isEnglishSource = /[\\/]src[\\/]labels[\\/]en\.json$/;
    return {
        name: 'english-label-values',
        setup(build) {
            build.onResolve({ filter: /labels[\\/]en\.json$/ }, (args) =>
                /[\\/]channel[\\/]contract-words\.ts$/.test(args.importer)
                    ? { path: source, namespace: 'contract-english' }
                    : undefined
            );
            build.onLoad({ filter: /.*/, namespace: 'contract-english' }, () => ({
                contents: englishValues(source, (name) => name.startsWith('Softphone_Channel_')),
                loader: 'json'
            }));
            build.onLoad({ filter: isEnglishSource }, (args) => {
                if (args.path !== source) {
                    return undefined;
                }
                return { contents: englishValues(source, () => true), loader: 'json' };
            });
        }
    };
}
