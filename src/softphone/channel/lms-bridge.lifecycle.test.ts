import { LmsBridge } from './lms-bridge';
import type { CommandResult, LmsBridgeError, LmsHost, SoftphoneCommands } from './lms-bridge';
import { SOFTPHONE_CHANNEL_NAME } from './message-contract';
import type { StatePayload } from './message-contract';

// Subscribing and unsubscribing: start/stop called more than once, hosts without unsubscribe,
// and how host failures are worded.

const STATE: StatePayload = {
    agentState: 'Available',
    connectionStatus: 'connected',
    softphoneVersion: '0.1.0'
};

const ok = (): Promise<CommandResult> => Promise.resolve({ ok: true });
const commands: SoftphoneCommands = {
    dial: ok,
    answer: ok,
    hangup: ok,
    hold: ok,
    resume: ok,
    mute: ok,
    setDisposition: ok,
    transfer: ok,
    completeConsult: ok,
    cancelConsult: ok,
    conference: ok,
    dropParty: ok,
    swap: ok,
    snapshot: () => STATE
};

interface RecordingHost extends LmsHost {
    readonly subscriptions: number;
    readonly unsubscribed: unknown[];
}

function recordingHost(
    overrides: {
        subscribe?: () => Promise<unknown>;
        unsubscribe?: ((args: { subscription: unknown }) => Promise<unknown>) | null;
    } = {}
): RecordingHost {
    const host = {
        subscriptions: 0,
        unsubscribed: [] as unknown[],
        publish: () => Promise.resolve(undefined),
        subscribe: () => {
            host.subscriptions += 1;
            return overrides.subscribe?.() ?? Promise.resolve({ id: `sub-${host.subscriptions}` });
        },
        ...(overrides.unsubscribe === null
            ? {}
            : {
                  unsubscribe:
                      overrides.unsubscribe ??
                      ((args: { subscription: unknown }) => {
                          host.unsubscribed.push(args.subscription);
                          return Promise.resolve(undefined);
                      })
              })
    };
    return host;
}

function setup(host: LmsHost) {
    const errors: LmsBridgeError[] = [];
    const bridge = new LmsBridge({
        host,
        channelName: SOFTPHONE_CHANNEL_NAME,
        commands,
        onError: (error) => errors.push(error)
    });
    return { bridge, errors };
}

describe('LmsBridge start and stop', () => {
    it('subscribes once however often it is started', async () => {
        const host = recordingHost();
        const { bridge } = setup(host);
        await expect(bridge.start()).resolves.toBe(true);
        await expect(bridge.start()).resolves.toBe(true);
        expect(host.subscriptions).toBe(1);
    });

    it('does not unsubscribe when it never subscribed, nor twice', async () => {
        const host = recordingHost();
        const { bridge, errors } = setup(host);
        await bridge.stop();
        expect(host.unsubscribed).toEqual([]);

        await bridge.start();
        await bridge.stop();
        await bridge.stop();
        expect(host.unsubscribed).toEqual([{ id: 'sub-1' }]);
        expect(errors).toEqual([]);
    });

    it('stops quietly on a host without unsubscribe, and can subscribe again', async () => {
        const host = recordingHost({ unsubscribe: null });
        const { bridge, errors } = setup(host);
        await bridge.start();
        await expect(bridge.stop()).resolves.toBeUndefined();
        await bridge.start();
        expect(host.subscriptions).toBe(2);
        expect(errors).toEqual([]);
    });

    it('reports a failed unsubscribe instead of throwing', async () => {
        const host = recordingHost({
            unsubscribe: () => Promise.reject(new Error('Subscription not found'))
        });
        const { bridge, errors } = setup(host);
        await bridge.start();
        await expect(bridge.stop()).resolves.toBeUndefined();
        expect(errors).toEqual([{ kind: 'unsubscribe', message: 'Subscription not found' }]);
    });

    it.each<[string, unknown, string]>([
        ['a string', 'LMS not available in this context', 'LMS not available in this context'],
        ['an Error without a message', new Error(''), 'Unexpected error'],
        ['an empty string', '', 'Unexpected error'],
        ['undefined', undefined, 'Unexpected error'],
        ['an object', { code: 500 }, 'Unexpected error']
    ])('words a subscribe refusal with %s readably', async (_label, reason, message) => {
        const host = recordingHost({
            subscribe: () => Promise.reject(reason as Error)
        });
        const { bridge, errors } = setup(host);
        await expect(bridge.start()).resolves.toBe(false);
        expect(errors).toEqual([{ kind: 'subscribe', message }]);
    });
});
