import type { Scheduler } from '../scheduler';
import type { ListenerLogger } from './listener-connector-options';
import type {
    ListenerAction,
    ListenerActionMessage,
    ListenerActionResultMessage
} from './listener-protocol';
import { actionTimedOut } from './listener-refusals';

interface PendingAction {
    readonly action: ListenerAction;
    readonly resolve: (callid: string | undefined) => void;
    readonly reject: (error: Error) => void;
    readonly timer: unknown;
}

export type ListenerActionFields = Omit<ListenerActionMessage, 'type' | 'requestId'>;

/**
 * The agent's actions on their way to the phone system: each goes out with its own request id
 * and waits for the bridge's answer (a 2xx resolves with the call id the phone system named,
 * anything else rejects with its message), at most `timeoutMs`.
 */
export class ListenerRequests {
    private readonly pending = new Map<string, PendingAction>();
    private counter = 0;

    constructor(
        private readonly scheduler: Scheduler,
        private readonly timeoutMs: number,
        private readonly logger: ListenerLogger,
        private readonly send: (message: ListenerActionMessage) => void
    ) {}

    /** Sends an action; resolves with the call id the phone system's answer carries, if any. */
    request(fields: ListenerActionFields): Promise<string | undefined> {
        this.counter += 1;
        const requestId = `r${this.counter}`;
        return new Promise<string | undefined>((resolve, reject) => {
            const timer = this.scheduler.setTimeout(() => {
                if (this.pending.delete(requestId)) {
                    reject(actionTimedOut(fields.action, this.timeoutMs));
                }
            }, this.timeoutMs);
            this.pending.set(requestId, { action: fields.action, resolve, reject, timer });
            this.send({ type: 'action', requestId, ...fields });
        });
    }

    /** The bridge's answer to a request (an answer to none still pending is ignored). */
    answer(message: ListenerActionResultMessage): void {
        const pending = this.pending.get(message.requestId);
        if (!pending) {
            // i18n-exempt: a log line
            this.logger('debug', 'Ignored the answer to a request no longer pending.');
            return;
        }
        this.pending.delete(message.requestId);
        this.scheduler.clearTimeout(pending.timer);
        if (message.ok) {
            pending.resolve(message.callid);
        } else {
            pending.reject(new Error(message.message));
        }
    }

    /** The connection closed: no answer will come to the requests still pending. */
    failAll(error: Error): void {
        const pending = [...this.pending.values()];
        this.pending.clear();
        for (const action of pending) {
            this.scheduler.clearTimeout(action.timer);
            action.reject(error);
        }
    }
}
