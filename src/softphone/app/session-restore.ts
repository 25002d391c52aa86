import type { AgentState } from '../calls/call-model';
import type { LogOutbox } from '../calllog/log-outbox';
import { label } from '../i18n';
import { outcomeLabel, withheldNumberLabel } from '../ui/labels';
import { RECENT_CALLS_KEPT, type AppStore } from './app-state';
import { droppedByReload, type SessionSnapshot } from './session-snapshot';

/** Why the softphone starts from a previous session: its own reload, or another tab's end. */
export type RestoreCause = 'reload' | 'takeover';

export interface SessionRestoreDeps {
    readonly store: AppStore;
    readonly outbox: LogOutbox;
    readonly formatNumber: (raw: string) => string;
    readonly dispositionRequired: boolean;
}

/**
 * Takes over what a previous page of this softphone left (session-snapshot.ts): its recent
 * calls, its live calls logged as they really ended, an interrupted wrap-up, and the notices
 * that tell the agent.
 */
export class SessionRestore {
    /** A wrap-up the previous page left open (restore), saved once the outbox has replayed. */
    private interruptedWrapUp: { callId: string; disposition?: string; notes?: string } | undefined;

    constructor(private readonly deps: SessionRestoreDeps) {}

    /**
     * Takes over from a previous page of this softphone (a reload): its recent calls come back,
     * its live calls are logged as they really ended (they cannot survive the page), an
     * interrupted wrap-up is closed, and the agent is told. Call before start().
     */
    restore(previous: SessionSnapshot, cause: RestoreCause = 'reload'): { agentState: AgentState } {
        const { outbox } = this.deps;
        const notices: string[] = [];
        const recent = [...previous.recentCalls];
        for (const ended of previous.unstoredCalls) {
            // Ended just before the reload, before its log reached the outbox: log it now
            // (enqueueing a call the outbox already has only updates that entry).
            void outbox.enqueue(ended, { awaitWrapUp: false }).catch(() => undefined);
        }
        for (const live of previous.liveCalls) {
            const ended = droppedByReload(live, previous.lastAliveAt);
            void outbox
                .enqueue(ended, { awaitWrapUp: false })
                .catch((error: unknown) =>
                    this.deps.store.addError(
                        label(
                            'Softphone_Log_Not_Stored',
                            error instanceof Error ? error.message : String(error)
                        )
                    )
                );
            const remoteNumber = live.direction === 'Inbound' ? live.from : live.to;
            const party =
                previous.callerNames[live.id] ??
                live.related?.recordName ??
                (this.deps.formatNumber(remoteNumber) || withheldNumberLabel());
            recent.unshift({
                callId: live.id,
                direction: live.direction,
                number: this.deps.formatNumber(remoteNumber),
                ...(previous.callerNames[live.id] === undefined
                    ? {}
                    : { name: previous.callerNames[live.id] as string }),
                endedAt: ended.endedAt,
                outcome: ended.outcome,
                durationSeconds: ended.durationSeconds
            });
            notices.push(
                cause === 'reload'
                    ? label('Softphone_Reload_During_Call', party, outcomeLabel(ended.outcome))
                    : label('Softphone_Tab_Closed_During_Call', party, outcomeLabel(ended.outcome))
            );
        }
        if (previous.wrapUpCallId !== undefined) {
            this.interruptedWrapUp = { callId: previous.wrapUpCallId, ...previous.wrapUpDraft };
            notices.push(this.interruptedWrapUpNotice(cause, previous));
        }
        this.deps.store.update((state) => ({
            ...state,
            recentCalls: recent.slice(0, RECENT_CALLS_KEPT)
        }));
        notices.forEach((message, index) =>
            this.deps.store.setNotice(`reload-${index}`, 'warning', message)
        );
        const agentState =
            previous.agentState === 'Offline' || previous.agentState === 'Break'
                ? previous.agentState
                : 'Available';
        return { agentState };
    }

    /**
     * Saves what a wrap-up interrupted by the reload held (restore) onto its call's log. Call
     * once the outbox has replayed what the previous page left, so the log is known to it.
     */
    async saveInterruptedWrapUp(): Promise<void> {
        const interrupted = this.interruptedWrapUp;
        this.interruptedWrapUp = undefined;
        if (interrupted === undefined) {
            return;
        }
        const { outbox } = this.deps;
        const draft = {
            disposition: interrupted.disposition ?? '',
            notes: interrupted.notes ?? ''
        };
        try {
            if (draft.disposition === '' && draft.notes.trim() === '') {
                await outbox.closeWrapUp(interrupted.callId);
            } else {
                await outbox.setWrapUp(interrupted.callId, draft);
            }
        } catch (error) {
            this.deps.store.addError(
                label(
                    'Softphone_Wrap_Up_Draft_Not_Saved',
                    error instanceof Error ? error.message : String(error)
                )
            );
        }
    }

    private interruptedWrapUpNotice(cause: RestoreCause, previous: SessionSnapshot): string {
        const draft = previous.wrapUpDraft;
        if (draft === undefined || (draft.disposition === '' && draft.notes.trim() === '')) {
            return label(
                cause === 'reload'
                    ? 'Softphone_App_Reload_Wrap_Up_Empty'
                    : 'Softphone_App_Tab_Closed_Wrap_Up_Empty'
            );
        }
        const saved = label(
            cause === 'reload'
                ? 'Softphone_App_Reload_Wrap_Up_Saved'
                : 'Softphone_App_Tab_Closed_Wrap_Up_Saved',
            draft.remoteLabel
        );
        return this.deps.dispositionRequired && draft.disposition === ''
            ? `${saved} ${label('Softphone_App_Add_Disposition_There')}`
            : saved;
    }
}
