import { reduceErrors } from 'c/ldsUtils';

describe('c-lds-utils reduceErrors', () => {
    it('reads UI API read errors (an array body)', () => {
        const error = {
            body: [{ message: 'No such column Foo__c' }, { message: 'Field is not accessible' }],
            status: 400
        };
        expect(reduceErrors(error)).toEqual(['No such column Foo__c', 'Field is not accessible']);
    });

    it('reads record and field errors of a failed write before the generic message', () => {
        const error = {
            body: {
                message: 'An error occurred while trying to update the record.',
                output: {
                    errors: [{ message: 'Record is locked' }],
                    fieldErrors: {
                        Disposition__c: [{ message: 'Bad value for restricted picklist' }],
                        Notes__c: [{ message: 'Notes are too long' }]
                    }
                }
            }
        };
        expect(reduceErrors(error)).toEqual([
            'Record is locked',
            'Bad value for restricted picklist',
            'Notes are too long'
        ]);
    });

    it('falls back to the body message, the JS message, then the status text', () => {
        expect(reduceErrors({ body: { message: 'Server said no', output: {} } })).toEqual([
            'Server said no'
        ]);
        expect(reduceErrors(new Error('Network down'))).toEqual(['Network down']);
        expect(reduceErrors({ status: 503, statusText: 'Service Unavailable' })).toEqual([
            'Service Unavailable'
        ]);
        expect(reduceErrors('plain text')).toEqual(['plain text']);
    });

    it('takes several errors, skips empty ones and removes duplicates', () => {
        expect(
            reduceErrors([
                null,
                undefined,
                { body: [{ message: 'Same' }] },
                { body: { message: 'Same' } },
                { body: { message: '   ' } },
                {}
            ])
        ).toEqual(['Same']);
        expect(reduceErrors(undefined)).toEqual([]);
    });
});
