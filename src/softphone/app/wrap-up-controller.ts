import type { CallEngine } from '../calls/call-engine';
import type { Clock } from '../calls/call-model';
import type { EndedCall } from '../calls/ended-call';
import type { LogOutbox } from '../calllog/log-outbox';
import type { Scheduler } from '../telephony/scheduler';
import type { AppStore, WrapUpState } from './app-state';

export interface WrapUpSettings {
    /** 0: after-call work lasts until the agent presses Done. */
    readonly afterCallWorkSeconds: number;
    readonly dispositionRequired: boolean;
}

export const DISPOSITION_REQUIRED_MESSAGE = 'Choose a disposition before you finish this call.';

/**
 * After-call work: the wrap-up form's save (disposition and notes onto the call's log), its
 * countdown, and the way back to Available. A required disposition holds the agent in
 * after-call work until it is saved, even past the countdown.
 */
export class WrapUpController {
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
            saving: false,
            saved: false
        };
        this.deps.store.update((state) => ({ ...state, wrapUp }));
        if (endsAt !== undefined) {
            this.timer = this.deps.scheduler.setTimeout(
                () => this.onCountdownEnd(),
                seconds * 1000
            );
        }
    }

    /** Saves disposition and notes to the call's log (now, or with its create if still queued). */
    async save(callId: string, wrapUp: { disposition: string; notes: string }): Promise<boolean> {
        if (this.deps.settings.dispositionRequired && wrapUp.disposition.trim() === '') {
            this.patch(callId, { error: DISPOSITION_REQUIRED_MESSAGE });
            return false;
        }
        this.patch(callId, { ...wrapUp, saving: true, error: undefined });
        try {
            await this.deps.outbox.setWrapUp(callId, wrapUp);
            this.patch(callId, { saving: false, saved: true });
            return true;
        } catch (error) {
            this.patch(callId, {
                saving: false,
                error: error instanceof Error ? error.message : String(error)
            });
            return false;
        }
    }

    /** The agent is done: back to Available (refused while a required disposition is missing). */
    complete(): boolean {
        const wrapUp = this.current;
        if (wrapUp === undefined) {
            return this.deps.engine.completeWrapUp().ok;
        }
        if (this.deps.settings.dispositionRequired && !wrapUp.saved) {
            this.patch(wrapUp.callId, { error: DISPOSITION_REQUIRED_MESSAGE });
            return false;
        }
        this.finish();
        return this.deps.engine.completeWrapUp().ok;
    }

    /** Closes the form without touching the engine (the agent state already moved on). */
    finish(): void {
        const wrapUp = this.current;
        this.cancelTimer();
        if (wrapUp === undefined) {
            return;
        }
        if (!wrapUp.saved) {
            // The log no longer waits for a disposition that will not come.
            void this.deps.outbox.closeWrapUp(wrapUp.callId).catch(() => undefined);
        }
        this.deps.store.update((state) => {
            const { wrapUp: _closed, ...rest } = state;
            return rest;
        });
    }

    private onCountdownEnd(): void {
        this.timer = undefined;
        const wrapUp = this.current;
        if (wrapUp === undefined) {
            return;
        }
        if (this.deps.settings.dispositionRequired && !wrapUp.saved) {
            this.patch(wrapUp.callId, { endsAt: undefined, error: DISPOSITION_REQUIRED_MESSAGE });
            return;
        }
        this.complete();
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
