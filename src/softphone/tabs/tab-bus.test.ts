import { TabBus, type BroadcastChannelLike, type TabBusProblem } from './tab-bus';
import { TAB_CHANNEL_NAME, type TabMessage } from './tab-protocol';
import { FakeBroadcastNetwork } from './test-support/fake-broadcast-channel';
import { envelope, VALID_BODIES } from './test-support/tab-messages';

interface Tab {
    readonly bus: TabBus;
    readonly received: TabMessage[];
    readonly problems: TabBusProblem[];
}

function setup() {
    const network = new FakeBroadcastNetwork();
    const open = (tabId: string): Tab => {
        const received: TabMessage[] = [];
        const problems: TabBusProblem[] = [];
        const bus = new TabBus(network.open(TAB_CHANNEL_NAME), tabId, (problem) =>
            problems.push(problem)
        );
        bus.onMessage((message) => received.push(message));
        return { bus, received, problems };
    };
    /** A page script posting straight on the channel, bypassing any TabBus. */
    const raw = network.open(TAB_CHANNEL_NAME);
    return { network, open, raw };
}

describe('TabBus posting', () => {
    it('stamps what it posts with the protocol and its tab id', () => {
        const { network, open } = setup();
        open('tab-a').bus.post({ kind: 'hello', visible: true, activeAt: 5 });
        expect(network.posted).toEqual([
            {
                channelName: TAB_CHANNEL_NAME,
                data: { kind: 'hello', visible: true, activeAt: 5, protocol: 2, from: 'tab-a' }
            }
        ]);
    });

    it('stamps the one tab a message is for', () => {
        const { network, open } = setup();
        open('tab-a').bus.post({ kind: 'showPanel' }, 'tab-b');
        expect(network.posted[0]?.data).toEqual({
            kind: 'showPanel',
            protocol: 2,
            from: 'tab-a',
            to: 'tab-b'
        });
    });

    it('delivers to every other tab, asynchronously, as the receiver reads it', async () => {
        const { network, open } = setup();
        const a = open('tab-a');
        const b = open('tab-b');
        const c = open('tab-c');
        a.bus.post(VALID_BODIES.view);
        expect(b.received).toEqual([]);
        await network.settle();
        const expected = { ...VALID_BODIES.view, protocol: 2, from: 'tab-a' };
        expect(b.received).toEqual([expected]);
        expect(c.received).toEqual([expected]);
        expect(a.received).toEqual([]);
    });

    it('keeps the order messages were posted in', async () => {
        const { network, open } = setup();
        const a = open('tab-a');
        const b = open('tab-b');
        a.bus.post({ kind: 'leader' });
        a.bus.post({ kind: 'showPanel' });
        a.bus.post({ kind: 'refreshView' });
        await network.settle();
        expect(b.received.map((message) => message.kind)).toEqual([
            'leader',
            'showPanel',
            'refreshView'
        ]);
    });

    it('reports a message that cannot be cloned (DataCloneError) as post-failed', async () => {
        const { network, open } = setup();
        const a = open('tab-a');
        const b = open('tab-b');
        a.bus.post({ kind: 'lmsEvent', message: { type: 'state', callback: () => undefined } });
        expect(a.problems).toHaveLength(1);
        expect(a.problems[0]?.reason).toBe('post-failed');
        expect(a.problems[0]?.detail).toMatch(/^lmsEvent: .*could not be cloned/);
        await network.settle();
        expect(b.received).toEqual([]);
    });

    it('reports a post on a closed channel as post-failed', () => {
        const { open } = setup();
        const a = open('tab-a');
        a.bus.close();
        a.bus.post({ kind: 'bye' });
        expect(a.problems).toEqual([
            { reason: 'post-failed', detail: 'bye: BroadcastChannel is closed.' }
        ]);
    });

    it('words a thrown non-Error readably', () => {
        const channel: BroadcastChannelLike = {
            postMessage: () => {
                throw 'quota exceeded';
            },
            addEventListener: () => undefined,
            removeEventListener: () => undefined,
            close: () => undefined
        };
        const problems: TabBusProblem[] = [];
        new TabBus(channel, 'tab-a', (problem) => problems.push(problem)).post({ kind: 'bye' });
        expect(problems).toEqual([{ reason: 'post-failed', detail: 'bye: quota exceeded' }]);
    });
});

describe('TabBus receiving', () => {
    it('does not hand a tab its own messages, even through another channel of the same tab', async () => {
        const { network, open } = setup();
        const first = open('tab-a');
        const second = open('tab-a');
        first.bus.post({ kind: 'leader' });
        await network.settle();
        expect(second.received).toEqual([]);
        expect(second.problems).toEqual([]);
    });

    it('hands a message addressed to one tab to that tab only', async () => {
        const { network, open } = setup();
        const a = open('tab-a');
        const b = open('tab-b');
        const c = open('tab-c');
        a.bus.post({ kind: 'showPanel' }, 'tab-b');
        await network.settle();
        expect(b.received).toEqual([
            { kind: 'showPanel', protocol: 2, from: 'tab-a', to: 'tab-b' }
        ]);
        expect(c.received).toEqual([]);
    });

    it('hands on the checked message, without fields its kind does not have', async () => {
        const { network, open, raw } = setup();
        const b = open('tab-b');
        raw.postMessage(envelope({ kind: 'bye', sneaky: '<b>' }, 'tab-x'));
        await network.settle();
        expect(b.received).toEqual([{ kind: 'bye', protocol: 2, from: 'tab-x' }]);
    });

    it('reports an invalid message, naming what is wrong, and hands it to no listener', async () => {
        const { network, open, raw } = setup();
        const b = open('tab-b');
        raw.postMessage(envelope({ kind: 'action', action: { name: 'wipe' } }, 'evil'));
        await network.settle();
        expect(b.received).toEqual([]);
        expect(b.problems).toHaveLength(1);
        expect(b.problems[0]?.reason).toBe('invalid');
        expect(b.problems[0]?.detail).toMatch(/^action\.name: /);
    });

    it('reports a tab of another protocol version', async () => {
        const { network, open, raw } = setup();
        const b = open('tab-b');
        raw.postMessage({ protocol: 3, from: 'tab-new', kind: 'hello2' });
        await network.settle();
        expect(b.received).toEqual([]);
        expect(b.problems).toEqual([{ reason: 'other-version', detail: 'tab protocol 3' }]);
    });

    it('ignores, without a report, messages that are not softphone tab messages', async () => {
        const { network, open, raw } = setup();
        const b = open('tab-b');
        for (const data of ['ping', null, { type: 'other-app' }, [1, 2]]) {
            raw.postMessage(data);
        }
        await network.settle();
        expect(b.received).toEqual([]);
        expect(b.problems).toEqual([]);
    });

    it('reports a listener that throws, and still hands the message to the others', async () => {
        const { network, open } = setup();
        const a = open('tab-a');
        const b = open('tab-b');
        b.bus.onMessage(() => {
            throw new Error('render failed');
        });
        const after: TabMessage[] = [];
        b.bus.onMessage((message) => after.push(message));
        b.bus.onMessage(() => {
            throw 'plain text';
        });
        a.bus.post({ kind: 'refreshView' });
        await network.settle();
        expect(b.received).toHaveLength(1);
        expect(after).toHaveLength(1);
        expect(b.problems).toEqual([
            { reason: 'invalid', detail: 'refreshView: render failed' },
            { reason: 'invalid', detail: 'refreshView: plain text' }
        ]);
        expect(network.listenerErrors).toEqual([]);
    });

    it('stops handing messages to a listener that unsubscribed', async () => {
        const { network, open } = setup();
        const a = open('tab-a');
        const b = open('tab-b');
        const late: TabMessage[] = [];
        const unsubscribe = b.bus.onMessage((message) => late.push(message));
        a.bus.post({ kind: 'leader' });
        await network.settle();
        unsubscribe();
        a.bus.post({ kind: 'leader' });
        await network.settle();
        expect(late).toHaveLength(1);
        expect(b.received).toHaveLength(2);
    });

    it('works without a problem sink', async () => {
        const network = new FakeBroadcastNetwork();
        const channel = network.open(TAB_CHANNEL_NAME);
        const bus = new TabBus(channel, 'tab-b');
        bus.onMessage(() => {
            throw new Error('listener broke');
        });
        const raw = network.open(TAB_CHANNEL_NAME);
        raw.postMessage(envelope({ kind: 'nonsense' }, 'tab-x'));
        raw.postMessage(envelope({ kind: 'bye' }, 'tab-x'));
        await network.settle();
        bus.close();
        expect(() => bus.post({ kind: 'bye' })).not.toThrow();
        expect(network.listenerErrors).toEqual([]);
    });
});

describe('TabBus.close', () => {
    it('stops delivery, detaches from the channel and closes it', async () => {
        const { network, open } = setup();
        const a = open('tab-a');
        const b = open('tab-b');
        const channel = network.open(TAB_CHANNEL_NAME);
        const c = new TabBus(channel, 'tab-c');
        const seen: TabMessage[] = [];
        c.onMessage((message) => seen.push(message));
        expect(channel.listenerCount).toBe(1);
        c.close();
        expect(channel.listenerCount).toBe(0);
        expect(channel.closed).toBe(true);
        a.bus.post({ kind: 'leader' });
        await network.settle();
        expect(seen).toEqual([]);
        expect(b.received).toHaveLength(1);
    });

    it('drops a message already on its way', async () => {
        const { network, open } = setup();
        const a = open('tab-a');
        const b = open('tab-b');
        a.bus.post({ kind: 'leader' });
        b.bus.close();
        await network.settle();
        expect(b.received).toEqual([]);
    });
});
