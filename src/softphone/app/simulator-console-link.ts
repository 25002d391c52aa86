import type { RemoteHangupSimulator } from './simulator-controls';

/** What the local console may ask the simulator (documented in src/local-console/README.md). */
interface ConsoleSimulatorMessage {
    readonly source: 'local-console';
    readonly kind: 'simulator';
    readonly action: 'incoming' | 'remoteHangup';
    readonly from?: string;
    readonly fromName?: string;
    readonly callId?: string;
    /** Call data; the simulator validates and bounds it (telephony/call-data.ts). */
    readonly data?: Readonly<Record<string, unknown>>;
}

/** Longer text is cut, not refused: a trainer's hostile-caller drill must still ring. */
const MAX_NUMBER = 64;
const MAX_NAME = 256;
const MAX_MESSAGE_TEXT = 64 * 1024;

function isConsoleMessage(data: unknown): data is ConsoleSimulatorMessage {
    if (typeof data !== 'object' || data === null) {
        return false;
    }
    const message = data as Record<string, unknown>;
    const optionalText = (value: unknown) =>
        value === undefined || (typeof value === 'string' && value.length <= MAX_MESSAGE_TEXT);
    return (
        message.source === 'local-console' &&
        message.kind === 'simulator' &&
        (message.action === 'incoming' || message.action === 'remoteHangup') &&
        optionalText(message.from) &&
        optionalText(message.fromName) &&
        optionalText(message.callId) &&
        (message.data === undefined ||
            (typeof message.data === 'object' &&
                message.data !== null &&
                !Array.isArray(message.data)))
    );
}

/**
 * Listens to the page that hosts the softphone (the local console, or a trainer's page). Only
 * the parent window of the same origin is heard, and only messages of the simulator protocol.
 */
export function listenToConsole(
    win: Window,
    onMessage: (message: ConsoleSimulatorMessage) => void
): () => void {
    const listener = (event: MessageEvent) => {
        if (event.source !== win.parent || event.origin !== win.location.origin) {
            return;
        }
        if (isConsoleMessage(event.data)) {
            onMessage(event.data);
        }
    };
    win.addEventListener('message', listener);
    return () => win.removeEventListener('message', listener);
}

/**
 * Rings (or hangs up) the simulator as the console asked. The message is checked again: it may
 * have come through another softphone tab.
 */
export function runConsoleSimulatorMessage(
    simulator: RemoteHangupSimulator,
    data: unknown,
    onError: (message: string) => void
): void {
    if (!isConsoleMessage(data)) {
        return;
    }
    try {
        if (data.action === 'incoming') {
            simulator.simulateIncoming({
                from: (data.from ?? '').slice(0, MAX_NUMBER),
                ...(data.fromName === undefined
                    ? {}
                    : { fromName: data.fromName.slice(0, MAX_NAME) }),
                ...(data.data === undefined ? {} : { data: textPairs(data.data) })
            });
        } else {
            const callId = data.callId ?? simulator.liveCallIds()[0];
            if (callId !== undefined) {
                simulator.simulateRemoteHangup(callId);
            }
        }
    } catch (error) {
        onError(error instanceof Error ? error.message : String(error));
    }
}

/**
 * Lets the hosting page ring the simulator. Only with the simulator connector, so a real phone
 * system can never be driven this way.
 */
export function linkSimulatorToConsole(
    win: Window,
    simulator: RemoteHangupSimulator,
    onError: (message: string) => void
): () => void {
    return listenToConsole(win, (message) =>
        runConsoleSimulatorMessage(simulator, message, onError)
    );
}

/** The text pairs of a message's call data (others are dropped; the simulator bounds the rest). */
function textPairs(data: Readonly<Record<string, unknown>>): Record<string, string> {
    const pairs: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [key, value] of Object.entries(data)) {
        if (typeof value === 'string') {
            pairs[key] = value;
        }
    }
    return pairs;
}
