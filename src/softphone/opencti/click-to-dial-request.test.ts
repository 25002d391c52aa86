import { InvalidPayloadError } from './invalid-payload-error';
import { parseClickToDialRequest } from './click-to-dial-request';

function issuesOf(payload: unknown): readonly string[] {
    const result = parseClickToDialRequest(payload);
    if (result.ok) {
        throw new Error('expected an invalid payload');
    }
    expect(result.error).toBeInstanceOf(InvalidPayloadError);
    expect(result.error.name).toBe('InvalidPayloadError');
    expect(result.error.payload).toBe('clickToDial');
    return result.error.issues;
}

describe('parseClickToDialRequest', () => {
    it('accepts the documented payload', () => {
        expect(
            parseClickToDialRequest({
                number: '(415) 555-2671',
                recordId: '003000000000001AAA',
                recordName: 'Ada Lovelace',
                objectType: 'Contact',
                params: 'source=recordPage'
            })
        ).toEqual({
            ok: true,
            value: {
                number: '(415) 555-2671',
                recordId: '003000000000001AAA',
                recordName: 'Ada Lovelace',
                objectType: 'Contact',
                params: 'source=recordPage'
            }
        });
    });

    it('accepts person-account fields and ignores unknown ones', () => {
        const result = parseClickToDialRequest({
            number: '4155552671',
            recordId: '001000000000001',
            objectType: 'Account',
            contactId: '003000000000001',
            personAccount: true,
            somethingNew: { x: 1 }
        });
        expect(result).toEqual({
            ok: true,
            value: {
                number: '4155552671',
                recordId: '001000000000001',
                objectType: 'Account',
                contactId: '003000000000001',
                personAccount: true
            }
        });
    });

    it('turns a numeric number into text and trims text', () => {
        expect(parseClickToDialRequest({ number: 4155552671 })).toEqual({
            ok: true,
            value: { number: '4155552671' }
        });
        expect(parseClickToDialRequest({ number: '  +44 20 7946 0958 ' })).toEqual({
            ok: true,
            value: { number: '+44 20 7946 0958' }
        });
    });

    it('reads blank fields as absent', () => {
        expect(
            parseClickToDialRequest({
                number: '123',
                recordId: '',
                recordName: null,
                objectType: '',
                params: ''
            })
        ).toEqual({ ok: true, value: { number: '123' } });
    });

    it.each([null, undefined, 'tel:123', 42, ['123']])(
        'rejects a payload that is %j',
        (payload) => {
            expect(issuesOf(payload)).toEqual(['it is not an object']);
        }
    );

    it('names a missing or empty number', () => {
        expect(issuesOf({ recordId: '003000000000001' })).toEqual(['number: is missing']);
        expect(issuesOf({ number: '   ' })).toEqual(['number: is empty']);
    });

    it('rejects numbers that are not phone numbers', () => {
        for (const number of [1.5, -1, Number.NaN, { digits: '1' }]) {
            expect(issuesOf({ number })).toEqual([
                'number: must be the phone number that was clicked'
            ]);
        }
        expect(issuesOf({ number: '1'.repeat(101) })).toEqual(['number: is too long']);
    });

    it('names every bad field, with a readable message', () => {
        const issues = issuesOf({
            number: '4155552671',
            recordId: '<script>',
            objectType: 'Contact; DROP',
            accountId: 5,
            personAccount: 'yes'
        });
        expect(issues).toEqual([
            'recordId: is not a Salesforce record id',
            'objectType: is not an object API name',
            'accountId: must be text',
            'personAccount: must be true or false'
        ]);
        const result = parseClickToDialRequest({ number: '1', recordId: 'x' });
        expect(!result.ok && result.error.message).toBe(
            'The click-to-dial request from Salesforce was not understood: recordId: is not a Salesforce record id'
        );
    });
});
