import { idOf } from './test-support/console-fixtures';
import { LAYOUT_PRESETS, layoutFromQuery } from './softphone-layout';
import { wiredConsole } from './test-support/wired-console';

const mariaNumber = '+1 (415) 555-0101';

describe('screenPop and searchAndScreenPop over the local console', () => {
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
});
