import {
    callMessage,
    connectedHarness,
    createListenerHarness,
    settle,
    testToken,
    testUrl,
    welcome
} from './test-support/fake-web-socket';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('ListenerConnector connection', () => {
    it('is a listener, starts disconnected and controlled on the phone', () => {
        const { connector } = createListenerHarness();
        expect(connector.kind).toBe('listener');
        expect(connector.connectionStatus).toBe('disconnected');
        expect(connector.agent).toBe('agent-7');
        expect(connector.capabilities).toEqual({
            controlledOnPhone: true,
            canDial: false,
            canMute: false,
            canSendDtmf: false
        });
    });

    it('signs in with a hello and is connected once the bridge welcomes it', async () => {
        const { connector, events, socket } = createListenerHarness();
        let done = false;
        void connector.connect().then(() => {
            done = true;
        });
        expect(events).toEqual([{ type: 'connection', status: 'connecting' }]);
        expect(socket().url).toBe(testUrl);
        socket().open();
        expect(socket().sent).toEqual([
            { type: 'hello', version: 1, agent: 'agent-7', token: testToken }
        ]);
        await settle();
        expect(done).toBe(false);

        socket().receive(welcome(true));
        await settle();
        expect(done).toBe(true);
        expect(connector.connectionStatus).toBe('connected');
        expect(connector.capabilities).toEqual({
            controlledOnPhone: false,
            canDial: true,
            canMute: true,
            canSendDtmf: true
        });
        expect(events).toEqual([
            { type: 'connection', status: 'connecting' },
            { type: 'connection', status: 'connected' }
        ]);
    });

    it('connects with a welcome that lists a bad call, ringing the good one and logging the rest', async () => {
        const { connector, events, logs, socket } = createListenerHarness();
        const connecting = connector.connect();
        socket().open();
        socket().receive(
            welcome(false, [
                callMessage('ringing', 'bad', { ani: '<script>' }),
                callMessage('ringing', 'c-1', {
                    ani: '+14155550101',
                    attributes: { constructor: 'Gold', name: 'Ann' }
                })
            ])
        );
        await connecting;
        await jest.advanceTimersByTimeAsync(0);
        expect(connector.connectionStatus).toBe('connected');
        expect(events.at(-1)).toEqual({
            type: 'incoming',
            callId: 'c-1',
            from: '+14155550101',
            to: '',
            fromName: 'Ann',
            data: { constructor: 'Gold', name: 'Ann' }
        });
        expect(connector.callAttributes('c-1')).toEqual({ constructor: 'Gold', name: 'Ann' });
        expect(logs).toContainEqual([
            'warn',
            'Left out calls of the welcome that were invalid or too many.',
            { count: 1 }
        ]);
    });

    it('answers a second connect() with the same wait, and at once when connected', async () => {
        const { connector, sockets, socket } = createListenerHarness();
        const first = connector.connect();
        const second = connector.connect();
        expect(sockets).toHaveLength(1);
        socket().open();
        socket().receive(welcome(false));
        await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
        await expect(connector.connect()).resolves.toBeUndefined();
        expect(sockets).toHaveLength(1);
    });

    it('gives up for good when the bridge refuses the agent id or token', async () => {
        const { connector, events, sockets, socket } = createListenerHarness();
        const connecting = connector.connect();
        socket().open();
        socket().serverClose(4401, 'agent id or token refused');

        await expect(connecting).rejects.toThrow(
            'The listener bridge refused the agent id or token. Check them with your administrator.'
        );
        expect(events.at(-1)).toEqual({
            type: 'connection',
            status: 'disconnected',
            message:
                'The listener bridge refused the agent id or token. Check them with your administrator.'
        });
        await jest.advanceTimersByTimeAsync(120_000);
        expect(sockets).toHaveLength(1);
    });

    it('says so when the bridge cannot be reached at the first attempt', async () => {
        const { connector, sockets, socket } = createListenerHarness();
        const connecting = connector.connect();
        socket().serverClose(1006);
        await expect(connecting).rejects.toThrow(
            `Could not reach the listener bridge at ${testUrl}.`
        );
        expect(connector.connectionStatus).toBe('disconnected');
        await jest.advanceTimersByTimeAsync(120_000);
        expect(sockets).toHaveLength(1);
    });

    it('gives up when no welcome comes within the connect timeout', async () => {
        const { connector, socket } = createListenerHarness({ connectTimeoutMs: 5000 });
        const connecting = connector.connect();
        const outcome = expect(connecting).rejects.toThrow('Could not reach the listener bridge');
        socket().open();
        await jest.advanceTimersByTimeAsync(5000);
        await outcome;
        expect(socket().closedWith?.code).toBe(4000);
    });

    it('refuses a welcome for another agent', async () => {
        const { connector, socket } = createListenerHarness();
        const connecting = connector.connect();
        socket().open();
        socket().receive(welcome(false, [], 'agent-8'));
        await expect(connecting).rejects.toThrow('The listener bridge answered for another agent.');
    });

    it('reconnects with backoff after a lost connection, keeping the calls up', async () => {
        const harness = await connectedHarness(false);
        const { connector, events, sockets, socket } = harness;
        socket().receive(callMessage('ringing', 'c-1', { ani: '+14155550101' }));
        socket().receive(callMessage('answered', 'c-1'));
        socket().receive(callMessage('ringing', 'c-2', { ani: '+14155550102' }));
        socket().receive(callMessage('ringing', 'c-3', { ani: '+14155550103' }));
        events.length = 0;

        socket().serverClose(1006);
        expect(connector.connectionStatus).toBe('reconnecting');
        expect(events).toEqual([
            {
                type: 'connection',
                status: 'reconnecting',
                message: 'Lost the listener bridge; trying again in 1 s.'
            }
        ]);
        expect(connector.liveCallIds()).toEqual(['c-1', 'c-2', 'c-3']);

        // random() = 0: half of the 1 s step.
        await jest.advanceTimersByTimeAsync(499);
        expect(sockets).toHaveLength(1);
        await jest.advanceTimersByTimeAsync(1);
        expect(sockets).toHaveLength(2);

        // The second attempt fails too: the step doubles.
        socket().serverClose(1006);
        expect(events.at(-1)).toMatchObject({ status: 'reconnecting' });
        await jest.advanceTimersByTimeAsync(1000);
        expect(sockets).toHaveLength(3);
        events.length = 0;

        socket().open();
        expect(socket().sent[0]).toMatchObject({ type: 'hello', agent: 'agent-7' });
        // During the outage c-1 ended, c-2 was forgotten by the bridge, c-3 still rings, c-4 rang.
        socket().receive(
            welcome(false, [
                callMessage('ended', 'c-1'),
                callMessage('ringing', 'c-3', { ani: '+14155550103' }),
                callMessage('ringing', 'c-4', { ani: '+14155550104', attributes: { name: 'Ann' } })
            ])
        );
        // Live events that come before the welcome's calls are applied wait behind them.
        socket().receive(callMessage('answered', 'c-4'));
        expect(events).toEqual([{ type: 'connection', status: 'connected' }]);
        await jest.advanceTimersByTimeAsync(0);
        expect(events).toEqual([
            { type: 'connection', status: 'connected' },
            {
                type: 'ended',
                callId: 'c-2',
                reason: 'connection-lost',
                message: 'The listener bridge no longer knows this call.'
            },
            { type: 'ended', callId: 'c-1', reason: 'remote-hangup' },
            {
                type: 'incoming',
                callId: 'c-4',
                from: '+14155550104',
                to: '',
                fromName: 'Ann',
                data: { name: 'Ann' }
            },
            { type: 'answered', callId: 'c-4' }
        ]);
        expect(connector.liveCallIds()).toEqual(['c-3', 'c-4']);

        // Backoff starts again from the first step after a success.
        events.length = 0;
        socket().serverClose(1001);
        expect(events).toEqual([
            {
                type: 'connection',
                status: 'reconnecting',
                message: 'Lost the listener bridge; trying again in 1 s.'
            }
        ]);
    });

    it('ends the calls when a reconnection is refused', async () => {
        const { connector, events, socket } = await connectedHarness(false);
        socket().receive(callMessage('ringing', 'c-1'));
        socket().serverClose(1006);
        await jest.advanceTimersByTimeAsync(500);
        socket().open();
        events.length = 0;
        socket().serverClose(4401);
        expect(events).toEqual([
            { type: 'ended', callId: 'c-1', reason: 'connection-lost' },
            {
                type: 'connection',
                status: 'disconnected',
                message:
                    'The listener bridge refused the agent id or token. Check them with your administrator.'
            }
        ]);
        expect(connector.liveCallIds()).toEqual([]);
    });

    it('disconnects: closes the socket, ends the calls and stops retrying', async () => {
        const { connector, events, sockets, socket } = await connectedHarness(false);
        socket().receive(callMessage('ringing', 'c-1'));
        events.length = 0;
        await connector.disconnect();
        expect(socket().closedWith).toEqual({ code: 1000, reason: 'The agent disconnected.' });
        expect(events).toEqual([
            { type: 'ended', callId: 'c-1', reason: 'connection-lost' },
            { type: 'connection', status: 'disconnected' }
        ]);
        await jest.advanceTimersByTimeAsync(120_000);
        expect(sockets).toHaveLength(1);
        await connector.disconnect();
        expect(events).toHaveLength(2);
    });

    it('rejects a pending connect() when disconnected meanwhile', async () => {
        const { connector } = createListenerHarness();
        const connecting = connector.connect();
        await connector.disconnect();
        await expect(connecting).rejects.toThrow(
            'Disconnected before the listener bridge answered.'
        );
    });

    it('refuses to connect with credentials that cannot be right, naming the field', async () => {
        const { connector, sockets, events } = createListenerHarness({
            credentials: { agent: 'agent 7', token: testToken }
        });
        await expect(connector.connect()).rejects.toThrow(
            'An agent id has at most 64 letters, digits or . _ @ + - characters.'
        );
        expect(sockets).toHaveLength(0);
        expect(events).toEqual([]);
    });

    it('can connect again after giving up', async () => {
        const { connector, sockets, socket } = createListenerHarness();
        const first = connector.connect();
        socket().serverClose(1006);
        await expect(first).rejects.toThrow();
        const second = connector.connect();
        expect(sockets).toHaveLength(2);
        socket().open();
        socket().receive(welcome(false));
        await expect(second).resolves.toBeUndefined();
    });

    it('ignores malformed messages and messages before the welcome, and never logs the token', async () => {
        const { connector, events, socket, logs } = createListenerHarness();
        const connecting = connector.connect();
        socket().open();
        socket().receive(callMessage('ringing', 'early'));
        socket().receive('not json');
        socket().receive({ type: 'call', event: 'ringing', callid: 'bad id with spaces' });
        socket().receive({ type: 'surprise' });
        socket().receive(welcome(false));
        await connecting;
        socket().receive({ ...callMessage('ringing', 'c-1'), ani: '<script>' });
        socket().receive({
            ...callMessage('ringing', 'c-2'),
            attributes: { 'bad key': 'x' }
        });
        expect(events.filter((event) => event.type === 'incoming')).toEqual([]);
        expect(logs.filter(([level]) => level === 'warn')).toHaveLength(6);
        expect(JSON.stringify(logs)).not.toContain(testToken);
    });
});
