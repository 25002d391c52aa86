import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import baseline from './english-strings-baseline.json';
import { findEnglishStrings, type EnglishString } from './test-support/english-strings';

// Every word the agent reads comes from the package's custom labels (src/labels/en.json). This
// scans the softphone's sources for English written in the code. english-strings-baseline.json
// lists what was still English when the labels came in; it may only shrink.

const repoRoot = join(__dirname, '..', '..', '..');
const softphoneDir = join(repoRoot, 'src', 'softphone');

const howToFix = [
    'Move it to the labels:',
    '  1. add it to src/labels/en.json: "Softphone_<Name>": { "value": "<the English>",',
    '     "description": "<where the agent reads it; what {0}, {1} are>", "category": "Softphone Panel",',
    '     "softphone": true }',
    '  2. add its translation to every src/labels/<language>.json (same {0}, {1} placeholders)',
    '  3. run `npm run labels` (writes the custom labels, the translations and the host page block)',
    "  4. in the code: import { label } from '<…>/i18n' and write label('Softphone_<Name>', arg0, arg1)",
    'If the agent never reads it (a log line, an id, a protocol word), put `// i18n-exempt: <why>`',
    'on the line before it.'
].join('\n');

function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
            return entry.name === 'test-support' ? [] : sourceFiles(path);
        }
        return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
    });
}

function scan(): EnglishString[] {
    return sourceFiles(softphoneDir).flatMap((path) =>
        findEnglishStrings(
            relative(repoRoot, path).split('\\').join('/'),
            readFileSync(path, 'utf8')
        )
    );
}

const known: Readonly<Record<string, readonly string[]>> = baseline;

describe('user-visible English in src/softphone', () => {
    const found = scan();

    it('has none outside the label source (but the shrinking baseline)', () => {
        const fresh = found.filter(({ file, text }) => !(known[file] ?? []).includes(text));
        const lines = fresh.map(
            ({ file, line, text }) => `${file}:${line}: ${JSON.stringify(text)}`
        );
        expect(lines.length === 0 ? '' : `${lines.join('\n')}\n\n${howToFix}`).toBe('');
    });

    it('keeps the baseline current: a string moved to the labels leaves it', () => {
        const stale = Object.entries(known).flatMap(([file, texts]) =>
            texts
                .filter((text) => !found.some((item) => item.file === file && item.text === text))
                .map((text) => `${file}: ${JSON.stringify(text)}`)
        );
        const fix =
            'These are labels now: delete them from src/softphone/i18n/english-strings-baseline.json.';
        expect(stale.length === 0 ? '' : `${stale.join('\n')}\n\n${fix}`).toBe('');
    });
});
