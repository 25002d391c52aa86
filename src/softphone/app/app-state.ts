import type { CallOutcome } from '../calls/call-model';
import type { CallRecords } from './call-records';
import type { DialAttemptView, ErrorView, NoticeView, RecentCallView } from '../ui/view-model';

/** What the agent picked and typed in wrap-up. */
export interface WrapUpDraft {
    readonly disposition: string;
    readonly notes: string;
}

/**
 * The wrap-up of the call that just ended, while the agent is in after-call work. Disposition
 * and notes are the draft, kept as the agent types (and in the session snapshot), whether or not
 * it has reached the call's log yet.
 */
export interface WrapUpState extends WrapUpDraft {
    readonly callId: string;
    readonly remoteLabel: string;
    readonly outcome: CallOutcome;
    readonly durationSeconds: number;
    /** Epoch ms when after-call work ends by itself, while the countdown runs. */
    readonly endsAt?: number;
    /** While the countdown is paused (the agent is typing): the time it still has. */
    readonly pausedMsLeft?: number;
    readonly saving: boolean;
    /** What the call's log was last given (by Save, or by a draft save on the way out). */
    readonly saved?: WrapUpDraft;
    /** Epoch ms of the agent's last successful Save: the confirmation they see and hear. */
    readonly confirmedAt?: number;
    readonly error?: string;
}

/** What the softphone knows beyond the call engine: names, history, wrap-up, messages. */
export interface AppState {
    /** Caller names from the screen pop (or the click-to-dial record), by call id. */
    readonly callerNames: Readonly<Record<string, string>>;
    /** The records seen during each call and the one its log goes to, by call id. */
    readonly callRecords: Readonly<Record<string, CallRecords>>;
    readonly recentCalls: readonly RecentCallView[];
    readonly wrapUp?: WrapUpState;
    readonly errors: readonly ErrorView[];
    readonly notices: readonly NoticeView[];
    readonly logStatus: { readonly pending: number; readonly durable: boolean };
    /** The keypad's last Call: being placed, or refused with the reason shown by the field. */
    readonly dialAttempt?: DialAttemptView;
    /** The not-ready reason the agent chose with Break (agentStatus/breakReasons). */
    readonly breakReason?: string;
    /** The agent chose Offline (not a lost line): the header shows it as a status, not a fault. */
    readonly offlineByChoice?: boolean;
}

export const RECENT_CALLS_KEPT = 10;
const ERRORS_KEPT = 5;

export const initialAppState: AppState = {
    callerNames: {},
    callRecords: {},
    recentCalls: [],
    errors: [],
    notices: [],
    logStatus: { pending: 0, durable: true }
};

type Listener = (state: AppState) => void;

/** A tiny observable store: every change goes through `update`, every listener sees the result. */
export class AppStore {
    private current: AppState = initialAppState;
    private readonly listeners = new Set<Listener>();
    private nextMessageId = 1;
    private dialAttempts = 0;

    get state(): AppState {
        return this.current;
    }

    update(change: (state: AppState) => AppState): void {
        this.current = change(this.current);
        for (const listener of this.listeners) {
            listener(this.current);
        }
    }

    subscribe(listener: Listener): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    /** A dial the agent asked for: "Calling…" shows from now until `endDialAttempt`. */
    beginDialAttempt(number: string): number {
        const id = ++this.dialAttempts;
        this.update((state) => ({ ...state, dialAttempt: { id, number, status: 'placing' } }));
        return id;
    }

    /**
     * The dial was placed (the engine's call shows it now) or refused; a refusal given here is
     * shown by the keypad's field. A later dial has taken the keypad over: nothing changes.
     */
    endDialAttempt(id: number, refusal?: string): void {
        this.update((state) => {
            const attempt = state.dialAttempt;
            if (attempt?.id !== id) {
                return state;
            }
            const { dialAttempt: _ended, ...rest } = state;
            return refusal === undefined
                ? rest
                : { ...rest, dialAttempt: { ...attempt, status: 'refused', message: refusal } };
        });
    }

    /**
     * Shows an error; the newest few are kept so a burst cannot fill the softphone, and the same
     * message for the same cause is shown once. An error about a call (`callId`) goes when the
     * call ends: its cause is gone.
     */
    addError(message: string, settingKey?: string, callId?: string): void {
        this.update((state) => {
            const same = state.errors.some(
                (error) =>
                    error.message === message &&
                    error.settingKey === settingKey &&
                    error.callId === callId
            );
            if (same) {
                return state;
            }
            const error: ErrorView = {
                id: `error-${this.nextMessageId++}`,
                message,
                ...(settingKey === undefined ? {} : { settingKey }),
                ...(callId === undefined ? {} : { callId })
            };
            return { ...state, errors: [...state.errors, error].slice(-ERRORS_KEPT) };
        });
    }

    /** Removes the error or notice with this id (the view's Dismiss buttons). */
    dismissError(id: string): void {
        this.update((state) => ({
            ...state,
            errors: state.errors.filter((error) => error.id !== id),
            notices: state.notices.filter((notice) => notice.id !== id)
        }));
    }

    /**
     * Sets (or with message undefined, clears) the notice kept under a fixed id. Another notice
     * with the same text gives way to it, so the same notice never shows twice. A notice about a
     * call (`about.callId`) goes when the call ends; `about.callBack` (a number) gives it a Call
     * back button.
     */
    setNotice(
        id: string,
        kind: NoticeView['kind'],
        message: string | undefined,
        about: { readonly callId?: string; readonly callBack?: string } = {}
    ): void {
        this.update((state) => {
            const others = state.notices.filter(
                (notice) => notice.id !== id && notice.message !== message
            );
            const notice: NoticeView = {
                id,
                kind,
                message: message ?? '',
                ...(about.callId === undefined ? {} : { callId: about.callId }),
                ...(about.callBack === undefined ? {} : { callBack: about.callBack })
            };
            return {
                ...state,
                notices: message === undefined ? others : [...others, notice]
            };
        });
    }

    /** The call ended: the errors and notices about it go with it. */
    clearCall(callId: string): void {
        const about = (message: { callId?: string }) => message.callId === callId;
        if (!this.current.errors.some(about) && !this.current.notices.some(about)) {
            return;
        }
        this.update((state) => ({
            ...state,
            errors: state.errors.filter((error) => !about(error)),
            notices: state.notices.filter((notice) => !about(notice))
        }));
    }
}
