import { parseSearchResult } from './search-result';

const CONTACT_ID = '003000000000001AAA';
const LEAD_ID = '00Q000000000001AAA';

function issuesOf(returnValue: unknown): readonly string[] {
    const result = parseSearchResult(returnValue);
    if (result.ok) {
        throw new Error('expected an invalid result');
    }
    expect(result.error.payload).toBe('searchResult');
    return result.error.issues;
}

describe('parseSearchResult', () => {
    it('reads matches keyed by record id, RecordType as the object type', () => {
        const result = parseSearchResult({
            [CONTACT_ID]: {
                Id: CONTACT_ID,
                Name: 'Ada Lovelace',
                RecordType: 'Contact',
                Phone: '(415) 555-2671',
                DoNotCall: false,
                LastModifiedDate: '2026-01-02T03:04:05.000Z'
            },
            [LEAD_ID]: { Id: LEAD_ID, Name: 'Grace Hopper', RecordType: 'Lead' }
        });
        expect(result).toEqual({
            ok: true,
            value: {
                matches: [
                    {
                        recordId: CONTACT_ID,
                        objectType: 'Contact',
                        name: 'Ada Lovelace',
                        fields: {
                            Id: CONTACT_ID,
                            Name: 'Ada Lovelace',
                            RecordType: 'Contact',
                            Phone: '(415) 555-2671',
                            DoNotCall: false,
                            LastModifiedDate: '2026-01-02T03:04:05.000Z'
                        }
                    },
                    {
                        recordId: LEAD_ID,
                        objectType: 'Lead',
                        name: 'Grace Hopper',
                        fields: { Id: LEAD_ID, Name: 'Grace Hopper', RecordType: 'Lead' }
                    }
                ]
            }
        });
    });

    it('keeps SCREEN_POP_DATA unmodified and apart from the matches', () => {
        const screenPopData = { type: 'sobject', params: { recordId: CONTACT_ID } };
        const result = parseSearchResult({
            SCREEN_POP_DATA: screenPopData,
            [CONTACT_ID]: { RecordType: 'Contact' }
        });
        expect(result.ok && result.value.screenPopData).toBe(screenPopData);
        expect(result.ok && result.value.matches.map((m) => m.recordId)).toEqual([CONTACT_ID]);
    });

    it('reads null, undefined and an empty map as no match', () => {
        for (const empty of [null, undefined, {}]) {
            expect(parseSearchResult(empty)).toEqual({ ok: true, value: { matches: [] } });
        }
        expect(parseSearchResult({ SCREEN_POP_DATA: {} })).toEqual({
            ok: true,
            value: { matches: [], screenPopData: {} }
        });
    });

    it('infers standard objects from the id prefix when RecordType is missing', () => {
        const result = parseSearchResult({ '00Q000000000002': { Name: 'Lead' } });
        expect(result.ok && result.value.matches[0]?.objectType).toBe('Lead');
        expect(result.ok && result.value.matches[0]?.name).toBe('Lead');
    });

    it('keeps person-account markers and drops nested values', () => {
        const result = parseSearchResult({
            '001000000000001': {
                RecordType: 'Account',
                Name: 'Ada Lovelace',
                IsPersonAccount: true,
                PersonContactId: '003000000000009',
                Owner: { Name: 'x' },
                __proto__x: 1
            }
        });
        expect(result.ok && result.value.matches[0]?.fields).toEqual({
            RecordType: 'Account',
            Name: 'Ada Lovelace',
            IsPersonAccount: true,
            PersonContactId: '003000000000009'
        });
    });

    it('treats a blank Name as no name', () => {
        const result = parseSearchResult({ [CONTACT_ID]: { RecordType: 'Contact', Name: ' ' } });
        expect(result.ok && result.value.matches[0]).not.toHaveProperty('name');
    });

    it.each([['a list'], 'text', 42, true])('rejects %j', (value) => {
        expect(issuesOf(value)).toEqual(['it is not a map of records']);
    });

    it('names each bad entry', () => {
        expect(
            issuesOf({
                'not-an-id': { RecordType: 'Contact' },
                '003000000000002': 'Ada',
                '003000000000003': { Id: '003000000000004', RecordType: 'Contact' },
                a0B000000000001: { RecordType: 'Bad Type!' },
                a0B000000000002: {}
            })
        ).toEqual([
            'not-an-id: is not a Salesforce record id',
            '003000000000002: is not a record',
            '003000000000003.Id: does not match the key',
            'a0B000000000001.RecordType: is not an object API name',
            'a0B000000000002.RecordType: is not an object API name'
        ]);
    });

    it('accepts an 18-character Id under its 15-character key', () => {
        const result = parseSearchResult({
            '003000000000001': { Id: '003000000000001AAA', RecordType: 'Contact' }
        });
        expect(result.ok).toBe(true);
    });
});
