import * as channelIndex from '.';
import type { LmsBridgeError, LmsHost } from './channel-endpoint';
import { LmsRelay } from './lms-relay';
import { SOFTPHONE_CHANNEL_NAME } from './message-contract';
import type { SoftphoneEventMessage } from './message-contract';
import { CONTRACT_EXAMPLES } from './test-support/contract-examples';
import { RecordingLmsHost } from './test-support/recording-lms-host';

// The LMS channel of a softphone that follows another tab: LWC messages go to the leader
// unread, events from the leader are published here once they pass the contract.

/** A recording host that can also unsubscribe (RecordingLmsHost has no unsubscribe). */
class UnsubscribingHost extends RecordingLmsHost {
    readonly subscribed: string[] = [];
    readonly unsubscribed: unknown[] = [];

    override subscribe(args: {
        channelName: string;
        listener: (message: unknown) => void;
    }): Promise<unknown> {
        this.subscribed.push(args.channelName);
        return super.subscribe(args);
    }

    unsubscribe(args: { subscription: unknown }): Promise<unknown> {
        this.unsubscribed.push(args.subscription);
        return Promise.resolve(undefined);
    }
}

function setup(options: { host?: LmsHost; forward?: (message: unknown) => void } = {}): {
    host: UnsubscribingHost;
    relay: LmsRelay;
    forwarded: unknown[];
    errors: LmsBridgeError[];
} {
    const host = new UnsubscribingHost();
    const forwarded: unknown[] = [];
    const errors: LmsBridgeError[] = [];
    const relay = new LmsRelay({
        host: options.host ?? host,
        channelName: SOFTPHONE_CHANNEL_NAME,
        forward: options.forward ?? ((message) => forwarded.push(message)),
        onError: (error) => errors.push(error)
    });
    return { host, relay, forwarded, errors };
}

/** What the LWCs would send: the relay forwards it without reading it. */
const hangup = { version: 1, type: 'hangup', requestId: 'req-1', payload: { callId: 'c1' } };

const STATE_EVENT = {
    version: 1,
    type: 'state',
    payload: { agentState: 'Available', connectionStatus: 'connected', softphoneVersion: '0.1.0' }
};

const validEvents = CONTRACT_EXAMPLES.filter((example) => example.kind === 'event').flatMap(
    (example) => [example.valid, ...example.alsoValid].map((event) => [example.type, event])
);

describe('LmsRelay receiving', () => {
    it('forwards every message from the LWCs unread, valid or not, in order', async () => {
        const { host, relay, forwarded, errors } = setup();
        await relay.start();
        const junk = [hangup, { type: 'dail' }, 'hello', null, 42, [hangup]];
        for (const message of junk) {
            host.listener?.(message);
        }
        expect(forwarded).toHaveLength(junk.length);
        junk.forEach((message, index) => expect(forwarded[index]).toBe(message));
        expect(errors).toEqual([]);
        expect(host.published).toEqual([]);
    });

    it("ignores the softphone's own events coming back on the channel, even malformed ones", async () => {
        const { host, relay, forwarded } = setup();
        await relay.start();
        host.listener?.(STATE_EVENT);
        host.listener?.({ type: 'pong' });
        host.listener?.({ type: 'callLogged', payload: 'not checked' });
        expect(forwarded).toEqual([]);
    });

    it('still forwards a message whose type is a command or unknown', async () => {
        const { host, relay, forwarded } = setup();
        await relay.start();
        host.listener?.({ type: 'ping' });
        host.listener?.({ type: 'stateX' });
        host.listener?.({ type: 7 });
        expect(forwarded).toEqual([{ type: 'ping' }, { type: 'stateX' }, { type: 7 }]);
    });

    it('reports a forward that throws as an error, and keeps forwarding after it', async () => {
        const forwarded: unknown[] = [];
        let fail = true;
        const { host, relay, errors } = setup({
            forward: (message) => {
                if (fail) {
                    fail = false;
                    throw new Error('BroadcastChannel is closed');
                }
                forwarded.push(message);
            }
        });
        await relay.start();
        expect(() => host.listener?.(hangup)).not.toThrow();
        host.listener?.({ ...hangup, requestId: 'req-2' });
        expect(errors).toEqual([{ kind: 'publish', message: 'BroadcastChannel is closed' }]);
        expect(forwarded).toEqual([{ ...hangup, requestId: 'req-2' }]);
    });

    it('words a thrown string as the string', async () => {
        const { host, relay, errors } = setup({
            forward: () => {
                throw 'tab bus gone';
            }
        });
        await relay.start();
        host.listener?.(hangup);
        expect(errors).toEqual([{ kind: 'publish', message: 'tab bus gone' }]);
    });

    it('does not let a throwing error sink escape the LMS listener', async () => {
        const host = new RecordingLmsHost();
        const relay = new LmsRelay({
            host,
            channelName: SOFTPHONE_CHANNEL_NAME,
            forward: () => {
                throw new Error('forward failed');
            },
            onError: () => {
                throw new Error('sink failed too');
            }
        });
        await relay.start();
        expect(() => host.listener?.(hangup)).not.toThrow();
    });
});

describe('LmsRelay.relay', () => {
    it.each(validEvents)('publishes a valid %s event on the channel', async (_type, event) => {
        const { host, relay, errors } = setup();
        await relay.relay(event);
        expect(host.published).toEqual([event]);
        expect(host.channels).toEqual([SOFTPHONE_CHANNEL_NAME]);
        expect(errors).toEqual([]);
    });

    it('publishes events without being started (the leader built them, not the LWCs)', async () => {
        const { host, relay } = setup();
        await relay.relay(STATE_EVENT);
        await relay.relay({ version: 1, type: 'pong', requestId: 'req-3', payload: {} });
        expect(host.types()).toEqual(['state', 'pong']);
        expect(host.payloadsOf('state')).toEqual([STATE_EVENT.payload]);
        expect(host.payloadsOf('pong')).toEqual([{}]);
    });

    it.each(
        CONTRACT_EXAMPLES.filter((example) => example.kind === 'event').flatMap((example) =>
            example.invalid.map((entry) => [example.type, entry.description, entry] as const)
        )
    )('reports and does not publish an invalid %s event (%s)', async (_type, _label, entry) => {
        const { host, relay, errors } = setup();
        await expect(relay.relay(entry.message)).resolves.toBeUndefined();
        expect(host.published).toEqual([]);
        expect(host.channels).toEqual([]);
        expect(errors).toHaveLength(1);
        expect(errors[0]?.kind).toBe('invalid-event');
        expect(errors[0]?.message).toContain(entry.mentions);
        const type = (entry.message as { type?: unknown }).type;
        expect(errors[0]?.eventType).toBe(typeof type === 'string' ? type : undefined);
    });

    it.each<[string, unknown]>([
        ['null', null],
        ['a string', 'state'],
        ['a number', 42],
        ['an array', [STATE_EVENT]],
        ['an object whose type is not text', { ...STATE_EVENT, type: 7 }],
        ['an object without a type', { version: 1, payload: {} }]
    ])('reports %s without an event type', async (_label, event) => {
        const { host, relay, errors } = setup();
        await relay.relay(event);
        expect(host.published).toEqual([]);
        expect(errors).toHaveLength(1);
        expect(errors[0]?.kind).toBe('invalid-event');
        expect(errors[0]).not.toHaveProperty('eventType');
    });

    it('a command relayed as an event is refused (it names the command)', async () => {
        const { host, relay, errors } = setup();
        await relay.relay(hangup);
        expect(host.published).toEqual([]);
        expect(errors).toEqual([
            {
                kind: 'invalid-event',
                message: '"hangup" is a command, not an event',
                eventType: 'hangup'
            }
        ]);
    });

    it('clips a hostile type to 64 characters in the report', async () => {
        const { relay, errors } = setup();
        await relay.relay({ ...STATE_EVENT, type: 'x'.repeat(10_000) });
        expect(errors[0]?.eventType).toBe('x'.repeat(64));
        expect(errors[0]?.message).toContain('unknown type');
    });

    it('reports a host that refuses the publish with the event type, and resolves', async () => {
        const { host, relay, errors } = setup();
        host.failPublish = true;
        await expect(relay.relay(STATE_EVENT)).resolves.toBeUndefined();
        expect(host.published).toEqual([]);
        expect(errors).toEqual([{ kind: 'publish', message: 'LMS is down', eventType: 'state' }]);
    });

    it('reports a host whose publish throws synchronously', async () => {
        const host: LmsHost = {
            publish: () => {
                throw new Error('sforce.opencti is not loaded');
            },
            subscribe: () => Promise.resolve(undefined)
        };
        const { relay, errors } = setup({ host });
        await expect(relay.relay(STATE_EVENT)).resolves.toBeUndefined();
        expect(errors).toEqual([
            { kind: 'publish', message: 'sforce.opencti is not loaded', eventType: 'state' }
        ]);
    });

    it('reports a failed publish without an event type when the type did not read as text', async () => {
        // A hostile object whose type reads 7 first (for the report) and 'state' after (so it
        // passes the contract): the failure report must not invent a type.
        let reads = 0;
        const shifty = {
            version: 1,
            get type() {
                reads += 1;
                return reads === 1 ? 7 : 'state';
            },
            payload: STATE_EVENT.payload
        };
        const host: LmsHost = {
            publish: () => Promise.reject(new Error('LMS is down')),
            subscribe: () => Promise.resolve(undefined)
        };
        const { relay, errors } = setup({ host });
        await relay.relay(shifty);
        expect(errors).toEqual([{ kind: 'publish', message: 'LMS is down' }]);
    });

    it('publishes the checked copy of the event, not the object it was given', async () => {
        const { host, relay } = setup();
        const event = { ...STATE_EVENT, payload: { ...STATE_EVENT.payload } };
        await relay.relay(event);
        const published = host.published[0] as SoftphoneEventMessage;
        expect(published).toEqual(event);
        expect(published).not.toBe(event);
    });
});

describe('LmsRelay start and stop', () => {
    it('subscribes to the channel once however often it is started', async () => {
        const { host, relay } = setup();
        await expect(relay.start()).resolves.toBe(true);
        await expect(relay.start()).resolves.toBe(true);
        expect(host.subscribed).toEqual([SOFTPHONE_CHANNEL_NAME]);
    });

    it('unsubscribes the subscription it got, once', async () => {
        const { host, relay, errors } = setup();
        await relay.stop();
        expect(host.unsubscribed).toEqual([]);
        await relay.start();
        await relay.stop();
        await relay.stop();
        expect(host.unsubscribed).toEqual([{ id: 'subscription-1' }]);
        expect(errors).toEqual([]);
    });

    it('reports a refused subscribe and resolves false', async () => {
        const host: LmsHost = {
            publish: () => Promise.resolve(undefined),
            subscribe: () => Promise.reject(new Error('LMS not available in this context'))
        };
        const { relay, errors } = setup({ host });
        await expect(relay.start()).resolves.toBe(false);
        expect(errors).toEqual([
            { kind: 'subscribe', message: 'LMS not available in this context' }
        ]);
        // Not started: stop has nothing to unsubscribe.
        await relay.stop();
        expect(errors).toHaveLength(1);
    });

    it('reports a failed unsubscribe instead of throwing', async () => {
        const host: LmsHost = {
            publish: () => Promise.resolve(undefined),
            subscribe: () => Promise.resolve('sub'),
            unsubscribe: () => Promise.reject('Subscription not found')
        };
        const { relay, errors } = setup({ host });
        await relay.start();
        await expect(relay.stop()).resolves.toBeUndefined();
        expect(errors).toEqual([{ kind: 'unsubscribe', message: 'Subscription not found' }]);
    });

    it('stops quietly on a host without unsubscribe, and can subscribe again', async () => {
        const host = new RecordingLmsHost();
        const subscribe = jest.spyOn(host, 'subscribe');
        const { relay, errors } = setup({ host });
        await relay.start();
        await expect(relay.stop()).resolves.toBeUndefined();
        await relay.start();
        expect(subscribe).toHaveBeenCalledTimes(2);
        expect(errors).toEqual([]);
    });
});

describe('the channel index', () => {
    it('exports the relay and the own-event test the tabs rely on', () => {
        expect(channelIndex.LmsRelay).toBe(LmsRelay);
        expect(channelIndex.isSoftphoneEvent(STATE_EVENT)).toBe(true);
        expect(channelIndex.isSoftphoneEvent(hangup)).toBe(false);
        expect(channelIndex.isSoftphoneEvent(null)).toBe(false);
        expect(channelIndex.isSoftphoneEvent('state')).toBe(false);
    });
});
