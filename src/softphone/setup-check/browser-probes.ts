import type { BrowserFacts } from './browser-checks';
import type { MicrophonePermission, WebSocketFacts } from './sip-checks';
import { webSocketOrigin } from './sip-checks';

/**
 * The probes that ask this frame's browser. Each reads what the softphone itself would use, and
 * none prompts the user (permissions are read, never requested).
 */

const WEB_SOCKET_WAIT_MS = 5000;

/** Whether the call log's outbox is durable: told by the running outbox, else tried here. */
export async function probeBrowser(
    window: Window & typeof globalThis,
    outboxDurable: (() => boolean) | undefined
): Promise<BrowserFacts> {
    const notification = (window as { Notification?: { permission: NotificationPermission } })
        .Notification;
    return {
        outboxDurable:
            outboxDurable === undefined ? await canOpenIndexedDb(window) : outboxDurable(),
        webLocks:
            typeof window.navigator === 'object' &&
            'locks' in window.navigator &&
            window.navigator.locks !== undefined,
        broadcastChannel: typeof window.BroadcastChannel === 'function',
        notifications: notification === undefined ? 'unsupported' : notification.permission
    };
}

async function canOpenIndexedDb(window: Window & typeof globalThis): Promise<boolean> {
    const factory = (window as { indexedDB?: IDBFactory }).indexedDB;
    if (factory === undefined || factory === null) {
        return false;
    }
    return new Promise<boolean>((resolve) => {
        try {
            const request = factory.open('open-cti-softphone-setup-check');
            request.onsuccess = () => {
                request.result.close();
                factory.deleteDatabase('open-cti-softphone-setup-check');
                resolve(true);
            };
            request.onerror = () => resolve(false);
            request.onblocked = () => resolve(false);
        } catch {
            resolve(false);
        }
    });
}

export async function probeMicrophone(
    window: Window & typeof globalThis
): Promise<MicrophonePermission> {
    const permissions = window.navigator.permissions as Permissions | undefined;
    if (permissions === undefined) {
        return 'unknown';
    }
    try {
        const status = await permissions.query({ name: 'microphone' as PermissionName });
        return status.state;
    } catch {
        return 'unknown';
    }
}

/**
 * Opens a WebSocket to the SIP server (subprotocol sip, as the SIP connector does) and closes it
 * once open. A securitypolicyviolation for its origin names the CSP block; so does a constructor
 * that throws a SecurityError.
 */
export function probeWebSocket(
    window: Window & typeof globalThis,
    url: string
): Promise<WebSocketFacts> {
    const origin = webSocketOrigin(url);
    return new Promise<WebSocketFacts>((resolve) => {
        let settled = false;
        let blocked = false;
        let socket: WebSocket | undefined;
        const onViolation = (event: SecurityPolicyViolationEvent) => {
            if (event.blockedURI !== '' && webSocketOrigin(event.blockedURI) === origin) {
                blocked = true;
                finish({ kind: 'blocked-by-csp', origin });
            }
        };
        const timer = window.setTimeout(
            () =>
                finish({
                    kind: 'failed',
                    message: `no answer within ${WEB_SOCKET_WAIT_MS / 1000} seconds`
                }),
            WEB_SOCKET_WAIT_MS
        );
        function finish(facts: WebSocketFacts): void {
            if (settled) {
                return;
            }
            settled = true;
            window.clearTimeout(timer);
            window.document.removeEventListener('securitypolicyviolation', onViolation);
            try {
                socket?.close();
            } catch {
                // closing a socket that never opened
            }
            resolve(facts);
        }
        window.document.addEventListener('securitypolicyviolation', onViolation);
        try {
            socket = new window.WebSocket(url, 'sip');
        } catch (error) {
            finish(
                error instanceof Error && error.name === 'SecurityError'
                    ? { kind: 'blocked-by-csp', origin }
                    : {
                          kind: 'failed',
                          message: error instanceof Error ? error.message : String(error)
                      }
            );
            return;
        }
        socket.addEventListener('open', () => finish({ kind: 'open' }));
        socket.addEventListener('error', () => {
            // The violation event may come after the error: give it a moment before deciding.
            window.setTimeout(() => {
                if (!blocked) {
                    finish({ kind: 'failed', message: 'the connection was refused or closed' });
                }
            }, 100);
        });
    });
}
