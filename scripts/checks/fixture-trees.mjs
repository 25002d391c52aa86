// Small throw-away SFDX projects in the OS temp dir for the checks' tests.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const defaultDir = 'force-app/main/default';

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>';
const metadataNamespace = 'http://soap.sforce.com/2006/04/metadata';

/** Creates a project from { relativePath: content } and returns its root. */
export function createFixtureProject(files) {
    const root = mkdtempSync(join(tmpdir(), 'metadata-checks-'));
    writeFixtureFiles(root, files);
    return root;
}

export function writeFixtureFiles(root, files) {
    for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
    }
}

export function removeFixtureProject(root) {
    rmSync(root, { recursive: true, force: true });
}

/**
 * For a test file's top level: `fixture(files)` creates a project (createFixtureProject) and
 * `keep(root)` takes one made otherwise (copyRepoProject); both return the root, and every root
 * is removed when the file's tests are done.
 */
export function temporaryProjects() {
    const roots = [];
    after(() => roots.forEach(removeFixtureProject));
    const keep = (root) => {
        roots.push(root);
        return root;
    };
    return { fixture: (files) => keep(createFixtureProject(files)), keep };
}

/** A metadata file body: declaration, root element with the namespace, then `body`. */
export function metadataXml(typeName, body) {
    return `${xmlDeclaration}\n<${typeName} xmlns="${metadataNamespace}">\n${body}\n</${typeName}>\n`;
}

export const sfdxProjectJson = JSON.stringify({
    packageDirectories: [{ path: 'force-app', default: true }],
    name: 'fixture',
    namespace: '',
    sourceApiVersion: '67.0'
});

export function callCenterItem(name, value, label = name) {
    return `<items><label>${label}</label><name>${name}</name><value>${value}</value></items>`;
}

export function callCenterXml({ compatibilityMode = 'Lightning', extraSection = '' } = {}) {
    return metadataXml(
        'CallCenter',
        `<adapterUrl>/apex/Softphone</adapterUrl>
        <displayName>Softphone</displayName>
        <displayNameLabel>Display Name</displayNameLabel>
        <internalNameLabel>Internal Name</internalNameLabel>
        <sections>
            ${callCenterItem('reqAdapterUrl', '/apex/Softphone')}
            ${callCenterItem('reqUseApi', 'true')}
            ${callCenterItem('reqSoftphoneHeight', '560')}
            ${callCenterItem('reqSoftphoneWidth', '360')}
            ${callCenterItem('reqSalesforceCompatibilityMode', compatibilityMode)}
            <label>General Information</label>
            <name>reqGeneralInfo</name>
        </sections>
        ${extraSection}`
    );
}

export function textFieldXml(name, { required = false, extra = '' } = {}) {
    return metadataXml(
        'CustomField',
        `<fullName>${name}</fullName>
        <label>${name}</label>
        <length>40</length>
        <required>${required}</required>
        <type>Text</type>
        ${extra}`
    );
}

export function objectPermissionXml(
    object,
    { allowDelete = false, viewAll = false, modifyAll = false } = {}
) {
    return `<objectPermissions>
        <allowCreate>true</allowCreate>
        <allowDelete>${allowDelete}</allowDelete>
        <allowEdit>true</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>${modifyAll}</modifyAllRecords>
        <object>${object}</object>
        <viewAllRecords>${viewAll}</viewAllRecords>
    </objectPermissions>`;
}

export function permissionSetXml(body) {
    return metadataXml('PermissionSet', `<label>Fixture</label>\n${body}`);
}

/** The call metrics: tracked fields, and the active rule that refuses changes to them. */
export const LOCKED_METRIC_FIELDS = [
    'Started__c',
    'Ended__c',
    'Duration_Seconds__c',
    'Outcome__c',
    'Agent__c'
];

export function lockedMetricsRuleXml(fields = LOCKED_METRIC_FIELDS, { active = true } = {}) {
    return metadataXml(
        'ValidationRule',
        `<fullName>Call_Metrics_Are_Locked</fullName>
        <active>${active}</active>
        <errorConditionFormula>AND(NOT(ISNEW()), OR(${fields.map((field) => `ISCHANGED(${field})`).join(', ')}))</errorConditionFormula>
        <errorMessage>Locked.</errorMessage>`
    );
}

function lockedMetricFiles(objectDir) {
    return {
        ...Object.fromEntries(
            LOCKED_METRIC_FIELDS.map((name) => [
                `${objectDir}/fields/${name}.field-meta.xml`,
                textFieldXml(name, { extra: '<trackHistory>true</trackHistory>' })
            ])
        ),
        [`${objectDir}/validationRules/Call_Metrics_Are_Locked.validationRule-meta.xml`]:
            lockedMetricsRuleXml()
    };
}

/** A small project every check accepts: object, fields, channel, call center, page, permission sets. */
export function validProjectFiles() {
    const objectDir = `${defaultDir}/objects/Phone_Call__c`;
    return {
        'sfdx-project.json': sfdxProjectJson,
        [`${objectDir}/Phone_Call__c.object-meta.xml`]: metadataXml(
            'CustomObject',
            `<deploymentStatus>Deployed</deploymentStatus>
            <label>Phone Call</label>
            <nameField><label>Call Number</label><type>AutoNumber</type><displayFormat>PC-{0000}</displayFormat></nameField>
            <enableHistory>true</enableHistory>
            <pluralLabel>Phone Calls</pluralLabel>
            <sharingModel>ReadWrite</sharingModel>`
        ),
        ...lockedMetricFiles(objectDir),
        [`${objectDir}/fields/Direction__c.field-meta.xml`]: textFieldXml('Direction__c', {
            required: true
        }),
        [`${objectDir}/fields/Notes__c.field-meta.xml`]: textFieldXml('Notes__c'),
        [`${defaultDir}/messageChannels/Softphone_Message.messageChannel-meta.xml`]: metadataXml(
            'LightningMessageChannel',
            '<isExposed>true</isExposed>\n<masterLabel>Softphone Message</masterLabel>'
        ),
        [`${defaultDir}/callCenters/Softphone.callCenter-meta.xml`]: callCenterXml(),
        [`${defaultDir}/pages/Softphone.page`]:
            '<apex:page showHeader="false" standardStylesheets="false"></apex:page>\n',
        [`${defaultDir}/pages/Softphone.page-meta.xml`]: metadataXml(
            'ApexPage',
            '<apiVersion>67.0</apiVersion>\n<label>Softphone</label>'
        ),
        [`${defaultDir}/permissionsets/Softphone_Agent.permissionset-meta.xml`]: permissionSetXml(
            `<fieldPermissions><editable>true</editable><field>Phone_Call__c.Notes__c</field><readable>true</readable></fieldPermissions>
            ${objectPermissionXml('Phone_Call__c')}`
        ),
        [`${defaultDir}/permissionsets/Softphone_Admin.permissionset-meta.xml`]: permissionSetXml(
            objectPermissionXml('Phone_Call__c', {
                allowDelete: true,
                viewAll: true,
                modifyAll: true
            })
        )
    };
}

/**
 * A temp copy of this repo's sfdx-project.json and force-app, for checks that need a converted
 * tree. The softphone static resource is a build output (gitignored): when it has not been built,
 * a placeholder file stands in for it, since only the metadata is under test.
 */
export function copyRepoProject() {
    const root = mkdtempSync(join(tmpdir(), 'metadata-checks-repo-'));
    cpSync(join(repoRoot, 'sfdx-project.json'), join(root, 'sfdx-project.json'));
    cpSync(join(repoRoot, 'force-app'), join(root, 'force-app'), { recursive: true });
    const staticResources = join(root, defaultDir, 'staticresources');
    if (
        existsSync(join(staticResources, 'softphone.resource-meta.xml')) &&
        !existsSync(join(staticResources, 'softphone'))
    ) {
        writeFixtureFiles(staticResources, {
            'softphone/softphone.js': '// placeholder for the build output\n'
        });
    }
    return root;
}
