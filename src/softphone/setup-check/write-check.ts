import type { FieldValues } from '../opencti/opencti-api';
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
        Notes__c: 'Test record created by the softphone’s Check setup (Run write test). Delete it.'
    };
}

/** undefined: the admin has not run the write test. */
export type WriteFacts =
    | undefined
    | { readonly ok: true; readonly recordId: string }
    | { readonly ok: false; readonly message: string };

const PERMISSION_FIX =
    'Setup → Users → Permission Set Assignments: give agents the Open CTI Softphone Agent permission set (create on Phone Call), then run the write test again.';

export function checkWrite(facts: WriteFacts): CheckResult {
    const title = 'Saving calls (Phone Call create)';
    if (facts === undefined) {
        return {
            id: 'write',
            title,
            status: 'not-run',
            summary:
                'Not run: it creates one test Phone Call record. Press “Run write test” to check that calls can be saved.'
        };
    }
    if (facts.ok) {
        return {
            id: 'write',
            title,
            status: 'pass',
            summary: `A test Phone Call was saved (${facts.recordId}, Provider Call Id starting ${WRITE_TEST_PREFIX}).`,
            fix: 'Delete the test record: App Launcher → Phone Calls → open it → Delete.'
        };
    }
    return {
        id: 'write',
        title,
        status: 'fail',
        summary: `Salesforce refused to save a Phone Call: ${facts.message}`,
        fix: PERMISSION_FIX
    };
}
