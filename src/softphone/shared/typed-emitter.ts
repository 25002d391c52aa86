/** A listener for one event type of a TypedEmitter. */
export type Listener<Payload> = (payload: Payload) => void;

export interface TypedEmitterOptions {
    /**
     * Called when a listener throws. The default rethrows on a microtask, so a faulty listener
     * shows up in the console's uncaught errors without stopping the other listeners or the
     * emitter's owner half-way through an update.
     */
    readonly onListenerError?: (error: unknown, eventName: string) => void;
}

type ListenerLists<Events extends object> = { [K in keyof Events]?: Listener<Events[K]>[] };

/**
 * A small typed event emitter: `Events` maps each event name to its payload type, e.g.
 * `new TypedEmitter<{ stateChanged: Snapshot; error: ErrorInfo }>()`.
 */
export class TypedEmitter<Events extends object> {
    private listeners: ListenerLists<Events> = {};
    private readonly onListenerError: (error: unknown, eventName: string) => void;

    constructor(options: TypedEmitterOptions = {}) {
        this.onListenerError = options.onListenerError ?? rethrowLater;
    }

    /** Subscribes; returns the function that unsubscribes this registration. */
    on<K extends keyof Events>(type: K, listener: Listener<Events[K]>): () => void {
        // A wrapper makes each registration unique, so unsubscribing removes only this one.
        const registration: Listener<Events[K]> = (payload) => listener(payload);
        const list = this.listeners[type] ?? [];
        this.listeners[type] = [...list, registration];
        return () => {
            const current = this.listeners[type];
            if (current) {
                this.listeners[type] = current.filter((entry) => entry !== registration);
            }
        };
    }

    /** Subscribes for the next event of this type only. */
    once<K extends keyof Events>(type: K, listener: Listener<Events[K]>): () => void {
        const unsubscribe = this.on(type, (payload) => {
            unsubscribe();
            listener(payload);
        });
        return unsubscribe;
    }

    /** Calls every listener of `type` registered when the emit starts, in registration order. */
    emit<K extends keyof Events>(type: K, payload: Events[K]): void {
        const list = this.listeners[type];
        if (!list) {
            return;
        }
        // The list is replaced, never mutated, so (un)subscribing during an emit is safe.
        for (const listener of list) {
            try {
                listener(payload);
            } catch (error) {
                this.onListenerError(error, String(type));
            }
        }
    }

    listenerCount(type: keyof Events): number {
        return this.listeners[type]?.length ?? 0;
    }

    removeAllListeners(): void {
        this.listeners = {};
    }
}

function rethrowLater(error: unknown): void {
    queueMicrotask(() => {
        throw error;
    });
}
