import { parseAppViewInfo } from './app-view-info';

describe('parseAppViewInfo', () => {
    it('reads a record page', () => {
        expect(
            parseAppViewInfo({
                url: 'https://example.lightning.force.com/lightning/r/Contact/003000000000001AAA/view',
                recordId: '003000000000001AAA',
                recordName: 'Ada Lovelace',
                objectType: 'Contact'
            })
        ).toEqual({
            ok: true,
            value: {
                url: 'https://example.lightning.force.com/lightning/r/Contact/003000000000001AAA/view',
                recordId: '003000000000001AAA',
                recordName: 'Ada Lovelace',
                objectType: 'Contact'
            }
        });
    });

    it('reads blanks and a missing payload as "not on a record"', () => {
        expect(parseAppViewInfo({ url: '/lightning/o/Contact/list', recordId: '' })).toEqual({
            ok: true,
            value: { url: '/lightning/o/Contact/list' }
        });
        expect(parseAppViewInfo(undefined)).toEqual({ ok: true, value: {} });
        expect(parseAppViewInfo(null)).toEqual({ ok: true, value: {} });
    });

    it('names bad fields', () => {
        const result = parseAppViewInfo({ recordId: 'javascript:alert(1)', personAccount: 1 });
        expect(!result.ok && result.error.issues).toEqual([
            'recordId: is not a Salesforce record id',
            'personAccount: must be true or false'
        ]);
        const notObject = parseAppViewInfo('x');
        expect(!notObject.ok && notObject.error.payload).toBe('appViewInfo');
    });
});
