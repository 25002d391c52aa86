import type { Call } from '../../calls/call-model';
import { LogOutbox } from '../log-outbox';
import type {
    CallLogFailedEvent,
    CallLoggedEvent,
    LogOutboxOptions,
    OutboxStoreErrorEvent
} from '../log-outbox';
import type { OutboxStore } from '../outbox-store';
import { FakeSalesforce } from './fake-salesforce';
import { ManualScheduler } from './manual-scheduler';

// What the call-log tests share: the ended call they log, and an outbox wired to a fake
// Salesforce and a manual scheduler, with its events recorded.

export const CONTACT_ID = '0035g00000AbCdEAAZ';
export const AGENT_ID = '0055g00000AgEnTAAA';
export const START = Date.UTC(2026, 0, 15, 12, 0, 0);
export const CONTACT = { recordId: CONTACT_ID, objectType: 'Contact', recordName: 'Jane Doe' };

/** An answered inbound call about CONTACT, 30 s long, ended. */
export function endedCall(id: string, overrides: Partial<Call> = {}): Call {
    return {
        id,
        direction: 'Inbound',
        from: '+14155550100',
        to: '+14155550199',
        state: 'ended',
        startedAt: START,
        answeredAt: START + 2_000,
        endedAt: START + 32_000,
        outcome: 'Connected',
        muted: false,
        related: { ...CONTACT },
        ...overrides
    };
}

/**
 * A LogOutbox over `store`, a minute after START, retrying without jitter; `shared` lets a second
 * outbox (a reload) use the first one's scheduler and Salesforce.
 */
export function createOutboxHarness<Store extends OutboxStore>(
    store: Store,
    overrides: Partial<LogOutboxOptions> = {},
    shared?: { scheduler: ManualScheduler; salesforce: FakeSalesforce }
) {
    const scheduler = shared?.scheduler ?? new ManualScheduler(START + 60_000);
    const salesforce = shared?.salesforce ?? new FakeSalesforce();
    const outbox = new LogOutbox({
        store,
        writer: salesforce,
        scheduler,
        clock: scheduler,
        random: () => 1,
        ...overrides
    });
    const logged: CallLoggedEvent[] = [];
    const failed: CallLogFailedEvent[] = [];
    const pending: number[] = [];
    const storeErrors: OutboxStoreErrorEvent[] = [];
    outbox.on('logged', (event) => logged.push(event));
    outbox.on('failed', (event) => failed.push(event));
    outbox.on('pendingCount', (count) => pending.push(count));
    outbox.on('storeError', (event) => storeErrors.push(event));
    const settle = () => outbox.whenIdle();
    const advance = (ms: number) => scheduler.advance(ms, settle);
    return {
        outbox,
        store,
        scheduler,
        salesforce,
        logged,
        failed,
        pending,
        storeErrors,
        settle,
        advance
    };
}
