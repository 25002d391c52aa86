/** What the Notification API allows this page now; 'unsupported' where it does not exist. */
export type NotificationPermissionState = NotificationPermission | 'unsupported';

export interface DesktopNotifierOptions {
    /** The page's window: its Notification constructor is read at each use. */
    readonly window: Window;
    /** Brings the softphone forward (the Salesforce tab, then the panel). */
    readonly bringForward: () => void;
}

/**
 * Desktop notifications of ringing calls. Permission is asked only from the agent's click
 * (the settings area's button), never on load; the text is plain (title and body strings).
 */
export class DesktopNotifier {
    constructor(private readonly options: DesktopNotifierOptions) {}

    permission(): NotificationPermissionState {
        const api = this.api();
        return api === undefined ? 'unsupported' : api.permission;
    }

    /** Call only from a click handler. */
    async requestPermission(): Promise<NotificationPermissionState> {
        const api = this.api();
        if (api === undefined) {
            return 'unsupported';
        }
        try {
            return await api.requestPermission();
        } catch {
            return api.permission;
        }
    }

    notify(notification: {
        readonly tag: string;
        readonly title: string;
        readonly body: string;
    }): void {
        const api = this.api();
        if (api === undefined || api.permission !== 'granted') {
            return;
        }
        try {
            const shown = new api(notification.title, {
                body: notification.body,
                tag: notification.tag,
                requireInteraction: true
            });
            shown.onclick = () => {
                this.options.bringForward();
                shown.close();
            };
        } catch {
            // Some browsers allow notifications only from a service worker: the ringtone and
            // the utility item still tell the agent.
        }
    }

    private api(): typeof Notification | undefined {
        const api = (this.options.window as Window & { Notification?: typeof Notification })
            .Notification;
        return typeof api === 'function' ? api : undefined;
    }
}
