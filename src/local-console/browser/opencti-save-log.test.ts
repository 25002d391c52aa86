import { wiredConsole } from './test-support/wired-console';

describe('saveLog over the local console', () => {
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
});
