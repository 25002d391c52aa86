import { parseSaveLogResult } from './save-log-result';

describe('parseSaveLogResult', () => {
    it('reads the Id from { recordId } (what public adapters read)', () => {
        expect(parseSaveLogResult({ recordId: 'a00000000000001AAA' })).toEqual({
            ok: true,
            value: 'a00000000000001AAA'
        });
    });

    it('reads a bare Id string, 15 or 18 characters', () => {
        expect(parseSaveLogResult('a00000000000001AAA')).toEqual({
            ok: true,
            value: 'a00000000000001AAA'
        });
        expect(parseSaveLogResult('00T000000000001')).toEqual({
            ok: true,
            value: '00T000000000001'
        });
    });

    it('reads null or nothing as "no Id"', () => {
        expect(parseSaveLogResult(null)).toEqual({ ok: true, value: null });
        expect(parseSaveLogResult(undefined)).toEqual({ ok: true, value: null });
    });

    it.each([
        ['a string that is no Id', 'not-an-id', '"not-an-id" is not a Salesforce record id'],
        ['an object without recordId', { id: 'a00000000000001AAA' }, 'without recordId (keys: id)'],
        ['an empty object', {}, 'without recordId (keys: none)'],
        [
            'a recordId that is no Id',
            { recordId: 42 },
            'recordId: 42 is not a Salesforce record id'
        ],
        ['an array', ['a00000000000001AAA'], 'not a record Id or { recordId }'],
        ['a number', 7, 'it is 7, not a record Id or { recordId }'],
        ['a boolean', true, 'it is true, not a record Id or { recordId }']
    ])('refuses %s with a message naming it', (_label, returnValue, expected) => {
        const result = parseSaveLogResult(returnValue);
        expect(result.ok).toBe(false);
        if (!result.ok) {
            expect(result.error.payload).toBe('saveLogResult');
            expect(result.error.message).toContain(
                'The saveLog answer from Salesforce was not understood'
            );
            expect(result.error.message).toContain(expected);
        }
    });

    it('shortens a long answer in the message', () => {
        const result = parseSaveLogResult('x'.repeat(100));
        expect(!result.ok && result.error.message).toContain('…');
    });
});
