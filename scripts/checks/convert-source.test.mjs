import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkRequiredTypes, convertSourceTypes } from './convert-source.mjs';
import { requiredTypesFor } from './run-metadata-checks.mjs';
import {
    copyRepoProject,
    defaultDir,
    metadataXml,
    validProjectFiles,
    temporaryProjects
} from './fixture-trees.mjs';

const { fixture, keep } = temporaryProjects();

test('convert lists the types of a small valid project and cleans up after itself', async () => {
    const tempParent = fixture({});
    const { types, problems } = await convertSourceTypes(fixture(validProjectFiles()), {
        tempParent
    });
    assert.deepEqual(problems, []);
    assert.deepEqual([...types].sort(), [
        'ApexPage',
        'CallCenter',
        'CustomField',
        'CustomObject',
        'LightningMessageChannel',
        'PermissionSet',
        'ValidationRule'
    ]);
    assert.deepEqual(readdirSync(tempParent), []);
});

test('the required-types check reports the types the package lacks', async () => {
    const root = fixture(validProjectFiles());
    const problems = await checkRequiredTypes(root, ['CallCenter', 'CustomTab']);
    assert.deepEqual(problems, [
        {
            file: 'force-app',
            message: 'converted package has no CustomTab (expected in package.xml)'
        }
    ]);
});

test('a CLI failure becomes a problem carrying the CLI message', async () => {
    const root = fixture({
        ...validProjectFiles(),
        [`${defaultDir}/staticresources/softphone.resource-meta.xml`]: metadataXml(
            'StaticResource',
            '<cacheControl>Private</cacheControl>\n<contentType>application/zip</contentType>'
        )
    });
    const { types, problems } = await convertSourceTypes(root);
    assert.equal(types.size, 0);
    assert.equal(problems.length, 1);
    assert.match(
        problems[0].message,
        /^sf project convert source failed: ExpectedSourceFilesError: .*softphone\.resource-meta\.xml/
    );
});

test("the repo's force-app converts with every required type", async () => {
    const root = keep(copyRepoProject());
    assert.ok(existsSync(join(root, 'force-app')));
    const problems = await checkRequiredTypes(root, requiredTypesFor(root));
    assert.deepEqual(problems, []);
});
