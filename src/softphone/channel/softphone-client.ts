// The client a Lightning web component talks to the softphone with (part of the generated LWC
// module c/softphoneChannel, see lwc-module.ts), and the validators it uses: the adapter's own
// parseCommand / parseEvent, so both sides accept and reject the same messages by construction.
import { isCommandType } from './message-contract';
import { parseCommand, parseEvent, type ContractError } from './parse-message';
import { buildPing } from './lwc-command-builders';

/** How long `ping` waits for the softphone's `pong` by default. */
export const DEFAULT_PING_TIMEOUT_MS = 3000;

export type ValidationResult =
    | {
          readonly ok: true;
          readonly message: { readonly type: string; readonly requestId?: string };
      }
    | { readonly ok: false; readonly error: ContractError };

/** Checks a message a component is about to publish. */
export function validateCommand(input: unknown): ValidationResult {
    const result = parseCommand(input);
    return result.ok ? { ok: true, message: result.command } : result;
}

/** Checks a message received on the channel before a component acts on it. */
export function validateEvent(input: unknown): ValidationResult {
    const result = parseEvent(input);
    return result.ok ? { ok: true, message: result.event } : result;
}

/** The channel as a component wires it: Lightning Message Service's publish and subscribe. */
export interface SoftphoneTransport {
    publish(message: unknown): void;
    /** Returns the function that unsubscribes (anything else is ignored). */
    subscribe(listener: (message: unknown) => void): unknown;
}

type TimerHandle = ReturnType<typeof setTimeout>;

export interface SoftphoneClientOptions {
    readonly onInvalidEvent?: (error: ContractError) => void;
    readonly setTimeout?: (callback: () => void, ms: number) => TimerHandle;
    readonly clearTimeout?: (handle: TimerHandle) => void;
}

export interface ClientError {
    readonly code: string;
    readonly message: string;
}

export type SendResult =
    | { readonly ok: true; readonly requestId: string | undefined }
    | { readonly ok: false; readonly error: ClientError };

export type EventMessage = Extract<ValidationResult, { ok: true }>['message'];

export interface SoftphoneClient {
    send(message: unknown): SendResult;
    ping(options?: { readonly timeoutMs?: number }): Promise<boolean>;
    onEvent(listener: (event: EventMessage) => void): () => void;
    dispose(): void;
}

/**
 * A softphone client over a transport `{ publish(message), subscribe(listener) → unsubscribe }`.
 *
 * - `send(command)` validates and publishes; returns `{ ok, requestId }` or `{ ok: false, error }`
 *   (nothing is published when the command breaks the contract).
 * - `ping({ timeoutMs })` resolves true when the softphone answers with `pong` in time, else false.
 * - `onEvent(listener)` receives every valid event; returns a function that removes the listener.
 * - `dispose()` unsubscribes and settles pending pings with false.
 *
 * Invalid events are dropped (and reported to `options.onInvalidEvent`); commands seen on the
 * channel — ours and other components' — are not events and are ignored silently.
 */
export function createSoftphoneClient(
    transport: SoftphoneTransport,
    options: SoftphoneClientOptions = {}
): SoftphoneClient {
    // The timer is the point of ping (a softphone that never answers must not hang the caller).
    const setTimer = options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
    const clearTimer = options.clearTimeout ?? ((handle) => clearTimeout(handle));
    const listeners = new Set<(event: EventMessage) => void>();
    const pendingPings = new Map<
        string,
        { readonly resolve: (listening: boolean) => void; readonly timer: TimerHandle }
    >();
    let disposed = false;

    const settlePing = (requestId: string, listening: boolean) => {
        const pending = pendingPings.get(requestId);
        if (pending) {
            pendingPings.delete(requestId);
            clearTimer(pending.timer);
            pending.resolve(listening);
        }
    };

    const handleMessage = (raw: unknown) => {
        if (disposed || isCommandMessage(raw)) {
            return;
        }
        const result = validateEvent(raw);
        if (!result.ok) {
            options.onInvalidEvent?.(result.error);
            return;
        }
        const event = result.message;
        if (event.type === 'pong' && event.requestId !== undefined) {
            settlePing(event.requestId, true);
        }
        for (const listener of [...listeners]) {
            listener(event);
        }
    };

    const unsubscribe = transport.subscribe(handleMessage);

    const send = (message: unknown): SendResult => {
        if (disposed) {
            return { ok: false, error: { code: 'DISPOSED', message: 'client is disposed' } };
        }
        const checked = validateCommand(message);
        if (!checked.ok) {
            return checked;
        }
        try {
            transport.publish(checked.message);
        } catch (error) {
            const text = error instanceof Error && error.message ? error.message : String(error);
            return { ok: false, error: { code: 'PUBLISH_FAILED', message: text } };
        }
        return { ok: true, requestId: checked.message.requestId };
    };

    const ping = ({ timeoutMs = DEFAULT_PING_TIMEOUT_MS }: { readonly timeoutMs?: number } = {}) =>
        new Promise<boolean>((resolve) => {
            const message = buildPing();
            const requestId = message.requestId;
            const timer = setTimer(() => settlePing(requestId, false), timeoutMs);
            pendingPings.set(requestId, { resolve, timer });
            if (!send(message).ok) {
                settlePing(requestId, false);
            }
        });

    const onEvent = (listener: (event: EventMessage) => void) => {
        listeners.add(listener);
        return () => {
            listeners.delete(listener);
        };
    };

    const dispose = () => {
        if (disposed) {
            return;
        }
        for (const requestId of [...pendingPings.keys()]) {
            settlePing(requestId, false);
        }
        disposed = true;
        listeners.clear();
        if (typeof unsubscribe === 'function') {
            unsubscribe();
        }
    };

    return { send, ping, onEvent, dispose };
}

function isCommandMessage(raw: unknown): boolean {
    return (
        typeof raw === 'object' &&
        raw !== null &&
        !Array.isArray(raw) &&
        isCommandType((raw as { readonly type?: unknown }).type)
    );
}
