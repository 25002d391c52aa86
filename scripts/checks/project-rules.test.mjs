import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkProjectRules } from './project-rules.mjs';
import { checkCallMetricsLocked } from './rule-call-metrics-locked.mjs';
import {
    callCenterItem,
    callCenterXml,
    defaultDir,
    LOCKED_METRIC_FIELDS,
    lockedMetricsRuleXml,
    textFieldXml,
    metadataXml,
    objectPermissionXml,
    permissionSetXml,
    repoRoot,
    validProjectFiles,
    temporaryProjects
} from './fixture-trees.mjs';

const { fixture } = temporaryProjects();

/** Problems of a valid project changed by `files` (null deletes a file). */
function checkFixture(files = {}) {
    const merged = Object.fromEntries(
        Object.entries({ ...validProjectFiles(), ...files }).filter(
            ([, content]) => content !== null
        )
    );
    return checkProjectRules(fixture(merged));
}

const agentFile = `${defaultDir}/permissionsets/Softphone_Agent.permissionset-meta.xml`;
const adminFile = `${defaultDir}/permissionsets/Softphone_Admin.permissionset-meta.xml`;
const callCenterFile = `${defaultDir}/callCenters/Softphone.callCenter-meta.xml`;
const pageFile = `${defaultDir}/pages/Softphone.page`;

test('a valid fixture project follows every rule', () => {
    assert.deepEqual(checkFixture(), []);
});

test('Apex source files are reported anywhere in the repo', () => {
    const problems = checkFixture({
        [`${defaultDir}/classes/SoftphoneController.cls`]: 'public class SoftphoneController {}',
        'scripts/anonymous.apex': 'System.debug(1);'
    });
    assert.deepEqual(problems.map(({ file }) => file).sort(), [
        `${defaultDir}/classes/SoftphoneController.cls`,
        'scripts/anonymous.apex'
    ]);
});

test('a Visualforce page bound to an Apex controller or extension is reported', () => {
    const problems = checkFixture({
        [pageFile]:
            '<apex:page showHeader="false"\n    controller="SoftphoneController" extensions="Extra"></apex:page>'
    });
    assert.deepEqual(
        problems.map(({ file }) => file),
        [pageFile, pageFile]
    );
    assert.match(problems[0].message, /line 2: 'controller=' binds the page to Apex/);
    assert.match(problems[1].message, /'extensions='/);
});

test('a standard controller is not Apex', () => {
    assert.deepEqual(
        checkFixture({ [pageFile]: '<apex:page standardController="Contact"></apex:page>' }),
        []
    );
});

test('a layout referencing a Phone_Call__c field without a field file is reported', () => {
    const layoutFile = `${defaultDir}/layouts/Phone_Call__c-Phone Call Layout.layout-meta.xml`;
    const layout = metadataXml(
        'Layout',
        `<layoutSections><layoutColumns>
            <layoutItems><behavior>Edit</behavior><field>Notes__c</field></layoutItems>
            <layoutItems><behavior>Edit</behavior><field>Note__c</field></layoutItems>
        </layoutColumns><style>OneColumn</style></layoutSections>`
    );
    const problems = checkFixture({ [layoutFile]: layout });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, layoutFile);
    assert.match(
        problems[0].message,
        /line 5: <layoutItems><field> Note__c: field Phone_Call__c\.Note__c does not exist \(no objects\/Phone_Call__c\/fields\/Note__c\.field-meta\.xml\); did you mean Notes__c\?/
    );
});

test('code referencing Phone_Call__c fields is checked, schema imports of any object too; channels are not fields', () => {
    const code = `import CHANNEL from '@salesforce/messageChannel/Softphone_Message__c';
import NOTES from '@salesforce/schema/Phone_Call__c.Notes__c';
import OUTCOME from '@salesforce/schema/Phone_Call__c.Outcome_Code__c';
import OTHER from '@salesforce/schema/Account.Rating__c';
const log = { entityApiName: 'Phone_Call__c', 'Direction__c': 'Inbound', "Queue__c": 'Sales' };
const value = record.fields.Notes__c.value; // ns__Obj__c is another namespace's object`;
    const problems = checkFixture({
        [`${defaultDir}/lwc/callLog/callLog.js`]: code,
        'src/softphone/log.ts': code
    });
    assert.deepEqual(
        problems.map(({ file, message }) => `${file} ${message.split(',')[0]}`),
        [
            `${defaultDir}/lwc/callLog/callLog.js line 5: references Phone_Call__c field Queue__c`,
            'src/softphone/log.ts line 5: references Phone_Call__c field Queue__c',
            `${defaultDir}/lwc/callLog/callLog.js line 3: import '@salesforce/schema/Phone_Call__c.Outcome_Code__c': field Phone_Call__c.Outcome_Code__c does not exist (no objects/Phone_Call__c/fields/Outcome_Code__c.field-meta.xml); did you mean Outcome__c?`,
            `${defaultDir}/lwc/callLog/callLog.js line 4: import '@salesforce/schema/Account.Rating__c': field Account.Rating__c does not exist (no objects/Account/fields/Rating__c.field-meta.xml)`
        ]
    );
});

test('permission sets, list views and record pages are checked for Phone_Call__c fields', () => {
    const listView = `${defaultDir}/objects/Phone_Call__c/listViews/All.listView-meta.xml`;
    const recordPage = `${defaultDir}/flexipages/Phone_Call_Record_Page.flexipage-meta.xml`;
    const problems = checkFixture({
        [adminFile]: permissionSetXml(
            '<fieldPermissions><editable>true</editable><field>Phone_Call__c.Recording__c</field><readable>true</readable></fieldPermissions>'
        ),
        [listView]: metadataXml(
            'ListView',
            '<columns>Notes__c</columns><columns>Start_Time__c</columns><filterScope>Everything</filterScope><label>All</label>'
        ),
        [recordPage]: metadataXml(
            'FlexiPage',
            '<fieldItem>Record.End_Time__c</fieldItem><sobjectType>Phone_Call__c</sobjectType>'
        )
    });
    assert.deepEqual(
        problems.map(
            ({ file, message }) => `${file} ${/field Phone_Call__c\.(\w+)/.exec(message)[1]}`
        ),
        [`${listView} Start_Time__c`, `${adminFile} Recording__c`, `${recordPage} End_Time__c`]
    );
});

test('files that never mention Phone_Call__c are not scanned for its fields', () => {
    assert.deepEqual(checkFixture({ 'src/other.ts': "const x = { 'Rating__c': 1 };" }), []);
});

test('the agent permission set may not delete, view all or modify all', () => {
    const problems = checkFixture({
        [agentFile]: permissionSetXml(
            objectPermissionXml('Phone_Call__c', { allowDelete: true, modifyAll: true })
        )
    });
    assert.deepEqual(
        problems.map(({ file }) => file),
        [agentFile, agentFile]
    );
    assert.match(problems[0].message, /grants allowDelete on Phone_Call__c/);
    assert.match(problems[1].message, /grants modifyAllRecords on Phone_Call__c/);
});

test('the agent permission set may not grant system permissions or Apex classes', () => {
    const problems = checkFixture({
        [agentFile]:
            permissionSetXml(`<userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
            <classAccesses><apexClass>Anything</apexClass><enabled>true</enabled></classAccesses>`)
    });
    assert.match(problems[0].message, /system permission ApiEnabled/);
    assert.match(problems[1].message, /Apex class Anything/);
});

test('the admin permission set may grant delete, View All and Modify All', () => {
    assert.deepEqual(
        checkFixture({
            [adminFile]: permissionSetXml(
                objectPermissionXml('Phone_Call__c', {
                    allowDelete: true,
                    viewAll: true,
                    modifyAll: true
                })
            )
        }),
        []
    );
});

test('a required field in a permission set is reported', () => {
    const problems = checkFixture({
        [adminFile]: permissionSetXml(
            '<fieldPermissions><editable>true</editable><field>Phone_Call__c.Direction__c</field><readable>true</readable></fieldPermissions>'
        )
    });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, adminFile);
    assert.match(
        problems[0].message,
        /fieldPermissions lists Phone_Call__c\.Direction__c, which is required/
    );
});

test('a call center in Classic mode is reported', () => {
    const problems = checkFixture({
        [callCenterFile]: callCenterXml({ compatibilityMode: 'Classic' })
    });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, callCenterFile);
    assert.match(
        problems[0].message,
        /reqSalesforceCompatibilityMode is 'Classic'; expected Lightning or Classic_and_Lightning/
    );
});

test('missing Lightning items and out-of-range sizes are reported', () => {
    const xml = callCenterXml()
        .replace(callCenterItem('reqUseApi', 'true'), '')
        .replace(
            callCenterItem('reqSoftphoneHeight', '560'),
            callCenterItem('reqSoftphoneHeight', '100')
        );
    const messages = checkFixture({ [callCenterFile]: xml }).map(({ message }) => message);
    assert.deepEqual(messages, [
        "missing item reqUseApi ('true' (Open CTI))",
        "item reqSoftphoneHeight is '100'; expected a height of 240–2560 px"
    ]);
});

test('custom section and item names must be short, alphanumeric and not req-prefixed', () => {
    const section = `<sections>${callCenterItem('reqProvider', 'x')}${callCenterItem('connector_type', 'y')}<label>Adapter</label><name>adapterSettings</name></sections>`;
    const messages = checkFixture({
        [callCenterFile]: callCenterXml({ extraSection: section })
    }).map(({ message }) => message);
    assert.deepEqual(messages, [
        "item name 'reqProvider' starts with 'req', which is reserved for Salesforce's documented names",
        "item name 'connector_type' must be alphanumeric and at most 40 characters"
    ]);
});

test('customSettings must agree with the items', () => {
    const xml = callCenterXml().replace(
        '<displayName>',
        '<customSettings>{&quot;reqSoftphoneHeight&quot;:&quot;600&quot;}</customSettings><displayName>'
    );
    const messages = checkFixture({ [callCenterFile]: xml }).map(({ message }) => message);
    assert.deepEqual(messages, [
        "customSettings says reqSoftphoneHeight is '600' but item reqSoftphoneHeight is '560'"
    ]);
});

test("the repo's current tree follows every project rule", () => {
    assert.deepEqual(checkProjectRules(repoRoot), []);
});

test("the call center's dispositionValues must be the Disposition picklist's active values", () => {
    const dispositionField = metadataXml(
        'CustomField',
        `<fullName>Disposition__c</fullName>
        <label>Disposition</label>
        <type>Picklist</type>
        <valueSet><valueSetDefinition>
            <value><fullName>Resolved</fullName><default>false</default><label>Resolved</label></value>
            <value><fullName>Retired</fullName><default>false</default><isActive>false</isActive><label>Retired</label></value>
            <value><fullName>Callback</fullName><default>false</default><label>Callback</label></value>
        </valueSetDefinition></valueSet>`
    );
    const wrapUp = (values) =>
        `<sections>${callCenterItem('dispositionValues', values)}<label>Wrap-Up</label><name>wrapUp</name></sections>`;
    const fieldFile = `${defaultDir}/objects/Phone_Call__c/fields/Disposition__c.field-meta.xml`;
    assert.deepEqual(
        checkFixture({
            [fieldFile]: dispositionField,
            [callCenterFile]: callCenterXml({ extraSection: wrapUp('Resolved, Callback') })
        }),
        []
    );
    const problems = checkFixture({
        [fieldFile]: dispositionField,
        [callCenterFile]: callCenterXml({ extraSection: wrapUp('Resolved,Retired,Callback') })
    });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, callCenterFile);
    assert.match(
        problems[0].message,
        /item dispositionValues is 'Resolved,Retired,Callback' but the Phone_Call__c\.Disposition__c picklist's active values are 'Resolved,Callback'/
    );
});

test('a call-center item with an empty value is reported', () => {
    const section = `<sections>${callCenterItem('sipDomain', '')}<label>Phone System</label><name>connector</name></sections>`;
    const problems = checkFixture({ [callCenterFile]: callCenterXml({ extraSection: section }) });
    assert.deepEqual(
        problems.map(({ file }) => file),
        [callCenterFile]
    );
    assert.match(problems[0].message, /item sipDomain has an empty <value>/);
});

const overrideSpan = (key, field) =>
    `<span data-setting="${key}"\n    ><apex:outputText value="{!$Setup.Softphone_Settings__c.${field}}"\n/></span>`;
const parserFile = 'src/softphone/settings/call-center-settings.ts';
const parserSource =
    "reader.text('/dialing/defaultCountry', 'US'); reader.flag('/logging/mirrorToTask');";
/** The Softphone_Settings__c hierarchy custom setting with these Text fields. */
const settingsObject = (...fields) => ({
    [`${defaultDir}/objects/Softphone_Settings__c/Softphone_Settings__c.object-meta.xml`]:
        metadataXml(
            'CustomObject',
            '<customSettingsType>Hierarchy</customSettingsType><label>Softphone Settings</label><visibility>Public</visibility>'
        ),
    ...Object.fromEntries(
        fields.map((field) => [
            `${defaultDir}/objects/Softphone_Settings__c/fields/${field}.field-meta.xml`,
            textFieldXml(field)
        ])
    )
});
const pageWith = (spans) =>
    `<apex:page showHeader="false">\n<div id="softphone-setting-overrides" hidden="hidden">\n${spans.join('\n')}\n</div>\n</apex:page>\n`;

test('every setting the adapter reads has one override on the page, for a setting it reads', () => {
    assert.deepEqual(
        checkFixture({
            ...settingsObject('Default_Country__c', 'Mirror_To_Task__c'),
            [parserFile]: parserSource,
            [pageFile]: pageWith([
                overrideSpan('/dialing/defaultCountry', 'Default_Country__c'),
                overrideSpan('/logging/mirrorToTask', 'Mirror_To_Task__c')
            ])
        }),
        []
    );
    const problems = checkFixture({
        ...settingsObject('Default_Country__c', 'Mirror_To_Task__c', 'Adapter__c'),
        [parserFile]: parserSource,
        [pageFile]: pageWith([
            overrideSpan('/dialing/defaultCuntry', 'Default_Country__c'),
            overrideSpan('/reqGeneralInfo/reqAdapterUrl', 'Adapter__c'),
            '<span data-setting="/logging/mirrorToTask">{!$Setup.Softphone_Settings__c.Mirror_To_Task__c}</span>'
        ])
    });
    assert.deepEqual(
        problems.map(({ message }) => message.replace(/ \(.*$|, which.*$/, '')),
        [
            'line 9: data-setting="/logging/mirrorToTask" must be <span data-setting="/section/item"><apex:outputText value="{!$Setup.Object__c.Field__c}" /></span>',
            'line 3: data-setting="/dialing/defaultCuntry" is a setting the adapter does not read',
            'line 6: data-setting="/reqGeneralInfo/reqAdapterUrl" is not a custom-section /section/item key',
            "setting /dialing/defaultCountry has no override from the custom setting: an admin's value for it would not survive an upgrade",
            "setting /logging/mirrorToTask has no override from the custom setting: an admin's value for it would not survive an upgrade"
        ]
    );
});

test('a call-center item the adapter does not read is reported', () => {
    const section = `<sections>${callCenterItem('defaultCuntry', 'US')}<label>Dialing</label><name>dialing</name></sections>`;
    const problems = checkFixture({
        [parserFile]: parserSource,
        [callCenterFile]: callCenterXml({ extraSection: section })
    });
    assert.deepEqual(problems, [
        {
            file: parserFile,
            message:
                'the call center declares /dialing/defaultCuntry, which the adapter does not read'
        }
    ]);
});

test('the real page overrides every setting the adapter reads', () => {
    assert.deepEqual(checkProjectRules(repoRoot), []);
});

test('the call metrics are locked by an active validation rule, and tracked', () => {
    const rulesDir = `${defaultDir}/objects/Phone_Call__c/validationRules`;
    const ruleFile = `${rulesDir}/Call_Metrics_Are_Locked.validationRule-meta.xml`;
    const missingOne = checkFixture({
        [ruleFile]: lockedMetricsRuleXml(LOCKED_METRIC_FIELDS.filter((f) => f !== 'Agent__c'))
    });
    assert.deepEqual(
        missingOne.map(({ file, message }) => `${file} ${message.split(':')[0]}`),
        [
            `${rulesDir} no active validation rule refuses changes to Phone_Call__c.Agent__c (ISCHANGED(Agent__c))`
        ]
    );
    const inactive = checkFixture({
        [ruleFile]: lockedMetricsRuleXml(undefined, { active: false })
    });
    assert.equal(inactive.length, LOCKED_METRIC_FIELDS.length);
    assert.equal(checkFixture({ [ruleFile]: null }).length, LOCKED_METRIC_FIELDS.length);
});

test('a locked field must be history-tracked, and the object must track history', () => {
    const objectDir = `${defaultDir}/objects/Phone_Call__c`;
    const startedFile = `${objectDir}/fields/Started__c.field-meta.xml`;
    const objectFile = `${objectDir}/Phone_Call__c.object-meta.xml`;
    const untracked = checkFixture({ [startedFile]: textFieldXml('Started__c') });
    assert.equal(untracked.length, 1);
    assert.equal(untracked[0].file, startedFile);
    assert.match(untracked[0].message, /not history-tracked/);
    const files = validProjectFiles();
    const noHistory = checkFixture({
        [objectFile]: files[objectFile].replace('<enableHistory>true</enableHistory>', '')
    });
    assert.deepEqual(
        noHistory.map(({ file }) => file),
        [objectFile]
    );
});

test('the fields agents edit after a call are never locked', () => {
    const ruleFile = `${defaultDir}/objects/Phone_Call__c/validationRules/Call_Metrics_Are_Locked.validationRule-meta.xml`;
    const problems = checkFixture({
        [ruleFile]: lockedMetricsRuleXml([...LOCKED_METRIC_FIELDS, 'Notes__c'])
    });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /locks Phone_Call__c.Notes__c, which agents edit/);
});

test('this repo locks the call metrics', () => {
    assert.deepEqual(checkCallMetricsLocked(repoRoot), []);
});
