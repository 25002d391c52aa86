/**
 * What one saveLog attempt does to its outbox entry: a success marks what the write carried, a
 * create refused as a duplicate becomes an update of the record that exists, and any other
 * failure counts an attempt and sets the next one after a capped, jittered backoff — or parks
 * the entry when the failure is one a retry cannot fix. Pure: the outbox keeps the entry, stores
 * it and schedules the next attempt.
 */
import { computeRetryDelay, type BackoffPolicy } from '../shared/backoff';
import type { OutboxEntry } from './outbox-entry';
import { applyDuplicate, applyStepSuccess, type OutboxStep } from './outbox-steps';
import { isSalesforceId } from './phone-call-record';
import { parseDuplicateRecordId, type SaveFailure } from './save-error';
import type { AttemptOutcome } from './save-within';

/** How a failed attempt is retried. */
export interface RetryPolicy {
    /** 0 ≤ r < 1, for backoff jitter. */
    readonly random: () => number;
    readonly backoff: BackoffPolicy;
    /** Failures that park the entry instead of retrying it. */
    readonly isPermanentFailure: (failure: SaveFailure) => boolean;
}

export function applyAttemptOutcome(
    entry: OutboxEntry,
    step: OutboxStep,
    outcome: AttemptOutcome,
    now: number,
    retry: RetryPolicy
): OutboxEntry {
    if (outcome.ok) {
        const returnedId = isSalesforceId(outcome.returned) ? outcome.returned : null;
        if (step.kind === 'create' && returnedId === null) {
            // No Id means we cannot know the record: retry, and a create that did happen
            // comes back as a duplicate with its Id.
            return failedAttempt(
                entry,
                { message: 'saveLog answered without a record Id', codes: [] },
                now,
                retry
            );
        }
        return applyStepSuccess(entry, step, returnedId, now);
    }
    if (step.kind === 'create') {
        const existingId = parseDuplicateRecordId(outcome.failure);
        if (existingId !== null) {
            return applyDuplicate(entry, existingId, now);
        }
    }
    return failedAttempt(entry, outcome.failure, now, retry);
}

function failedAttempt(
    entry: OutboxEntry,
    failure: SaveFailure,
    now: number,
    retry: RetryPolicy
): OutboxEntry {
    const attempts = entry.attempts + 1;
    return {
        ...entry,
        attempts,
        nextAttemptAt: now + computeRetryDelay(attempts, retry.random, retry.backoff),
        lastError: failure.message,
        parked: retry.isPermanentFailure(failure)
    };
}
