// `npm run labels`: writes the custom labels, the Translations metadata and the host page's label
// block from src/labels (see label-files.mjs), formatted as the pre-commit hook would.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import {
    customLabelsFile,
    hostPageFile,
    listLanguages,
    pageBlockEnd,
    pageBlockStart,
    readEnglishSource,
    readTranslationSource,
    renderCustomLabels,
    renderPageBlock,
    renderTranslations,
    translationsDir
} from './label-files.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function write(projectPath, text) {
    const file = join(projectRoot, projectPath);
    const options = (await prettier.resolveConfig(file)) ?? {};
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}

async function main() {
    const { labels, problems } = readEnglishSource(projectRoot);
    for (const language of listLanguages(projectRoot)) {
        const source = readTranslationSource(projectRoot, language);
        problems.push(...source.problems);
        await write(
            join(translationsDir, `${language}.translation-meta.xml`),
            renderTranslations(labels, source.values)
        );
    }
    await write(customLabelsFile, renderCustomLabels(labels));
    const page = readFileSync(join(projectRoot, hostPageFile), 'utf8');
    const start = page.indexOf(pageBlockStart);
    const end = page.indexOf(pageBlockEnd);
    if (start < 0 || end < start) {
        problems.push({
            file: hostPageFile,
            message: `add the two lines ${pageBlockStart} and ${pageBlockEnd} where the labels go`
        });
    } else {
        const indent = /[ \t]*$/.exec(page.slice(0, start))[0];
        await write(
            hostPageFile,
            page.slice(0, start) +
                renderPageBlock(labels, indent) +
                page.slice(end + pageBlockEnd.length)
        );
    }
    for (const { file, message } of problems) {
        console.log(`${file}: ${message}`);
    }
    process.exitCode = problems.length > 0 ? 1 : 0;
}

await main();
