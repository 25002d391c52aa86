import { fakeUserId } from '../shared/console-constants';

/** A value of an sObject field as the console stores it (and as Open CTI passes it). */
export type FieldValue = string | number | boolean | null;

export type FieldType =
    | 'Text'
    | 'TextArea'
    | 'LongTextArea'
    | 'Phone'
    | 'Email'
    | 'Url'
    | 'Number'
    | 'Checkbox'
    | 'Date'
    | 'DateTime'
    | 'Picklist'
    | 'Reference';

/** What the console checks about one field when a record is saved. */
export interface FieldRule {
    readonly name: string;
    readonly label: string;
    readonly type: FieldType;
    readonly required?: boolean;
    readonly unique?: boolean;
    /** For unique fields: whether `abc` and `ABC` are different values. */
    readonly caseSensitive?: boolean;
    readonly picklistValues?: readonly string[];
    readonly restricted?: boolean;
    /** Reference fields: the objects the Id may point at. */
    readonly referenceTo?: readonly string[];
    /** Custom lookups: the child relationship name from the metadata (without `__r`). */
    readonly relationshipName?: string;
    readonly maxLength?: number;
    /** Set on create only (e.g. Task.TaskSubtype). */
    readonly createOnly?: boolean;
}

export interface ObjectDefinition {
    readonly apiName: string;
    readonly label: string;
    readonly pluralLabel: string;
    readonly keyPrefix: string;
    /** Fields whose values, joined with a space, make the record name. */
    readonly nameFields: readonly string[];
    /** An auto-number name field, e.g. `{ field: 'Name', format: 'PC-{00000000}' }`. */
    readonly autoNumber?: { readonly field: string; readonly format: string };
    /** Fields searched by searchAndScreenPop and shown as click-to-dial links. */
    readonly phoneFields: readonly string[];
    /** Searched by searchAndScreenPop (the softphone layout's objects). */
    readonly searchable: boolean;
    readonly doNotCallField?: string;
    readonly listColumns: readonly string[];
    readonly newRecordFields: readonly string[];
    readonly defaults: Readonly<Record<string, FieldValue>>;
    readonly fields: Readonly<Record<string, FieldRule>>;
    /** When true, saving a field that is not in `fields` fails as it would in Salesforce. */
    readonly strictColumns: boolean;
    /** Whether Task.WhatId may point at this object. */
    readonly enableActivities: boolean;
}

/** Fields every record has; the console sets them, never the caller. */
export const systemFields = [
    'Id',
    'OwnerId',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate'
] as const;

function rules(list: readonly FieldRule[]): Readonly<Record<string, FieldRule>> {
    return Object.fromEntries(list.map((rule) => [rule.name, rule]));
}

const text = (name: string, label: string, maxLength = 255): FieldRule => ({
    name,
    label,
    type: 'Text',
    maxLength
});
const phone = (name: string, label: string): FieldRule => ({
    name,
    label,
    type: 'Phone',
    maxLength: 40
});
const reference = (name: string, label: string, referenceTo: readonly string[]): FieldRule => ({
    name,
    label,
    type: 'Reference',
    referenceTo
});
const checkbox = (name: string, label: string): FieldRule => ({ name, label, type: 'Checkbox' });

const account: ObjectDefinition = {
    apiName: 'Account',
    label: 'Account',
    pluralLabel: 'Accounts',
    keyPrefix: '001',
    nameFields: ['Name'],
    phoneFields: ['Phone'],
    searchable: true,
    doNotCallField: 'PersonDoNotCall',
    listColumns: ['Name', 'Phone', 'Industry', 'BillingCity'],
    newRecordFields: ['Name', 'Phone', 'Industry', 'BillingCity'],
    defaults: {},
    fields: rules([
        { ...text('Name', 'Account Name'), required: true },
        text('AccountNumber', 'Account Number', 40),
        phone('Phone', 'Phone'),
        phone('Fax', 'Fax'),
        text('Industry', 'Industry'),
        text('BillingCity', 'Billing City', 40),
        text('BillingState', 'Billing State', 80),
        checkbox('PersonDoNotCall', 'Do Not Call')
    ]),
    strictColumns: false,
    enableActivities: true
};

const contact: ObjectDefinition = {
    apiName: 'Contact',
    label: 'Contact',
    pluralLabel: 'Contacts',
    keyPrefix: '003',
    nameFields: ['FirstName', 'LastName'],
    phoneFields: ['Phone', 'MobilePhone', 'HomePhone', 'OtherPhone'],
    searchable: true,
    doNotCallField: 'DoNotCall',
    listColumns: ['Name', 'AccountId', 'Phone', 'MobilePhone', 'DoNotCall'],
    newRecordFields: ['FirstName', 'LastName', 'AccountId', 'Phone', 'MobilePhone', 'Email'],
    defaults: { DoNotCall: false },
    fields: rules([
        text('FirstName', 'First Name', 40),
        { ...text('LastName', 'Last Name', 80), required: true },
        text('Title', 'Title', 128),
        { name: 'Email', label: 'Email', type: 'Email', maxLength: 80 },
        phone('Phone', 'Phone'),
        phone('MobilePhone', 'Mobile'),
        phone('HomePhone', 'Home Phone'),
        phone('OtherPhone', 'Other Phone'),
        checkbox('DoNotCall', 'Do Not Call'),
        reference('AccountId', 'Account Name', ['Account'])
    ]),
    strictColumns: false,
    enableActivities: false
};

const lead: ObjectDefinition = {
    apiName: 'Lead',
    label: 'Lead',
    pluralLabel: 'Leads',
    keyPrefix: '00Q',
    nameFields: ['FirstName', 'LastName'],
    phoneFields: ['Phone', 'MobilePhone'],
    searchable: true,
    doNotCallField: 'DoNotCall',
    listColumns: ['Name', 'Company', 'Phone', 'MobilePhone', 'Status', 'DoNotCall'],
    newRecordFields: ['FirstName', 'LastName', 'Company', 'Phone', 'MobilePhone', 'Email'],
    defaults: { Status: 'Open - Not Contacted', DoNotCall: false },
    fields: rules([
        text('FirstName', 'First Name', 40),
        { ...text('LastName', 'Last Name', 80), required: true },
        { ...text('Company', 'Company'), required: true },
        text('Status', 'Lead Status'),
        text('LeadSource', 'Lead Source'),
        { name: 'Email', label: 'Email', type: 'Email', maxLength: 80 },
        phone('Phone', 'Phone'),
        phone('MobilePhone', 'Mobile'),
        checkbox('DoNotCall', 'Do Not Call')
    ]),
    strictColumns: false,
    enableActivities: false
};

const caseObject: ObjectDefinition = {
    apiName: 'Case',
    label: 'Case',
    pluralLabel: 'Cases',
    keyPrefix: '500',
    nameFields: ['CaseNumber'],
    autoNumber: { field: 'CaseNumber', format: '{00000000}' },
    phoneFields: [],
    searchable: false,
    listColumns: ['CaseNumber', 'Subject', 'Status', 'ContactId', 'Origin'],
    newRecordFields: ['Subject', 'Description', 'ContactId', 'AccountId', 'SuppliedPhone'],
    defaults: { Status: 'New', Origin: 'Phone', Priority: 'Medium' },
    fields: rules([
        text('Subject', 'Subject'),
        { name: 'Description', label: 'Description', type: 'LongTextArea', maxLength: 32000 },
        text('Status', 'Status'),
        text('Origin', 'Case Origin'),
        text('Priority', 'Priority'),
        phone('SuppliedPhone', 'Web Phone'),
        reference('ContactId', 'Contact Name', ['Contact']),
        reference('AccountId', 'Account Name', ['Account'])
    ]),
    strictColumns: false,
    enableActivities: true
};

const task: ObjectDefinition = {
    apiName: 'Task',
    label: 'Task',
    pluralLabel: 'Tasks',
    keyPrefix: '00T',
    nameFields: ['Subject'],
    phoneFields: [],
    searchable: false,
    listColumns: [
        'Subject',
        'TaskSubtype',
        'CallType',
        'CallDurationInSeconds',
        'CallDisposition',
        'WhoId',
        'WhatId',
        'Status',
        'CreatedDate'
    ],
    newRecordFields: ['Subject', 'Description', 'WhoId', 'WhatId'],
    defaults: { Status: 'Not Started', Priority: 'Normal' },
    fields: rules([
        text('Subject', 'Subject'),
        { name: 'Description', label: 'Comments', type: 'LongTextArea', maxLength: 32000 },
        text('Status', 'Status', 40),
        text('Priority', 'Priority', 40),
        text('Type', 'Type', 40),
        { name: 'ActivityDate', label: 'Due Date', type: 'Date' },
        {
            name: 'TaskSubtype',
            label: 'Task Subtype',
            type: 'Picklist',
            picklistValues: ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'],
            restricted: true,
            createOnly: true
        },
        {
            name: 'CallType',
            label: 'Call Type',
            type: 'Picklist',
            picklistValues: ['Inbound', 'Internal', 'Outbound'],
            restricted: true
        },
        { name: 'CallDurationInSeconds', label: 'Call Duration', type: 'Number' },
        text('CallDisposition', 'Call Result'),
        text('CallObject', 'Call Object Identifier'),
        reference('WhoId', 'Name', ['Contact', 'Lead']),
        // Objects with activities enabled are added when the metadata is known.
        reference('WhatId', 'Related To', ['Account', 'Case']),
        reference('OwnerId', 'Assigned To', ['User']),
        text('RecordTypeId', 'Record Type ID', 18),
        checkbox('IsReminderSet', 'Reminder Set'),
        { name: 'ReminderDateTime', label: 'Reminder Date/Time', type: 'DateTime' }
    ]),
    strictColumns: true,
    enableActivities: false
};

const phoneCall: ObjectDefinition = {
    apiName: 'Phone_Call__c',
    label: 'Phone Call',
    pluralLabel: 'Phone Calls',
    keyPrefix: 'a00',
    nameFields: ['Name'],
    autoNumber: { field: 'Name', format: 'PC-{00000000}' },
    phoneFields: [],
    searchable: false,
    listColumns: [],
    newRecordFields: ['Direction__c', 'Provider_Call_Id__c'],
    defaults: {},
    fields: rules([
        { name: 'Direction__c', label: 'Direction', type: 'Picklist', required: true },
        {
            ...text('Provider_Call_Id__c', 'Provider Call ID'),
            required: true,
            unique: true,
            caseSensitive: true
        }
    ]),
    strictColumns: false,
    enableActivities: false
};

const user: ObjectDefinition = {
    apiName: 'User',
    label: 'User',
    pluralLabel: 'Users',
    keyPrefix: '005',
    nameFields: ['Name'],
    phoneFields: [],
    searchable: false,
    listColumns: ['Name', 'Username'],
    newRecordFields: [],
    defaults: {},
    fields: rules([text('Name', 'Full Name'), text('Username', 'Username', 80)]),
    strictColumns: false,
    enableActivities: false
};

/** The objects the console knows without any metadata. */
export const standardObjects: readonly ObjectDefinition[] = [
    user,
    account,
    contact,
    lead,
    caseObject,
    task,
    phoneCall
];

/** The one user of the console: `{!$User.Id}` and the owner of every record. */
export const consoleUser = {
    Id: fakeUserId,
    Name: 'Local Agent',
    Username: 'agent@local-console.invalid'
};
