// Whether a softphone is there to answer a component (part of the generated LWC module
// c/softphoneChannel, see lwc-module.ts): the ping, the "checking / not answering / stopped"
// states and the heartbeat that notices a softphone closing, in one place for every component.
import type { SoftphoneClient } from './softphone-client';

/**
 * - `checking`: a first ping is out;
 * - `ready`: the softphone answered, or published anything (only a running softphone does);
 * - `missing`: it never answered;
 * - `stopped`: it answered before and no longer does (closed, or reloading).
 */
export type PresenceStatus = 'checking' | 'ready' | 'missing' | 'stopped';

type IntervalHandle = ReturnType<typeof setInterval>;

export interface PresenceOptions {
    readonly timeoutMs: number;
    /** Ping once per `timeoutMs` while the softphone is there, to notice when it stops. */
    readonly heartbeat?: boolean;
    readonly onChange: (status: PresenceStatus) => void;
    readonly setInterval?: (callback: () => void, ms: number) => IntervalHandle;
    readonly clearInterval?: (handle: IntervalHandle) => void;
}

export interface SoftphonePresence {
    readonly status: PresenceStatus;
    /** Pings now (the component's "Check again", or after a command went unanswered). */
    check(): Promise<PresenceStatus>;
    dispose(): void;
}

/** Watches `client`'s softphone: pings at once, then reports each change of status. */
export function watchSoftphonePresence(
    client: SoftphoneClient,
    options: PresenceOptions
): SoftphonePresence {
    const startInterval = options.setInterval ?? ((callback, ms) => setInterval(callback, ms));
    const stopInterval = options.clearInterval ?? ((handle) => clearInterval(handle));
    let status: PresenceStatus = 'checking';
    let everReady = false;
    let eventCount = 0;
    let heartbeat: IntervalHandle | undefined;
    let disposed = false;

    const setStatus = (next: PresenceStatus) => {
        if (next !== status && !disposed) {
            status = next;
            options.onChange(next);
        }
    };

    const stopHeartbeat = () => {
        if (heartbeat !== undefined) {
            stopInterval(heartbeat);
            heartbeat = undefined;
        }
    };

    const becomeReady = () => {
        everReady = true;
        setStatus('ready');
        if (options.heartbeat && heartbeat === undefined && !disposed) {
            heartbeat = startInterval(() => void check(), options.timeoutMs);
        }
    };

    const check = async (): Promise<PresenceStatus> => {
        if (disposed) {
            return status;
        }
        if (status !== 'ready') {
            setStatus('checking');
        }
        const eventsBefore = eventCount;
        const listening = await client.ping({ timeoutMs: options.timeoutMs });
        if (disposed) {
            return status;
        }
        // An event that arrived meanwhile proves the softphone is there (it may have started
        // after the ping went out).
        if (listening || eventCount !== eventsBefore) {
            becomeReady();
        } else {
            stopHeartbeat();
            setStatus(everReady ? 'stopped' : 'missing');
        }
        return status;
    };

    const stopListening = client.onEvent(() => {
        eventCount += 1;
        if (status !== 'ready') {
            becomeReady();
        }
    });

    void check();

    return {
        get status() {
            return status;
        },
        check,
        dispose() {
            disposed = true;
            stopHeartbeat();
            stopListening();
        }
    };
}
