// A call center only works in Lightning Experience with the Open CTI items set right, and its
// custom section/item names follow the definition-file rules (OPENCTI-REFERENCE.md §3.1).
import { join } from 'node:path';
import { listFiles, toProjectPath } from './find-files.mjs';
import { childrenNamed, childText, readXmlRoot } from './xml-tree.mjs';

const documentedReqNames = new Set([
    'reqGeneralInfo',
    'reqDialingOptions',
    'reqInternalName',
    'reqDisplayName',
    'reqAdapterUrl',
    'reqUseApi',
    'reqSoftphoneHeight',
    'reqSoftphoneWidth',
    'reqCanvasApiName',
    'reqCanvasNamespace',
    'reqSalesforceCompatibilityMode',
    'reqStandbyUrl',
    'reqTimeout',
    'reqOutsidePrefix',
    'reqLongDistPrefix',
    'reqInternationalPrefix'
]);
const reservedNames = new Set(['label', 'sortOrder', 'internalNameLabel', 'displayNameLabel']);
const lightningModes = ['Lightning', 'Classic_and_Lightning'];
const namePattern = /^[A-Za-z0-9]{1,40}$/;

const dispositionFieldPath = 'objects/Phone_Call__c/fields/Disposition__c.field-meta.xml';

export function checkCallCenters(projectRoot, { sourceDir = 'force-app' } = {}) {
    const files = listFiles(join(projectRoot, sourceDir));
    const dispositions = activePicklistValues(
        files.find((path) => path.replaceAll('\\', '/').endsWith(dispositionFieldPath))
    );
    return files
        .filter((path) => path.endsWith('.callCenter-meta.xml'))
        .flatMap((path) => {
            const root = readXmlRoot(path);
            const file = toProjectPath(projectRoot, path);
            return root
                ? checkCallCenter(root, dispositions).map((message) => ({ file, message }))
                : [];
        });
}

/** The active values of a picklist field file; undefined without one. */
function activePicklistValues(path) {
    const root = path === undefined ? undefined : readXmlRoot(path);
    if (!root) {
        return undefined;
    }
    return childrenNamed(root, 'valueSet')
        .flatMap((valueSet) => childrenNamed(valueSet, 'valueSetDefinition'))
        .flatMap((definition) => childrenNamed(definition, 'value'))
        .filter((value) => childText(value, 'isActive') !== 'false')
        .map((value) => childText(value, 'fullName'));
}

// The softphone offers the dispositionValues item in wrap-up: the package must ship it equal to
// the Disposition picklist, or agents pick values the field does not have.
function checkDispositionValues(items, dispositions) {
    if (dispositions === undefined || !items.has('dispositionValues')) {
        return [];
    }
    const listed = items
        .get('dispositionValues')
        .split(',')
        .map((value) => value.trim())
        .filter((value) => value !== '');
    return listed.join(',') === dispositions.join(',')
        ? []
        : [
              `item dispositionValues is '${listed.join(',')}' but the Phone_Call__c.Disposition__c picklist's active values are '${dispositions.join(',')}'`
          ];
}

function checkCallCenter(root, dispositions) {
    const sections = childrenNamed(root, 'sections');
    const items = new Map(
        sections.flatMap((section) =>
            childrenNamed(section, 'items').map((item) => [
                childText(item, 'name'),
                childText(item, 'value') ?? ''
            ])
        )
    );
    return [
        ...checkLightningItems(items),
        ...checkCustomSettingsAgree(childText(root, 'customSettings'), items),
        ...checkDispositionValues(items, dispositions),
        // The Metadata API reference marks an item's value required: an empty one may not deploy.
        ...[...items]
            .filter(([, value]) => value.trim() === '')
            .map(
                ([name]) =>
                    `item ${name} has an empty <value> (required by the Metadata API): give it a default, or drop the item and let the Softphone_Settings__c custom setting carry it`
            ),
        ...sections.flatMap((section) => [
            ...checkName(childText(section, 'name'), 'section'),
            ...childrenNamed(section, 'items').flatMap((item) =>
                checkName(childText(item, 'name'), 'item')
            )
        ])
    ];
}

function checkLightningItems(items) {
    const messages = [];
    const expectItem = (name, isValid, expectation) => {
        if (!items.has(name)) {
            messages.push(`missing item ${name} (${expectation})`);
        } else if (!isValid(items.get(name))) {
            messages.push(`item ${name} is '${items.get(name)}'; expected ${expectation}`);
        }
    };
    expectItem(
        'reqAdapterUrl',
        (url) => /^(\/|https:\/\/)\S+$/.test(url),
        'an https URL or a relative /apex/… URL (Lightning requires https)'
    );
    expectItem('reqUseApi', (value) => value === 'true', "'true' (Open CTI)");
    expectItem(
        'reqSoftphoneHeight',
        (value) => isIntegerBetween(value, 240, 2560),
        'a height of 240–2560 px'
    );
    expectItem(
        'reqSoftphoneWidth',
        (value) => isIntegerBetween(value, 200, 1920),
        'a width of 200–1920 px'
    );
    expectItem(
        'reqSalesforceCompatibilityMode',
        (value) => lightningModes.includes(value),
        `${lightningModes.join(' or ')} to work in Lightning Experience`
    );
    if (items.has('reqStandbyUrl') !== items.has('reqTimeout')) {
        messages.push('reqStandbyUrl and reqTimeout work only together: set both or neither');
    }
    return messages;
}

function isIntegerBetween(value, min, max) {
    return /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;
}

// customSettings repeats the reqGeneralInfo flags as JSON: two sources of truth must agree.
function checkCustomSettingsAgree(customSettings, items) {
    if (customSettings === undefined) {
        return [];
    }
    let settings;
    try {
        settings = JSON.parse(customSettings);
    } catch {
        return ['customSettings is not valid JSON'];
    }
    return Object.entries(settings ?? {})
        .filter(([name, value]) => items.has(name) && items.get(name) !== String(value))
        .map(
            ([name, value]) =>
                `customSettings says ${name} is '${value}' but item ${name} is '${items.get(name)}'`
        );
}

function checkName(name, kind) {
    if (name === undefined) {
        return []; // the metadata lint reports the missing <name>
    }
    const messages = [];
    if (!namePattern.test(name)) {
        messages.push(`${kind} name '${name}' must be alphanumeric and at most 40 characters`);
    }
    if (name.startsWith('req') && !documentedReqNames.has(name)) {
        messages.push(
            `${kind} name '${name}' starts with 'req', which is reserved for Salesforce's documented names`
        );
    }
    if (reservedNames.has(name)) {
        messages.push(`${kind} name '${name}' is reserved`);
    }
    return messages;
}
