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
import { APPLICATION_SCOPE, MessageContext, publish, subscribe } from './message-service';
import {
    getFieldValue,
    getRecord,
    notifyRecordUpdateAvailable,
    updateRecord
} from './ui-record-api';
import { getRelatedListRecords } from './ui-related-list-api';

const root = join(__dirname, '../../../..');
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp() {
    const store = new RecordStore(
        buildObjectCatalog(readMetadataSchema(join(root, 'force-app/main/default')))
    );
    store.load([]);
    const toSoftphone = jest.fn();
    const lms = new LmsBus(toSoftphone);
    installLwcRuntime({ store, lms });
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
});
