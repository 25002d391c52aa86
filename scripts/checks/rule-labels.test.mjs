import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    customLabelsFile,
    hostPageFile,
    pageBlockEnd,
    pageBlockStart,
    renderCustomLabels,
    renderPageBlock,
    renderTranslations,
    translationsDir
} from '../labels/label-files.mjs';
import { temporaryProjects } from './fixture-trees.mjs';
import { checkLabels } from './rule-labels.mjs';

const { fixture } = temporaryProjects();

const english = {
    Softphone_Answer: { value: 'Answer', description: 'Incoming call: button', softphone: true },
    Softphone_Redial_Name: { value: 'Redial {0}', description: 'Recent calls', softphone: true },
    Softphone_Lwc_Only: { value: 'Refresh', description: 'An LWC button' }
};
const french = {
    Softphone_Answer: 'Répondre',
    Softphone_Redial_Name: 'Rappeler {0}',
    Softphone_Lwc_Only: 'Actualiser'
};

function asLabels(source) {
    return new Map(
        Object.entries(source).map(([name, entry]) => [
            name,
            { ...entry, softphone: entry.softphone === true }
        ])
    );
}

function page(source) {
    return `<apex:page>\n<div>\n${pageBlockStart}\n${pageBlockEnd}\n</div>\n</apex:page>\n`.replace(
        `${pageBlockStart}\n${pageBlockEnd}`,
        renderPageBlock(asLabels(source), '')
    );
}

/** A project whose generated files match `source`/`translations`, then changed by `files`. */
function project({ source = english, translations = french, generatedFrom, files = {} } = {}) {
    const generated = generatedFrom ?? { source, translations };
    const labels = asLabels(generated.source);
    return fixture({
        'src/labels/en.json': JSON.stringify(source),
        'src/labels/fr.json': JSON.stringify(translations),
        [customLabelsFile]: renderCustomLabels(labels),
        [`${translationsDir}/fr.translation-meta.xml`]: renderTranslations(
            labels,
            new Map(Object.entries(generated.translations))
        ),
        [hostPageFile]: page(generated.source),
        ...files
    });
}

const messages = (root) => checkLabels(root).map(({ file, message }) => `${file}: ${message}`);

test('the shipped labels, translations and page block pass', () => {
    assert.deepEqual(messages(project()), []);
});

test('a label with no translation in a shipped language fails, naming the file to edit', () => {
    const rest = { ...french };
    delete rest.Softphone_Answer;
    const problems = messages(project({ translations: rest }));
    assert.ok(
        problems.some((line) =>
            line.includes('src/labels/fr.json: Softphone_Answer has no translation')
        ),
        problems.join('\n')
    );
});

test('a blank translation counts as missing', () => {
    const problems = messages(project({ translations: { ...french, Softphone_Answer: ' ' } }));
    assert.ok(problems.some((line) => line.includes('Softphone_Answer has no translation')));
});

test('a placeholder that differs between English and a translation fails', () => {
    for (const wrong of ['Rappeler', 'Rappeler {1}', 'Rappeler {0} {1}']) {
        const problems = messages(
            project({ translations: { ...french, Softphone_Redial_Name: wrong } })
        );
        assert.ok(
            problems.some((line) =>
                line.includes('Softphone_Redial_Name: the placeholders differ')
            ),
            `${wrong}: ${problems.join('\n')}`
        );
    }
});

test('a translation of no label fails', () => {
    const problems = messages(project({ translations: { ...french, Softphone_Gone: 'Parti' } }));
    assert.ok(problems.some((line) => line.includes('Softphone_Gone is not a label')));
});

test('generated files that lag behind src/labels fail and say to run npm run labels', () => {
    const source = {
        ...english,
        Softphone_Decline: { value: 'Decline', description: 'button', softphone: true }
    };
    const translations = { ...french, Softphone_Decline: 'Refuser' };
    const problems = messages(
        project({ source, translations, generatedFrom: { source: english, translations: french } })
    );
    for (const file of [
        customLabelsFile,
        hostPageFile,
        `${translationsDir}/fr.translation-meta.xml`
    ]) {
        assert.ok(
            problems.some(
                (line) =>
                    line.startsWith(`${file}: Softphone_Decline`) && line.includes('npm run labels')
            ),
            `${file}: ${problems.join('\n')}`
        );
    }
});

test('an English value edited in the custom labels file instead of src/labels fails', () => {
    const problems = messages(
        project({
            generatedFrom: {
                source: {
                    ...english,
                    Softphone_Answer: { ...english.Softphone_Answer, value: 'Pick up' }
                },
                translations: french
            }
        })
    );
    assert.ok(
        problems.some((line) => line.includes('Softphone_Answer differs from src/labels/en.json'))
    );
});
