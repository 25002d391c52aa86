import type { FieldValues } from '../opencti/opencti-api';
import { label } from '../i18n';
import type { CheckResult } from './check-result';

/** Marks the test record so the admin can find and delete it (Phone Calls list, Provider Call Id). */
export const WRITE_TEST_PREFIX = 'SETUP-CHECK-TEST-';

/**
 * The Phone_Call__c the write test creates through saveLog. Open CTI has no describe or rollback
 * and an Apex-free package no probe that leaves nothing behind, so the test creates one clearly
 * labelled record, only when the admin asks, and says how to delete it.
 */
export function writeTestRecord(now: Date): FieldValues {
    return {
        entityApiName: 'Phone_Call__c',
        Direction__c: 'Outbound',
        Provider_Call_Id__c: `${WRITE_TEST_PREFIX}${now.toISOString()}`,
        Started__c: now.toISOString(),
        Notes__c: label('Softphone_Setup_Write_Test_Notes', label('Softphone_Check_Run_Write_Test'))
    };
}

/** undefined: the admin has not run the write test. */
export type WriteFacts =
    | undefined
    | { readonly ok: true; readonly recordId: string }
    | { readonly ok: false; readonly message: string };

export function checkWrite(facts: WriteFacts): CheckResult {
    const title = label('Softphone_Setup_Write_Title');
    if (facts === undefined) {
        return {
            id: 'write',
            title,
            status: 'not-run',
            summary: label('Softphone_Setup_Write_Not_Run', label('Softphone_Check_Run_Write_Test'))
        };
    }
    if (facts.ok) {
        return {
            id: 'write',
            title,
            status: 'pass',
            summary: label('Softphone_Setup_Write_Saved', facts.recordId, WRITE_TEST_PREFIX),
            fix: label('Softphone_Setup_Write_Delete_Fix')
        };
    }
    return {
        id: 'write',
        title,
        status: 'fail',
        summary: label('Softphone_Setup_Write_Refused', facts.message),
        fix: label('Softphone_Setup_Write_Fix')
    };
}
