import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredTypesFor, runMetadataChecks } from './run-metadata-checks.mjs';
import { checkStaticResourceContent } from './static-resource-content.mjs';
import { defaultDir, metadataXml, validProjectFiles, temporaryProjects } from './fixture-trees.mjs';

const { fixture } = temporaryProjects();

const resourceMeta = {
    [`${defaultDir}/staticresources/softphone.resource-meta.xml`]: metadataXml(
        'StaticResource',
        '<cacheControl>Private</cacheControl>\n<contentType>application/zip</contentType>'
    )
};

test('an unbuilt static resource says to run the build, instead of a CLI error', () => {
    const problems = checkStaticResourceContent(
        fixture({ ...validProjectFiles(), ...resourceMeta })
    );
    assert.equal(problems.length, 1);
    assert.match(
        problems[0].message,
        /static resource content missing .*staticresources\/softphone\/.*run npm run build first/
    );
});

test('a built static resource (folder or file) passes', () => {
    const asFolder = {
        ...resourceMeta,
        [`${defaultDir}/staticresources/softphone/softphone.js`]: ''
    };
    const asFile = { ...resourceMeta, [`${defaultDir}/staticresources/softphone.zip`]: '' };
    assert.deepEqual(checkStaticResourceContent(fixture(asFolder)), []);
    assert.deepEqual(checkStaticResourceContent(fixture(asFile)), []);
});

test('required types grow with the folders present', () => {
    const root = fixture({
        [`${defaultDir}/lwc/callLog/callLog.js`]: '',
        [`${defaultDir}/applications/.keep`]: '',
        [`${defaultDir}/flexipages/.keep`]: '',
        [`${defaultDir}/flows/.keep`]: ''
    });
    assert.deepEqual(requiredTypesFor(root).slice(-4), [
        'LightningComponentBundle',
        'CustomApplication',
        'FlexiPage',
        'Flow'
    ]);
    assert.equal(requiredTypesFor(fixture({ 'sfdx-project.json': '{}' })).length, 8);
});

test('the runner gathers problems from every check', async () => {
    const root = fixture({
        ...validProjectFiles(),
        ...resourceMeta,
        [`${defaultDir}/classes/Bad.cls`]: 'public class Bad {}',
        [`${defaultDir}/lwc/callLog/callLog.js`]: 'export default class {',
        [`${defaultDir}/lwc/callLog/callLog.js-meta.xml`]: metadataXml(
            'LightningComponentBundle',
            '<isExposed>nope</isExposed>'
        )
    });
    const messages = (await runMetadataChecks(root)).map(
        ({ file, message }) => `${file}: ${message}`
    );
    assert.equal(messages.length, 4);
    assert.match(
        messages[0],
        /callLog\.js-meta\.xml: LightningComponentBundle > isExposed: 'nope' is not a boolean/
    );
    assert.match(messages[1], /Bad\.cls: Apex source file/);
    assert.match(messages[2], /callLog\.js: line 1, col \d+: LWC1007/);
    assert.match(messages[3], /run npm run build first/);
});
