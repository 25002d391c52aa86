import type { LmsHost } from '../channel';
import { LmsProbe } from './lms-probe';

function fakeHost(echo: boolean) {
    let listener: ((message: unknown) => void) | undefined;
    const host: LmsHost = {
        publish: jest.fn(async ({ message }) => {
            if (echo) {
                listener?.(message);
            }
        }),
        subscribe: jest.fn(async (args: { listener: (message: unknown) => void }) => {
            listener = args.listener;
            return 'subscription';
        }),
        unsubscribe: jest.fn(async () => undefined)
    };
    return { host, deliver: (message: unknown) => listener?.(message) };
}

const timers = {
    setTimeout: (handler: () => void) => {
        pending.push(handler);
        return pending.length;
    },
    clearTimeout: () => undefined
} as unknown as Pick<Window, 'setTimeout' | 'clearTimeout'>;
let pending: (() => void)[] = [];

beforeEach(() => {
    pending = [];
});

describe('LmsProbe', () => {
    it('sees its state event come back and the last command a component sent', async () => {
        const { host, deliver } = fakeHost(true);
        const probe = new LmsProbe();
        const watched = probe.watch(host);
        const received: unknown[] = [];
        await watched.subscribe({
            channelName: 'Softphone_Message__c',
            listener: (m) => received.push(m)
        });
        deliver({ version: 1, type: 'ping', requestId: 'lwc-1', payload: {} });
        deliver('not an object');
        const facts = await probe.facts(
            (requestId) =>
                watched.publish({
                    channelName: 'Softphone_Message__c',
                    message: { version: 1, type: 'pong', requestId, payload: {} } as never
                }) as Promise<void>,
            timers
        );
        expect(facts).toEqual({
            subscribed: true,
            echo: { ok: true },
            lastComponentCommand: 'ping'
        });
        expect(received).toHaveLength(3);
        await watched.unsubscribe?.({ subscription: 'subscription' });
        expect(host.unsubscribe).toHaveBeenCalled();
    });

    it('reports no echo after the wait, and a publish that throws', async () => {
        const { host } = fakeHost(false);
        const probe = new LmsProbe();
        const watched = probe.watch({ publish: host.publish, subscribe: host.subscribe });
        expect(watched.unsubscribe).toBeUndefined();
        const waiting = probe.facts(async () => undefined, timers);
        await Promise.resolve();
        await Promise.resolve();
        pending.forEach((fire) => fire());
        await expect(waiting).resolves.toEqual({
            subscribed: false,
            echo: { ok: false, message: 'nothing came back within 3 seconds' }
        });
        await expect(
            probe.facts(() => Promise.reject(new Error('not subscribed')), timers)
        ).resolves.toMatchObject({ echo: { ok: false, message: 'not subscribed' } });
        await expect(probe.facts(() => Promise.reject('plain'), timers)).resolves.toMatchObject({
            echo: { ok: false, message: 'plain' }
        });
    });
});
