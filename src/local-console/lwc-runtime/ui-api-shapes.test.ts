// The played UI API answers have the shapes of the components' jest fixtures
// (force-app/main/default/lwc/*/__tests__/data), which stay the source of truth: every key a
// fixture has, the console's answer has too, with a value of the same kind. A fixture that gains a
// key the console does not give fails here, so the jest tests and the browser tests cannot drift.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildObjectCatalog } from '../browser/object-catalog-builder';
import { RecordStore } from '../browser/record-store';
import { readMetadataSchema } from '../server/metadata-schema';
import { LmsBus } from './lms-bus';
import { updateRecord } from './modules/ui-record-api';
import { installLwcRuntime } from './runtime-context';
import type { UiResult } from './ui-api-shapes';
import {
    getRecordShape,
    masterRecordTypeId,
    objectInfoShape,
    picklistValuesShape,
    readError,
    relatedListRecordsShape
} from './ui-api-shapes';

const root = join(__dirname, '../../..');
const lwcDir = join(root, 'force-app/main/default/lwc');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function fixture(bundle: string, name: string): { [key: string]: Json } {
    return JSON.parse(
        readFileSync(join(lwcDir, bundle, '__tests__/data', `${name}.json`), 'utf8')
    ) as { [key: string]: Json };
}

/** Maps whose keys are data (field names, record type ids), not part of the shape. */
const dataKeyed = new Set(['fields', 'recordTypeInfos', 'fieldErrors', 'controllerValues']);

function kind(value: unknown): string {
    if (value === null) {
        return 'null';
    }
    return Array.isArray(value) ? 'array' : typeof value;
}

/** Where `played` lacks something of `expected`'s shape: a list of paths and reasons. */
function shapeGaps(expected: unknown, played: unknown, path = '$', keyed = false): string[] {
    // A null on either side is a value, not a shape (a blank field, an absent lookup).
    if (expected === null || played === null) {
        return [];
    }
    if (kind(expected) !== kind(played)) {
        return [`${path}: the fixture has ${kind(expected)}, the console ${kind(played)}`];
    }
    if (Array.isArray(expected)) {
        const [sample] = played as unknown[];
        if (expected.length === 0 || sample === undefined) {
            return [];
        }
        return expected.flatMap((item, index) => shapeGaps(item, sample, `${path}[${index}]`));
    }
    if (typeof expected !== 'object') {
        return [];
    }
    const expectedObject = expected as Record<string, unknown>;
    const playedObject = played as Record<string, unknown>;
    if (keyed) {
        // Field maps: compare the entries both have; the console must have some of them.
        const common = Object.keys(expectedObject).filter((key) => key in playedObject);
        const gaps = common.flatMap((key) =>
            shapeGaps(expectedObject[key], playedObject[key], `${path}.${key}`)
        );
        return common.length === 0 && Object.keys(expectedObject).length > 0
            ? [...gaps, `${path}: no entry in common`]
            : gaps;
    }
    return Object.keys(expectedObject).flatMap((key) =>
        key in playedObject
            ? shapeGaps(
                  expectedObject[key],
                  playedObject[key],
                  `${path}.${key}`,
                  dataKeyed.has(key)
              )
            : [`${path}.${key}: missing in the console's answer`]
    );
}

function data<T>(result: UiResult<T>): T {
    if (!result.ok) {
        throw new Error(`expected data, got ${JSON.stringify(result)}`);
    }
    return result.data;
}

function fieldNamesOf(record: { [key: string]: Json }): string[] {
    return Object.keys(record['fields'] as object);
}

describe('the played UI API answers in the jest fixtures’ shapes', () => {
    const catalog = buildObjectCatalog(readMetadataSchema(join(root, 'force-app/main/default')));
    const store = new RecordStore(catalog);
    store.load([]);
    const created = (type: string, fields: Record<string, unknown>) => {
        const result = store.create(type, fields);
        if (!result.ok) {
            throw new Error(result.error.message);
        }
        return result.id;
    };
    const contactId = created('Contact', {
        FirstName: 'Jane',
        LastName: 'Doe',
        Phone: '(415) 555-0100',
        MobilePhone: '+1 415 555 0199',
        DoNotCall: true
    });
    const leadId = created('Lead', { LastName: 'Nophone', Company: 'Acme' });
    const caseId = created('Case', { Subject: 'Help', ContactId: contactId });
    const quietContactId = created('Contact', { LastName: 'Quiet' });
    for (const [index, direction] of ['Outbound', 'Inbound'].entries()) {
        created('Phone_Call__c', {
            Direction__c: direction,
            Provider_Call_Id__c: `call-${index}`,
            From_Number__c: '+14155550199',
            To_Number__c: '+14155550100',
            Started__c: `2026-01-0${index + 5}T09:00:00.000Z`,
            Duration_Seconds__c: 125,
            Outcome__c: 'Connected',
            Disposition__c: 'Resolved',
            Notes__c: 'Sent the quote.',
            Contact__c: contactId,
            Agent__c: '005000000000001AAA'
        });
    }

    const recordFixtures: [string, string, string][] = [
        ['clickToDial', 'getRecordContact', contactId],
        ['clickToDial', 'getRecordContactDoNotCall', contactId],
        ['clickToDial', 'getRecordLeadNoPhones', leadId],
        ['clickToDial', 'getRecordCaseContactDoNotCall', caseId]
    ];
    it.each(recordFixtures)('getRecord: %s/%s', (bundle, name, id) => {
        const expected = fixture(bundle, name);
        const type = String(expected['apiName']);
        const optional = fieldNamesOf(expected).flatMap((field) => {
            const value = (expected['fields'] as Record<string, { value: Json }>)[field]?.value;
            // A relationship field: ask for the nested fields the fixture shows.
            if (value && typeof value === 'object' && !Array.isArray(value)) {
                return fieldNamesOf(value as { [key: string]: Json }).map(
                    (inner) => `${type}.${field}.${inner}`
                );
            }
            return [`${type}.${field}`];
        });
        const played = data(getRecordShape(store, id, [`${type}.Id`], optional));
        expect(shapeGaps(expected, played)).toEqual([]);
    });

    const objectInfoFixtures: [string, string, string][] = [
        ['clickToDial', 'getObjectInfoContact', 'Contact'],
        ['callLog', 'getObjectInfoContact', 'Contact'],
        ['callLog', 'getObjectInfoAccountTwoLookups', 'Account'],
        ['callLog', 'getObjectInfoPhoneCall', 'Phone_Call__c'],
        ['callLog', 'getObjectInfoPhoneCallReadOnly', 'Phone_Call__c']
    ];
    it.each(objectInfoFixtures)('getObjectInfo: %s/%s', (bundle, name, apiName) => {
        const played = data(objectInfoShape(catalog, apiName));
        expect(shapeGaps(fixture(bundle, name), played)).toEqual([]);
    });

    it('getObjectInfo: the Phone Call relationships are the ones the fixtures name', () => {
        const played = data(objectInfoShape(catalog, 'Contact')) as {
            childRelationships: { childObjectApiName: string; relationshipName: string }[];
        };
        const expected = fixture('callLog', 'getObjectInfoContact')['childRelationships'] as {
            childObjectApiName: string;
            relationshipName: string;
            fieldName: string;
        }[];
        const phoneCalls = expected.filter((entry) => entry.childObjectApiName === 'Phone_Call__c');
        expect(played.childRelationships).toEqual(expect.arrayContaining(phoneCalls));
    });

    it('getPicklistValues: callLog/getPicklistValuesDisposition', () => {
        const played = data(
            picklistValuesShape(catalog, masterRecordTypeId, {
                objectApiName: 'Phone_Call__c',
                fieldApiName: 'Disposition__c'
            })
        );
        expect(shapeGaps(fixture('callLog', 'getPicklistValuesDisposition'), played)).toEqual([]);
    });

    it.each([
        ['getRelatedListRecords', () => contactId],
        ['getRelatedListRecordsEmpty', () => quietContactId]
    ])('getRelatedListRecords: callLog/%s', (name, parent) => {
        const expected = fixture('callLog', name);
        const records = expected['records'] as { [key: string]: Json }[];
        const fields =
            records.length > 0 ? fieldNamesOf(records[0] as { [key: string]: Json }) : [];
        const played = data(
            relatedListRecordsShape(store, {
                parentRecordId: parent(),
                relatedListId: 'Phone_Calls__r',
                fields: ['Phone_Call__c.Id'],
                optionalFields: fields.map((field) =>
                    field === 'Agent__r' ? 'Phone_Call__c.Agent__r.Name' : `Phone_Call__c.${field}`
                ),
                sortBy: ['-Phone_Call__c.Started__c'],
                pageSize: 20
            })
        );
        expect(shapeGaps(expected, played)).toEqual([]);
    });

    it('errors: a read error has the shape the jest wire adapters emit (status, body list)', () => {
        // @salesforce/wire-service-jest-util's adapter.error(body) emits { ok, status,
        // statusText, body }; the components read body[].message.
        const jestError = {
            ok: false,
            status: 400,
            statusText: 'Bad Request',
            body: [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'No access' }]
        };
        const played = getRecordShape(store, contactId, ['Contact.NoSuchField__c'], []);
        expect(played.ok).toBe(false);
        expect(shapeGaps(jestError, played)).toEqual([]);
        expect(shapeGaps(jestError, readError(404, 'NOT_FOUND', 'gone'))).toEqual([]);
    });

    it('errors: an updateRecord rejection has the shape the callLog jest test rejects with (body.output)', async () => {
        // callLog.test.js "shows why a save failed" rejects with this; the components read
        // body.output's record errors and field errors.
        const jestFieldError = [{ message: 'Choose a disposition for a connected call.' }];
        const jestWriteError = {
            body: {
                message: 'An error occurred while trying to update the record.',
                output: { errors: [], fieldErrors: {} }
            }
        };
        installLwcRuntime({ store, lms: new LmsBus(() => undefined) });
        const played = (await updateRecord({
            fields: { Id: contactId, LastName: 'x'.repeat(81) }
        }).catch((error: unknown) => error)) as {
            body: { output: { fieldErrors: Record<string, unknown> } };
        };
        expect(shapeGaps(jestWriteError, played)).toEqual([]);
        expect(Object.keys(played.body.output.fieldErrors)).toEqual(['LastName']);
        expect(shapeGaps(jestFieldError, played.body.output.fieldErrors['LastName'])).toEqual([]);
    });

    it('finds every fixture of the bundles it checks (none added without a shape check)', () => {
        const checked = new Set([
            ...recordFixtures.map(([bundle, name]) => `${bundle}/${name}`),
            ...objectInfoFixtures.map(([bundle, name]) => `${bundle}/${name}`),
            'callLog/getPicklistValuesDisposition',
            'callLog/getRelatedListRecords',
            'callLog/getRelatedListRecordsEmpty',
            // An object the console does not play (no Phone Call lookup): the component's
            // "unsupported" case; the console answers INVALID_TYPE for unknown objects.
            'callLog/getObjectInfoOpportunity',
            // LMS events, not UI API: the contract test (lwc-contract.test.ts) checks them.
            'clickToDial/softphoneEvents'
        ]);
        const present = ['callLog', 'clickToDial'].flatMap((bundle) =>
            readdirSync(join(lwcDir, bundle, '__tests__/data')).map(
                (file) => `${bundle}/${file.replace(/\.json$/, '')}`
            )
        );
        expect(present.filter((name) => !checked.has(name))).toEqual([]);
    });
});

describe('shapeGaps', () => {
    it('reports a missing key and a different kind', () => {
        expect(shapeGaps({ a: 1, b: 'x' }, { a: 'text' })).toEqual([
            '$.a: the fixture has number, the console string',
            '$.b: missing in the console\u2019s answer'.replace('\u2019', "'")
        ]);
    });
});
