import { idOf } from './test-support/console-fixtures';
import { DEFAULT_LAYOUT_PRESET, LAYOUT_PRESETS, layoutFromQuery } from './softphone-layout';
import { wiredConsole } from './test-support/wired-console';
import { clickToDialPayload } from './opencti-host';

const mariaNumber = '+1 (415) 555-0101';

describe('sforce.opencti over the local console', () => {
    it('answers with the documented envelope and constants', async () => {
        const lc = await wiredConsole({ '/connector/connectorType': 'simulator' });
        expect(await lc.call('getCallCenterSettings')).toEqual({
            success: true,
            returnValue: { '/connector/connectorType': 'simulator' },
            errors: null
        });
        expect(lc.opencti['SCREENPOP_TYPE']).toMatchObject({
            SOBJECT: 'sobject',
            NEW_RECORD_MODAL: 'newRecord'
        });
        expect(lc.opencti['CALL_TYPE']).toEqual({
            INBOUND: 'inbound',
            OUTBOUND: 'outbound',
            INTERNAL: 'internal'
        });
    });

    it('throws on a call without its one argument object, as opencti_min.js does', async () => {
        const lc = await wiredConsole();
        expect(() => lc.opencti['saveLog']?.()).toThrow('Must pass in only one object');
        expect(() => lc.opencti['getAppViewInfo']?.({ x: 1 })).toThrow(
            'Missing the required argument `callback`!'
        );
        expect(() => lc.opencti['onClickToDial']?.({ x: 1 })).toThrow(
            'Missing the required argument `listener`!'
        );
        expect(() => lc.opencti['saveLog']?.({ callback: () => undefined })).toThrow(
            '`value object`'
        );
        expect(() => lc.opencti['notifyInitializationComplete']?.()).not.toThrow();
        expect(() => lc.opencti['enableClickToDial']?.()).not.toThrow();
    });

    it('finds a known caller and pops the record, with the fields of a fresh org layout', async () => {
        const lc = await wiredConsole();
        const maria = idOf(lc.store, 'Contact', 'Maria Lopez');
        const response = await lc.call('searchAndScreenPop', {
            searchParams: mariaNumber,
            callType: 'inbound'
        });
        expect(response).toEqual({
            success: true,
            errors: null,
            returnValue: {
                [maria]: {
                    Id: maria,
                    Name: 'Maria Lopez',
                    RecordType: 'Contact',
                    LastModifiedDate: '2026-01-15T10:00:00.000Z',
                    Phone: '+1 415 555 0101'
                }
            }
        });
        expect(lc.state.activeTab).toMatchObject({ kind: 'record', recordId: maria });
    });

    it('returns only the fields and objects the layout shows for the call type', async () => {
        const { layout } = layoutFromQuery(
            new URLSearchParams(
                'layout=full&layout.Outbound.Contact=Name,DoNotCall&layout.Inbound.Contact=none'
            )
        );
        const lc = await wiredConsole({}, { layout });
        const maria = idOf(lc.store, 'Contact', 'Maria Lopez');
        const search = async (callType: string) =>
            (
                await lc.call('searchAndScreenPop', {
                    searchParams: mariaNumber,
                    callType,
                    deferred: true
                })
            )['returnValue'] as Record<string, Record<string, unknown>>;
        expect((await search('outbound'))[maria]).toEqual({
            Id: maria,
            Name: 'Maria Lopez',
            RecordType: 'Contact',
            LastModifiedDate: '2026-01-15T10:00:00.000Z',
            DoNotCall: false
        });
        expect((await search('inbound'))[maria]).toBeUndefined();
        expect((await search('internal'))[maria]).toMatchObject({ MobilePhone: '(415) 555-0151' });
        const fresh = await wiredConsole();
        expect(
            (
                await fresh.call('searchAndScreenPop', {
                    searchParams: mariaNumber,
                    callType: 'internal',
                    deferred: true
                })
            )['returnValue']
        ).toEqual({});
    });

    it('describes its layout through getSoftphoneLayout, and can fail or answer nonsense', async () => {
        const lc = await wiredConsole();
        const layout = (await lc.call('getSoftphoneLayout'))['returnValue'] as Record<
            string,
            { objects: Record<string, unknown> }
        >;
        expect(layout['Outbound']?.objects['Contact']).toEqual([
            { displayName: 'Name', apiName: 'Name' },
            { displayName: 'Phone', apiName: 'Phone' }
        ]);
        expect(layout['Internal']?.objects).toEqual({});
        const failing = await wiredConsole({}, { layoutFault: 'error' });
        expect(await failing.call('getSoftphoneLayout')).toMatchObject({ success: false });
        const invalid = await wiredConsole({}, { layoutFault: 'invalid' });
        expect(await invalid.call('getSoftphoneLayout')).toMatchObject({
            success: true,
            returnValue: { Inbound: { objects: { Contact: 'Name' } } }
        });
    });

    it('reads the layout options of the URL and names the wrong ones', () => {
        const read = layoutFromQuery(
            new URLSearchParams(
                'layout=generous&layout.Sideways.Contact=Name&layout.Inbound.Lead=Na-me&layout.Outbound.Case='
            )
        );
        expect(read.problems).toEqual([
            'layout=generous: not one of fresh-org, full',
            'layout.Sideways.Contact: expected layout.<Inbound|Outbound|Internal>.<Object>',
            'layout.Inbound.Lead: not field API names: Na-me'
        ]);
        expect(read.layout.Outbound['Case']).toEqual([]);
        expect(read.layout.Inbound).toEqual(LAYOUT_PRESETS[DEFAULT_LAYOUT_PRESET]?.Inbound);
    });

    it('returns SCREEN_POP_DATA without navigating when deferred, and screenPop accepts it', async () => {
        const lc = await wiredConsole();
        const response = await lc.call('searchAndScreenPop', {
            searchParams: '5105550121',
            callType: 'inbound',
            deferred: true
        });
        const returnValue = response['returnValue'] as Record<string, unknown>;
        expect(Object.keys(returnValue)).toHaveLength(3);
        expect(returnValue['SCREEN_POP_DATA']).toEqual({
            type: 'search',
            params: { searchString: '5105550121' }
        });
        expect(lc.state.activeTab.kind).toBe('home');
        const popData = returnValue['SCREEN_POP_DATA'] as Record<string, unknown>;
        expect(await lc.call('screenPop', popData)).toMatchObject({ success: true });
        expect(lc.state.activeTab).toMatchObject({ kind: 'search', searchString: '5105550121' });
    });

    it('returns both records of a number shared by a Contact and a Lead, and DoNotCall', async () => {
        const lc = await wiredConsole({}, { layout: LAYOUT_PRESETS['full'] });
        const both = await lc.call('searchAndScreenPop', {
            searchParams: '415.555.0105',
            callType: 'outbound',
            deferred: true
        });
        const records = Object.values(
            both['returnValue'] as Record<string, { RecordType?: string }>
        )
            .map((record) => record.RecordType)
            .filter(Boolean);
        expect(records).toEqual(['Contact', 'Lead']);
        const dnc = await lc.call('searchAndScreenPop', {
            searchParams: '7075550170',
            callType: 'outbound',
            deferred: true
        });
        expect(Object.values(dnc['returnValue'] as Record<string, unknown>)[0]).toMatchObject({
            Name: 'Marcus Reed',
            DoNotCall: true
        });
    });

    it('requires callType', async () => {
        const lc = await wiredConsole();
        expect(await lc.call('searchAndScreenPop', { searchParams: '4155550101' })).toMatchObject({
            success: false,
            errors: [{ code: 'INVALID_PARAM' }]
        });
    });

    it('creates and updates with saveLog, and reports a duplicate provider call id in details', async () => {
        const lc = await wiredConsole();
        const value = {
            entityApiName: 'Phone_Call__c',
            Direction__c: 'Inbound',
            Provider_Call_Id__c: 'sim-1'
        };
        const created = await lc.call('saveLog', { value });
        expect(created).toEqual({
            success: true,
            returnValue: { recordId: 'a00000000000001AAA' },
            errors: null
        });
        expect(
            await lc.call('saveLog', {
                value: { Id: 'a00000000000001AAA', Disposition__c: 'Resolved' }
            })
        ).toMatchObject({
            success: true,
            returnValue: { recordId: 'a00000000000001AAA' }
        });
        const duplicate = await lc.call('saveLog', { value });
        expect(duplicate).toEqual({
            success: false,
            returnValue: null,
            errors: [
                {
                    code: 'GENERIC_ERROR',
                    description:
                        'An error occurred while calling the saveLog() API method. Review the Details field in the error section.',
                    details: [
                        {
                            message:
                                'duplicate value found: Provider_Call_Id__c duplicates value on record with id: a00000000000001AAA',
                            statusCode: 'DUPLICATE_VALUE',
                            fields: ['Provider_Call_Id__c']
                        }
                    ]
                }
            ]
        });
        const unknown = await lc.call('saveLog', {
            value: { Id: 'a00000000000042AAA', Notes__c: 'x' }
        });
        expect(JSON.stringify(unknown['errors'])).toContain('invalid cross reference id');
    });

    it('answers saveLog with the bare Id when host.saveLogReturn=id', async () => {
        const lc = await wiredConsole({}, { saveLogReturn: 'id' });
        const created = await lc.call('saveLog', {
            value: {
                entityApiName: 'Phone_Call__c',
                Direction__c: 'Inbound',
                Provider_Call_Id__c: 'sim-9'
            }
        });
        expect(created).toEqual({ success: true, returnValue: 'a00000000000001AAA', errors: null });
    });

    it('loses the answer of a done write as often as the fault injection says', async () => {
        const lc = await wiredConsole();
        lc.faults.saveLogLostAnswerRate = 100;
        const response = await lc.call('saveLog', {
            value: {
                entityApiName: 'Phone_Call__c',
                Direction__c: 'Inbound',
                Provider_Call_Id__c: 'sim-3'
            }
        });
        expect(response).toMatchObject({ success: false, errors: [{ code: 'SERVER_ERROR' }] });
        expect(lc.store.list('Phone_Call__c')).toHaveLength(1);
    });

    it('fails saveLog as often as the fault injection says', async () => {
        const lc = await wiredConsole();
        lc.faults.saveLogFailureRate = 100;
        const response = await lc.call('saveLog', {
            value: {
                entityApiName: 'Phone_Call__c',
                Direction__c: 'Inbound',
                Provider_Call_Id__c: 'sim-2'
            }
        });
        expect(response).toMatchObject({ success: false, errors: [{ code: 'SERVER_ERROR' }] });
        expect(lc.store.list('Phone_Call__c')).toHaveLength(0);
        lc.faults.saveLogFailureRate = 40; // random() is 0.5 in these tests: 50 >= 40 succeeds
        expect(
            await lc.call('saveLog', {
                value: {
                    entityApiName: 'Phone_Call__c',
                    Direction__c: 'Inbound',
                    Provider_Call_Id__c: 'sim-2'
                }
            })
        ).toMatchObject({ success: true });
    });

    it('builds the documented click-to-dial payload for a record, with person-account fields only when enabled', () => {
        const contact = {
            type: 'Contact',
            values: { Id: '003000000000002AAA', AccountId: '001000000000001AAA' }
        };
        expect(clickToDialPayload(contact, '415.555.0102', 'James Chen', false)).toEqual({
            number: '415.555.0102',
            recordId: '003000000000002AAA',
            recordName: 'James Chen',
            objectType: 'Contact',
            params: ''
        });
        expect(clickToDialPayload(contact, '415.555.0102', 'James Chen', true)).toMatchObject({
            personAccount: false
        });
        expect(clickToDialPayload(contact, '415.555.0102', 'James Chen', true)).not.toHaveProperty(
            'accountId'
        );
        const personAccount = {
            type: 'Account',
            values: {
                Id: '001000000000009AAA',
                IsPersonAccount: true,
                PersonContactId: '003000000000009AAA'
            }
        };
        expect(clickToDialPayload(personAccount, '+1 415', 'Ana Ruiz', true)).toEqual({
            number: '+1 415',
            recordId: '001000000000009AAA',
            recordName: 'Ana Ruiz',
            objectType: 'Account',
            params: '',
            personAccount: true,
            contactId: '003000000000009AAA'
        });
        const personContact = {
            type: 'Contact',
            values: {
                Id: '003000000000009AAA',
                IsPersonAccount: true,
                AccountId: '001000000000009AAA'
            }
        };
        expect(clickToDialPayload(personContact, '+1 415', 'Ana Ruiz', true)).toMatchObject({
            personAccount: true,
            accountId: '001000000000009AAA'
        });
    });

    it('sends a clicked record number through clickToDialRecord', async () => {
        const lc = await wiredConsole();
        const listener = jest.fn();
        lc.opencti['onClickToDial']?.({ listener });
        await lc.call('enableClickToDial');
        const record = lc.store.all().find((candidate) => candidate.type === 'Contact');
        expect(record && lc.host.clickToDialRecord(record, '+14155550101')).toBe(true);
        expect(listener).toHaveBeenCalledWith(
            expect.objectContaining({
                number: '+14155550101',
                recordId: record?.values['Id'],
                objectType: 'Contact',
                params: ''
            })
        );
    });

    it('calls the click-to-dial listener only after enableClickToDial, with the documented payload', async () => {
        const lc = await wiredConsole();
        const listener = jest.fn();
        lc.opencti['onClickToDial']?.({ listener });
        const payload = {
            number: '415.555.0102',
            recordId: '003000000000002AAA',
            recordName: 'James Chen',
            objectType: 'Contact'
        };
        await Promise.resolve();
        expect(lc.host.clickToDial(payload)).toBe(false);
        await lc.call('enableClickToDial');
        expect(lc.state.utility.clickToDialEnabled).toBe(true);
        expect(lc.host.clickToDial(payload)).toBe(true);
        expect(listener).toHaveBeenCalledWith(payload);
        await lc.call('disableClickToDial');
        expect(lc.host.clickToDial(payload)).toBe(false);
        expect(listener).toHaveBeenCalledTimes(1);
    });

    it('reports navigation to onNavigationChange and getAppViewInfo', async () => {
        const lc = await wiredConsole();
        const listener = jest.fn();
        lc.opencti['onNavigationChange']?.({ listener });
        const james = idOf(lc.store, 'Contact', 'James Chen');
        await lc.call('screenPop', { type: 'sobject', params: { recordId: james } });
        const expected = {
            url: `http://127.0.0.1:5173/lightning/r/Contact/${james}/view`,
            recordId: james,
            recordName: 'James Chen',
            objectType: 'Contact'
        };
        expect(listener).toHaveBeenLastCalledWith(expected);
        expect(await lc.call('getAppViewInfo')).toEqual({
            success: true,
            returnValue: expected,
            errors: null
        });
        lc.state.activate('home');
        expect(listener).toHaveBeenLastCalledWith({
            url: 'http://127.0.0.1:5173/lightning/page/home'
        });
    });

    it('opens a prefilled new-record modal', async () => {
        const lc = await wiredConsole();
        expect(
            await lc.call('screenPop', {
                type: 'newRecord',
                params: { entityName: 'Contact', defaultFieldValues: { Phone: '+12125550199' } }
            })
        ).toMatchObject({ success: true });
        expect(lc.state.modal).toEqual({
            entityName: 'Contact',
            defaultFieldValues: { Phone: '+12125550199' }
        });
        expect(
            await lc.call('screenPop', { type: 'newRecord', params: { entityName: 'Nope__c' } })
        ).toMatchObject({
            success: false
        });
    });

    it('refuses NEW_RECORD_MODAL defaultFieldValues outside params, and non-object ones', async () => {
        const lc = await wiredConsole();
        const topLevel = await lc.call('screenPop', {
            type: 'newRecord',
            params: { entityName: 'Contact' },
            defaultFieldValues: { Phone: '+12125550199' }
        });
        expect(topLevel).toMatchObject({ success: false, errors: [{ code: 'INVALID_PARAM' }] });
        expect(JSON.stringify(topLevel['errors'])).toContain(
            'defaultFieldValues inside params, next to entityName'
        );
        expect(
            await lc.call('screenPop', {
                type: 'newRecord',
                params: { entityName: 'Contact', defaultFieldValues: 'Phone=1' }
            })
        ).toMatchObject({ success: false, errors: [{ code: 'INVALID_PARAM' }] });
        expect(lc.state.modal).toBeUndefined();
    });

    it('checks screenPop parameters', async () => {
        const lc = await wiredConsole();
        const bad = [
            { type: 'sobject', params: { recordId: '003000000000099AAA' } },
            { type: 'search', params: { searchString: 'ab' } },
            { type: 'url', params: { url: 'https://example.com' } },
            { type: 'teleport', params: {} }
        ];
        for (const args of bad) {
            expect(await lc.call('screenPop', args)).toMatchObject({
                success: false,
                errors: [{ code: 'INVALID_PARAM' }]
            });
        }
        expect(
            await lc.call('screenPop', { type: 'objecthome', params: { scope: 'Case' } })
        ).toMatchObject({ success: true });
        expect(lc.state.activeTab).toMatchObject({ kind: 'objectHome', scope: 'Case' });
    });

    it('drives the utility item', async () => {
        const lc = await wiredConsole();
        await lc.call('notifyInitializationComplete');
        await lc.call('setSoftphonePanelHeight', { heightPX: 600 });
        await lc.call('setSoftphoneItemLabel', { label: 'On call' });
        await lc.call('setSoftphoneItemIcon', { key: 'end_call' });
        await lc.call('setSoftphonePanelVisibility', { visible: false });
        expect(lc.state.utility).toMatchObject({
            initialised: true,
            heightPX: 600,
            itemLabel: 'On call',
            itemIcon: 'end_call',
            visible: false
        });
        expect(await lc.call('isSoftphonePanelVisible')).toEqual({
            success: true,
            returnValue: { visible: false },
            errors: null
        });
        expect(await lc.call('setSoftphonePanelWidth', { widthPX: 100 })).toMatchObject({
            success: false
        });
    });

    it('carries LMS messages both ways and logs them', async () => {
        const lc = await wiredConsole();
        const listener = jest.fn();
        const subscribed = await lc.call('subscribe', {
            channelName: 'Softphone_Message__c',
            listener
        });
        expect(subscribed['subscription']).toEqual({
            channelName: 'Softphone_Message__c',
            subscriptionId: 'subscribe-1'
        });
        const ping = { version: 1, type: 'ping', requestId: 'r1', payload: {} };
        expect(lc.host.publishFromConsole('Softphone_Message__c', ping)).toBe(1);
        expect(listener).toHaveBeenCalledWith(ping);
        const pong = { version: 1, type: 'pong', requestId: 'r1', payload: {} };
        await lc.call('publish', { channelName: 'Softphone_Message__c', message: pong });
        expect(lc.lmsLog.entries().map((entry) => [entry.direction, entry.message])).toEqual([
            ['toSoftphone', ping],
            ['fromSoftphone', pong]
        ]);
        expect(listener).toHaveBeenLastCalledWith(pong); // LMS also delivers to the publisher
        await lc.call('unsubscribe', { subscription: subscribed['subscription'] });
        expect(lc.host.publishFromConsole('Softphone_Message__c', ping)).toBe(0);
        expect(await lc.call('publish', { channelName: 'Nope__c', message: {} })).toMatchObject({
            success: false
        });
    });

    it('does not deliver the softphone its own messages with lms.echo=false', async () => {
        const lc = await wiredConsole();
        lc.host.lmsEcho = false;
        const listener = jest.fn();
        await lc.call('subscribe', { channelName: 'Softphone_Message__c', listener });
        const pong = { version: 1, type: 'pong', requestId: 'r1', payload: {} };
        await lc.call('publish', { channelName: 'Softphone_Message__c', message: pong });
        expect(listener).not.toHaveBeenCalled();
        expect(lc.lmsLog.entries().at(-1)).toMatchObject({
            direction: 'fromSoftphone',
            delivered: 0
        });
    });

    it('drops the listeners of a softphone that reloaded', async () => {
        const lc = await wiredConsole();
        await lc.call('subscribe', { channelName: 'Softphone_Message__c', listener: jest.fn() });
        await lc.call('enableClickToDial');
        expect(lc.host.subscriptionCount()).toBe(1);
        lc.reload();
        await lc.call('getCallCenterSettings');
        expect(lc.host.subscriptionCount()).toBe(0);
        expect(lc.state.utility.clickToDialEnabled).toBe(false);
    });

    it('has no Apex, and answers the HVS and layout methods', async () => {
        const lc = await wiredConsole();
        expect(
            await lc.call('runApex', { apexClass: 'X', methodName: 'y', methodParams: '' })
        ).toMatchObject({
            success: false,
            errors: [{ code: 'SERVER_ERROR' }]
        });
        expect(await lc.call('getSoftphoneLayout')).toMatchObject({
            success: true,
            returnValue: { Inbound: {} }
        });
        expect(await lc.call('hvs.completeWork', { workId: 'w1', attributes: {} })).toMatchObject({
            success: true
        });
    });

    it('delays the methods named in host.delayMs.<method> and records when each request arrived', async () => {
        const slept: number[] = [];
        let clock = 1_765_000_000_000.25;
        const lc = await wiredConsole(
            {},
            {
                sleep: (ms) => {
                    slept.push(ms);
                    return Promise.resolve();
                },
                receivedAt: () => (clock += 1)
            }
        );
        lc.faults.hostDelaysMs = { searchAndScreenPop: 150 };
        await lc.call('searchAndScreenPop', { searchParams: '4155550101', callType: 'inbound' });
        await lc.call('setSoftphonePanelVisibility', { visible: true });
        expect(slept).toEqual([150]);
        expect(
            lc.activity
                .entries()
                .filter((entry) => entry.kind === 'opencti')
                .map((entry) => [entry.method, entry.receivedAt])
        ).toEqual([
            ['searchAndScreenPop', 1_765_000_000_001.25],
            ['setSoftphonePanelVisibility', 1_765_000_000_002.25]
        ]);
    });
});
