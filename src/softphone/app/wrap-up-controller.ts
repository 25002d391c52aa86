import { label } from '../i18n';
import type { CallEngine } from '../calls/call-engine';
import type { AgentState, Clock } from '../calls/call-model';
import type { EndedCall } from '../calls/ended-call';
import type { LogOutbox } from '../calllog/log-outbox';
import type { Scheduler } from '../telephony/scheduler';
import type { AppStore, WrapUpDraft, WrapUpState } from './app-state';

export interface WrapUpSettings {
    /** 0: after-call work lasts until the agent presses Done. */
    readonly afterCallWorkSeconds: number;
    readonly dispositionRequired: boolean;
}

export function dispositionRequiredMessage(): string {
    return label('Softphone_Disposition_Before_Finish');
}

/** How long after the agent's last keystroke or pick the countdown stays paused. */
export const TYPING_PAUSE_MS = 10_000;

/** Why wrap-up must end now whatever the form holds (the agent state already moved on). */
export type WrapUpInterruption =
    | { readonly kind: 'answered'; readonly callerLabel: string }
    | { readonly kind: 'offline' }
    | { readonly kind: 'stopped' };

/** The refusal shown when the agent picks another status with a required disposition missing. */
export function dispositionRequiredFor(state: AgentState): string {
    return label(
        state === 'Break'
            ? 'Softphone_Disposition_Before_Break'
            : state === 'Offline'
              ? 'Softphone_Disposition_Before_Offline'
              : 'Softphone_Disposition_Before_Available'
    );
}

const sameDraft = (a: WrapUpDraft | undefined, b: WrapUpDraft): boolean =>
    a !== undefined && a.disposition === b.disposition && a.notes === b.notes;

const isEmptyDraft = (draft: WrapUpDraft): boolean =>
    draft.disposition === '' && draft.notes.trim() === '';

/**
 * After-call work: the wrap-up form's draft (disposition and notes as the agent picks and types
 * them), its saves onto the call's log, its countdown, and the ways out of it.
 *
 * Nothing the agent entered is lost: the draft is written to the call's log (outbox.setWrapUp)
 * on Save, at the end of the countdown, on Done, when the agent picks another status, when a
 * call rings during wrap-up and when wrap-up ends because a call was answered or the phone went
 * offline. A required disposition holds the agent in after-call work on every way out the agent
 * chooses (Done, countdown, status menu); a way out the agent cannot refuse (answering a call,
 * a disconnect) logs the draft as it is, without an invented disposition, and says so.
 *
 * The countdown pauses while the agent is typing (until TYPING_PAUSE_MS after the last edit).
 */
export class WrapUpController {
    /** The countdown's timer, or while paused the timer that resumes it. */
    private timer: unknown;

    constructor(
        private readonly deps: {
            store: AppStore;
            outbox: LogOutbox;
            engine: CallEngine;
            scheduler: Scheduler;
            clock: Clock;
            settings: WrapUpSettings;
        }
    ) {}

    get current(): WrapUpState | undefined {
        return this.deps.store.state.wrapUp;
    }

    begin(call: EndedCall, remoteLabel: string): void {
        this.cancelTimer();
        const seconds = this.deps.settings.afterCallWorkSeconds;
        const endsAt = seconds > 0 ? this.deps.clock.now() + seconds * 1000 : undefined;
        const wrapUp: WrapUpState = {
            callId: call.id,
            remoteLabel,
            outcome: call.outcome,
            durationSeconds: call.durationSeconds,
            disposition: '',
            notes: '',
            ...(endsAt === undefined ? {} : { endsAt }),
            saving: false
        };
        this.deps.store.update((state) => ({ ...state, wrapUp }));
        if (endsAt !== undefined) {
            this.startCountdown(seconds * 1000);
        }
    }

    /** The agent picked or typed: the draft follows, and a running countdown pauses. */
    edit(callId: string, draft: WrapUpDraft): void {
        const wrapUp = this.current;
        if (wrapUp === undefined || wrapUp.callId !== callId) {
            return;
        }
        const clearsError =
            wrapUp.error !== undefined &&
            draft.disposition !== '' &&
            this.isDispositionError(wrapUp.error);
        this.patch(callId, {
            disposition: draft.disposition,
            notes: draft.notes,
            ...(clearsError ? { error: undefined } : {})
        });
        this.pauseCountdown();
    }

    /** The agent's Save: disposition and notes onto the call's log, confirmed when done. */
    async save(callId: string, wrapUp: WrapUpDraft): Promise<boolean> {
        if (this.deps.settings.dispositionRequired && wrapUp.disposition.trim() === '') {
            this.patch(callId, { ...wrapUp, error: dispositionRequiredMessage() });
            return false;
        }
        this.patch(callId, { ...wrapUp, saving: true, error: undefined });
        const written = await this.write(callId, wrapUp);
        if (written) {
            this.patch(callId, { confirmedAt: this.deps.clock.now() });
        }
        return written;
    }

    /**
     * Writes the draft to the call's log if it has something the log lacks (the form stays
     * open). Resolves false when the log refused it (the reason is shown in the form).
     */
    async saveDraft(): Promise<boolean> {
        const wrapUp = this.current;
        if (wrapUp === undefined || !this.hasUnsavedDraft(wrapUp)) {
            return true;
        }
        return this.write(wrapUp.callId, { disposition: wrapUp.disposition, notes: wrapUp.notes });
    }

    /** The agent is done: the draft is saved, then back to Available (refused while a required disposition is missing). */
    async complete(): Promise<boolean> {
        const wrapUp = this.current;
        if (wrapUp === undefined) {
            return this.deps.engine.completeWrapUp().ok;
        }
        if (!this.mayLeave(wrapUp, dispositionRequiredMessage()) || !(await this.saveDraft())) {
            return false;
        }
        if (this.current?.callId !== wrapUp.callId) {
            return false;
        }
        this.finish();
        return this.deps.engine.completeWrapUp().ok;
    }

    /**
     * The agent picked another status in after-call work: allowed once the draft is saved,
     * refused (with the reason in the form) while a required disposition is missing.
     */
    async leaveFor(state: AgentState): Promise<boolean> {
        const wrapUp = this.current;
        if (wrapUp === undefined) {
            return true;
        }
        return this.mayLeave(wrapUp, dispositionRequiredFor(state)) && this.saveDraft();
    }

    /**
     * Closes the form without touching the engine (the agent state already moved on). What the
     * draft holds goes to the call's log as it is; when wrap-up was cut short (`interruption`)
     * the agent is told what was logged, and that a required disposition is missing.
     */
    finish(interruption?: WrapUpInterruption): void {
        const wrapUp = this.current;
        this.cancelTimer();
        if (wrapUp === undefined) {
            return;
        }
        const draft = { disposition: wrapUp.disposition, notes: wrapUp.notes };
        const unsaved = this.hasUnsavedDraft(wrapUp);
        const { outbox } = this.deps;
        const written = unsaved
            ? outbox.setWrapUp(wrapUp.callId, draft)
            : outbox.closeWrapUp(wrapUp.callId);
        void written.catch((error: unknown) =>
            this.deps.store.addError(
                label(
                    'Softphone_Wrap_Up_Save_Failed',
                    wrapUp.remoteLabel,
                    error instanceof Error ? error.message : String(error)
                )
            )
        );
        this.deps.store.update((state) => {
            const { wrapUp: _closed, ...rest } = state;
            return rest;
        });
        if (interruption !== undefined && interruption.kind !== 'stopped') {
            this.tellInterrupted(wrapUp, draft, unsaved, interruption);
        }
    }

    private tellInterrupted(
        wrapUp: WrapUpState,
        draft: WrapUpDraft,
        unsaved: boolean,
        interruption: Exclude<WrapUpInterruption, { kind: 'stopped' }>
    ): void {
        const why =
            interruption.kind === 'answered'
                ? label('Softphone_App_Because_Answered', interruption.callerLabel)
                : label('Softphone_App_Because_Offline');
        const missing = this.deps.settings.dispositionRequired && draft.disposition.trim() === '';
        let message: string | undefined;
        if (missing) {
            const ended = label(
                'Softphone_App_Wrap_Up_Ended_No_Disposition',
                wrapUp.remoteLabel,
                why
            );
            message =
                draft.notes.trim() === ''
                    ? ended
                    : `${ended} ${label('Softphone_App_Notes_Saved_On_It')}`;
        } else if (unsaved && !isEmptyDraft(draft)) {
            message = label('Softphone_App_Wrap_Up_Ended_Saved', wrapUp.remoteLabel, why);
        }
        if (message !== undefined) {
            this.deps.store.setNotice(
                `wrap-up-ended-${wrapUp.callId}`,
                missing ? 'warning' : 'info',
                message
            );
        }
    }

    private mayLeave(wrapUp: WrapUpState, refusal: string): boolean {
        if (this.deps.settings.dispositionRequired && wrapUp.disposition.trim() === '') {
            this.patch(wrapUp.callId, { error: refusal });
            return false;
        }
        return true;
    }

    private hasUnsavedDraft(wrapUp: WrapUpState): boolean {
        const draft = { disposition: wrapUp.disposition, notes: wrapUp.notes };
        return wrapUp.saved === undefined ? !isEmptyDraft(draft) : !sameDraft(wrapUp.saved, draft);
    }

    private isDispositionError(error: string): boolean {
        return (
            error === dispositionRequiredMessage() ||
            (['Available', 'Offline', 'Break'] as const).some(
                (state) => error === dispositionRequiredFor(state)
            )
        );
    }

    /** Writes to the log, keeping its wrap-up window open: the agent may still change it. */
    private async write(callId: string, draft: WrapUpDraft): Promise<boolean> {
        this.patch(callId, { saving: true });
        try {
            await this.deps.outbox.setWrapUp(callId, draft, { keepOpen: true });
            this.patch(callId, { saving: false, saved: draft, error: undefined });
            return true;
        } catch (error) {
            this.patch(callId, {
                saving: false,
                error: error instanceof Error ? error.message : String(error)
            });
            return false;
        }
    }

    private startCountdown(ms: number): void {
        this.cancelTimer();
        this.timer = this.deps.scheduler.setTimeout(() => void this.onCountdownEnd(), ms);
    }

    private pauseCountdown(): void {
        const wrapUp = this.current;
        if (
            wrapUp === undefined ||
            (wrapUp.endsAt === undefined && wrapUp.pausedMsLeft === undefined)
        ) {
            return;
        }
        const msLeft =
            wrapUp.pausedMsLeft ?? Math.max(0, (wrapUp.endsAt ?? 0) - this.deps.clock.now());
        this.patch(wrapUp.callId, { endsAt: undefined, pausedMsLeft: msLeft });
        this.cancelTimer();
        this.timer = this.deps.scheduler.setTimeout(() => this.resumeCountdown(), TYPING_PAUSE_MS);
    }

    private resumeCountdown(): void {
        this.timer = undefined;
        const wrapUp = this.current;
        if (wrapUp?.pausedMsLeft === undefined) {
            return;
        }
        const msLeft = wrapUp.pausedMsLeft;
        this.patch(wrapUp.callId, {
            pausedMsLeft: undefined,
            endsAt: this.deps.clock.now() + msLeft
        });
        this.startCountdown(msLeft);
    }

    private async onCountdownEnd(): Promise<void> {
        this.timer = undefined;
        const wrapUp = this.current;
        if (wrapUp === undefined) {
            return;
        }
        this.patch(wrapUp.callId, { endsAt: undefined });
        if (!(await this.saveDraft()) || this.current?.callId !== wrapUp.callId) {
            return;
        }
        if (this.mayLeave(this.current, dispositionRequiredMessage())) {
            await this.complete();
        }
    }

    private patch(callId: string, change: Partial<Record<keyof WrapUpState, unknown>>): void {
        this.deps.store.update((state) => {
            if (state.wrapUp === undefined || state.wrapUp.callId !== callId) {
                return state;
            }
            const merged: Record<string, unknown> = { ...state.wrapUp, ...change };
            for (const key of Object.keys(merged)) {
                if (merged[key] === undefined) {
                    delete merged[key];
                }
            }
            return { ...state, wrapUp: merged as unknown as WrapUpState };
        });
    }

    private cancelTimer(): void {
        if (this.timer !== undefined) {
            this.deps.scheduler.clearTimeout(this.timer);
            this.timer = undefined;
        }
    }
}
