import type { LockManagerLike } from '../leader-election';

interface LockRequest {
    readonly tabId: string;
    readonly callback: (lock: unknown) => Promise<unknown> | undefined;
    readonly resolve: (value: unknown) => void;
    readonly reject: (error: unknown) => void;
}

interface Grant {
    readonly tabId: string;
}

interface LockState {
    holder: Grant | undefined;
    readonly queue: LockRequest[];
}

/** The lock object a granted callback gets, as navigator.locks gives it. */
export interface FakeLock {
    readonly name: string;
    readonly mode: 'exclusive';
}

/**
 * navigator.locks of one browser, with exclusive locks only: each tab gets its own
 * LockManagerLike (`forTab`), all sharing the locks.
 *
 * - A lock is held while the callback's promise is pending; requests wait in a FIFO queue and
 *   the first one gets the lock when it is released.
 * - `ifAvailable`: granted only if the lock is free and nobody queues; otherwise the callback
 *   runs at once with `null` and nothing is queued.
 * - Callbacks run in a microtask (never inside `request`), as the browser runs them later.
 * - `signal`: aborting it drops the request while it waits (its promise rejects), as the browser
 *   does; a granted lock is released by its callback's promise, as always.
 * - `closeTab` is a tab dying (closed, reloaded, navigated): the browser releases the locks it
 *   holds and drops its queued requests, whatever its callbacks' promises do.
 */
export class FakeLockManager {
    private readonly locks = new Map<string, LockState>();
    /** Every request made, in order: which tab, which lock, whether ifAvailable. */
    readonly requests: Array<{ tabId: string; name: string; ifAvailable: boolean }> = [];

    forTab(tabId: string): LockManagerLike {
        return {
            request: (name, options, callback) => this.request(tabId, name, options, callback)
        };
    }

    /** The tab holding the lock now. */
    holderOf(name: string): string | undefined {
        return this.locks.get(name)?.holder?.tabId;
    }

    /** The tabs waiting for the lock, first first. */
    queueOf(name: string): string[] {
        return this.locks.get(name)?.queue.map((request) => request.tabId) ?? [];
    }

    /** The tab goes away: its locks are released and its waiting requests dropped. */
    closeTab(tabId: string): void {
        for (const [name, state] of this.locks) {
            const kept = state.queue.filter((request) => request.tabId !== tabId);
            state.queue.splice(0, state.queue.length, ...kept);
            if (state.holder?.tabId === tabId) {
                state.holder = undefined;
                this.grantNext(name);
            }
        }
    }

    private request(
        tabId: string,
        name: string,
        options: { ifAvailable?: boolean; signal?: AbortSignal },
        callback: (lock: unknown) => Promise<unknown> | undefined
    ): Promise<unknown> {
        const ifAvailable = options.ifAvailable === true;
        this.requests.push({ tabId, name, ifAvailable });
        return new Promise((resolve, reject) => {
            const state = this.stateOf(name);
            const request: LockRequest = { tabId, callback, resolve, reject };
            if (ifAvailable && (state.holder !== undefined || state.queue.length > 0)) {
                queueMicrotask(() => this.run(request, null, () => undefined));
                return;
            }
            state.queue.push(request);
            options.signal?.addEventListener('abort', () => {
                const waiting = state.queue.indexOf(request);
                if (waiting >= 0) {
                    state.queue.splice(waiting, 1);
                    reject(new Error('AbortError: the lock request was aborted'));
                }
            });
            this.grantNext(name);
        });
    }

    private grantNext(name: string): void {
        const state = this.stateOf(name);
        if (state.holder !== undefined) {
            return;
        }
        const request = state.queue.shift();
        if (request === undefined) {
            return;
        }
        const grant: Grant = { tabId: request.tabId };
        state.holder = grant;
        const lock: FakeLock = { name, mode: 'exclusive' };
        queueMicrotask(() => {
            if (state.holder !== grant) {
                // The tab died before its callback could run.
                return;
            }
            this.run(request, lock, () => {
                // Released when the callback settles, unless the tab died (and the lock moved).
                if (state.holder === grant) {
                    state.holder = undefined;
                    this.grantNext(name);
                }
            });
        });
    }

    private run(request: LockRequest, lock: FakeLock | null, release: () => void): void {
        let result: Promise<unknown> | undefined;
        try {
            result = request.callback(lock);
        } catch (error) {
            release();
            request.reject(error);
            return;
        }
        Promise.resolve(result).then(
            (value) => {
                release();
                request.resolve(value);
            },
            (error: unknown) => {
                release();
                request.reject(error);
            }
        );
    }

    private stateOf(name: string): LockState {
        let state = this.locks.get(name);
        if (state === undefined) {
            state = { holder: undefined, queue: [] };
            this.locks.set(name, state);
        }
        return state;
    }
}
