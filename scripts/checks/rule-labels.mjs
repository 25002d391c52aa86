// The package's words (scripts/labels/label-files.mjs): every shipped language translates every
// label with the same placeholders, and the custom labels, the Translations metadata and the host
// page's label block say what src/labels says (run `npm run labels` after editing src/labels).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    customLabelsFile,
    hostPageFile,
    labelSourceDir,
    listLanguages,
    readEnglishSource,
    readPageLabels,
    readTranslationSource,
    translationProblems,
    translationsDir
} from '../labels/label-files.mjs';
import { childrenNamed, childText, readXmlRoot } from './xml-tree.mjs';

const regenerate = 'run `npm run labels` (it writes this file from src/labels)';

export function checkLabels(projectRoot) {
    if (!existsSync(join(projectRoot, labelSourceDir, 'en.json'))) {
        return [];
    }
    const { labels, problems } = readEnglishSource(projectRoot);
    problems.push(...checkCustomLabels(projectRoot, labels));
    for (const language of listLanguages(projectRoot)) {
        const source = readTranslationSource(projectRoot, language);
        problems.push(...source.problems);
        problems.push(
            ...translationProblems(labels, source.values, join(labelSourceDir, `${language}.json`))
        );
        problems.push(...checkTranslationFile(projectRoot, language, source.values));
    }
    problems.push(...checkHostPage(projectRoot, labels));
    return problems;
}

function checkCustomLabels(projectRoot, labels) {
    const root = readXmlRoot(join(projectRoot, customLabelsFile));
    if (!root) {
        return [{ file: customLabelsFile, message: `missing or unreadable; ${regenerate}` }];
    }
    const problems = [];
    const seen = new Set();
    for (const element of childrenNamed(root, 'labels')) {
        const name = childText(element, 'fullName');
        seen.add(name);
        const label = labels.get(name);
        if (!label) {
            problems.push({
                file: customLabelsFile,
                message: `${name} is not in src/labels/en.json: add it there, then ${regenerate}`
            });
        } else if (
            childText(element, 'value') !== label.value ||
            childText(element, 'shortDescription') !== label.description ||
            childText(element, 'language') !== 'en_US'
        ) {
            problems.push({
                file: customLabelsFile,
                message: `${name} differs from src/labels/en.json; edit en.json, then ${regenerate}`
            });
        }
    }
    for (const name of labels.keys()) {
        if (!seen.has(name)) {
            problems.push({ file: customLabelsFile, message: `${name} is missing; ${regenerate}` });
        }
    }
    return problems;
}

function checkTranslationFile(projectRoot, language, values) {
    const file = join(translationsDir, `${language}.translation-meta.xml`);
    const root = readXmlRoot(join(projectRoot, file));
    if (!root) {
        return [{ file, message: `missing or unreadable; ${regenerate}` }];
    }
    const inFile = new Map(
        childrenNamed(root, 'customLabels').map((element) => [
            childText(element, 'name'),
            childText(element, 'label')
        ])
    );
    const names = new Set([...inFile.keys(), ...values.keys()]);
    return [...names]
        .filter((name) => inFile.get(name) !== values.get(name))
        .map((name) => ({
            file,
            message: `${name} differs from src/labels/${language}.json; ${regenerate}`
        }));
}

function checkHostPage(projectRoot, labels) {
    const path = join(projectRoot, hostPageFile);
    if (!existsSync(path)) {
        return [];
    }
    const rendered = readPageLabels(readFileSync(path, 'utf8'));
    const problems = [];
    for (const { name, merged } of rendered) {
        if (name !== merged || !labels.get(name)?.softphone) {
            problems.push({
                file: hostPageFile,
                message: `the span for ${name} is not a softphone label of src/labels/en.json; ${regenerate}`
            });
        }
    }
    const onPage = new Set(rendered.map(({ name }) => name));
    for (const [name, label] of labels) {
        if (label.softphone && !onPage.has(name)) {
            problems.push({
                file: hostPageFile,
                message: `${name} is not rendered for the softphone; ${regenerate}`
            });
        }
    }
    return problems;
}
