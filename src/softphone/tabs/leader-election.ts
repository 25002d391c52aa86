/** The part of the Web Locks API used (navigator.locks; a fake in tests). */
export interface LockManagerLike {
    request(
        name: string,
        options: { ifAvailable?: boolean; signal?: AbortSignal },
        callback: (lock: unknown) => Promise<unknown> | undefined
    ): Promise<unknown>;
}

/**
 * - `leader`: this tab holds the lock, so it owns the connector and the call log.
 * - `follower`: another tab does; `whenLeader` resolves once that tab is gone and this one holds
 *   the lock (tabs queue for it, so exactly one takes over).
 * - `alone`: no Web Locks here (an old browser, an opaque origin): this tab works on its own.
 */
export type Leadership =
    | { readonly role: 'leader' }
    | { readonly role: 'follower'; readonly whenLeader: Promise<void> }
    | { readonly role: 'alone'; readonly reason: string };

/**
 * Claims the leader lock. The lock is never released by a running softphone: the browser
 * releases it when the tab closes, reloads or navigates away, which is exactly when leadership
 * must move (and so it never moves in the middle of a call while the leader's tab lives).
 *
 * `giveUp`: the tab claims while it reads its settings; when it cannot start after all, aborting
 * it releases the lock it holds, or leaves the queue, so that another tab leads.
 */
export async function claimLeadership(
    locks: LockManagerLike | undefined,
    name: string,
    giveUp?: AbortSignal
): Promise<Leadership> {
    if (locks === undefined) {
        // i18n-exempt: the diagnostic log's reason (main.ts logs it; the agent never reads it)
        return { role: 'alone', reason: 'this browser has no Web Locks API' };
    }
    const heldForever = new Promise<void>((release) =>
        giveUp?.addEventListener('abort', () => release(), { once: true })
    );
    try {
        const acquired = await new Promise<boolean>((resolve, reject) => {
            locks
                .request(name, { ifAvailable: true }, (lock) => {
                    resolve(lock !== null);
                    return lock === null ? undefined : heldForever;
                })
                .catch(reject);
        });
        if (acquired) {
            return { role: 'leader' };
        }
    } catch (error) {
        return { role: 'alone', reason: error instanceof Error ? error.message : String(error) };
    }
    const whenLeader = new Promise<void>((resolve) => {
        // The Web Locks API refuses a signal beside ifAvailable: only the queued request has it.
        void locks
            .request(name, giveUp === undefined ? {} : { signal: giveUp }, () => {
                resolve();
                return heldForever;
            })
            .catch(() => undefined);
    });
    return { role: 'follower', whenLeader };
}
