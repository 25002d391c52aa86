import { describeSaveError, isPermanentSaveFailure, parseDuplicateRecordId } from './save-error';

const failure = (message: string, codes: string[] = []) => ({ message, codes });

describe('parseDuplicateRecordId', () => {
    it.each([
        [
            'duplicate value found: Provider_Call_Id__c duplicates value on record with id: a015g00000XyZAbAAN',
            'a015g00000XyZAbAAN'
        ],
        [
            'DUPLICATE_VALUE: duplicate value found: Provider_Call_Id__c duplicates value on record with id: a015g00000XyZAb',
            'a015g00000XyZAb'
        ],
        [
            'Duplicate value found: <unknown> duplicates value on record with ID:a015g00000XyZAbAAN.',
            'a015g00000XyZAbAAN'
        ],
        [
            'Phone_Call__c: duplicate value found: Provider_Call_Id__c duplicates value on record with id: a015g00000XyZAbAAN',
            'a015g00000XyZAbAAN'
        ]
    ])('finds the Id in %s', (message, id) => {
        expect(parseDuplicateRecordId(failure(message))).toBe(id);
    });

    it('reads the status code when the text does not say duplicate', () => {
        expect(
            parseDuplicateRecordId(
                failure('Record exists (id: a015g00000XyZAbAAN)', ['DUPLICATE_VALUE'])
            )
        ).toBe('a015g00000XyZAbAAN');
    });

    it.each([
        'duplicate value found: Other_Key__c duplicates value on record with id: a015g00000XyZAbAAN',
        'duplicate value found on record with id: a015g00000XyZA',
        'duplicate value found on record with id: a015g00000XyZAbAANX',
        'Network error: id: a015g00000XyZAbAAN',
        'duplicate value found'
    ])('returns null for %s', (message) => {
        expect(parseDuplicateRecordId(failure(message))).toBeNull();
    });
});

describe('isPermanentSaveFailure', () => {
    it.each([
        'Required fields are missing: [Direction__c]',
        'INVALID_FIELD: No such column Foo__c on entity Phone_Call__c',
        'bad value for restricted picklist field: Sideways',
        'FIELD_CUSTOM_VALIDATION_EXCEPTION: Notes needed',
        'INSUFFICIENT_ACCESS_OR_READONLY: insufficient access rights',
        'duplicate value found: Other_Key__c duplicates value on record with id: a015g00000XyZAbAAN'
    ])('parks %s', (message) => {
        expect(isPermanentSaveFailure(failure(message))).toBe(true);
    });

    it.each([
        'Network error',
        'The request timed out',
        'SERVER_ERROR: try again',
        'saveLog failed'
    ])('retries %s', (message) => {
        expect(isPermanentSaveFailure(failure(message))).toBe(false);
    });
});

describe('describeSaveError', () => {
    it('joins an Open CTI error message with its extra messages and keeps its codes', () => {
        const error = Object.assign(new Error('saveLog failed'), {
            errors: ['saveLog failed', 'Required fields are missing: [Direction__c]'],
            codes: ['GENERIC_ERROR', 7]
        });
        expect(describeSaveError(error)).toEqual({
            message: 'saveLog failed | Required fields are missing: [Direction__c]',
            codes: ['GENERIC_ERROR']
        });
    });

    it('reads strings and anything else', () => {
        expect(describeSaveError('boom').message).toBe('boom');
        expect(describeSaveError(undefined).message).toBe('saveLog failed without a message');
        expect(describeSaveError(new Error('x'.repeat(5000))).message).toHaveLength(2000);
    });
});
