import type { EventMessage, SoftphoneClient } from './softphone-client';
import { watchSoftphonePresence, type PresenceStatus } from './softphone-presence';

/** A client whose pings the test answers, and whose events the test delivers. */
function fakeClient() {
    const pings: ((listening: boolean) => void)[] = [];
    const listeners = new Set<(event: EventMessage) => void>();
    const client: SoftphoneClient = {
        send: () => ({ ok: true, requestId: undefined }),
        ping: () => new Promise<boolean>((resolve) => pings.push(resolve)),
        onEvent(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },
        dispose: () => undefined
    };
    const anEvent = {
        version: 1,
        type: 'state',
        payload: {
            agentState: 'Available',
            connectionStatus: 'connected',
            softphoneVersion: '1.0.0'
        }
    } as EventMessage;
    return {
        client,
        pings,
        listenerCount: () => listeners.size,
        answerPing: async (listening: boolean) => {
            pings.shift()?.(listening);
            await Promise.resolve();
            await Promise.resolve();
        },
        publishEvent: () => listeners.forEach((listener) => listener(anEvent))
    };
}

/** Intervals the test fires by hand. */
function fakeIntervals() {
    const running = new Map<number, () => void>();
    let next = 1;
    return {
        setInterval: (callback: () => void) => {
            const id = next++;
            running.set(id, callback);
            return id as unknown as ReturnType<typeof setInterval>;
        },
        clearInterval: (handle: ReturnType<typeof setInterval>) => {
            running.delete(handle as unknown as number);
        },
        fireAll: () => [...running.values()].forEach((callback) => callback()),
        count: () => running.size
    };
}

describe('watchSoftphonePresence', () => {
    it('pings at once: ready when the softphone answers, missing when it never does', async () => {
        const answering = fakeClient();
        const seen: PresenceStatus[] = [];
        const ready = watchSoftphonePresence(answering.client, {
            timeoutMs: 3000,
            onChange: (status) => seen.push(status)
        });
        expect(ready.status).toBe('checking');
        expect(answering.pings).toHaveLength(1);
        await answering.answerPing(true);
        expect(ready.status).toBe('ready');

        const silent = fakeClient();
        const missing = watchSoftphonePresence(silent.client, {
            timeoutMs: 3000,
            onChange: (status) => seen.push(status)
        });
        await silent.answerPing(false);
        expect(missing.status).toBe('missing');
        expect(seen).toEqual(['ready', 'missing']);
    });

    it('takes any event as a sign of life, even one that beats the ping’s timeout', async () => {
        const fake = fakeClient();
        const presence = watchSoftphonePresence(fake.client, {
            timeoutMs: 3000,
            onChange: () => undefined
        });
        fake.publishEvent();
        expect(presence.status).toBe('ready');
        // The ping then times out, but the softphone spoke meanwhile: still there.
        await fake.answerPing(false);
        expect(presence.status).toBe('ready');
    });

    it('with a heartbeat, notices a softphone that stops and one that comes back', async () => {
        const fake = fakeClient();
        const intervals = fakeIntervals();
        const seen: PresenceStatus[] = [];
        const presence = watchSoftphonePresence(fake.client, {
            timeoutMs: 3000,
            heartbeat: true,
            onChange: (status) => seen.push(status),
            ...intervals
        });
        await fake.answerPing(true);
        expect(intervals.count()).toBe(1);

        intervals.fireAll();
        await fake.answerPing(true);
        expect(presence.status).toBe('ready');

        intervals.fireAll();
        await fake.answerPing(false);
        expect(presence.status).toBe('stopped');
        expect(intervals.count()).toBe(0);

        // A reloaded softphone announces itself.
        fake.publishEvent();
        expect(presence.status).toBe('ready');
        expect(intervals.count()).toBe(1);
        expect(seen).toEqual(['ready', 'stopped', 'ready']);
    });

    it('"Check again" pings again and says checking while it waits', async () => {
        const fake = fakeClient();
        const presence = watchSoftphonePresence(fake.client, {
            timeoutMs: 3000,
            onChange: () => undefined
        });
        await fake.answerPing(false);
        expect(presence.status).toBe('missing');
        const checked = presence.check();
        expect(presence.status).toBe('checking');
        await fake.answerPing(true);
        await expect(checked).resolves.toBe('ready');
    });

    it('once disposed, stops its heartbeat, ignores answers and events, and reports nothing', async () => {
        const fake = fakeClient();
        const intervals = fakeIntervals();
        const onChange = jest.fn();
        const presence = watchSoftphonePresence(fake.client, {
            timeoutMs: 3000,
            heartbeat: true,
            onChange,
            ...intervals
        });
        await fake.answerPing(true);
        intervals.fireAll();
        presence.dispose();
        expect(intervals.count()).toBe(0);
        expect(fake.listenerCount()).toBe(0);
        await fake.answerPing(false);
        expect(presence.status).toBe('ready');
        await expect(presence.check()).resolves.toBe('ready');
        expect(fake.pings).toHaveLength(0);
        expect(onChange).toHaveBeenCalledTimes(1);
    });

    it('uses the real timers by default', async () => {
        jest.useFakeTimers();
        try {
            const fake = fakeClient();
            const presence = watchSoftphonePresence(fake.client, {
                timeoutMs: 1000,
                heartbeat: true,
                onChange: () => undefined
            });
            await fake.answerPing(true);
            jest.advanceTimersByTime(1000);
            expect(fake.pings).toHaveLength(1);
            presence.dispose();
            jest.advanceTimersByTime(5000);
            expect(fake.pings).toHaveLength(1);
        } finally {
            jest.useRealTimers();
        }
    });
});
