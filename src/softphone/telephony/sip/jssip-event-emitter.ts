/**
 * The event emitter JsSIP's classes extend in the softphone build, in place of the `events`
 * package (Node's EventEmitter for browsers, 6 KB minified; scripts/jssip-trim-plugin.mjs). It
 * has what JsSIP and the SIP connector call (on, emit, listeners, removeListener) with Node's
 * meaning, and the rest of the usual surface, so a listener added or removed another way still
 * works: listeners run in the order they were added, on a copy of the list taken when the event
 * is emitted; an 'error' nobody listens to is thrown. Not shared/typed-emitter.ts: JsSIP needs
 * Node's meaning (several arguments, `this` the emitter, removal by the listener function,
 * listeners() to ask whether anybody listens, a listener's throw reaching the emitter's caller).
 */
type Listener = (...args: never[]) => unknown;

export class JsSipEventEmitter {
    private readonly listenersByEvent = new Map<string | symbol, Listener[]>();

    on(event: string | symbol, listener: Listener): this {
        this.listenersByEvent.set(event, [...this.listeners(event), listener]);
        return this;
    }

    addListener(event: string | symbol, listener: Listener): this {
        return this.on(event, listener);
    }

    once(event: string | symbol, listener: Listener): this {
        const once = Object.assign(
            (...args: never[]): unknown => {
                this.removeListener(event, once);
                return listener.apply(this, args);
            },
            { listener }
        );
        return this.on(event, once);
    }

    /** Like Node's: the last time the listener (or a once() of it) was added goes. */
    removeListener(event: string | symbol, listener: Listener): this {
        const list = this.listenersByEvent.get(event) ?? [];
        const matches = list.map(
            (added) =>
                added === listener || (added as { listener?: Listener }).listener === listener
        );
        const at = matches.lastIndexOf(true);
        if (at >= 0) {
            this.listenersByEvent.set(event, [...list.slice(0, at), ...list.slice(at + 1)]);
        }
        return this;
    }

    off(event: string | symbol, listener: Listener): this {
        return this.removeListener(event, listener);
    }

    removeAllListeners(event?: string | symbol): this {
        if (event === undefined) {
            this.listenersByEvent.clear();
        } else {
            this.listenersByEvent.delete(event);
        }
        return this;
    }

    listeners(event: string | symbol): Listener[] {
        return [...(this.listenersByEvent.get(event) ?? [])];
    }

    listenerCount(event: string | symbol): number {
        return this.listeners(event).length;
    }

    /** Node warns past a number of listeners; there is no such warning here. */
    setMaxListeners(): this {
        return this;
    }

    emit(event: string | symbol, ...args: unknown[]): boolean {
        const listeners = this.listeners(event);
        if (listeners.length === 0 && event === 'error') {
            throw args[0] instanceof Error
                ? args[0]
                : // i18n-exempt: a developer error (an 'error' event nobody listens to), as Node words it
                  new Error(`Unhandled error. (${String(args[0])})`);
        }
        for (const listener of listeners) {
            listener.apply(this, args as never[]);
        }
        return listeners.length > 0;
    }
}
