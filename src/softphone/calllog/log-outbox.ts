/**
 * The durable call log outbox: a log is in the store before the first saveLog, leaves it only
 * once Salesforce has confirmed every write (record, wrap-up), and is retried with
 * capped, jittered backoff until then — across reloads, through `replay()`.
 *
 * Never lost: store first, delete last. Never doubled: Provider_Call_Id__c is unique, so a create
 * replayed after it already succeeded fails with "duplicate value … id: <Id>" and becomes an
 * update of that record.
 *
 * Concurrency: one attempt in flight per entry. The authoritative entry lives in memory; every
 * change (enqueue, wrap-up, a write's result) replaces it there, then is persisted through a
 * per-entry chain so store writes land in order. A write's result only marks what that write
 * carried (revision counters), so a wrap-up set while a create is in flight is sent next.
 */
import type { Call, Clock, RelatedRecord } from '../calls/call-model';
import { label } from '../i18n';
import { TypedEmitter } from '../shared/typed-emitter';
import type { Scheduler } from '../telephony/scheduler';
import { defaultBackoffPolicy } from '../shared/backoff';
import type { BackoffPolicy } from '../shared/backoff';
import type { CallLogWriter } from './call-log-writer';
import type { OutboxEntry } from './outbox-entry';
import type { OutboxStore } from './outbox-store';
import { hasPendingWrites, isFinished, nextStep, wrapUpRevisionOf } from './outbox-steps';
import {
    FIELD_LIMITS,
    isSalesforceId,
    toPhoneCallRecord,
    toRelatedRecordFields
} from './phone-call-record';
import type { CallDataLogField, WrapUp } from './phone-call-record';
import { isPermanentSaveFailure } from './save-error';
import type { SaveFailure } from './save-error';
import { CallLogError } from './call-log-error';
import type { LogOutboxEvents } from './log-outbox-events';
import { KeyedTimers } from './keyed-timers';
import { rememberAtMost } from './remember-at-most';
import { SerialWrites } from './serial-writes';
import { saveWithin } from './save-within';
import { applyAttemptOutcome, type RetryPolicy } from './attempt-outcome';

// Importers of the outbox find its events and its error here too.
export { CallLogError, type CallLogErrorCode } from './call-log-error';
export type {
    CallLogFailedEvent,
    CallLoggedEvent,
    LogOutboxEvents,
    OutboxStoreErrorEvent
} from './log-outbox-events';

export interface LogOutboxOptions {
    readonly store: OutboxStore;
    readonly writer: CallLogWriter;
    readonly scheduler: Scheduler;
    readonly clock: Clock;
    /** 0 ≤ r < 1, for backoff jitter. */
    readonly random: () => number;
    /** The agent's User Id, written to Agent__c. */
    readonly agentUserId?: string;
    /**
     * Also log each call as a completed Task: the Phone_Call__c is created with
     * Mirror_To_Task__c and the Phone Call Task Mirror flow creates the Task once, with it.
     */
    readonly mirrorToTask?: boolean;
    /** Call-data keys written to Phone_Call__c fields (callData/logFields). */
    readonly callDataFields?: readonly CallDataLogField[];
    readonly backoff?: BackoffPolicy;
    /** An attempt with no answer after this long counts as failed (its late result is ignored). */
    readonly attemptTimeoutMs?: number;
    /** Which failures park an entry instead of retrying; default: isPermanentSaveFailure. */
    readonly isPermanentFailure?: (failure: SaveFailure) => boolean;
}

export interface EnqueueOptions {
    readonly queue?: string;
    readonly recordingUrl?: string;
    /**
     * Keep the entry after the record is saved until setWrapUp or closeWrapUp (default true),
     * so the disposition can still reach the record after a reload mid-wrap-up.
     */
    readonly awaitWrapUp?: boolean;
}

const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;
/** Saved logs remembered in memory so a wrap-up edited after the entry left still finds them. */
const RECENT_LIMIT = 200;

export class LogOutbox {
    private readonly store: OutboxStore;
    private readonly writer: CallLogWriter;
    private readonly scheduler: Scheduler;
    private readonly clock: Clock;
    private readonly agentUserId: string | undefined;
    private readonly mirrorToTask: boolean;
    private readonly callDataFields: readonly CallDataLogField[];
    private readonly attemptTimeoutMs: number;
    private readonly retry: RetryPolicy;
    // A throwing listener is reported by the emitter and cannot stop a delivery.
    private readonly emitter = new TypedEmitter<LogOutboxEvents>();

    private readonly entries = new Map<string, OutboxEntry>();
    private readonly running = new Map<string, Promise<void>>();
    private readonly rerun = new Set<string>();
    private readonly timers: KeyedTimers;
    private readonly writes = new SerialWrites();
    private readonly recent = new Map<string, OutboxEntry>();
    /** The related record each `logged` event named, so a move to another record is told. */
    private readonly announcedRelated = new Map<string, string | undefined>();
    private lastPendingCount = 0;
    private disposed = false;

    constructor(options: LogOutboxOptions) {
        this.store = options.store;
        this.writer = options.writer;
        this.scheduler = options.scheduler;
        this.timers = new KeyedTimers(options.scheduler);
        this.clock = options.clock;
        this.agentUserId = options.agentUserId;
        this.mirrorToTask = options.mirrorToTask ?? false;
        this.callDataFields = options.callDataFields ?? [];
        this.attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
        this.retry = {
            random: options.random,
            backoff: options.backoff ?? defaultBackoffPolicy,
            isPermanentFailure: options.isPermanentFailure ?? isPermanentSaveFailure
        };
    }

    /** False when the store is memory only: the UI should warn that a reload loses logs. */
    get durable(): boolean {
        return this.store.durable;
    }

    /** Entries with writes outstanding (waiting, retrying or parked). */
    get pendingCount(): number {
        let count = 0;
        for (const entry of this.entries.values()) {
            if (hasPendingWrites(entry)) {
                count += 1;
            }
        }
        return count;
    }

    /** A copy of every entry, for a "logs waiting to be saved" view. */
    snapshot(): readonly OutboxEntry[] {
        return [...this.entries.values()];
    }

    on<K extends keyof LogOutboxEvents>(
        type: K,
        listener: (payload: LogOutboxEvents[K]) => void
    ): () => void {
        return this.emitter.on(type, listener);
    }

    /**
     * Records an ended call. Resolves once the log is in the store (before any saveLog);
     * delivery continues in the background. Enqueuing the same call again updates its log.
     */
    async enqueue(call: Call, options: EnqueueOptions = {}): Promise<void> {
        const now = this.clock.now();
        const previous = this.entries.get(call.id) ?? this.recent.get(call.id);
        // The same call enqueued again without its record (e.g. from a reload's snapshot taken
        // before the screen pop answered) keeps the record it was related to.
        const related = call.related ?? previous?.related;
        const relatedCall = related === undefined ? call : { ...call, related };
        const record = toPhoneCallRecord(relatedCall, {
            agentUserId: this.agentUserId,
            queue: options.queue,
            recordingUrl: options.recordingUrl,
            callDataFields: this.callDataFields,
            mirrorToTask: this.mirrorToTask
        });
        let entry: OutboxEntry;
        if (previous === undefined) {
            const parentRecordId =
                call.consultOf === undefined ? undefined : this.savedIdOf(call.consultOf);
            entry = {
                callId: call.id,
                ...(call.consultOf === undefined ? {} : { parentCallId: call.consultOf }),
                ...(parentRecordId === undefined ? {} : { parentRecordId }),
                record,
                recordRevision: 1,
                savedRecordRevision: 0,
                related: call.related,
                savedWrapUpRevision: 0,
                wrapUpOpen: options.awaitWrapUp ?? true,
                attempts: 0,
                nextAttemptAt: now,
                parked: false,
                enqueuedAt: now
            };
        } else {
            const changed = JSON.stringify(previous.record) !== JSON.stringify(record);
            entry = {
                ...previous,
                record,
                recordRevision: changed ? previous.recordRevision + 1 : previous.recordRevision,
                related,
                wrapUpOpen: previous.wrapUpOpen || (options.awaitWrapUp ?? false),
                attempts: 0,
                nextAttemptAt: now,
                parked: false
            };
        }
        this.recent.delete(call.id);
        this.entries.set(call.id, entry);
        await this.persist(entry);
        this.emitPendingCount();
        this.kick(call.id);
    }

    /**
     * Saves the disposition and notes: onto the record if it exists, else with its create.
     * Closes the wrap-up window, unless `keepOpen` (the agent is still in wrap-up and may save
     * again: the entry stays in the store, so a reload can still edit the log, until
     * closeWrapUp). Rejects with CallLogError on a too-long value or unknown call.
     */
    async setWrapUp(
        callId: string,
        wrapUp: WrapUp,
        options: { readonly keepOpen?: boolean } = {}
    ): Promise<void> {
        if (wrapUp.disposition.length > FIELD_LIMITS.disposition) {
            throw new CallLogError(
                'DISPOSITION_TOO_LONG',
                label(
                    'Softphone_Log_Disposition_Too_Long',
                    wrapUp.disposition.length,
                    FIELD_LIMITS.disposition
                )
            );
        }
        if (wrapUp.notes !== undefined && wrapUp.notes.length > FIELD_LIMITS.notes) {
            throw new CallLogError(
                'NOTES_TOO_LONG',
                label('Softphone_Log_Notes_Too_Long', wrapUp.notes.length, FIELD_LIMITS.notes)
            );
        }
        const current = this.requireEntry(callId);
        const revision = wrapUpRevisionOf(current) + 1;
        const updated: OutboxEntry = {
            ...current,
            wrapUp:
                wrapUp.notes === undefined
                    ? { disposition: wrapUp.disposition, revision }
                    : { disposition: wrapUp.disposition, notes: wrapUp.notes, revision },
            wrapUpOpen: options.keepOpen === true && current.wrapUpOpen
        };
        await this.storeAgentChange(updated);
    }

    /**
     * Moves the log to another record (the agent's choice, or the record created during the
     * call): Related_Record_Id__c and the new lookup are set and the other lookups cleared on
     * the Phone_Call__c (the Task mirror flow moves the Task). Works before and after the first save.
     */
    async setRelatedRecord(callId: string, related: RelatedRecord): Promise<void> {
        if (!isSalesforceId(related.recordId)) {
            throw new CallLogError('INVALID_RECORD', label('Softphone_Log_Invalid_Record'));
        }
        const known = this.entries.get(callId) ?? this.recent.get(callId);
        if (known !== undefined && known.related?.recordId === related.recordId) {
            return;
        }
        const current = this.requireEntry(callId);
        const updated: OutboxEntry = {
            ...current,
            record: { ...current.record, ...toRelatedRecordFields(related) },
            recordRevision: current.recordRevision + 1,
            related
        };
        await this.storeAgentChange(updated);
    }

    /**
     * Keeps an entry the agent changed and writes it at once: the agent acted, so a waiting or
     * parked entry is retried now rather than at the end of its backoff.
     */
    private async storeAgentChange(changed: OutboxEntry): Promise<void> {
        const updated: OutboxEntry = {
            ...changed,
            nextAttemptAt: Math.min(changed.nextAttemptAt, this.clock.now()),
            parked: false
        };
        this.entries.set(updated.callId, updated);
        await this.persist(updated);
        this.emitPendingCount();
        this.kick(updated.callId);
    }

    /** Ends the wrap-up window without a disposition (after-call work timed out or skipped). */
    async closeWrapUp(callId: string): Promise<void> {
        const current = this.entries.get(callId);
        if (current === undefined || !current.wrapUpOpen) {
            return;
        }
        const updated: OutboxEntry = { ...current, wrapUpOpen: false };
        this.entries.set(callId, updated);
        await this.persist(updated);
        this.kick(callId);
    }

    /**
     * Loads what a previous page left in the store and delivers it. Wrap-up windows of that page
     * are over, and parked entries get one more try (an admin may have fixed the cause).
     * Resolves with the number of entries taken over.
     */
    async replay(): Promise<number> {
        let stored: readonly OutboxEntry[];
        try {
            stored = await this.store.getAll();
        } catch (error) {
            this.emitStoreError('getAll', error);
            return 0;
        }
        const now = this.clock.now();
        let taken = 0;
        for (const entry of stored) {
            if (this.entries.has(entry.callId)) {
                continue;
            }
            this.entries.set(entry.callId, {
                ...entry,
                wrapUpOpen: false,
                parked: false,
                nextAttemptAt: now
            });
            taken += 1;
        }
        this.emitPendingCount();
        for (const callId of [...this.entries.keys()]) {
            this.kick(callId);
        }
        return taken;
    }

    /** Retries every waiting or parked entry now (e.g. a "retry" button, or back online). */
    retryNow(): void {
        const now = this.clock.now();
        for (const [callId, entry] of this.entries) {
            if (entry.parked || entry.nextAttemptAt > now) {
                this.entries.set(callId, { ...entry, parked: false, nextAttemptAt: now });
                this.kick(callId);
            }
        }
    }

    /** Resolves when no attempt is in flight and every store write has landed (tests, unload). */
    async whenIdle(): Promise<void> {
        while (this.running.size > 0 || this.writes.size > 0) {
            await Promise.all([...this.running.values(), ...this.writes.pending()]);
        }
    }

    /** Stops timers; in-flight attempts finish but schedule nothing more. */
    dispose(): void {
        this.disposed = true;
        this.timers.cancelAll();
        this.emitter.removeAllListeners();
    }

    private requireEntry(callId: string): OutboxEntry {
        const current = this.entries.get(callId);
        if (current !== undefined) {
            return current;
        }
        // The log already left the store (saved, wrap-up closed): edit it from memory.
        const recent = this.recent.get(callId);
        if (recent !== undefined) {
            this.recent.delete(callId);
            return { ...recent, attempts: 0, nextAttemptAt: this.clock.now() };
        }
        throw new CallLogError('UNKNOWN_CALL', label('Softphone_Log_Unknown_Call', callId));
    }

    /** Starts delivery of an entry, or asks the running delivery to look again when it ends. */
    private kick(callId: string): void {
        if (this.disposed) {
            return;
        }
        if (this.running.has(callId)) {
            this.rerun.add(callId);
            return;
        }
        const run = this.deliver(callId).finally(() => {
            this.running.delete(callId);
            if (this.rerun.delete(callId)) {
                this.kick(callId);
            }
        });
        this.running.set(callId, run);
    }

    private async deliver(callId: string): Promise<void> {
        this.cancelTimer(callId);
        for (;;) {
            const entry = this.entries.get(callId);
            if (entry === undefined || this.disposed) {
                return;
            }
            if (isFinished(entry) && !this.awaitsParent(entry)) {
                this.entries.delete(callId);
                this.remember(entry);
                await this.remove(callId);
                this.emitPendingCount();
                return;
            }
            const step = nextStep(entry);
            if (step === null || entry.parked) {
                return;
            }
            const now = this.clock.now();
            if (entry.nextAttemptAt > now) {
                this.schedule(callId, entry.nextAttemptAt - now);
                return;
            }
            const outcome = await saveWithin(
                this.writer,
                step.value,
                this.scheduler,
                this.attemptTimeoutMs
            );
            const latest = this.entries.get(callId);
            if (latest === undefined) {
                return;
            }
            const updated = applyAttemptOutcome(
                latest,
                step,
                outcome,
                this.clock.now(),
                this.retry
            );
            this.entries.set(callId, updated);
            await this.persist(updated);
            this.emitPendingCount();
            if (updated.attempts > 0) {
                this.reportFailure(updated);
                if (!updated.parked) {
                    this.schedule(callId, Math.max(0, updated.nextAttemptAt - this.clock.now()));
                }
                return;
            }
            // First saved, moved to another record, or its wrap-up written: the LWCs showing the
            // call follow it (the Call History card shows the disposition without a reload).
            const firstSave = entry.savedRecordRevision === 0 && updated.savedRecordRevision > 0;
            const moved =
                step.kind === 'sync' &&
                this.announcedRelated.get(callId) !== updated.related?.recordId;
            const wrapUpWritten = updated.savedWrapUpRevision > latest.savedWrapUpRevision;
            if (firstSave || moved || wrapUpWritten) {
                this.emitLogged(updated);
            }
            if (firstSave) {
                await this.linkConsultCalls(updated);
            }
        }
    }

    private schedule(callId: string, delayMs: number): void {
        this.timers.cancel(callId);
        if (this.disposed) {
            return;
        }
        this.timers.start(callId, delayMs, () => this.kick(callId));
    }

    private cancelTimer(callId: string): void {
        this.timers.cancel(callId);
    }

    /** The Phone_Call__c Id of a call this outbox has saved, if it knows it. */
    private savedIdOf(callId: string): string | undefined {
        return (this.entries.get(callId) ?? this.recent.get(callId))?.savedRecordId;
    }

    /** A consult call's log stays while its parent's log is still on its way (to link them). */
    private awaitsParent(entry: OutboxEntry): boolean {
        return (
            entry.parentCallId !== undefined &&
            entry.parentRecordId === undefined &&
            this.entries.has(entry.parentCallId)
        );
    }

    /**
     * The parent call's log is saved: its consult calls get the link, those still in the outbox
     * and those already saved without it (a cancelled consult ends before its parent).
     */
    private async linkConsultCalls(parent: OutboxEntry): Promise<void> {
        const children = [...this.entries.values(), ...this.recent.values()].filter(
            (child) => child.parentCallId === parent.callId && child.parentRecordId === undefined
        );
        for (const child of children) {
            this.recent.delete(child.callId);
            const linked: OutboxEntry = {
                ...child,
                parentRecordId: parent.savedRecordId,
                nextAttemptAt: Math.min(child.nextAttemptAt, this.clock.now())
            };
            this.entries.set(child.callId, linked);
            await this.persist(linked);
            this.emitPendingCount();
            this.kick(child.callId);
        }
    }

    private remember(entry: OutboxEntry): void {
        rememberAtMost(this.recent, entry.callId, entry, RECENT_LIMIT);
    }

    private persist(entry: OutboxEntry): Promise<void> {
        return this.writes.run(
            entry.callId,
            () => this.store.put(entry),
            (error) => this.emitStoreError('put', error, entry.callId)
        );
    }

    private remove(callId: string): Promise<void> {
        return this.writes.run(
            callId,
            () => this.store.delete(callId),
            (error) => this.emitStoreError('delete', error, callId)
        );
    }

    private reportFailure(entry: OutboxEntry): void {
        this.emitter.emit('failed', {
            callId: entry.callId,
            error: entry.lastError ?? label('Softphone_Log_Save_Failed'),
            attempt: entry.attempts,
            nextAttemptAt: entry.parked ? null : entry.nextAttemptAt,
            permanent: entry.parked
        });
    }

    private emitLogged(entry: OutboxEntry): void {
        if (entry.savedRecordId === undefined) {
            return;
        }
        rememberAtMost(this.announcedRelated, entry.callId, entry.related?.recordId, RECENT_LIMIT);
        this.emitter.emit(
            'logged',
            entry.related === undefined
                ? { callId: entry.callId, recordId: entry.savedRecordId }
                : { callId: entry.callId, recordId: entry.savedRecordId, related: entry.related }
        );
    }

    private emitPendingCount(): void {
        const count = this.pendingCount;
        if (count !== this.lastPendingCount) {
            this.lastPendingCount = count;
            this.emitter.emit('pendingCount', count);
        }
    }

    private emitStoreError(
        operation: 'put' | 'delete' | 'getAll',
        error: unknown,
        callId?: string
    ): void {
        const message = error instanceof Error ? error.message : String(error);
        this.emitter.emit(
            'storeError',
            callId === undefined
                ? { operation, error: message }
                : { callId, operation, error: message }
        );
    }
}
