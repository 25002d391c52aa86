// The played lightning/* modules over a record store: what the components get from them.
import { join } from 'node:path';
import { buildObjectCatalog } from '../../browser/object-catalog-builder';
import { RecordStore } from '../../browser/record-store';
import { readMetadataSchema } from '../../server/metadata-schema';
import { LmsBus } from '../lms-bus';
import { installLwcRuntime, withArea } from '../runtime-context';
import type { UiRecord } from '../ui-api-shapes';
import type { WireValue } from '../wire-adapter';
import { refreshApex } from './apex';
import {
    APPLICATION_SCOPE,
    MessageContext,
    createMessageContext,
    publish,
    releaseMessageContext,
    subscribe
} from './message-service';
import { getObjectInfo, getPicklistValues } from './ui-object-info-api';
import {
    getFieldValue,
    getRecord,
    notifyRecordUpdateAvailable,
    updateRecord
} from './ui-record-api';
import { getRelatedListRecords } from './ui-related-list-api';

const root = join(__dirname, '../../../..');
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(uiApiFaults: readonly string[] = []) {
    const store = new RecordStore(
        buildObjectCatalog(readMetadataSchema(join(root, 'force-app/main/default')))
    );
    store.load([]);
    const toSoftphone = jest.fn();
    const lms = new LmsBus(toSoftphone);
    installLwcRuntime({ store, lms, uiApiFaults: new Set(uiApiFaults) });
    const created = store.create('Contact', { LastName: 'Doe', Phone: '+14155550100' });
    if (!created.ok) {
        throw new Error(created.error.message);
    }
    return { store, lms, toSoftphone, contactId: created.id };
}

function wire<T extends { connect(): void; update(config: never): void }>(
    Adapter: new (callback: (value: WireValue) => void) => T,
    config: unknown
) {
    const values: WireValue[] = [];
    const adapter = new Adapter((value) => values.push(value));
    adapter.update(config as never);
    adapter.connect();
    return { adapter, values };
}

describe('the played uiRecordApi', () => {
    it('getRecord answers when its configuration is complete, and getFieldValue reads it', async () => {
        const { contactId } = setUp();
        const { adapter, values } = wire(getRecord, {
            recordId: undefined,
            fields: ['Contact.Phone']
        });
        await flush();
        expect(values).toEqual([]);
        adapter.update({ recordId: contactId, fields: ['Contact.Phone'] } as never);
        await flush();
        const record = values[0]?.data as UiRecord;
        expect(getFieldValue(record, 'Contact.Phone')).toBe('+14155550100');
        expect(getFieldValue(record, { objectApiName: 'Contact', fieldApiName: 'Phone' })).toBe(
            '+14155550100'
        );
        expect(getFieldValue(record, 'Contact.Missing')).toBeUndefined();
    });

    it('a missing required field is the wire error; a missing record is NOT_FOUND', async () => {
        const { contactId } = setUp();
        const bad = wire(getRecord, { recordId: contactId, fields: ['Contact.Nope__c'] });
        const gone = wire(getRecord, { recordId: '003000000000099AAA', fields: ['Contact.Id'] });
        await flush();
        expect(bad.values[0]?.error).toMatchObject({
            status: 400,
            body: [{ errorCode: 'INVALID_FIELD' }]
        });
        expect(gone.values[0]?.error).toMatchObject({
            status: 404,
            body: [{ errorCode: 'NOT_FOUND' }]
        });
    });

    it('updateRecord saves, re-reads the record’s getRecord wires, and rejects with UI API write errors', async () => {
        const { contactId } = setUp();
        const { values } = wire(getRecord, { recordId: contactId, fields: ['Contact.Phone'] });
        await flush();
        await updateRecord({ fields: { Id: contactId, Phone: '+14155550111' } });
        expect(getFieldValue(values[values.length - 1]?.data as UiRecord, 'Contact.Phone')).toBe(
            '+14155550111'
        );
        await expect(
            updateRecord({ fields: { Id: contactId, LastName: 'x'.repeat(81) } })
        ).rejects.toMatchObject({
            status: 400,
            body: { output: { fieldErrors: { LastName: [{}] } } }
        });
        await expect(updateRecord({})).rejects.toMatchObject({
            body: { output: { errors: [{}] } }
        });
    });

    it('a save elsewhere is not pushed: refreshApex and notifyRecordUpdateAvailable re-read', async () => {
        const { store, contactId } = setUp();
        const record = wire(getRecord, { recordId: contactId, fields: ['Contact.Phone'] });
        const calls = wire(getRelatedListRecords, {
            parentRecordId: contactId,
            relatedListId: 'Phone_Calls__r',
            fields: ['Phone_Call__c.Id']
        });
        await flush();
        store.create('Phone_Call__c', {
            Direction__c: 'Outbound',
            Provider_Call_Id__c: 'c-1',
            Contact__c: contactId
        });
        store.update(contactId, { Phone: '+14155550122' });
        await flush();
        expect(calls.values).toHaveLength(1);
        await refreshApex(calls.values[0]);
        expect((calls.values[1]?.data as { count: number }).count).toBe(1);
        await notifyRecordUpdateAvailable([{ recordId: contactId }]);
        expect(
            getFieldValue(
                record.values[record.values.length - 1]?.data as UiRecord,
                'Contact.Phone'
            )
        ).toBe('+14155550122');
        await expect(refreshApex({ not: 'a wired value' })).resolves.toBeUndefined();
    });
});

describe('the played messageService', () => {
    it('knows its component’s area, publishes to the softphone and delivers by scope', async () => {
        const { lms, toSoftphone } = setUp();
        const tab = { active: false, isActive: () => tab.active };
        const contexts: unknown[] = [];
        withArea(tab, () => new MessageContext((value) => contexts.push(value)).connect());
        const context = contexts[0] as { area: unknown };
        expect(context.area).toBe(tab);
        const channel = { channelName: 'Softphone_Message__c' };
        const everywhere = jest.fn();
        const activeOnly = jest.fn();
        subscribe(context as never, channel, everywhere, { scope: APPLICATION_SCOPE });
        subscribe(context as never, channel, activeOnly);
        publish(context as never, channel, { type: 'ping' });
        expect(toSoftphone).toHaveBeenCalledWith('Softphone_Message__c', { type: 'ping' });
        lms.publishFromSoftphone('Softphone_Message__c', { type: 'pong' });
        await flush();
        expect(everywhere).toHaveBeenCalledWith({ type: 'pong' });
        expect(activeOnly).not.toHaveBeenCalledWith({ type: 'pong' });
    });

    it('ends a component’s subscriptions when it is destroyed, and a service’s when it releases its context', async () => {
        const { lms } = setUp();
        const channel = { channelName: 'Softphone_Message__c' };
        const contexts: unknown[] = [];
        const wired = new MessageContext((value) => contexts.push(value));
        wired.connect();
        const component = jest.fn();
        subscribe(contexts[0] as never, channel, component, { scope: APPLICATION_SCOPE });
        const service = createMessageContext();
        const serviceListener = jest.fn();
        subscribe(service, channel, serviceListener);
        const kept = jest.fn();
        subscribe(createMessageContext(), channel, kept);
        expect(lms.subscriptionCount()).toBe(3);
        wired.disconnect();
        releaseMessageContext(service);
        expect(lms.subscriptionCount()).toBe(1);
        lms.publishFromSoftphone('Softphone_Message__c', { type: 'state' });
        await flush();
        expect(component).not.toHaveBeenCalled();
        expect(serviceListener).not.toHaveBeenCalled();
        expect(kept).toHaveBeenCalledWith({ type: 'state' });
    });
});

describe('UI API faults injected with fault.uiApi', () => {
    const injected = (name: string) =>
        `An unexpected error occurred on the server. (Injected by the local console: fault.uiApi=${name}.)`;

    it('a faulted wire adapter emits the UI API read error; the others still answer', async () => {
        const { contactId } = setUp(['getRecord', 'getPicklistValues', 'getRelatedListRecords']);
        const record = wire(getRecord, { recordId: contactId, fields: ['Contact.Phone'] });
        const picklist = wire(getPicklistValues, {
            recordTypeId: '012000000000000AAA',
            fieldApiName: { objectApiName: 'Phone_Call__c', fieldApiName: 'Disposition__c' }
        });
        const calls = wire(getRelatedListRecords, {
            parentRecordId: contactId,
            relatedListId: 'Phone_Calls__r',
            fields: ['Phone_Call__c.Id']
        });
        const info = wire(getObjectInfo, { objectApiName: 'Contact' });
        await flush();
        for (const [name, values] of [
            ['getRecord', record.values],
            ['getPicklistValues', picklist.values],
            ['getRelatedListRecords', calls.values]
        ] as const) {
            expect(values).toEqual([
                {
                    data: undefined,
                    error: {
                        ok: false,
                        status: 500,
                        statusText: 'Server Error',
                        headers: {},
                        body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: injected(name) }]
                    }
                }
            ]);
        }
        expect((info.values[0]?.data as { apiName: string }).apiName).toBe('Contact');
    });

    it('getObjectInfo fails too when named', async () => {
        setUp(['getObjectInfo']);
        const info = wire(getObjectInfo, { objectApiName: 'Contact' });
        await flush();
        expect(info.values[0]?.error).toMatchObject({
            body: [{ message: injected('getObjectInfo') }]
        });
    });

    it('a faulted updateRecord rejects with a record-level write error and saves nothing', async () => {
        const { store, contactId } = setUp(['updateRecord']);
        await expect(
            updateRecord({ fields: { Id: contactId, Phone: '+14155550111' } })
        ).rejects.toEqual({
            ok: false,
            status: 500,
            statusText: 'Server Error',
            headers: {},
            body: {
                enhancedErrorType: 'RecordError',
                message: 'An error occurred while trying to update the record. Please try again.',
                output: {
                    errors: [
                        {
                            constituentField: null,
                            duplicateRecordError: null,
                            errorCode: 'UNKNOWN_EXCEPTION',
                            field: null,
                            fieldLabel: null,
                            message: injected('updateRecord')
                        }
                    ],
                    fieldErrors: {}
                }
            }
        });
        expect(store.get(contactId)?.values['Phone']).toBe('+14155550100');
    });
});
