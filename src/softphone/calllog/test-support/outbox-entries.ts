import type { Call } from '../../calls/call-model';
import type { OutboxEntry } from '../outbox-entry';
import { nextStep, type OutboxStep } from '../outbox-steps';
import { toPhoneCallRecord } from '../phone-call-record';
import { START } from './outbox-fixtures';

/** A freshly enqueued entry for `call` (nothing saved yet). */
export function freshOutboxEntry(call: Call, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
    return {
        callId: call.id,
        record: toPhoneCallRecord(call),
        recordRevision: 1,
        savedRecordRevision: 0,
        savedWrapUpRevision: 0,
        wrapUpOpen: false,
        attempts: 0,
        nextAttemptAt: START,
        parked: false,
        enqueuedAt: START,
        ...overrides
    };
}

/** The entry's next step, failing the test when there is none. */
export function stepOf(entry: OutboxEntry): OutboxStep {
    const step = nextStep(entry);
    if (step === null) {
        throw new Error('expected a step, got none');
    }
    return step;
}
