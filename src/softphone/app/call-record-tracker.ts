import type { CallEngine } from '../calls/call-engine';
import type { Call, RelatedRecord } from '../calls/call-model';
import type { LogOutbox } from '../calllog/log-outbox';
import { label } from '../i18n';
import { parseAppViewInfo } from '../opencti/app-view-info';
import { engineErrorText } from '../ui/engine-words';
import type { AppStore } from './app-state';
import {
    afterNavigation,
    noCallRecords,
    sameRecordId,
    withRelated,
    type CallRecords
} from './call-records';

export interface CallRecordTrackerDeps {
    readonly store: AppStore;
    readonly engine: CallEngine;
    readonly outbox: LogOutbox;
}

/**
 * The records each call is about (call-records.ts): the click-to-dial record, the records the
 * agent opens during the call or its wrap-up, and the one the agent chooses to log it to.
 */
export class CallRecordTracker {
    /** The last record Salesforce reported on screen (onNavigationChange). */
    private recordOnScreen: string | undefined;
    /** The record of the last navigation, undefined for a page without one (search, home). */
    private pageOnScreen: string | undefined;

    constructor(private readonly deps: CallRecordTrackerDeps) {}

    /**
     * Salesforce reports where the agent went (Open CTI onNavigationChange): a record opened
     * during a call, or in its wrap-up, can log the call; the record the pop led to does at once.
     */
    navigated(payload: unknown): void {
        const info = parseAppViewInfo(payload);
        if (!info.ok) {
            return;
        }
        const { recordId, objectType, recordName } = info.value;
        const samePage = recordId !== undefined && recordId === this.pageOnScreen;
        this.pageOnScreen = recordId;
        // A refresh of the page on screen (refreshView, a tab refresh) opens nothing new.
        if (recordId === undefined || objectType === undefined || samePage) {
            return;
        }
        const previousRecordId = this.recordOnScreen;
        this.recordOnScreen = recordId;
        const callId = this.callOnScreen();
        if (callId === undefined) {
            return;
        }
        const record: RelatedRecord = {
            recordId,
            objectType,
            ...(recordName === undefined ? {} : { recordName })
        };
        const next = afterNavigation(this.recordsOf(callId), record, previousRecordId);
        this.setCallRecords(callId, next.records);
        if (next.relate !== undefined) {
            this.relate(callId, next.relate);
        }
    }

    /** The agent logs the call to another record seen during it. */
    relateCall(callId: string, recordId: string): void {
        const records = this.deps.store.state.callRecords[callId];
        const record = records?.seen.find((each) => sameRecordId(each.recordId, recordId));
        if (records === undefined || record === undefined) {
            this.deps.store.addError(label('Softphone_Record_Not_Seen'));
            return;
        }
        this.setCallRecords(callId, withRelated(records, record));
        this.relate(callId, record);
    }

    /** The live call the agent works on, else the call in wrap-up. */
    private callOnScreen(): string | undefined {
        const snapshot = this.deps.engine.snapshot();
        const live =
            snapshot.calls.find((call) => call.id === snapshot.activeCallId) ??
            snapshot.calls.find((call) => call.state !== 'ringing');
        return live?.id ?? this.deps.store.state.wrapUp?.callId;
    }

    private recordsOf(callId: string): CallRecords {
        return this.deps.store.state.callRecords[callId] ?? noCallRecords;
    }

    private setCallRecords(callId: string, records: CallRecords): void {
        this.deps.store.update((state) => ({
            ...state,
            callRecords: { ...state.callRecords, [callId]: records }
        }));
    }

    /** A live call carries its record to its log; an ended call's log is changed in the outbox. */
    private relate(callId: string, record: RelatedRecord): void {
        const { engine, outbox } = this.deps;
        if (engine.snapshot().calls.some((call) => call.id === callId)) {
            const result = engine.setRelatedRecord(callId, record);
            if (!result.ok) {
                this.deps.store.addError(engineErrorText(result.error));
            }
            return;
        }
        outbox
            .setRelatedRecord(callId, record)
            .catch((error: unknown) =>
                this.deps.store.addError(
                    label(
                        'Softphone_Log_Not_Moved',
                        record.recordName ?? record.recordId,
                        error instanceof Error ? error.message : String(error)
                    )
                )
            );
    }

    /** A new call's records (its click-to-dial record); calls long gone are forgotten. */
    startCallRecords(call: Call): void {
        const snapshot = this.deps.engine.snapshot();
        const keep = new Set([
            call.id,
            ...snapshot.calls.map((live) => live.id),
            ...(this.deps.store.state.wrapUp === undefined
                ? []
                : [this.deps.store.state.wrapUp.callId])
        ]);
        this.deps.store.update((state) => ({
            ...state,
            callRecords: {
                ...Object.fromEntries(
                    Object.entries(state.callRecords).filter(([id]) => keep.has(id))
                ),
                [call.id]:
                    call.related === undefined
                        ? noCallRecords
                        : withRelated(noCallRecords, call.related)
            }
        }));
    }
}
