import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintMetadata } from './metadata-lint.mjs';
import {
    callCenterItem,
    callCenterXml,
    defaultDir,
    metadataXml,
    repoRoot,
    textFieldXml,
    validProjectFiles,
    temporaryProjects
} from './fixture-trees.mjs';

const { fixture } = temporaryProjects();

function lintFixture(files) {
    return lintMetadata(fixture(files));
}

const callCenterFile = `${defaultDir}/callCenters/Softphone.callCenter-meta.xml`;
const fieldFile = `${defaultDir}/objects/Phone_Call__c/fields/Notes__c.field-meta.xml`;

test('a valid fixture project has no problems', () => {
    assert.deepEqual(lintFixture(validProjectFiles()), []);
});

test('a misspelled element in a call center is named with its path and a suggestion', () => {
    const misspelled = callCenterXml().replace(
        '<name>reqGeneralInfo</name>',
        `<name>reqGeneralInfo</name><itemz><label>x</label><name>y</name><value>z</value></itemz>`
    );
    const problems = lintFixture({ [callCenterFile]: misspelled });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, callCenterFile);
    assert.match(problems[0].message, /CallCenter > sections > itemz: unknown element <itemz>/);
    assert.match(problems[0].message, /did you mean <items>/);
});

test('a misspelled element in a field file is named', () => {
    const problems = lintFixture({
        [fieldFile]: textFieldXml('Notes__c').replace(/length>/g, 'lenght>')
    });
    assert.deepEqual(
        problems.map(({ file }) => file),
        [fieldFile]
    );
    assert.match(
        problems[0].message,
        /CustomField > lenght: unknown element <lenght>.*did you mean <length>/
    );
});

test('a root element that does not match the suffix is reported', () => {
    const problems = lintFixture({ [fieldFile]: metadataXml('CustomObject', '<label>x</label>') });
    assert.equal(problems.length, 1);
    assert.match(
        problems[0].message,
        /root element is <CustomObject> but a \.field-meta\.xml file must have <CustomField>/
    );
});

test('XML that is not well-formed is reported with line and column', () => {
    const broken = textFieldXml('Notes__c').replace('</label>', '</labl>');
    const problems = lintFixture({ [fieldFile]: broken });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^XML is not well-formed \(line 4, col \d+\): .*label/);
});

test('an unclosed element is reported', () => {
    const problems = lintFixture({
        [fieldFile]: textFieldXml('Notes__c').replace('</CustomField>', '')
    });
    assert.match(
        problems[0].message,
        /XML is not well-formed \(line \d+, col \d+\): unclosed .*CustomField/i
    );
});

test('a value outside a string-literal union is reported with the allowed values', () => {
    const problems = lintFixture({
        [fieldFile]: textFieldXml('Notes__c').replace('<type>Text</type>', '<type>Picklistt</type>')
    });
    assert.equal(problems.length, 1);
    assert.match(
        problems[0].message,
        /CustomField > type: 'Picklistt' is not a valid FieldType; did you mean 'Picklist'\?/
    );
});

test('booleans and numbers are checked', () => {
    const field = textFieldXml('Notes__c', { extra: '<externalId>yes</externalId>' }).replace(
        '<length>40<',
        '<length>forty<'
    );
    const messages = lintFixture({ [fieldFile]: field }).map(({ message }) => message);
    assert.ok(messages.some((message) => /externalId: 'yes' is not a boolean/.test(message)));
    assert.ok(messages.some((message) => /length: 'forty' is not a number/.test(message)));
});

test('missing required elements are reported, fullName is not required', () => {
    const withoutDisplayName = callCenterXml().replace('<displayName>Softphone</displayName>', '');
    const problems = lintFixture({ [callCenterFile]: withoutDisplayName });
    assert.deepEqual(
        problems.map(({ message }) => message),
        ['CallCenter: missing required element <displayName> (CallCenter)']
    );
});

test('a missing required element inside a list item names its path', () => {
    const section = `<sections>${callCenterItem('adapterMode', 'x').replace('<label>adapterMode</label>', '')}<label>A</label><name>adapter</name></sections>`;
    const problems = lintFixture({ [callCenterFile]: callCenterXml({ extraSection: section }) });
    assert.deepEqual(
        problems.map(({ message }) => message),
        ['CallCenter > sections > items: missing required element <label> (CallCenterItem)']
    );
});

test('CallCenter customSettings is accepted', () => {
    const withSettings = callCenterXml().replace(
        '<displayName>',
        '<customSettings>{&quot;reqUseApi&quot;:&quot;true&quot;}</customSettings><displayName>'
    );
    assert.deepEqual(lintFixture({ [callCenterFile]: withSettings }), []);
});

test('a value repeated where the type allows one is reported', () => {
    const problems = lintFixture({
        [fieldFile]: textFieldXml('Notes__c', { extra: '<label>Again</label>' })
    });
    assert.match(
        problems[0].message,
        /<label> is a single value in CustomField but appears 2 times/
    );
});

test('the wrong namespace is reported', () => {
    const problems = lintFixture({
        [fieldFile]: textFieldXml('Notes__c').replace('2006/04/metadata', '2006/04/metadataa')
    });
    assert.match(
        problems[0].message,
        /xmlns is 'http:\/\/soap\.sforce\.com\/2006\/04\/metadataa', expected/
    );
});

test('an unknown file suffix is reported', () => {
    const problems = lintFixture({
        [`${defaultDir}/callCenters/Softphone.callCentre-meta.xml`]: callCenterXml()
    });
    assert.match(problems[0].message, /unknown metadata file suffix '\.callCentre-meta\.xml'/);
});

test('LWC targetConfigs may hold XML; other leaves may not', () => {
    const bundle = `${defaultDir}/lwc/callLog/callLog.js-meta.xml`;
    const meta = metadataXml(
        'LightningComponentBundle',
        `<apiVersion>67.0</apiVersion><isExposed>true</isExposed>
        <targets><target>lightning__RecordPage</target></targets>
        <targetConfigs><targetConfig targets="lightning__RecordPage"><objects><object>Contact</object></objects></targetConfig></targetConfigs>`
    );
    assert.deepEqual(lintFixture({ [bundle]: meta }), []);
    const nested = lintFixture({
        [fieldFile]: textFieldXml('Notes__c').replace(
            '<label>Notes__c</label>',
            '<label><en>x</en></label>'
        )
    });
    assert.match(nested[0].message, /<label> holds a value \(string\), not child elements/);
});

test("the repo's force-app passes the lint, well under 2 s", () => {
    const started = performance.now();
    const problems = lintMetadata(repoRoot);
    assert.deepEqual(problems, []);
    assert.ok(performance.now() - started < 2000);
});
