import { label, type LabelName } from '../../i18n';
import type { ConnectorEvents } from '../connector-events';
import type { Scheduler } from '../scheduler';
import type { ListenerCredentials } from './listener-credentials';
import { validateListenerCredentials } from './listener-credentials';
import type { ListenerLogger } from './listener-connector-options';
import type {
    ListenerActionResultMessage,
    ListenerCallMessage,
    ListenerWelcomeMessage,
    SoftphoneMessage
} from './listener-protocol';
import {
    listenerCloseCodes,
    listenerProtocolVersion,
    parseBridgeMessage
} from './listener-protocol';
import type { ReconnectPolicy } from './reconnect-delay';
import { reconnectDelay } from './reconnect-delay';

/** What the connector does with what comes over the link. */
export interface ListenerLinkHandler {
    /** The bridge welcomed the softphone, saying whether the phone system takes actions. */
    welcomed(actions: boolean): void;
    /** Once connect()'s callers are told: the calls the bridge knows, to catch up with. */
    catchUp(calls: readonly ListenerCallMessage[]): void;
    call(message: ListenerCallMessage): void;
    actionResult(message: ListenerActionResultMessage): void;
    /** The socket closed: nothing pending will be answered. */
    closed(): void;
    /** The connection is over (given up, or the agent disconnected): the calls end. */
    lost(): void;
}

export interface ListenerLinkOptions {
    readonly url: string;
    readonly credentials: ListenerCredentials;
    readonly webSocketClass: (new (url: string) => WebSocket) | undefined;
    readonly scheduler: Scheduler;
    readonly random: () => number;
    readonly logger: ListenerLogger;
    readonly connectTimeoutMs: number;
    readonly reconnectPolicy: ReconnectPolicy;
    /** Where the connection status is reported. */
    readonly events: ConnectorEvents;
    readonly handler: ListenerLinkHandler;
}

interface ConnectWaiter {
    readonly resolve: () => void;
    readonly reject: (error: Error) => void;
}

const WEB_SOCKET_OPEN = 1;

/** The bridge's close codes that end the connection for good, and what the agent reads. */
const fatalCloseCodes = new Map<number, LabelName>([
    [listenerCloseCodes.badCredentials, 'Softphone_Listener_Bad_Credentials'],
    [listenerCloseCodes.badVersion, 'Softphone_Listener_Bad_Version'],
    [listenerCloseCodes.badHello, 'Softphone_Listener_Bad_Hello']
]);

/**
 * The listener connector's WebSocket to the bridge: hello with the agent's token, the welcome,
 * and the messages after it; a lost bridge is tried again with backoff ('reconnecting'), a
 * refused token or a bridge never reached ends the connection ('disconnected' with the reason).
 */
export class ListenerLink {
    private readonly options: ListenerLinkOptions;
    private connectWaiters: ConnectWaiter[] = [];
    private socket: WebSocket | undefined;
    /** Whether the agent wants a connection (connect() called, disconnect() not since). */
    private wanted = false;
    private welcomed = false;
    private attempt = 0;
    private welcomeTimer: unknown;
    private reconnectTimer: unknown;

    constructor(options: ListenerLinkOptions) {
        this.options = options;
    }

    /** Whether messages can go to the bridge: the socket is open and the bridge welcomed it. */
    get ready(): boolean {
        return this.socket?.readyState === WEB_SOCKET_OPEN && this.welcomed;
    }

    connect(): Promise<void> {
        if (this.options.events.status === 'connected') {
            return Promise.resolve();
        }
        const waiting = new Promise<void>((resolve, reject) => {
            this.connectWaiters.push({ resolve, reject });
        });
        if (this.wanted) {
            return waiting;
        }
        const checked = validateListenerCredentials(this.options.credentials);
        if (!checked.ok) {
            this.failConnectWaiters(new Error(checked.message));
            return waiting;
        }
        this.wanted = true;
        this.attempt = 0;
        this.options.events.setStatus('connecting');
        this.openSocket();
        return waiting;
    }

    /** Closes the connection; every live call ends ('connection-lost'), then 'disconnected'. */
    disconnect(): void {
        this.wanted = false;
        this.options.scheduler.clearTimeout(this.reconnectTimer);
        this.reconnectTimer = undefined;
        // i18n-exempt: the WebSocket close reason, read by the bridge
        this.closeSocket(1000, 'The agent disconnected.');
        this.failConnectWaiters(new Error(label('Softphone_Listener_Disconnected_Early')));
        if (this.options.events.status !== 'disconnected') {
            this.options.handler.lost();
            this.options.events.setStatus('disconnected');
        }
    }

    send(message: SoftphoneMessage): void {
        try {
            this.socket?.send(JSON.stringify(message));
        } catch (error) {
            // i18n-exempt: a log line
            this.options.logger('warn', 'Could not send to the listener bridge.', {
                error: errorMessage(error)
            });
        }
    }

    private openSocket(): void {
        const { webSocketClass, logger, scheduler } = this.options;
        if (!webSocketClass) {
            this.giveUp(label('Softphone_Listener_No_WebSocket'));
            return;
        }
        let socket: WebSocket;
        try {
            socket = new webSocketClass(this.options.url);
        } catch (error) {
            // i18n-exempt: a log line
            logger('warn', 'Could not open the listener WebSocket.', {
                error: errorMessage(error)
            });
            this.connectionFailed();
            return;
        }
        this.socket = socket;
        this.welcomed = false;
        socket.onopen = () => {
            if (this.socket === socket) {
                const { agent, token } = this.options.credentials;
                this.send({
                    type: 'hello',
                    version: listenerProtocolVersion,
                    agent: agent.trim(),
                    token: token.trim()
                });
            }
        };
        socket.onmessage = (event: MessageEvent) => {
            if (this.socket === socket) {
                this.receive(event.data);
            }
        };
        socket.onclose = (event: CloseEvent) => {
            if (this.socket === socket) {
                this.socketClosed(event.code, event.reason);
            }
        };
        socket.onerror = () => undefined;
        this.welcomeTimer = scheduler.setTimeout(() => {
            if (this.socket === socket && !this.welcomed) {
                // i18n-exempt: a log line
                logger('warn', 'The listener bridge did not welcome the softphone in time.');
                // i18n-exempt: the WebSocket close reason, read by the bridge
                this.closeSocket(4000, 'No welcome in time.');
                this.connectionFailed();
            }
        }, this.options.connectTimeoutMs);
    }

    private closeSocket(code: number, reason: string): void {
        this.options.scheduler.clearTimeout(this.welcomeTimer);
        this.welcomeTimer = undefined;
        const socket = this.socket;
        this.socket = undefined;
        this.welcomed = false;
        this.options.handler.closed();
        if (socket) {
            socket.onopen = null;
            socket.onmessage = null;
            socket.onclose = null;
            try {
                socket.close(code, reason);
            } catch {
                // Closing a socket that never opened may throw in some browsers: it is gone anyway.
            }
        }
    }

    private socketClosed(code: number, reason: string): void {
        const { logger } = this.options;
        // i18n-exempt: a log line
        logger('info', 'The listener bridge closed the connection.', { code });
        this.closeSocket(1000, '');
        const fatal = fatalCloseCodes.get(code);
        if (fatal) {
            this.giveUp(label(fatal));
            return;
        }
        if (reason !== '') {
            // i18n-exempt: a log line
            logger('debug', 'Close reason from the bridge.', { reason: reason.slice(0, 120) });
        }
        this.connectionFailed();
    }

    /** A socket failed or closed: retry when a connection had been made, else give up. */
    private connectionFailed(): void {
        if (!this.wanted) {
            return;
        }
        const { events, scheduler } = this.options;
        if (events.status === 'connecting') {
            this.giveUp(label('Softphone_Listener_Unreachable', this.options.url));
            return;
        }
        this.attempt += 1;
        const delay = reconnectDelay(
            this.attempt,
            this.options.random,
            this.options.reconnectPolicy
        );
        events.setStatus(
            'reconnecting',
            label('Softphone_Listener_Retrying', Math.max(1, Math.round(delay / 1000)))
        );
        scheduler.clearTimeout(this.reconnectTimer);
        this.reconnectTimer = scheduler.setTimeout(() => {
            this.reconnectTimer = undefined;
            if (this.wanted && !this.socket) {
                this.openSocket();
            }
        }, delay);
    }

    /** The connection cannot be made: calls end, 'disconnected' with the reason. */
    private giveUp(message: string): void {
        this.wanted = false;
        this.closeSocket(1000, '');
        this.options.scheduler.clearTimeout(this.reconnectTimer);
        this.reconnectTimer = undefined;
        this.failConnectWaiters(new Error(message));
        this.options.handler.lost();
        this.options.events.setStatus('disconnected', message);
    }

    private failConnectWaiters(error: Error): void {
        const waiters = this.connectWaiters;
        this.connectWaiters = [];
        for (const waiter of waiters) {
            waiter.reject(error);
        }
    }

    private receive(data: unknown): void {
        const { logger, handler } = this.options;
        const parsed = parseBridgeMessage(data);
        if (!parsed.ok) {
            // i18n-exempt: a log line
            logger('warn', 'Ignored a message from the listener bridge.', { error: parsed.error });
            return;
        }
        const message = parsed.value;
        if (message.type === 'welcome') {
            this.welcome(message);
            return;
        }
        if (!this.welcomed) {
            // i18n-exempt: a log line
            logger('warn', 'Ignored a message that came before the welcome.');
            return;
        }
        if (message.type === 'call') {
            handler.call(message);
        } else {
            handler.actionResult(message);
        }
    }

    private welcome(message: ListenerWelcomeMessage): void {
        const { logger, handler } = this.options;
        if (this.welcomed) {
            // i18n-exempt: a log line
            logger('warn', 'Ignored a second welcome from the listener bridge.');
            return;
        }
        if (message.agent !== this.options.credentials.agent.trim()) {
            this.giveUp(label('Softphone_Listener_Other_Agent'));
            return;
        }
        if (message.droppedCalls) {
            // i18n-exempt: a log line
            logger('warn', 'Left out calls of the welcome that were invalid or too many.', {
                count: message.droppedCalls
            });
        }
        this.welcomed = true;
        this.options.scheduler.clearTimeout(this.welcomeTimer);
        this.welcomeTimer = undefined;
        this.attempt = 0;
        handler.welcomed(message.actions);
        this.options.events.setStatus('connected');
        const waiters = this.connectWaiters;
        this.connectWaiters = [];
        for (const waiter of waiters) {
            waiter.resolve();
        }
        handler.catchUp(message.calls);
    }
}

function errorMessage(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
