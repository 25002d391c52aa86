import type { BroadcastChannelLike } from '../tab-bus';

type MessageListener = (event: { data: unknown }) => void;

/** One message as it went onto the network (already cloned). */
export interface PostedMessage {
    readonly channelName: string;
    readonly data: unknown;
}

/**
 * The BroadcastChannels of one browser, in memory: every channel of a name delivers what it
 * posts to every other open channel of that name (never to itself), like the real one.
 *
 * Delivery is asynchronous, as in a browser, and driven by the test:
 * - postMessage clones the message at once (a function in it throws a DataCloneError there, as
 *   in a browser, and later changes to the object do not travel); a closed channel throws an
 *   InvalidStateError. Each other channel of the name gets a delivery queued.
 * - Nothing arrives until `settle()`: it delivers the queue in posting order, one message at a
 *   time, letting pending promise chains (microtasks) run before and after each delivery, as a
 *   browser runs each delivery as its own task. Messages posted while settling are delivered in
 *   the same call, so `settle()` returns when the tabs have nothing more to say.
 * - A channel closed before its delivery runs does not get it.
 * - A listener that throws does not stop delivery to the others; the error is kept in
 *   `listenerErrors` (a browser would report it to the page), so a test can check none escaped.
 */
export class FakeBroadcastNetwork {
    private readonly channels: FakeBroadcastChannel[] = [];
    private readonly queue: Array<{ target: FakeBroadcastChannel; data: unknown }> = [];
    /** Every message posted, as cloned, oldest first. */
    readonly posted: PostedMessage[] = [];
    readonly listenerErrors: unknown[] = [];

    /** Opens a channel, as `new BroadcastChannel(name)` does in one tab. */
    open(name: string): FakeBroadcastChannel {
        const channel = new FakeBroadcastChannel(this, name);
        this.channels.push(channel);
        return channel;
    }

    /** Deliveries queued and not yet run. */
    get pending(): number {
        return this.queue.length;
    }

    /** Delivers every queued message, and those they cause, letting promise chains run between. */
    async settle(): Promise<void> {
        await flushMicrotasks();
        for (let delivered = 0; this.queue.length > 0; delivered += 1) {
            if (delivered > 10_000) {
                throw new Error('the tabs keep messaging each other: a message loop?');
            }
            const next = this.queue.shift();
            next?.target.dispatch(next.data);
            await flushMicrotasks();
        }
    }

    /** @internal used by FakeBroadcastChannel. */
    send(from: FakeBroadcastChannel, message: unknown): void {
        const data = cloneLikeStructuredClone(message);
        this.posted.push({ channelName: from.name, data });
        for (const target of this.channels) {
            if (target !== from && target.name === from.name && !target.closed) {
                // Each receiver gets its own copy, as with structured clone.
                this.queue.push({ target, data: cloneLikeStructuredClone(data) });
            }
        }
    }
}

export class FakeBroadcastChannel implements BroadcastChannelLike {
    private readonly listeners = new Set<MessageListener>();
    closed = false;

    constructor(
        private readonly network: FakeBroadcastNetwork,
        readonly name: string
    ) {}

    /** How many message listeners are attached (the bus removes its own on close). */
    get listenerCount(): number {
        return this.listeners.size;
    }

    postMessage(message: unknown): void {
        if (this.closed) {
            throw domException('BroadcastChannel is closed.', 'InvalidStateError');
        }
        this.network.send(this, message);
    }

    addEventListener(type: 'message', listener: MessageListener): void {
        if (type === 'message') {
            this.listeners.add(listener);
        }
    }

    removeEventListener(type: 'message', listener: MessageListener): void {
        if (type === 'message') {
            this.listeners.delete(listener);
        }
    }

    close(): void {
        this.closed = true;
    }

    /** @internal delivers one message (skipped once closed). */
    dispatch(data: unknown): void {
        if (this.closed) {
            return;
        }
        for (const listener of [...this.listeners]) {
            try {
                listener({ data });
            } catch (error) {
                this.network.listenerErrors.push(error);
            }
        }
    }
}

/**
 * An error as a browser's DOMException reads: an Error with a name. (Jest's node environment
 * hands tests a DOMException from another realm, which is not `instanceof Error` there, unlike
 * in a browser.)
 */
export function domException(message: string, name: string): Error {
    const error = new Error(message);
    error.name = name;
    return error;
}

/** Lets pending promise callbacks run (several awaits deep), without any timer. */
export async function flushMicrotasks(turns = 100): Promise<void> {
    for (let turn = 0; turn < turns; turn += 1) {
        await Promise.resolve();
    }
}

/**
 * The part of structured clone that matters here (jsdom has no structuredClone): plain data is
 * copied deeply (own enumerable values, getters read once, prototypes dropped, cycles kept),
 * functions and symbols throw a DataCloneError.
 */
export function cloneLikeStructuredClone(
    value: unknown,
    seen = new Map<object, unknown>()
): unknown {
    if (typeof value === 'function' || typeof value === 'symbol') {
        throw domException(`${String(value)} could not be cloned.`, 'DataCloneError');
    }
    if (typeof value !== 'object' || value === null) {
        return value;
    }
    const known = seen.get(value);
    if (known !== undefined) {
        return known;
    }
    if (value instanceof Date) {
        return new Date(value.getTime());
    }
    if (Array.isArray(value)) {
        const copy: unknown[] = [];
        seen.set(value, copy);
        for (const item of value) {
            copy.push(cloneLikeStructuredClone(item, seen));
        }
        return copy;
    }
    const copy: Record<string, unknown> = {};
    seen.set(value, copy);
    for (const key of Object.keys(value)) {
        copy[key] = cloneLikeStructuredClone((value as Record<string, unknown>)[key], seen);
    }
    return copy;
}
