import type { ListenerSettings } from '../../settings/softphone-settings';
import type { Scheduler } from '../scheduler';
import type { ListenerCredentials } from './listener-credentials';
import type { ReconnectPolicy } from './reconnect-delay';

/**
 * Where the listener connector reports what it does; the same shape as the call engine's
 * logger. The token and call data (numbers, attributes) never reach it.
 */
export type ListenerLogger = (
    level: 'debug' | 'info' | 'warn' | 'error',
    message: string,
    details?: Readonly<Record<string, unknown>>
) => void;

export const silentListenerLogger: ListenerLogger = () => undefined;

/** What the softphone may offer the agent, known once the bridge has welcomed the connector. */
export interface ListenerCapabilities {
    /**
     * True when the phone system takes no actions from the softphone (the bridge has no
     * callback URL): the agent answers and hangs up on their phone and the softphone follows
     * the phone system's events. Answer, decline, hang up, hold and resume then only change what
     * the softphone shows and logs; the UI should say "controlled on your phone".
     */
    readonly controlledOnPhone: boolean;
    readonly canDial: boolean;
    readonly canMute: boolean;
    readonly canSendDtmf: boolean;
}

export interface ListenerConnectorOptions {
    readonly settings: ListenerSettings;
    readonly credentials: ListenerCredentials;
    /**
     * The WebSocket constructor: the browser's by default; Node tests pass the `ws` package's.
     * Only the WHATWG members are used (readyState, send, close, on…).
     */
    readonly webSocket?: new (url: string) => WebSocket;
    /** Defaults to the platform timers. */
    readonly scheduler?: Scheduler;
    /** Jitter of the reconnection delays (0 ≤ r < 1); Math.random by default. */
    readonly random?: () => number;
    readonly logger?: ListenerLogger;
    /** How long connect() waits for the bridge's welcome (default 10 s). */
    readonly connectTimeoutMs?: number;
    /** How long an agent action waits for the phone system's answer (default 10 s). */
    readonly actionTimeoutMs?: number;
    readonly reconnect?: ReconnectPolicy;
}

export const listenerConnectorDefaults = {
    connectTimeoutMs: 10_000,
    actionTimeoutMs: 10_000,
    /** Ended call ids remembered, so late or repeated events for them are ignored. */
    endedCallMemory: 500,
    /** Ended calls whose attributes stay readable (for wrap-up). */
    endedAttributesMemory: 20
} as const;
