import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileLwcBundles } from './lwc-compile.mjs';
import { defaultDir, metadataXml, repoRoot, temporaryProjects } from './fixture-trees.mjs';

const { fixture } = temporaryProjects();

const lwcDir = `${defaultDir}/lwc`;
const validJs = `import { LightningElement, api } from 'lwc';
export default class CallLog extends LightningElement {
    @api recordId;
}
`;
const validHtml = '<template><p>{recordId}</p></template>\n';
const validMeta = metadataXml(
    'LightningComponentBundle',
    '<apiVersion>67.0</apiVersion>\n<isExposed>false</isExposed>'
);

function compileFixture(files) {
    return compileLwcBundles(fixture(files));
}

function bundle(name, { js = validJs, html = validHtml, meta = validMeta } = {}) {
    const files = {
        [`${lwcDir}/${name}/${name}.js`]: js,
        [`${lwcDir}/${name}/${name}.js-meta.xml`]: meta
    };
    if (html !== null) {
        files[`${lwcDir}/${name}/${name}.html`] = html;
    }
    return files;
}

test('valid bundles and a service module (JS only) compile', () => {
    const service = {
        [`${lwcDir}/ldsUtils/ldsUtils.js`]:
            'export function reduceErrors(errors) { return [errors].flat(); }\n',
        [`${lwcDir}/ldsUtils/ldsUtils.js-meta.xml`]: validMeta
    };
    assert.deepEqual(compileFixture({ ...bundle('callLog'), ...service }), []);
});

test('an unclosed tag in a template is reported with file, position and code', () => {
    const problems = compileFixture(
        bundle('callLog', {
            html: '<template>\n    <div>\n        <p>{recordId}</p>\n</template>\n'
        })
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, `${lwcDir}/callLog/callLog.html`);
    assert.match(problems[0].message, /^line \d+, col \d+: LWC\d{4}: /);
});

test('a JavaScript syntax error is reported with file, position and code', () => {
    const problems = compileFixture(
        bundle('callLog', { js: validJs.replace('@api recordId;', '@api recordId(;') })
    );
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, `${lwcDir}/callLog/callLog.js`);
    assert.match(problems[0].message, /^line 3, col \d+: LWC1007: Unexpected token/);
    assert.doesNotMatch(problems[0].message, /\n/);
});

test('a template the platform rejects is reported (call expression)', () => {
    const problems = compileFixture(
        bundle('callLog', { html: '<template><p>{format(recordId)}</p></template>' })
    );
    assert.match(problems[0].message, /LWC1060/);
});

test('a bundle without its js-meta.xml is reported', () => {
    const files = bundle('callLog');
    delete files[`${lwcDir}/callLog/callLog.js-meta.xml`];
    const problems = compileFixture(files);
    assert.deepEqual(problems, [
        {
            file: `${lwcDir}/callLog`,
            message: 'LWC bundle has no callLog.js-meta.xml (every bundle needs one to deploy)'
        }
    ]);
});

test('__tests__ folders are not compiled', () => {
    const files = {
        ...bundle('callLog'),
        [`${lwcDir}/callLog/__tests__/callLog.test.js`]: 'this is jest, not a component ('
    };
    assert.deepEqual(compileFixture(files), []);
});

test('no lwc folder means no problems', () => {
    assert.deepEqual(compileFixture({ 'sfdx-project.json': '{}' }), []);
});

test("the repo's LWC bundles compile", () => {
    assert.deepEqual(compileLwcBundles(repoRoot), []);
});
