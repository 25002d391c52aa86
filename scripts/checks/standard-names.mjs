// Names a deploy resolves against the platform, not against this source tree: what the checks
// cannot verify offline is accepted from these known lists (add a name here once you have checked
// it in the Salesforce docs), so that anything else is a misspelling until proven otherwise.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Standard objects the package may reference (lookups, permission sets, LWC targets, schema). */
export const standardObjects = new Set([
    'Account',
    'Asset',
    'Campaign',
    'Case',
    'Contact',
    'Contract',
    'Event',
    'Group',
    'Individual',
    'Lead',
    'Opportunity',
    'Order',
    'Product2',
    'Task',
    'User',
    'VoiceCall',
    'WorkOrder'
]);

/** Fields every object has (system and standard fields of custom objects). */
const commonFields = [
    'Id',
    'Name',
    'OwnerId',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp',
    'IsDeleted',
    'RecordTypeId',
    'LastActivityDate',
    'LastViewedDate',
    'LastReferencedDate'
];

const phoneFields = ['Phone', 'MobilePhone', 'HomePhone', 'OtherPhone'];

/** Standard fields of standard objects that the package or its docs use. */
export const standardFields = new Map(
    Object.entries({
        Account: ['Phone', 'Industry', 'BillingCity', 'PersonDoNotCall', 'PersonMobilePhone'],
        Case: ['CaseNumber', 'Subject', 'Status', 'ContactId', 'AccountId', 'Origin'],
        Contact: [
            ...phoneFields,
            'FirstName',
            'LastName',
            'Email',
            'Title',
            'AccountId',
            'DoNotCall'
        ],
        Lead: [...phoneFields, 'FirstName', 'LastName', 'Company', 'Email', 'Status', 'DoNotCall'],
        Task: [
            'Subject',
            'Status',
            'Priority',
            'WhoId',
            'WhatId',
            'TaskSubtype',
            'ActivityDate',
            'Description',
            'CallType',
            'CallDurationInSeconds',
            'CallDisposition',
            'CallObject'
        ],
        User: [
            'Username',
            'FirstName',
            'LastName',
            'Email',
            'CallCenterId',
            'ProfileId',
            'LanguageLocaleKey',
            'LocaleSidKey'
        ]
    }).map(([object, fields]) => [object, new Set([...commonFields, ...fields])])
);

/** The standard fields the checks know for `object` (custom or standard). */
export function standardFieldNames(object) {
    return standardFields.get(object) ?? new Set(commonFields);
}

/** Does `object` (custom or standard) have the standard field `field`? */
export function isStandardField(object, field) {
    return standardFieldNames(object).has(field);
}

/**
 * List views' standard columns (upper-case tokens, not API names), as orgs retrieve them.
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_listview.htm
 */
export const standardListViewColumns = new Set([
    'NAME',
    'CREATED_DATE',
    'LAST_UPDATE',
    'OWNER.ALIAS',
    'OWNER.FIRST_NAME',
    'OWNER.LAST_NAME',
    'CREATEDBY_USER.ALIAS',
    'UPDATEDBY_USER.ALIAS',
    'RECORDTYPE'
]);

/**
 * Report types name an object's lookups to User by their relationship (as orgs retrieve them):
 * `<field>Owner</field>`, `CreatedBy`, `LastModifiedBy`.
 */
export const standardReportTypeColumns = new Set([
    'Owner',
    'CreatedBy',
    'LastModifiedBy',
    'RecordType'
]);

/**
 * FlexiPage components that are not in this tree: Salesforce's own, by namespace:name.
 * opencti:softPhone is the Open CTI utility item (OPENCTI-REFERENCE.md §4).
 */
export const standardFlexiPageComponents = new Set([
    'opencti:softPhone',
    'flexipage:richText',
    'flexipage:tabset',
    'flexipage:tab',
    'flexipage:filterListCard',
    'flexipage:reportChart',
    'force:recordDetailPanelMobile',
    'force:highlightsPanel',
    'force:relatedListContainer',
    'force:relatedListSingleContainer',
    'force:detailPanel',
    'runtime_sales_activities:activityPanel',
    'console:history',
    'console:recentItems',
    'forceChatter:recordFeedContainer'
]);

/** FlexiPage type → the LWC target a custom component needs to be placed on it. */
export const flexiPageTargets = new Map([
    ['RecordPage', 'lightning__RecordPage'],
    ['AppPage', 'lightning__AppPage'],
    ['HomePage', 'lightning__HomePage'],
    ['UtilityBar', 'lightning__UtilityBar'],
    ['CommAppPage', 'lightningCommunity__Page']
]);

/**
 * LWC js-meta.xml targets.
 * https://developer.salesforce.com/docs/platform/lwc/guide/reference-configuration-tags.html
 */
export const lwcTargets = new Set([
    'lightning__AppPage',
    'lightning__HomePage',
    'lightning__RecordPage',
    'lightning__RecordAction',
    'lightning__GlobalAction',
    'lightning__UtilityBar',
    'lightning__FlowScreen',
    'lightning__FlowAction',
    'lightning__Tab',
    'lightning__Inbox',
    'lightning__UrlAddressable',
    'lightning__Dashboard',
    'lightning__VoiceExtension',
    'lightning__EnablementProgram',
    'lightningCommunity__Page',
    'lightningCommunity__Default',
    'lightningCommunity__Page_Layout',
    'lightningCommunity__Theme_Layout',
    'lightningSnapin__ChatMessage',
    'lightningSnapin__ChatHeader',
    'lightningSnapin__Minimized',
    'lightningSnapin__PreChat',
    'lightningStatic__Email',
    'analytics__Dashboard'
]);

/**
 * The `lightning/*` modules and `<lightning-*>` base components: the ones sfdx-lwc-jest stubs
 * (the platform's list, as far as tests can import them), as camelCase names.
 */
export function lightningModules() {
    try {
        return new Set(
            readdirSync(
                join(repoRoot, 'node_modules/@salesforce/sfdx-lwc-jest/src/lightning-stubs')
            )
        );
    } catch {
        return new Set();
    }
}

/** Modules an LWC may import that are neither `c/…`, `lightning/…` nor `@salesforce/<kind>/…`. */
export const platformModules = new Set(['lwc', '@salesforce/apex']);

/**
 * Visualforce tags the package's pages may use, with the attributes each accepts (a subset of
 * the Visualforce component reference,
 * https://developer.salesforce.com/docs/atlas.en-us.pages.meta/pages/pages_compref.htm).
 */
export const visualforceTags = new Map(
    Object.entries({
        'apex:page': [
            'id',
            'showHeader',
            'sidebar',
            'standardStylesheets',
            'applyHtmlTag',
            'applyBodyTag',
            'docType',
            'title',
            'lightningStylesheets',
            'cache',
            'expires',
            'contentType',
            'language',
            'setup',
            'standardController',
            'controller',
            'extensions',
            'action',
            'readOnly',
            'manifest',
            'tabStyle',
            'rendered'
        ],
        'apex:slds': [],
        'apex:outputText': ['id', 'value', 'escape', 'rendered', 'style', 'styleClass', 'label'],
        'apex:includeScript': ['id', 'value', 'loadOnReady'],
        'apex:stylesheet': ['id', 'value']
    }).map(([tag, attributes]) => [tag, new Set(attributes)])
);
