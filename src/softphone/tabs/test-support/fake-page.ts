import type { ActivitySources } from '../tab-activity';

/**
 * An EventTarget that counts the listeners attached to it, matched as the DOM matches them (the
 * same function, type and capture flag), so a test can tell that everything added was removed.
 */
export class CountingEventTarget extends EventTarget {
    private readonly attached = new Map<string, Set<unknown>>();

    override addEventListener(
        type: string,
        listener: EventListenerOrEventListenerObject | null,
        options?: boolean | AddEventListenerOptions
    ): void {
        super.addEventListener(type, listener, options);
        if (listener !== null) {
            this.keyed(type, options).add(listener);
        }
    }

    override removeEventListener(
        type: string,
        listener: EventListenerOrEventListenerObject | null,
        options?: boolean | EventListenerOptions
    ): void {
        super.removeEventListener(type, listener, options);
        this.keyed(type, options).delete(listener);
    }

    /** Listeners attached now, for one event type or all. */
    listenerCount(type?: string): number {
        let count = 0;
        for (const [key, listeners] of this.attached) {
            if (type === undefined || key.startsWith(`${type}|`)) {
                count += listeners.size;
            }
        }
        return count;
    }

    /** Whether a listener is attached for this type in this phase. */
    hasListener(type: string, capture: boolean): boolean {
        return (this.attached.get(`${type}|${String(capture)}`)?.size ?? 0) > 0;
    }

    private keyed(type: string, options: boolean | EventListenerOptions | undefined): Set<unknown> {
        const capture = typeof options === 'boolean' ? options : options?.capture === true;
        const key = `${type}|${String(capture)}`;
        let listeners = this.attached.get(key);
        if (listeners === undefined) {
            listeners = new Set();
            this.attached.set(key, listeners);
        }
        return listeners;
    }
}

/** A document whose visibility the test sets; the change fires `visibilitychange`. */
export class FakeDocument extends CountingEventTarget {
    visibilityState: DocumentVisibilityState = 'visible';

    setVisibility(state: DocumentVisibilityState): void {
        this.visibilityState = state;
        this.dispatchEvent(new Event('visibilitychange'));
    }
}

/** The page a TabActivity watches: its document and window. */
export class FakePage implements ActivitySources {
    readonly document = new FakeDocument();
    readonly window = new CountingEventTarget();

    constructor(visibility: DocumentVisibilityState = 'visible') {
        this.document.visibilityState = visibility;
    }

    /** The agent clicks, types or comes back to the window. */
    use(type: 'focus' | 'pointerdown' | 'keydown'): void {
        this.window.dispatchEvent(new Event(type));
    }

    listenerCount(): number {
        return this.document.listenerCount() + this.window.listenerCount();
    }
}

/** A clock the test moves by hand. */
export class ManualClock {
    constructor(private time = 1_767_225_600_000) {}

    now(): number {
        return this.time;
    }

    advance(ms: number): void {
        this.time += ms;
    }
}
