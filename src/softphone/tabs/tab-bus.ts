import {
    parseTabMessage,
    TAB_PROTOCOL_VERSION,
    type TabMessage,
    type TabMessageBody
} from './tab-protocol';

/** The part of BroadcastChannel used (a fake in tests). */
export interface BroadcastChannelLike {
    postMessage(message: unknown): void;
    addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
    removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
    close(): void;
}

export interface TabBusProblem {
    readonly reason: 'other-version' | 'invalid' | 'post-failed';
    readonly detail: string;
}

/**
 * This tab's end of the channel between softphone tabs: stamps what it sends with the protocol
 * and its tab id, and hands on only valid messages from other tabs meant for this one.
 */
export class TabBus {
    private readonly listeners = new Set<(message: TabMessage) => void>();
    private readonly onData = (event: { data: unknown }) => this.receive(event.data);

    constructor(
        private readonly channel: BroadcastChannelLike,
        readonly tabId: string,
        private readonly onProblem: (problem: TabBusProblem) => void = () => undefined
    ) {
        channel.addEventListener('message', this.onData);
    }

    post(body: TabMessageBody, to?: string): void {
        try {
            this.channel.postMessage({
                ...body,
                protocol: TAB_PROTOCOL_VERSION,
                from: this.tabId,
                ...(to === undefined ? {} : { to })
            });
        } catch (error) {
            // A message that cannot be cloned, or a closed channel: the other tabs miss one update.
            this.onProblem({
                reason: 'post-failed',
                detail: `${body.kind}: ${error instanceof Error ? error.message : String(error)}`
            });
        }
    }

    onMessage(listener: (message: TabMessage) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    close(): void {
        this.listeners.clear();
        this.channel.removeEventListener('message', this.onData);
        this.channel.close();
    }

    private receive(data: unknown): void {
        const parsed = parseTabMessage(data);
        if (!parsed.ok) {
            if (parsed.reason !== 'not-ours') {
                this.onProblem({ reason: parsed.reason, detail: parsed.detail });
            }
            return;
        }
        const message = parsed.message;
        if (
            message.from === this.tabId ||
            (message.to !== undefined && message.to !== this.tabId)
        ) {
            return;
        }
        for (const listener of [...this.listeners]) {
            try {
                listener(message);
            } catch (error) {
                this.onProblem({
                    reason: 'invalid',
                    detail: `${message.kind}: ${error instanceof Error ? error.message : String(error)}`
                });
            }
        }
    }
}
