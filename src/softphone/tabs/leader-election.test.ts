import { claimLeadership, type Leadership, type LockManagerLike } from './leader-election';
import { LEADER_LOCK_NAME } from './tab-protocol';
import { flushMicrotasks } from './test-support/fake-broadcast-channel';
import { FakeLockManager } from './test-support/fake-lock-manager';

/** One browser's tabs claiming the leader lock; `takeovers` lists the followers that took over. */
function browser() {
    const locks = new FakeLockManager();
    const takeovers: string[] = [];
    const claim = async (tabId: string): Promise<Leadership> => {
        const leadership = await claimLeadership(locks.forTab(tabId), LEADER_LOCK_NAME);
        if (leadership.role === 'follower') {
            void leadership.whenLeader.then(() => takeovers.push(tabId));
        }
        return leadership;
    };
    return { locks, takeovers, claim };
}

describe('claimLeadership', () => {
    it('makes the first tab the leader, holding the lock', async () => {
        const { locks, claim } = browser();
        await expect(claim('tab-1')).resolves.toEqual({ role: 'leader' });
        expect(locks.holderOf(LEADER_LOCK_NAME)).toBe('tab-1');
        expect(locks.requests).toEqual([
            { tabId: 'tab-1', name: LEADER_LOCK_NAME, ifAvailable: true }
        ]);
    });

    it('makes the second tab a follower, queued for the lock', async () => {
        const { locks, claim } = browser();
        await claim('tab-1');
        const second = await claim('tab-2');
        expect(second.role).toBe('follower');
        expect(locks.holderOf(LEADER_LOCK_NAME)).toBe('tab-1');
        expect(locks.queueOf(LEADER_LOCK_NAME)).toEqual(['tab-2']);
        expect(locks.requests.slice(1)).toEqual([
            { tabId: 'tab-2', name: LEADER_LOCK_NAME, ifAvailable: true },
            { tabId: 'tab-2', name: LEADER_LOCK_NAME, ifAvailable: false }
        ]);
    });

    it('the leader keeps the lock while its tab lives (the page never releases it)', async () => {
        const { locks, takeovers, claim } = browser();
        await claim('tab-1');
        await claim('tab-2');
        await flushMicrotasks(500);
        expect(locks.holderOf(LEADER_LOCK_NAME)).toBe('tab-1');
        expect(takeovers).toEqual([]);
    });

    it("resolves a follower's whenLeader only once the leader's tab is gone", async () => {
        const { locks, takeovers, claim } = browser();
        await claim('tab-1');
        await claim('tab-2');
        await flushMicrotasks();
        expect(takeovers).toEqual([]);

        locks.closeTab('tab-1');
        await flushMicrotasks();
        expect(takeovers).toEqual(['tab-2']);
        expect(locks.holderOf(LEADER_LOCK_NAME)).toBe('tab-2');
    });

    it('with three tabs, exactly one takes over at a time, in the order they queued', async () => {
        const { locks, takeovers, claim } = browser();
        await claim('tab-1');
        await claim('tab-2');
        expect((await claim('tab-3')).role).toBe('follower');

        locks.closeTab('tab-1');
        await flushMicrotasks();
        expect(takeovers).toEqual(['tab-2']);
        expect(locks.holderOf(LEADER_LOCK_NAME)).toBe('tab-2');
        expect(locks.queueOf(LEADER_LOCK_NAME)).toEqual(['tab-3']);

        locks.closeTab('tab-2');
        await flushMicrotasks();
        expect(takeovers).toEqual(['tab-2', 'tab-3']);
        expect(locks.holderOf(LEADER_LOCK_NAME)).toBe('tab-3');
    });

    it('a follower whose tab closed while waiting never takes over', async () => {
        const { locks, takeovers, claim } = browser();
        await claim('tab-1');
        await claim('tab-2');
        await claim('tab-3');
        locks.closeTab('tab-2');
        locks.closeTab('tab-1');
        await flushMicrotasks();
        expect(takeovers).toEqual(['tab-3']);
    });

    it('a reloaded leader comes back as a follower of the tab that took over', async () => {
        const { locks, takeovers, claim } = browser();
        await claim('tab-1');
        await claim('tab-2');
        locks.closeTab('tab-1');
        await flushMicrotasks();
        expect((await claim('tab-1-reloaded')).role).toBe('follower');
        expect(locks.holderOf(LEADER_LOCK_NAME)).toBe('tab-2');
        expect(takeovers).toEqual(['tab-2']);
    });

    it('the next tab after a lone leader closed leads at once', async () => {
        const { locks, claim } = browser();
        await claim('tab-1');
        locks.closeTab('tab-1');
        await expect(claim('tab-2')).resolves.toEqual({ role: 'leader' });
    });

    it('a leader that gives up (its tab cannot start) releases the lock to the next tab', async () => {
        const { locks, takeovers, claim } = browser();
        const giveUp = new AbortController();
        await expect(
            claimLeadership(locks.forTab('tab-1'), LEADER_LOCK_NAME, giveUp.signal)
        ).resolves.toEqual({ role: 'leader' });
        await claim('tab-2');
        await flushMicrotasks();
        expect(takeovers).toEqual([]);

        giveUp.abort();
        await flushMicrotasks();
        expect(locks.holderOf(LEADER_LOCK_NAME)).toBe('tab-2');
        expect(takeovers).toEqual(['tab-2']);
    });

    it('a follower that gives up leaves the queue and never takes over', async () => {
        const { locks, takeovers, claim } = browser();
        await claim('tab-1');
        const giveUp = new AbortController();
        const second = await claimLeadership(
            locks.forTab('tab-2'),
            LEADER_LOCK_NAME,
            giveUp.signal
        );
        expect(second.role).toBe('follower');
        await claim('tab-3');
        expect(locks.queueOf(LEADER_LOCK_NAME)).toEqual(['tab-2', 'tab-3']);

        giveUp.abort();
        await flushMicrotasks();
        expect(locks.queueOf(LEADER_LOCK_NAME)).toEqual(['tab-3']);
        locks.closeTab('tab-1');
        await flushMicrotasks();
        expect(locks.holderOf(LEADER_LOCK_NAME)).toBe('tab-3');
        expect(takeovers).toEqual(['tab-3']);
    });

    it('a tab that never gives up keeps the lock (the signal changes nothing until aborted)', async () => {
        const { locks, claim } = browser();
        const giveUp = new AbortController();
        await claimLeadership(locks.forTab('tab-1'), LEADER_LOCK_NAME, giveUp.signal);
        await claim('tab-2');
        await flushMicrotasks(500);
        expect(locks.holderOf(LEADER_LOCK_NAME)).toBe('tab-1');
    });

    it('does not hold the lock it was not given', async () => {
        const returned: unknown[] = [];
        const locks: LockManagerLike = {
            request: (_name, options, callback) => {
                const result = callback(options.ifAvailable === true ? null : { name: 'x' });
                returned.push(result);
                return Promise.resolve(undefined);
            }
        };
        const leadership = await claimLeadership(locks, LEADER_LOCK_NAME);
        expect(leadership.role).toBe('follower');
        // ifAvailable gave no lock: the callback returns nothing (nothing to hold); the queued
        // request got one and holds it with a promise that never settles.
        expect(returned[0]).toBeUndefined();
        expect(returned[1]).toBeInstanceOf(Promise);
    });

    it('without Web Locks, the tab works alone', async () => {
        await expect(claimLeadership(undefined, LEADER_LOCK_NAME)).resolves.toEqual({
            role: 'alone',
            reason: 'this browser has no Web Locks API'
        });
    });

    it.each<[string, () => Promise<unknown>, string]>([
        [
            'an Error',
            () => Promise.reject(new Error('The request was aborted (opaque origin)')),
            'The request was aborted (opaque origin)'
        ],
        ['a string', () => Promise.reject('SecurityError'), 'SecurityError'],
        [
            'a synchronous throw',
            () => {
                throw new TypeError('locks.request is not a function');
            },
            'locks.request is not a function'
        ]
    ])(
        'a lock request that fails with %s leaves the tab alone, with the reason',
        async (_label, request, reason) => {
            const locks: LockManagerLike = { request };
            await expect(claimLeadership(locks, LEADER_LOCK_NAME)).resolves.toEqual({
                role: 'alone',
                reason
            });
        }
    );

    it('a follower whose queued request fails stays a follower (and nothing throws)', async () => {
        const locks: LockManagerLike = {
            request: (_name, options, callback) => {
                if (options.ifAvailable === true) {
                    callback(null);
                    return Promise.resolve(undefined);
                }
                return Promise.reject(new Error('AbortError'));
            }
        };
        const leadership = await claimLeadership(locks, LEADER_LOCK_NAME);
        expect(leadership.role).toBe('follower');
        let led = false;
        if (leadership.role === 'follower') {
            void leadership.whenLeader.then(() => {
                led = true;
            });
        }
        await flushMicrotasks();
        expect(led).toBe(false);
    });
});
