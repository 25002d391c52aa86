import type { ConnectorEvent } from '../../connector';
import type { ListenerCallMessage } from '../listener-protocol';
import { ListenerConnector } from '../listener-connector';
import type { ListenerConnectorOptions } from '../listener-connector-options';

/**
 * A WebSocket the test plays the bridge's side of: open(), receive() and serverClose() act as
 * the bridge; what the connector sends is in `sent`, parsed.
 */
export class FakeWebSocket {
    readyState = 0;
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onclose: ((event: { code: number; reason: string }) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    readonly sent: Record<string, unknown>[] = [];
    closedWith: { code?: number; reason?: string } | undefined;

    constructor(readonly url: string) {}

    send(data: string): void {
        if (this.readyState !== 1) {
            throw new Error('InvalidStateError: the socket is not open');
        }
        this.sent.push(JSON.parse(data) as Record<string, unknown>);
    }

    close(code?: number, reason?: string): void {
        this.closedWith = { code, reason };
        this.readyState = 3;
    }

    open(): void {
        this.readyState = 1;
        this.onopen?.({});
    }

    receive(message: object | string): void {
        this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
    }

    serverClose(code: number, reason = ''): void {
        this.readyState = 3;
        this.onclose?.({ code, reason });
    }

    /** The action messages sent so far. */
    actions(): Record<string, unknown>[] {
        return this.sent.filter((message) => message['type'] === 'action');
    }
}

export const testToken = 'tok-0123456789abcdef0123456789abcdef';
export const testUrl = 'wss://cti.example.com/softphone';

export interface ListenerHarness {
    readonly connector: ListenerConnector;
    readonly events: ConnectorEvent[];
    readonly sockets: FakeWebSocket[];
    readonly logs: unknown[][];
    /** The newest socket. */
    socket(): FakeWebSocket;
}

export function createListenerHarness(
    options: Partial<ListenerConnectorOptions> = {}
): ListenerHarness {
    const sockets: FakeWebSocket[] = [];
    class TestWebSocket extends FakeWebSocket {
        constructor(url: string) {
            super(url);
            sockets.push(this);
        }
    }
    const logs: unknown[][] = [];
    const connector = new ListenerConnector({
        settings: { webSocketUrl: testUrl },
        credentials: { agent: 'agent-7', token: testToken },
        webSocket: TestWebSocket as unknown as new (url: string) => WebSocket,
        random: () => 0,
        logger: (...entry) => logs.push(entry),
        ...options
    });
    const events: ConnectorEvent[] = [];
    connector.onEvent((event) => events.push(event));
    return {
        connector,
        events,
        sockets,
        logs,
        socket: () => {
            const socket = sockets[sockets.length - 1];
            if (!socket) {
                throw new Error('no socket was opened');
            }
            return socket;
        }
    };
}

export function welcome(
    actions: boolean,
    calls: ListenerCallMessage[] = [],
    agent = 'agent-7'
): object {
    return { type: 'welcome', version: 1, agent, actions, calls };
}

export function callMessage(
    event: ListenerCallMessage['event'],
    callid: string,
    fields: Partial<Omit<ListenerCallMessage, 'type' | 'event' | 'callid'>> = {}
): ListenerCallMessage {
    return { type: 'call', event, callid, ani: '', dnis: '', attributes: {}, ...fields };
}

/** Lets promise callbacks run. */
export async function settle(): Promise<void> {
    for (let index = 0; index < 5; index += 1) {
        await Promise.resolve();
    }
}

/** A harness whose connector is connected (events cleared), the bridge taking actions or not. */
export async function connectedHarness(
    actions: boolean,
    options: Partial<ListenerConnectorOptions> = {}
): Promise<ListenerHarness> {
    const harness = createListenerHarness(options);
    const connecting = harness.connector.connect();
    harness.socket().open();
    harness.socket().receive(welcome(actions));
    await connecting;
    await jest.advanceTimersByTimeAsync(0);
    harness.events.length = 0;
    return harness;
}
