import { idOf } from './test-support/console-fixtures';
import { DEFAULT_LAYOUT_PRESET, LAYOUT_PRESETS, layoutFromQuery } from './softphone-layout';
import { wiredConsole } from './test-support/wired-console';
import { clickToDialPayload } from './opencti-host';

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
