import { buildObjectCatalog } from './object-catalog-builder';
import { formatAutoNumber, RecordStore } from './record-store';
import { idOf, loadedStore } from './test-support/console-fixtures';

const phoneCall = (providerCallId: string, extra: Record<string, unknown> = {}) => ({
    Direction__c: 'Inbound',
    Provider_Call_Id__c: providerCallId,
    ...extra
});

describe('RecordStore', () => {
    it('creates a Phone_Call__c with an auto-number name, owner and dates', async () => {
        const store = await loadedStore();
        const result = store.create(
            'Phone_Call__c',
            phoneCall('call-1', { Duration_Seconds__c: '42' })
        );
        expect(result).toEqual({ ok: true, id: 'a00000000000001AAA' });
        expect(store.list('Phone_Call__c')).toEqual([
            {
                attributes: { type: 'Phone_Call__c' },
                Id: 'a00000000000001AAA',
                Direction__c: 'Inbound',
                Provider_Call_Id__c: 'call-1',
                Duration_Seconds__c: 42,
                Name: 'PC-00000001',
                OwnerId: '005000000000001AAA',
                CreatedById: '005000000000001AAA',
                LastModifiedById: '005000000000001AAA',
                CreatedDate: '2026-01-15T10:00:00.000Z',
                LastModifiedDate: '2026-01-15T10:00:00.000Z'
            }
        ]);
    });

    it('requires Direction__c and Provider_Call_Id__c', async () => {
        const store = await loadedStore();
        expect(store.create('Phone_Call__c', { Notes__c: 'x' })).toEqual({
            ok: false,
            error: {
                statusCode: 'REQUIRED_FIELD_MISSING',
                message: 'Required fields are missing: [Direction__c, Provider_Call_Id__c]',
                fields: ['Direction__c', 'Provider_Call_Id__c']
            }
        });
    });

    it('rejects a duplicate Provider_Call_Id__c, case-sensitively', async () => {
        const store = await loadedStore();
        const first = store.create('Phone_Call__c', phoneCall('call-1'));
        expect(store.create('Phone_Call__c', phoneCall('call-1'))).toEqual({
            ok: false,
            error: {
                statusCode: 'DUPLICATE_VALUE',
                message: `duplicate value found: Provider_Call_Id__c duplicates value on record with id: ${first.ok ? first.id : ''}`,
                fields: ['Provider_Call_Id__c']
            }
        });
        expect(store.create('Phone_Call__c', phoneCall('CALL-1')).ok).toBe(true);
    });

    it('updates by Id, and refuses unknown or malformed ids', async () => {
        const store = await loadedStore();
        const created = store.create('Phone_Call__c', phoneCall('call-1'));
        const id = created.ok ? created.id : '';
        expect(store.update(id, { Disposition__c: 'Resolved', Notes__c: 'ok' })).toEqual({
            ok: true,
            id
        });
        expect(store.get(id)?.values['Notes__c']).toBe('ok');
        expect(store.update(id.slice(0, 15), { Notes__c: 'via 15' }).ok).toBe(true);
        expect(store.update('a00000000000099AAA', { Notes__c: 'x' })).toEqual({
            ok: false,
            error: {
                statusCode: 'INVALID_CROSS_REFERENCE_KEY',
                message: 'invalid cross reference id: a00000000000099AAA'
            }
        });
        expect(store.update('nope', {})).toMatchObject({
            ok: false,
            error: { statusCode: 'MALFORMED_ID' }
        });
    });

    it('keeps a required field from being blanked by an update', async () => {
        const store = await loadedStore();
        const created = store.create('Phone_Call__c', phoneCall('call-1'));
        expect(
            store.update(created.ok ? created.id : '', { Provider_Call_Id__c: '' })
        ).toMatchObject({
            ok: false,
            error: { statusCode: 'REQUIRED_FIELD_MISSING' }
        });
    });

    it('checks columns, picklists, lengths, numbers and lookups against the metadata', async () => {
        const store = await loadedStore();
        const maria = idOf(store, 'Contact', 'Maria Lopez');
        const olivia = idOf(store, 'Lead', 'Olivia Grant');
        const cases: [Record<string, unknown>, string][] = [
            [
                phoneCall('c', { Nope__c: 1 }),
                "No such column 'Nope__c' on sobject of type Phone_Call__c"
            ],
            [
                phoneCall('c', { Direction__c: 'Sideways' }),
                'Direction: bad value for restricted picklist field: Sideways'
            ],
            [phoneCall('c', { Duration_Seconds__c: 'long' }), 'value not of required type: long'],
            [phoneCall('c', { Started__c: 'yesterday' }), 'value not of required type: yesterday'],
            [phoneCall('c', { Contact__c: olivia }), `id value of incorrect type: ${olivia}`],
            [
                phoneCall('c', { Contact__c: '003000000000099AAA' }),
                'invalid cross reference id: 003000000000099AAA'
            ],
            [phoneCall('x'.repeat(256)), '(max length=255)'],
            [phoneCall('c', { Name: 'PC-1' }), 'Unable to create/update fields: Name.'],
            [
                phoneCall('c', { Notes__c: { nested: true } }),
                'value not of required type: {"nested":true}'
            ]
        ];
        for (const [input, message] of cases) {
            const result = store.create('Phone_Call__c', input);
            expect(result.ok ? 'saved' : result.error.message).toContain(message);
        }
        expect(store.create('Phone_Call__c', phoneCall('ok', { Contact__c: maria })).ok).toBe(true);
    });

    it('enforces the Task rules a call log meets', async () => {
        const store = await loadedStore();
        const maria = idOf(store, 'Contact', 'Maria Lopez');
        const created = store.create('Task', {
            Subject: 'Call',
            TaskSubtype: 'Call',
            CallType: 'Inbound',
            CallDurationInSeconds: 42,
            WhoId: maria,
            Status: 'Completed'
        });
        expect(created.ok).toBe(true);
        const id = created.ok ? created.id : '';
        expect(id.startsWith('00T')).toBe(true);
        expect(store.update(id, { TaskSubtype: 'Task' })).toMatchObject({
            ok: false,
            error: { statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' }
        });
        expect(store.create('Task', { Subject: 'x', CallType: 'inbound' })).toMatchObject({
            ok: false,
            error: { message: 'Call Type: bad value for restricted picklist field: inbound' }
        });
        expect(store.create('Task', { Subject: 'x', CallDurationInSecond: 1 })).toMatchObject({
            ok: false,
            error: { message: "No such column 'CallDurationInSecond' on sobject of type Task" }
        });
        // Phone_Call__c does not enable activities, so a Task cannot point at it.
        const call = store.create('Phone_Call__c', phoneCall('call-9'));
        expect(
            store.create('Task', { Subject: 'x', WhatId: call.ok ? call.id : '' })
        ).toMatchObject({
            ok: false,
            error: { statusCode: 'FIELD_INTEGRITY_EXCEPTION' }
        });
    });

    it('refuses unknown objects, Ids on create and the console user', async () => {
        const store = await loadedStore();
        expect(store.create('Nope__c', {})).toMatchObject({
            ok: false,
            error: { statusCode: 'INVALID_TYPE' }
        });
        expect(store.create('User', { Name: 'x' })).toMatchObject({
            ok: false,
            error: { statusCode: 'INVALID_TYPE' }
        });
        expect(store.create('Contact', { Id: 'x', LastName: 'y' })).toMatchObject({
            ok: false,
            error: { message: 'cannot specify Id in an insert call' }
        });
    });

    it('accepts object names in any case, as Salesforce does', async () => {
        const store = await loadedStore();
        expect(store.create('contact', { LastName: 'Lower' }).ok).toBe(true);
        expect(store.list('Contact')).toHaveLength(11);
    });

    it('tells listeners about changes', async () => {
        const store = new RecordStore(buildObjectCatalog(undefined));
        const listener = jest.fn();
        store.onChange(listener);
        store.load([]);
        store.create('Account', { Name: 'A' });
        expect(listener).toHaveBeenCalledTimes(2);
    });

    it('formats auto-numbers', () => {
        expect(formatAutoNumber('PC-{00000000}', 7)).toBe('PC-00000007');
        expect(formatAutoNumber('{00000000}', 1001)).toBe('00001001');
    });
});
