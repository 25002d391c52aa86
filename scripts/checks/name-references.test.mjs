// Each kind of name a deploy resolves, misspelled once in an otherwise valid fixture project: the
// checks name the file, the line and the element, and suggest the right name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkNameReferences } from './rule-name-references.mjs';
import {
    copyRepoProject,
    defaultDir,
    metadataXml,
    permissionSetXml,
    repoRoot,
    temporaryProjects,
    textFieldXml,
    validProjectFiles
} from './fixture-trees.mjs';

const { fixture, keep } = temporaryProjects();
const objectDir = `${defaultDir}/objects/Phone_Call__c`;
const lwcDir = `${defaultDir}/lwc`;

/** A valid project with more of what names refer to: a lookup, a bundle, a label, a setting. */
function baseFiles() {
    return {
        ...validProjectFiles(),
        [`${objectDir}/fields/Contact__c.field-meta.xml`]: metadataXml(
            'CustomField',
            '<fullName>Contact__c</fullName><label>Contact</label><referenceTo>Contact</referenceTo><relationshipName>Calls</relationshipName><type>Lookup</type>'
        ),
        [`${objectDir}/compactLayouts/Compact.compactLayout-meta.xml`]: metadataXml(
            'CompactLayout',
            '<fields>Name</fields><fields>Notes__c</fields><label>Compact</label>'
        ),
        [`${defaultDir}/objects/Softphone_Settings__c/Softphone_Settings__c.object-meta.xml`]:
            metadataXml(
                'CustomObject',
                '<customSettingsType>Hierarchy</customSettingsType><label>Softphone Settings</label><visibility>Public</visibility>'
            ),
        [`${defaultDir}/objects/Softphone_Settings__c/fields/Default_Country__c.field-meta.xml`]:
            textFieldXml('Default_Country__c'),
        [`${defaultDir}/labels/CustomLabels.labels-meta.xml`]: metadataXml(
            'CustomLabels',
            '<labels><fullName>Softphone_Title</fullName><language>en_US</language><protected>false</protected><shortDescription>Title</shortDescription><value>Calls</value></labels>'
        ),
        [`${defaultDir}/staticresources/softphone.resource-meta.xml`]: metadataXml(
            'StaticResource',
            '<cacheControl>Private</cacheControl><contentType>application/zip</contentType>'
        ),
        [`${defaultDir}/tabs/Phone_Call__c.tab-meta.xml`]: metadataXml(
            'CustomTab',
            '<customObject>true</customObject><motif>Custom22: Telephone</motif>'
        ),
        [`${lwcDir}/callLog/callLog.js`]: [
            "import { LightningElement } from 'lwc';",
            "import { getRecord } from 'lightning/uiRecordApi';",
            "import TITLE from '@salesforce/label/c.Softphone_Title';",
            "import CHANNEL from '@salesforce/messageChannel/Softphone_Message__c';",
            "import NOTES from '@salesforce/schema/Phone_Call__c.Notes__c';",
            "import CONTACT_NAME from '@salesforce/schema/Phone_Call__c.Contact__r.Name';",
            "import PHONE from '@salesforce/schema/Contact.Phone';",
            "import { helper } from 'c/ldsUtils';",
            "import { local } from './local';",
            'export default class CallLog extends LightningElement {}'
        ].join('\n'),
        [`${lwcDir}/callLog/local.js`]: 'export const local = 1;\n',
        [`${lwcDir}/callLog/callLog.html`]:
            '<template><lightning-card><c-lds-utils></c-lds-utils><lightning-button></lightning-button></lightning-card></template>\n',
        [`${lwcDir}/callLog/callLog.js-meta.xml`]: metadataXml(
            'LightningComponentBundle',
            `<apiVersion>67.0</apiVersion><isExposed>true</isExposed>
            <targets><target>lightning__RecordPage</target><target>lightning__UtilityBar</target></targets>
            <targetConfigs><targetConfig targets="lightning__RecordPage">
                <property name="title" type="String" />
                <objects><object>Contact</object><object>Phone_Call__c</object></objects>
            </targetConfig></targetConfigs>`
        ),
        [`${lwcDir}/ldsUtils/ldsUtils.js`]: 'export function helper() {}\n',
        [`${lwcDir}/ldsUtils/ldsUtils.js-meta.xml`]: metadataXml(
            'LightningComponentBundle',
            '<apiVersion>67.0</apiVersion><isExposed>false</isExposed>'
        )
    };
}

/** Problems of the base project changed by `files`, as 'file: message'. */
function problemsWith(files) {
    return checkNameReferences(fixture({ ...baseFiles(), ...files })).map(
        ({ file, message }) => `${file}: ${message}`
    );
}

test('the base fixture and this repo resolve every name', () => {
    assert.deepEqual(problemsWith({}), []);
    assert.deepEqual(checkNameReferences(repoRoot), []);
});

test('a lookup to a misspelled object', () => {
    const file = `${objectDir}/fields/Contact__c.field-meta.xml`;
    assert.deepEqual(
        problemsWith({
            [file]: metadataXml(
                'CustomField',
                '<fullName>Contact__c</fullName>\n<label>Contact</label>\n<referenceTo>Contcat</referenceTo>\n<type>Lookup</type>'
            )
        }),
        [
            `${file}: line 5: <referenceTo> Contcat: object Contcat does not exist (no objects/Contcat/Contcat.object-meta.xml and not a known standard object); did you mean Contact?`
        ]
    );
});

test('list view columns, filters and standard columns', () => {
    const file = `${objectDir}/listViews/All.listView-meta.xml`;
    assert.deepEqual(
        problemsWith({
            [file]: metadataXml(
                'ListView',
                '<columns>NAMES</columns>\n<columns>Note__c</columns>\n<filterScope>Everything</filterScope>\n<filters><field>Direcion__c</field><operation>equals</operation><value>x</value></filters>\n<label>All</label>'
            )
        }),
        [
            `${file}: line 3: <columns> NAMES: not a known standard list view column; did you mean NAME?`,
            `${file}: line 4: <columns> Note__c: field Phone_Call__c.Note__c does not exist (no objects/Phone_Call__c/fields/Note__c.field-meta.xml); did you mean Notes__c?`,
            `${file}: line 6: <filters><field> Direcion__c: field Phone_Call__c.Direcion__c does not exist (no objects/Phone_Call__c/fields/Direcion__c.field-meta.xml); did you mean Direction__c?`
        ]
    );
});

test('compact layouts, the compact layout assignment and search layouts', () => {
    const compact = `${objectDir}/compactLayouts/Compact.compactLayout-meta.xml`;
    const object = `${objectDir}/Phone_Call__c.object-meta.xml`;
    const problems = problemsWith({
        [compact]: metadataXml('CompactLayout', '<fields>Nme</fields>\n<label>Compact</label>'),
        [object]: metadataXml(
            'CustomObject',
            `<compactLayoutAssignment>Compcat</compactLayoutAssignment>
            <deploymentStatus>Deployed</deploymentStatus><label>Phone Call</label>
            <nameField><label>Call Number</label><type>AutoNumber</type><displayFormat>PC-{0000}</displayFormat></nameField>
            <pluralLabel>Phone Calls</pluralLabel>
            <searchLayouts><searchResultsAdditionalFields>Notess__c</searchResultsAdditionalFields></searchLayouts>
            <sharingModel>ReadWrite</sharingModel>`
        )
    });
    assert.deepEqual(problems, [
        `${object}: line 3: <compactLayoutAssignment> Compcat: compact layout does not exist (no objects/Phone_Call__c/compactLayouts/Compcat.compactLayout-meta.xml); did you mean Compact?`,
        `${object}: line 7: <searchResultsAdditionalFields> Notess__c: field Phone_Call__c.Notess__c does not exist (no objects/Phone_Call__c/fields/Notess__c.field-meta.xml); did you mean Notes__c?`,
        `${compact}: line 3: <fields> Nme: field Phone_Call__c.Nme does not exist (not a known standard field); did you mean Name?`
    ]);
});

test('permission sets: fields, objects, tabs, pages and apps', () => {
    const file = `${defaultDir}/permissionsets/Softphone_Admin.permissionset-meta.xml`;
    const problems = problemsWith({
        [file]: permissionSetXml(
            [
                '<applicationVisibilities><application>Softphone_Consle</application><visible>true</visible></applicationVisibilities>',
                '<fieldPermissions><editable>true</editable><field>Phone_Call__c.Nots__c</field><readable>true</readable></fieldPermissions>',
                '<fieldPermissions><editable>true</editable><field>Notes__c</field><readable>true</readable></fieldPermissions>',
                '<objectPermissions><allowCreate>true</allowCreate><allowDelete>true</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>true</modifyAllRecords><object>Phone_Cal__c</object><viewAllRecords>true</viewAllRecords></objectPermissions>',
                '<pageAccesses><apexPage>Softphon</apexPage><enabled>true</enabled></pageAccesses>',
                '<tabSettings><tab>Phone_Call_c</tab><visibility>Visible</visibility></tabSettings>',
                '<tabSettings><tab>standard-Contcat</tab><visibility>Visible</visibility></tabSettings>'
            ].join('\n')
        )
    });
    assert.deepEqual(
        problems.map((problem) => problem.replace(/ \(no .*|; did.*/, '')),
        [
            `${file}: line 5: <fieldPermissions><field> Phone_Call__c.Nots__c: field Phone_Call__c.Nots__c does not exist`,
            `${file}: line 6: <fieldPermissions><field> Notes__c: must be Object.Field`,
            `${file}: line 7: <objectPermissions><object> Phone_Cal__c: object Phone_Cal__c does not exist`,
            `${file}: line 9: <tabSettings><tab> Phone_Call_c: tab does not exist`,
            `${file}: line 10: <tabSettings><tab> standard-Contcat: standard tab of an object that is not a known standard object`,
            `${file}: line 8: <pageAccesses><apexPage> Softphon: Visualforce page does not exist`,
            `${file}: line 4: <applicationVisibilities><application> Softphone_Consle: app does not exist`
        ]
    );
});

test('report types and reports', () => {
    const reportType = `${defaultDir}/reportTypes/Phone_Calls.reportType-meta.xml`;
    const report = `${defaultDir}/reports/Calls/By_Outcome.report-meta.xml`;
    const problems = problemsWith({
        [reportType]: metadataXml(
            'ReportType',
            `<baseObject>Phone_Call__c</baseObject><category>other</category><deployed>true</deployed><label>Phone Calls</label>
            <sections><columns><checkedByDefault>true</checkedByDefault><field>Notes__c</field><table>Phone_Call__c</table></columns>
            <columns><checkedByDefault>true</checkedByDefault><field>Owner</field><table>Phone_Call__c</table></columns>
            <columns><checkedByDefault>true</checkedByDefault><field>Directon__c</field><table>Phone_Call__c</table></columns>
            <masterLabel>Calls</masterLabel></sections>`
        ),
        [report]: metadataXml(
            'Report',
            `<columns><field>Phone_Call__c$Notes__c</field></columns>
            <columns><field>Phone_Call__c$Note__c</field></columns>
            <format>Tabular</format><name>By Outcome</name><reportType>Phone_Call__c</reportType>`
        )
    });
    assert.deepEqual(problems, [
        `${reportType}: line 6: <columns><field> Directon__c: field Phone_Call__c.Directon__c does not exist (no objects/Phone_Call__c/fields/Directon__c.field-meta.xml); did you mean Direction__c?`,
        `${report}: line 5: <reportType> Phone_Call__c: report type does not exist (no reportTypes/Phone_Call.reportType-meta.xml); did you mean Phone_Calls?`,
        `${report}: <Report> Calls: report folder Calls has no reports/Calls.reportFolder-meta.xml`
    ]);
    const [columnProblem] = problemsWith({
        [reportType]: metadataXml(
            'ReportType',
            '<baseObject>Phone_Call__c</baseObject><category>other</category><deployed>true</deployed><label>Phone Calls</label><sections><columns><checkedByDefault>true</checkedByDefault><field>Notes__c</field><table>Phone_Call__c</table></columns><masterLabel>Calls</masterLabel></sections>'
        ),
        [`${defaultDir}/reports/Calls.reportFolder-meta.xml`]: metadataXml(
            'ReportFolder',
            '<accessType>Public</accessType><name>Calls</name><publicFolderAccess>ReadOnly</publicFolderAccess>'
        ),
        [report]: metadataXml(
            'Report',
            '<columns><field>Phone_Call__c$Note__c</field></columns>\n<format>Tabular</format><name>By Outcome</name><reportType>Phone_Calls__c</reportType>'
        )
    });
    assert.equal(
        columnProblem,
        `${report}: line 3: <columns><field> Phone_Call__c$Note__c: is not a column of report type Phone_Calls; did you mean Phone_Call__c.Notes__c?`
    );
});

test('validation rule formulas and error fields', () => {
    const file = `${objectDir}/validationRules/Locked.validationRule-meta.xml`;
    assert.deepEqual(
        problemsWith({
            [file]: metadataXml(
                'ValidationRule',
                `<active>true</active>
<errorConditionFormula>AND(NOT(ISNEW()), ISCHANGED(Direction__c), ISCHANGED(Note__c), $User.Custom__c = "Notess__c", Contact__r.Foo__c)</errorConditionFormula>
<errorDisplayField>Notez__c</errorDisplayField>
<errorMessage>Locked</errorMessage>`
            )
        }).map((problem) => problem.replace(/ \(no .*/, '')),
        [
            `${file}: line 4: <errorConditionFormula> Note__c: field Phone_Call__c.Note__c does not exist`,
            `${file}: line 5: <errorDisplayField> Notez__c: field Phone_Call__c.Notez__c does not exist`
        ]
    );
});

test('apps: tabs and the utility bar', () => {
    const file = `${defaultDir}/applications/Softphone_Console.app-meta.xml`;
    const problems = problemsWith({
        [file]: metadataXml(
            'CustomApplication',
            '<formFactors>Large</formFactors>\n<label>Console</label>\n<navType>Console</navType>\n<tabs>standard-Contact</tabs>\n<tabs>Phone_Calls__c</tabs>\n<uiType>Lightning</uiType>\n<utilityBar>Softphone_UtilityBar</utilityBar>'
        )
    });
    assert.deepEqual(problems, [
        `${file}: line 7: <tabs> Phone_Calls__c: tab does not exist (no tabs/Phone_Calls__c.tab-meta.xml); did you mean Phone_Call__c?`,
        `${file}: line 9: <utilityBar> Softphone_UtilityBar: FlexiPage does not exist (no flexipages/Softphone_UtilityBar.flexipage-meta.xml)`
    ]);
});

test('a custom object tab for an object that does not exist', () => {
    const file = `${defaultDir}/tabs/Phone_Cal__c.tab-meta.xml`;
    assert.match(
        problemsWith({
            [file]: metadataXml(
                'CustomTab',
                '<customObject>true</customObject><motif>Custom22: Telephone</motif>'
            )
        })[0],
        /Phone_Cal__c\.tab-meta\.xml: <customObject> Phone_Cal__c: object Phone_Cal__c does not exist .*did you mean Phone_Call__c\?/
    );
});

test('FlexiPage components: bundle, exposure, target, standard ones, properties and fields', () => {
    const file = `${defaultDir}/flexipages/Call_Page.flexipage-meta.xml`;
    const component = (name, properties = '') =>
        `<itemInstances><componentInstance>${properties}<componentName>${name}</componentName></componentInstance></itemInstances>`;
    const problems = problemsWith({
        [file]: metadataXml(
            'FlexiPage',
            `<flexiPageRegions>
${component('c:callLgo')}
${component('c:ldsUtils')}
${component('flexipage:richTxt')}
${component('c:callLog', '<componentInstanceProperties><name>titel</name><value>x</value></componentInstanceProperties><componentInstanceProperties><name>title</name><value>x</value></componentInstanceProperties>')}
<itemInstances><fieldInstance><fieldItem>Record.Nots__c</fieldItem></fieldInstance></itemInstances>
<name>main</name><type>Region</type></flexiPageRegions>
<masterLabel>Call</masterLabel><sobjectType>Phone_Call__c</sobjectType><template><name>flexipage:recordHomeTemplateDesktop</name></template><type>RecordPage</type>`
        )
    });
    assert.deepEqual(problems, [
        `${file}: line 4: <componentName> c:callLgo: no LWC bundle lwc/callLgo; did you mean callLog?`,
        `${file}: line 5: <componentName> c:ldsUtils: lwc/ldsUtils is not exposed (isExposed false)`,
        `${file}: line 6: <componentName> flexipage:richTxt: not a component of this tree (c:name) nor a known standard component; did you mean flexipage:richText?`,
        `${file}: line 7: <componentInstanceProperties><name> titel: c:callLog has no property titel for lightning__RecordPage; did you mean title?`,
        `${file}: line 8: <fieldItem> Record.Nots__c: field Phone_Call__c.Nots__c does not exist (no objects/Phone_Call__c/fields/Nots__c.field-meta.xml); did you mean Notes__c?`
    ]);
    const home = problemsWith({
        [file]: metadataXml(
            'FlexiPage',
            `<flexiPageRegions>${component('c:callLog')}<name>main</name><type>Region</type></flexiPageRegions><masterLabel>Home</masterLabel><template><name>home:desktopTemplate</name></template><type>HomePage</type>`
        )
    });
    assert.deepEqual(home, [
        `${file}: line 3: <componentName> c:callLog: lwc/callLog has no target lightning__HomePage, which a HomePage needs`
    ]);
});

test('Visualforce tags, attributes, $Resource, $Setup and $Label', () => {
    const file = `${defaultDir}/pages/Softphone.page`;
    const problems = problemsWith({
        [file]: [
            '<apex:page showHeader="false" sidebarr="false">',
            '<!-- {!$Resource.commented} is not rendered -->',
            '<apex:slds /><apex:outputTxt value="x" />',
            '<script src="{!URLFOR($Resource.softphon, \'softphone.js\')}"></script>',
            '<span><apex:outputText value="{!$Setup.Softphone_Setting__c.Default_Country__c}" /></span>',
            '<span><apex:outputText value="{!$Setup.Softphone_Settings__c.Default_Cuntry__c}" /></span>',
            '<span><apex:outputText value="{!$Setup.Phone_Call__c.Notes__c}" /></span>',
            '<b>{!$Label.Softphone_Titel}</b><i>{!$User.Id}</i>',
            '</apex:page>'
        ].join('\n')
    });
    assert.deepEqual(problems, [
        `${file}: line 1: <apex:page> has no attribute sidebarr; did you mean sidebar?`,
        `${file}: line 3: <apex:outputTxt> is not a Visualforce tag the package knows; did you mean apex:outputText? (add it to standard-names.mjs once checked in the component reference)`,
        `${file}: line 4: $Resource.softphon: no static resource softphon (staticresources/softphon.resource-meta.xml); did you mean softphone?`,
        `${file}: line 5: $Setup.Softphone_Setting__c.Default_Country__c: no hierarchy custom setting Softphone_Setting__c; did you mean Softphone_Settings__c?`,
        `${file}: line 6: $Setup.Softphone_Settings__c.Default_Cuntry__c: field Softphone_Settings__c.Default_Cuntry__c does not exist (no objects/Softphone_Settings__c/fields/Default_Cuntry__c.field-meta.xml); did you mean Default_Country__c?`,
        `${file}: line 7: $Setup.Phone_Call__c.Notes__c: Phone_Call__c is not a hierarchy custom setting ($Setup reads only those)`,
        `${file}: line 8: $Label.Softphone_Titel: no custom label Softphone_Titel; did you mean Softphone_Title?`
    ]);
});

test('LWC imports: labels, channels, schema, bundles, lightning modules, files and Apex', () => {
    const file = `${lwcDir}/callLog/callLog.js`;
    const problems = problemsWith({
        [file]: [
            "import TITLE from '@salesforce/label/c.Softphone_Titel';",
            "import CHANNEL from '@salesforce/messageChannel/Softphone_Mesage__c';",
            "import NOTES from '@salesforce/schema/Phone_Call__c.Nots__c';",
            "import OBJECT from '@salesforce/schema/Phone_Cal__c';",
            "import NAME from '@salesforce/schema/Phone_Call__c.Contct__r.Name';",
            "import { helper } from 'c/ldsUtil';",
            "import { getRecord } from 'lightning/uiRecordAp';",
            "import { local } from './locale';",
            "import getCalls from '@salesforce/apex/CallController.getCalls';",
            "import IMG from '@salesforce/resourceUrl/softphon';",
            "import thing from 'lodash';",
            "import { refreshApex } from '@salesforce/apex';",
            "import USER_ID from '@salesforce/user/Id';"
        ].join('\n')
    });
    assert.deepEqual(
        problems.map((problem) => problem.replace(/ \(.*|; did.*/, '')),
        [
            `${file}: line 1: import '@salesforce/label/c.Softphone_Titel': no custom label Softphone_Titel`,
            `${file}: line 2: import '@salesforce/messageChannel/Softphone_Mesage__c': no message channel messageChannels/Softphone_Mesage.messageChannel-meta.xml`,
            `${file}: line 3: import '@salesforce/schema/Phone_Call__c.Nots__c': field Phone_Call__c.Nots__c does not exist`,
            `${file}: line 4: import '@salesforce/schema/Phone_Cal__c': object Phone_Cal__c does not exist`,
            `${file}: line 5: import '@salesforce/schema/Phone_Call__c.Contct__r.Name': field Phone_Call__c.Contct__c does not exist`,
            `${file}: line 6: import 'c/ldsUtil': no LWC bundle lwc/ldsUtil`,
            `${file}: line 7: import 'lightning/uiRecordAp': not a lightning/ module`,
            `${file}: line 8: import './locale': no such file in the bundle`,
            `${file}: line 9: import '@salesforce/apex/CallController.getCalls': imports Apex, which this Apex-free package has none of`,
            `${file}: line 10: import '@salesforce/resourceUrl/softphon': no static resource softphon`,
            `${file}: line 11: import 'lodash': not a module the platform resolves`
        ]
    );
});

test('LWC templates: child components and base components', () => {
    const file = `${lwcDir}/callLog/callLog.html`;
    assert.deepEqual(
        problemsWith({
            [file]: '<template>\n<c-lds-util></c-lds-util>\n<lightning-buton></lightning-buton>\n<lightning-card></lightning-card>\n</template>\n'
        }),
        [
            `${file}: line 2: <c-lds-util>: no LWC bundle lwc/ldsUtil; did you mean ldsUtils?`,
            `${file}: line 3: <lightning-buton>: not a lightning base component; did you mean button?`
        ]
    );
});

test('LWC targets, targetConfig targets and objects', () => {
    const file = `${lwcDir}/callLog/callLog.js-meta.xml`;
    assert.deepEqual(
        problemsWith({
            [file]: metadataXml(
                'LightningComponentBundle',
                `<apiVersion>67.0</apiVersion><isExposed>true</isExposed>
<targets><target>lightning__RecordPag</target></targets>
<targetConfigs><targetConfig targets="lightning__AppPage">
<objects><object>Contcat</object></objects>
</targetConfig></targetConfigs>`
            )
        }).map((problem) => problem.replace(/ \(no .*|; did.*/, '')),
        [
            `${file}: line 4: <target> lightning__RecordPag: not an LWC target`,
            `${file}: line 5: <targetConfig targets> lightning__AppPage: is not one of the bundle's <targets>`,
            `${file}: line 6: <object> Contcat: object Contcat does not exist`
        ]
    );
});

test('a misspelling in a copy of this repo is found, in each kind of file', () => {
    const root = keep(copyRepoProject());
    const edits = [
        [
            `${objectDir}/compactLayouts/Phone_Call_Compact.compactLayout-meta.xml`,
            '<fields>Disposition__c</fields>',
            '<fields>Dispositon__c</fields>'
        ],
        [
            'force-app/main/default/pages/Softphone.page',
            '$Setup.Softphone_Settings__c.Default_Country__c',
            '$Setup.Softphone_Settings__c.Default_Countyr__c'
        ],
        ['force-app/main/default/lwc/callLog/callLog.js', "'c/ldsUtils'", "'c/ldsUtil'"],
        [
            'force-app/main/default/flexipages/Softphone_Console_UtilityBar.flexipage-meta.xml',
            'opencti:softPhone',
            'opencti:softphone'
        ]
    ];
    for (const [file, before, after] of edits) {
        const path = join(root, file);
        const text = readFileSync(path, 'utf8');
        assert.ok(text.includes(before), `${file} no longer holds ${before}`);
        writeFileSync(path, text.replace(before, after));
    }
    assert.deepEqual(
        checkNameReferences(root).map(({ file }) => file),
        [edits[0][0], edits[3][0], edits[1][0], edits[2][0]]
    );
});
