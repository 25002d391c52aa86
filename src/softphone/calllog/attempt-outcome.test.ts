import { applyAttemptOutcome, type RetryPolicy } from './attempt-outcome';
import type { OutboxEntry } from './outbox-entry';
import { freshOutboxEntry, stepOf } from './test-support/outbox-entries';
import { endedCall, START } from './test-support/outbox-fixtures';

const RECORD_ID = 'a015g00000PhOnEAAA';
const EXISTING_ID = 'a015g00000XyZAbAAN';
const NOW = START + 5_000;
const call = endedCall('call-1');

const retry: RetryPolicy = {
    random: () => 1,
    backoff: { baseDelayMs: 1000, maxDelayMs: 8000 },
    isPermanentFailure: (failure) => failure.codes.includes('INSUFFICIENT_ACCESS')
};

const freshEntry = (overrides: Partial<OutboxEntry> = {}): OutboxEntry =>
    freshOutboxEntry(call, overrides);

describe('applyAttemptOutcome', () => {
    const entry = freshEntry();
    const create = stepOf(entry);

    it('marks a created record saved with the Id Salesforce returned', () => {
        const saved = applyAttemptOutcome(
            entry,
            create,
            { ok: true, returned: RECORD_ID },
            NOW,
            retry
        );
        expect(saved.savedRecordId).toBe(RECORD_ID);
        expect(saved.savedRecordRevision).toBe(1);
        expect(saved.attempts).toBe(0);
    });

    it('retries a create answered without an Id (it may have happened: a replay finds it)', () => {
        const failed = applyAttemptOutcome(entry, create, { ok: true, returned: {} }, NOW, retry);
        expect(failed.savedRecordId).toBeUndefined();
        expect(failed).toMatchObject({
            attempts: 1,
            nextAttemptAt: NOW + 1000,
            lastError: 'Salesforce saved the call without returning its record Id.',
            parked: false
        });
    });

    it('turns a create refused as a duplicate into the record that exists', () => {
        const found = applyAttemptOutcome(
            entry,
            create,
            {
                ok: false,
                failure: {
                    message: `duplicate value found: Provider_Call_Id__c duplicates value on record with id: ${EXISTING_ID}`,
                    codes: ['DUPLICATE_VALUE']
                }
            },
            NOW,
            retry
        );
        expect(found.savedRecordId).toBe(EXISTING_ID);
        expect(found.attempts).toBe(0);
    });

    it('backs off exponentially, capped, on each further failure', () => {
        const failure = { message: 'UNABLE_TO_LOCK_ROW', codes: ['UNABLE_TO_LOCK_ROW'] };
        const third = applyAttemptOutcome(
            freshEntry({ attempts: 2 }),
            create,
            { ok: false, failure },
            NOW,
            retry
        );
        expect(third).toMatchObject({ attempts: 3, nextAttemptAt: NOW + 4000, parked: false });
        const capped = applyAttemptOutcome(
            freshEntry({ attempts: 9 }),
            create,
            { ok: false, failure },
            NOW,
            retry
        );
        expect(capped.nextAttemptAt).toBe(NOW + 8000);
    });

    it('parks the entry on a failure a retry cannot fix', () => {
        const parked = applyAttemptOutcome(
            entry,
            create,
            { ok: false, failure: { message: 'no access', codes: ['INSUFFICIENT_ACCESS'] } },
            NOW,
            retry
        );
        expect(parked).toMatchObject({ attempts: 1, parked: true, lastError: 'no access' });
    });
});
