import { jsSipUserAgentFactory } from './jssip-adapter';
import { handoverSupportOf } from '../call-handover';
import { fakeJsSip } from './test-support/fake-jssip';
import {
    answeredInbound,
    answeredOutbound,
    connectedHarness,
    createSipHarness,
    ringing,
    settle,
    testPassword
} from './test-support/sip-harness';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('SipConnector connection', () => {
    it('is a transferring sip connector and starts disconnected', () => {
        const { connector } = createSipHarness();
        expect(connector.kind).toBe('sip');
        expect(connector.connectionStatus).toBe('disconnected');
        expect(handoverSupportOf(connector)).toEqual({
            blindTransfer: true,
            consultTransfer: true,
            conference: true
        });
    });

    it('registers with the settings and credentials, connected once registered', async () => {
        const { connector, events, jssip, ua } = createSipHarness();
        let done = false;
        void connector.connect().then(() => {
            done = true;
        });
        expect(events).toEqual([{ type: 'connection', status: 'connecting' }]);
        expect(jssip.webSocketUrls).toEqual(['wss://pbx.example.com:8089/ws']);
        expect(ua().configuration).toMatchObject({
            uri: 'sip:1001@pbx.example.com',
            authorization_user: '1001',
            password: testPassword,
            display_name: 'Agent One',
            register: true,
            register_expires: 600,
            connection_recovery_min_interval: 2,
            connection_recovery_max_interval: 30
        });
        expect(ua().started).toBe(true);

        ua().simulateRegistered();
        await settle();

        expect(done).toBe(true);
        expect(connector.connectionStatus).toBe('connected');
        expect(events).toEqual([
            { type: 'connection', status: 'connecting' },
            { type: 'connection', status: 'connected' }
        ]);
    });

    it('uses a separate authorization user when one is given', () => {
        const { connector, ua } = createSipHarness({
            credentials: { user: '1001', password: 'p', authorizationUser: 'auth-1001' }
        });
        void connector.connect();
        expect(ua().configuration).toMatchObject({ authorization_user: 'auth-1001' });
        expect(ua().configuration).not.toHaveProperty('display_name');
    });

    it('shares one attempt between concurrent connects and resolves at once when connected', async () => {
        const { connector, events, jssip } = createSipHarness();
        const first = connector.connect();
        const second = connector.connect();
        expect(second).toBe(first);
        jssip.ua().simulateRegistered();
        await Promise.all([first, second]);
        await connector.connect();
        expect(jssip.uas).toHaveLength(1);
        expect(events).toHaveLength(2);
    });

    it.each([
        [403, 'Forbidden', 'Rejected'],
        [401, 'Unauthorized', 'Authentication Error'],
        [407, 'Proxy Authentication Required', 'Authentication Error']
    ])(
        'reports a %i registration refusal as wrong credentials and stops',
        async (code, phrase, cause) => {
            const { connector, events, ua } = createSipHarness();
            const connecting = connector.connect();
            ua().simulateRegistrationFailed(code, phrase, cause);
            const message = `SIP registration refused: wrong user or password (${code}).`;
            await expect(connecting).rejects.toThrow(message);
            expect(events).toEqual([
                { type: 'connection', status: 'connecting' },
                { type: 'connection', status: 'disconnected', message }
            ]);
            expect(ua().stopped).toBe(true);
            expect(connector.connectionStatus).toBe('disconnected');
        }
    );

    it('gives up after the connect timeout when the server never answers', async () => {
        const { connector, events, ua } = createSipHarness({ connectTimeoutMs: 5000 });
        const connecting = connector.connect();
        const rejection = expect(connecting).rejects.toThrow(
            'Could not register with the SIP server at wss://pbx.example.com:8089/ws within 5 s.'
        );
        ua().simulateTransportLoss();
        ua().simulateTransportLoss();
        expect(events).toEqual([
            { type: 'connection', status: 'connecting' },
            {
                type: 'connection',
                status: 'connecting',
                message: 'Cannot reach the SIP server at wss://pbx.example.com:8089/ws; retrying.'
            }
        ]);
        jest.advanceTimersByTime(5000);
        await rejection;
        expect(ua().stopped).toBe(true);
        expect(events[2]).toMatchObject({ type: 'connection', status: 'disconnected' });
    });

    it('refuses a user name that cannot be a SIP user without building a user agent', async () => {
        const { connector, jssip } = createSipHarness({
            credentials: { user: 'bad user<>', password: 'x' }
        });
        await expect(connector.connect()).rejects.toThrow(/SIP user name is empty or has invalid/);
        expect(jssip.uas).toHaveLength(0);
    });

    it('names the setting JsSIP rejects, never its value', async () => {
        const jssip = fakeJsSip();
        const refusing = {
            UA: class {
                constructor() {
                    throw Object.assign(new Error(`Invalid value "${testPassword}"`), {
                        parameter: 'password'
                    });
                }
            },
            WebSocketInterface: jssip.module.WebSocketInterface
        } as unknown as typeof jssip.module;
        const { connector, events } = createSipHarness({ jssip: jsSipUserAgentFactory(refusing) });
        await expect(connector.connect()).rejects.toThrow(
            'The SIP stack rejected the setting "password".'
        );
        expect(JSON.stringify(events)).not.toContain(testPassword);
        expect(connector.connectionStatus).toBe('disconnected');
    });

    it('sends a preloaded Route for the outbound proxy, adding ;lr', async () => {
        const harness = await connectedHarness({
            settings: {
                webSocketUrl: 'wss://pbx.example.com/ws',
                domain: 'pbx.example.com',
                outboundProxy: 'sip:edge.example.com;transport=ws',
                registerExpiresSeconds: 300,
                iceServers: []
            }
        });
        const route = 'Route: <sip:edge.example.com;transport=ws;lr>';
        expect(harness.ua().registrationHeaders).toEqual([route]);
        await harness.connector.dial('1002');
        expect(harness.ua().outgoing[0]?.options.extraHeaders).toEqual([route]);
    });

    it('reports reconnecting on a WebSocket loss, ends live calls, and connected again', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredOutbound(harness);

        harness.ua().simulateTransportLoss();

        expect(harness.events).toEqual([
            {
                type: 'connection',
                status: 'reconnecting',
                message: 'Lost the connection to the SIP server; reconnecting.'
            },
            { type: 'ended', callId: id, reason: 'connection-lost' }
        ]);
        // The dropped dialog waits for a transport to send its BYE on; its media is released.
        expect(session.status).toBe('established');
        expect(session.terminateOptions).toBeUndefined();
        expect(harness.media.log).toEqual(
            expect.arrayContaining([expect.stringMatching(/^release /)])
        );
        await expect(harness.connector.dial('1002')).rejects.toThrow(
            'Cannot dial: the SIP connection is reconnecting.'
        );
        await expect(harness.connector.connect()).rejects.toThrow(/reconnecting by itself/);
        // JsSIP's lost REGISTER transaction reports a Connection Error: not a refusal.
        harness.ua().simulateRegistrationFailed(undefined, '', 'Connection Error');
        harness.ua().simulateTransportLoss();
        harness.events.length = 0;

        harness.ua().simulateRegistered();

        expect(harness.events).toEqual([{ type: 'connection', status: 'connected' }]);
        expect(harness.ua().stopped).toBe(false);
        // Back on a WebSocket: the dropped dialog is ended toward the caller (its BYE).
        expect(session.status).toBe('ended');
        expect(session.terminateOptions).toEqual({});
    });

    it('ends each dropped dialog toward the far end once, and only established ones', async () => {
        const harness = await connectedHarness();
        const first = await answeredInbound(harness);
        const second = await answeredOutbound(harness);
        const early = ringing(harness);
        harness.events.length = 0;

        harness.ua().simulateTransportLoss();

        // A ringing call has no dialog to keep: it is turned down at once, as before.
        expect(early.session.status).toBe('ended');
        expect(harness.events.filter((event) => event.type === 'ended')).toHaveLength(3);
        // The far end hangs up one dropped call meanwhile: nothing more to send for it.
        second.session.simulateRemoteBye();
        harness.ua().emit('connected', { socket: {} });
        expect(first.session.status).toBe('ended');
        expect(second.session.terminateOptions).toBeUndefined();
        expect(harness.logs).toContainEqual(
            expect.objectContaining({ message: 'A dropped call was ended by the far end.' })
        );
        // Another loss and reconnection sends nothing again.
        first.session.terminateOptions = undefined;
        harness.ua().simulateTransportLoss();
        harness.ua().emit('connected', { socket: {} });
        expect(first.session.terminateOptions).toBeUndefined();
        expect(harness.events.filter((event) => event.type === 'ended')).toHaveLength(3);
    });

    it('opens the WebSocket again on its own short, jittered schedule until it is back', async () => {
        const harness = await connectedHarness({ random: () => 0.5 });
        const ua = harness.ua();

        ua.simulateTransportLoss();
        jest.advanceTimersByTime(374);
        expect(ua.reconnects).toBe(0);
        jest.advanceTimersByTime(1);
        expect(ua.reconnects).toBe(1);
        // The server is still down: the attempt fails, the next one comes later.
        ua.emit('disconnected', { socket: {}, error: true });
        jest.advanceTimersByTime(750);
        expect(ua.reconnects).toBe(2);
        for (let attempt = 0; attempt < 10; attempt += 1) {
            ua.emit('disconnected', { socket: {}, error: true });
            jest.advanceTimersByTime(2250);
        }
        expect(ua.reconnects).toBe(12);

        // Back: the schedule starts from the shortest delay on the next loss.
        ua.simulateRegistered();
        ua.simulateTransportLoss();
        jest.advanceTimersByTime(375);
        expect(ua.reconnects).toBe(13);
        expect(harness.logs).toContainEqual(
            expect.objectContaining({
                message: 'Opening the SIP WebSocket again soon.',
                details: { delayMs: 375 }
            })
        );
    });

    it('makes no reconnection attempt once disconnected or given up', async () => {
        const harness = await connectedHarness({ random: () => 0.5 });
        const ua = harness.ua();
        ua.simulateTransportLoss();
        const disconnecting = harness.connector.disconnect();
        await disconnecting;
        jest.advanceTimersByTime(10_000);
        expect(ua.reconnects).toBe(0);

        const refused = await connectedHarness({ random: () => 0.5 });
        refused.ua().simulateTransportLoss();
        refused.ua().simulateRegistrationFailed(403, 'Forbidden', 'Rejected');
        jest.advanceTimersByTime(10_000);
        expect(refused.ua().reconnects).toBe(0);
    });

    it('stops when a later registration refresh is refused', async () => {
        const harness = await connectedHarness();
        harness.ua().simulateRegistrationFailed(403, 'Forbidden', 'Rejected');
        expect(harness.events).toEqual([
            {
                type: 'connection',
                status: 'disconnected',
                message: 'SIP registration refused: wrong user or password (403).'
            }
        ]);
        expect(harness.ua().stopped).toBe(true);
    });

    it('disconnect ends live calls, unregisters, then stops and reports disconnected', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        let done = false;
        const disconnecting = harness.connector.disconnect().then(() => {
            done = true;
        });

        expect(session.terminateOptions).toEqual({});
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'connection-lost' }]);
        expect(harness.ua().unregisterCalls).toBe(1);
        await settle();
        expect(done).toBe(false);
        expect(harness.ua().stopped).toBe(false);
        // While unregistering, nothing new starts: a late INVITE is turned away with 480.
        await expect(harness.connector.dial('1002')).rejects.toThrow(
            'Cannot dial: the SIP connector is disconnecting.'
        );
        const late = harness.ua().simulateIncoming();
        expect(late.terminateOptions).toEqual({
            status_code: 480,
            reason_phrase: 'Temporarily Unavailable'
        });

        harness.ua().simulateUnregistered();
        await disconnecting;

        expect(harness.ua().stopped).toBe(true);
        expect(harness.events[1]).toEqual({ type: 'connection', status: 'disconnected' });
        expect(harness.media.log).toContain('release local-1');
    });

    it('disconnect stops after the unregister timeout when the server does not answer', async () => {
        const harness = await connectedHarness({ unregisterTimeoutMs: 1500 });
        const disconnecting = harness.connector.disconnect();
        await jest.advanceTimersByTimeAsync(1499);
        expect(harness.ua().stopped).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        await disconnecting;
        expect(harness.ua().stopped).toBe(true);
        expect(harness.connector.connectionStatus).toBe('disconnected');
    });

    it('disconnect during connecting fails the pending connect', async () => {
        const { connector, events, ua } = createSipHarness();
        const connecting = connector.connect();
        await connector.disconnect();
        await expect(connecting).rejects.toThrow(/Disconnected before the SIP registration/);
        expect(ua().unregisterCalls).toBe(0);
        expect(ua().stopped).toBe(true);
        expect(events.map((event) => event.type === 'connection' && event.status)).toEqual([
            'connecting',
            'disconnected'
        ]);
        // A late event from the stopped user agent changes nothing.
        ua().simulateRegistered();
        expect(connector.connectionStatus).toBe('disconnected');
    });

    it('disconnect when disconnected does nothing', async () => {
        const { connector, events } = createSipHarness();
        await connector.disconnect();
        expect(events).toEqual([]);
    });

    it('builds a new user agent for a connect after a failure', async () => {
        const { connector, jssip } = createSipHarness();
        const first = connector.connect();
        jssip.ua().simulateRegistrationFailed(403, 'Forbidden', 'Rejected');
        await expect(first).rejects.toThrow();
        const second = connector.connect();
        jssip.ua().simulateRegistered();
        await second;
        expect(jssip.uas).toHaveLength(2);
        expect(connector.connectionStatus).toBe('connected');
    });

    it('refuses every request while not connected', async () => {
        const { connector } = createSipHarness();
        await expect(connector.dial('1002')).rejects.toThrow(
            'Cannot dial: the SIP connection is disconnected.'
        );
        await expect(connector.answer('x')).rejects.toThrow(/SIP connection is disconnected/);
        await expect(connector.blindTransfer('x', '1002')).rejects.toThrow(/disconnected/);
    });

    it('never logs, emits or serialises the password', async () => {
        const harness = await connectedHarness();
        await answeredInbound(harness);
        await answeredOutbound(harness);
        const whileConnected = JSON.stringify(harness.connector);
        harness.ua().simulateRegistrationFailed(403, 'Forbidden', 'Rejected');
        const everything = JSON.stringify([harness.logs, harness.events, whileConnected]);
        expect(everything).not.toContain(testPassword);
        expect(harness.logs.length).toBeGreaterThan(3);
    });
});
