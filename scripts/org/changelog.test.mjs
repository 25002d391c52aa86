import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    MAX_DESCRIPTION_LENGTH,
    readReleaseNotes,
    readReleaseNotesFile,
    releaseOf
} from './changelog.mjs';

const repoRoot = join(import.meta.dirname, '..', '..');
const project = JSON.parse(readFileSync(join(repoRoot, 'sfdx-project.json'), 'utf8'));
const packageDirectory = project.packageDirectories.find((directory) => directory.default);

const changelog = `# Changelog

## [0.2.0] — Transfers

Adds blind transfer.
Second line of the description.

- Transfer button.

- Consult later.

## 0.1.0

First.
`;

test('a section gives its name, its first paragraph as description and the rest as notes', () => {
    assert.deepEqual(readReleaseNotes(changelog, '0.2.0'), {
        release: '0.2.0',
        name: 'Transfers',
        description: 'Adds blind transfer. Second line of the description.',
        notes: '- Transfer button.\n\n- Consult later.'
    });
    assert.deepEqual(readReleaseNotes(changelog, '0.1.0'), {
        release: '0.1.0',
        description: 'First.',
        notes: ''
    });
});

test('a missing section, a bullet-first section and a long description are refused', () => {
    assert.match(
        readReleaseNotes(changelog, '0.3.0').message,
        /no "## 0\.3\.0 — <version name>" section/
    );
    assert.match(readReleaseNotes(changelog, '0.2').message, /no "## 0\.2 — /);
    assert.match(
        readReleaseNotes('## 1.0.0\n\n- only bullets\n', '1.0.0').message,
        /must start with a one-paragraph description/
    );
    assert.match(
        readReleaseNotes(`## 1.0.0\n\n${'x'.repeat(MAX_DESCRIPTION_LENGTH + 1)}\n`, '1.0.0')
            .message,
        /is 256 characters; at most 255/
    );
});

test('releaseOf reads major.minor.patch from a versionNumber', () => {
    assert.equal(releaseOf('0.1.0.NEXT'), '0.1.0');
    assert.equal(releaseOf('1.2.3.4'), '1.2.3');
    assert.throws(() => releaseOf('1.2.NEXT'), /not major\.minor\.patch\.NEXT/);
});

test("the project's next version has its CHANGELOG.md section, named like sfdx-project.json says", () => {
    const notes = readReleaseNotesFile(repoRoot, releaseOf(packageDirectory.versionNumber));
    assert.ok(!(notes instanceof Error), notes.message);
    assert.equal(notes.name, packageDirectory.versionName);
    assert.notEqual(notes.notes, '');
});

test('versions are built in an org shaped by the scratch definition file', () => {
    assert.equal(packageDirectory.definitionFile, 'config/project-scratch-def.json');
    assert.ok(existsSync(join(repoRoot, packageDirectory.definitionFile)));
});
