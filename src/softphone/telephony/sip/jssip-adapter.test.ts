import { jsSipUserAgentFactory, SipConfigurationError, type JsSipModule } from './jssip-adapter';
import type {
    SipReferEvent,
    SipSessionEvent,
    SipUserAgentConfig,
    SipUserAgentEvent
} from './sip-user-agent';
import { FakeJsSipUa, fakeJsSip } from './test-support/fake-jssip';
import { fakeStream } from './test-support/fake-media';

const config: SipUserAgentConfig = {
    webSocketUrl: 'wss://pbx.example.com/ws',
    uri: 'sip:1001@pbx.example.com',
    authorizationUser: '1001',
    password: 'secret',
    registerExpiresSeconds: 600,
    userAgentString: 'Test UA',
    reconnectMinSeconds: 2,
    reconnectMaxSeconds: 30
};

function userAgent() {
    const jssip = fakeJsSip();
    const ua = jsSipUserAgentFactory(jssip.module)(config);
    const events: SipUserAgentEvent[] = [];
    ua.setListener((event) => events.push(event));
    return { ua, fake: jssip.ua(), events };
}

describe('jsSipUserAgentFactory', () => {
    it('configures JsSIP without a display name or route when none is given', () => {
        const { fake } = userAgent();
        expect(fake.configuration).toEqual({
            sockets: [expect.objectContaining({ url: 'wss://pbx.example.com/ws' })],
            uri: 'sip:1001@pbx.example.com',
            authorization_user: '1001',
            password: 'secret',
            register: true,
            register_expires: 600,
            connection_recovery_min_interval: 2,
            connection_recovery_max_interval: 30,
            user_agent: 'Test UA'
        });
        expect(fake.registrationHeaders).toEqual([]);
    });

    it('hides the value of a setting JsSIP rejects', () => {
        const jssip = fakeJsSip();
        const module = {
            ...jssip.module,
            WebSocketInterface: class {
                constructor() {
                    throw new Error('bad url');
                }
            }
        };
        expect(() => jsSipUserAgentFactory(module)(config)).toThrow(
            new SipConfigurationError('unknown')
        );
    });

    it('translates the transport and registration events', () => {
        const { fake, events } = userAgent();
        fake.emit('connecting', { attempts: 1 });
        fake.simulateRegistered();
        fake.simulateTransportLoss();
        fake.simulateRegistrationFailed(undefined, '', 'Request Timeout');
        fake.emit('registrationFailed', {});
        expect(events).toEqual([
            { type: 'transportConnecting' },
            { type: 'transportConnected' },
            { type: 'registered' },
            { type: 'transportDisconnected', error: true, code: 1006, reason: '' },
            { type: 'unregistered' },
            { type: 'registrationFailed', cause: 'Request Timeout' },
            { type: 'registrationFailed', cause: 'Unknown' }
        ]);
    });

    it('opens the WebSocket again through JsSIP’s transport, and does nothing without one', () => {
        const { ua, fake } = userAgent();
        ua.reconnect();
        expect(fake.reconnects).toBe(1);
        const bare = new FakeJsSipUa({});
        Object.defineProperty(bare, 'transport', { value: undefined });
        const withoutTransport = jsSipUserAgentFactory({
            ...fakeJsSip().module,
            UA: class {
                constructor() {
                    return bare;
                }
            } as unknown as JsSipModule['UA']
        })(config);
        expect(() => withoutTransport.reconnect()).not.toThrow();
    });

    it('reads the caller identity of an incoming session', () => {
        const { fake, events } = userAgent();
        const session = fake.simulateIncoming({
            fromDisplayName: 'Ada',
            fromUser: '+1415',
            toUser: '1001',
            assertedIdentity: '<tel:+1415>',
            requestUser: '+1800',
            headers: { 'X-Queue': 'Billing' }
        });
        expect(events).toEqual([
            {
                type: 'incomingCall',
                session: expect.objectContaining({ sipCallId: session.callId }),
                caller: {
                    assertedIdentity: '<tel:+1415>',
                    fromDisplayName: 'Ada',
                    fromUser: '+1415',
                    toUser: '1001',
                    requestUser: '+1800',
                    readHeader: expect.any(Function)
                }
            }
        ]);
        const [event] = events;
        const caller = event?.type === 'incomingCall' ? event.caller : undefined;
        expect(caller?.readHeader?.('X-Queue')).toBe('Billing');
        expect(caller?.readHeader?.('X-None')).toBeUndefined();
    });

    it('passes the identity headers and the top Via host on, as received', () => {
        const { fake, events } = userAgent();
        fake.simulateIncoming({
            viaHost: '127.0.0.1',
            headers: {
                From: '"Ada" <sip:+1-415-555-0101;phone-context=+1@pbx>;tag=1',
                'Remote-Party-ID': '<sip:+1415@pbx>;party=calling;privacy=off',
                Privacy: 'id'
            }
        });
        expect(events[0]).toMatchObject({
            type: 'incomingCall',
            caller: {
                fromHeader: '"Ada" <sip:+1-415-555-0101;phone-context=+1@pbx>;tag=1',
                remotePartyId: '<sip:+1415@pbx>;party=calling;privacy=off',
                privacy: 'id',
                viaHost: '127.0.0.1'
            }
        });
    });

    it('ignores a malformed newRTCSession and survives odd request shapes', () => {
        const { fake, events } = userAgent();
        fake.emit('newRTCSession', { originator: 'remote', session: null, request: {} });
        const session = fake.sessions[0] ?? fake.simulateIncoming();
        fake.emit('newRTCSession', { originator: 'remote', session, request: { from: 42 } });
        expect(events).toHaveLength(2);
        expect(events[1]).toMatchObject({ type: 'incomingCall', caller: {} });
    });
});

describe('the adapted session', () => {
    function incoming() {
        const { fake, events: uaEvents } = userAgent();
        const raw = fake.simulateIncoming();
        const event = uaEvents[0];
        if (event?.type !== 'incomingCall') {
            throw new Error('no incoming call');
        }
        const events: SipSessionEvent[] = [];
        return { session: event.session, raw, events };
    }

    it('reports nothing until a listener is set, then every event it knows', () => {
        const { session, raw, events } = incoming();
        raw.simulateProgress();
        session.setListener((event) => events.push(event));
        raw.simulateProgress(183);
        raw.emit('accepted', { originator: 'local' });
        raw.emit('confirmed', {});
        raw.emit('hold', { originator: 'remote' });
        raw.emit('unhold', {});
        raw.emit('icecandidate', { candidate: { type: 'host' } });
        raw.emit('failed', { originator: 'remote', message: { status_code: 'x' }, cause: 42 });
        expect(events).toEqual([
            { type: 'progress', originator: 'remote', statusCode: 183 },
            { type: 'accepted', originator: 'local' },
            { type: 'confirmed' },
            { type: 'hold', originator: 'remote' },
            { type: 'unhold', originator: 'system' },
            { type: 'failed', end: { originator: 'remote', cause: 'Unknown' } }
        ]);
    });

    it('reports the remote stream of the peer connection, ignoring trackless events', () => {
        const { session, raw, events } = incoming();
        session.setListener((event) => events.push(event));
        session.answer({ mediaStream: fakeStream('local'), iceServers: [] });
        raw.connection?.simulateTrack(undefined);
        raw.connection?.simulateTrack(fakeStream('remote'));
        expect(events).toEqual([
            { type: 'remoteStream', stream: expect.objectContaining({ id: 'remote' }) }
        ]);
    });

    it('says it cannot send RFC 2833 tones before there is a peer connection', () => {
        const { session } = incoming();
        expect(session.sendDtmf('1', 'RFC2833')).toBe(false);
        expect(session.sendDtmf('1', 'INFO')).toBe(true);
    });
});

describe('the adapted session’s REFER and audio sender', () => {
    function incoming() {
        const { fake, events: uaEvents } = userAgent();
        const raw = fake.simulateIncoming();
        const event = uaEvents[0];
        if (event?.type !== 'incomingCall') {
            throw new Error('no incoming call');
        }
        return { session: event.session, raw };
    }

    it('reports the REFER’s answer and each NOTIFY’s sipfrag status, ignoring unreadable ones', () => {
        const { session, raw } = incoming();
        const events: SipReferEvent[] = [];
        raw.simulateAccepted();
        session.refer('sip:1003@pbx', (event) => events.push(event));
        expect(raw.referTarget).toBe('sip:1003@pbx');
        expect(raw.referReplaces).toBeUndefined();
        raw.referHandlers?.requestSucceeded?.({ response: { status_code: 202 } });
        raw.simulateReferNotify(100, 'Trying');
        raw.simulateReferNotify(180, 'Ringing');
        raw.referHandlers?.progress?.({ status_line: { status_code: 'x' } });
        raw.simulateReferNotify(486, 'Busy Here');
        raw.simulateReferNotify(200, 'OK');
        raw.referHandlers?.requestFailed?.({ response: null, cause: 'Request Timeout' });
        expect(events).toEqual([
            { type: 'accepted' },
            { type: 'notify', statusCode: 100, reasonPhrase: 'Trying' },
            { type: 'notify', statusCode: 180, reasonPhrase: 'Ringing' },
            { type: 'notify', statusCode: 486, reasonPhrase: 'Busy Here' },
            { type: 'notify', statusCode: 200, reasonPhrase: 'OK' },
            { type: 'refused', cause: 'Request Timeout' }
        ]);
    });

    it('says so when JsSIP will not send the REFER (no established dialog)', () => {
        const { session } = incoming();
        expect(() => session.refer('sip:1003@pbx', () => undefined)).toThrow(
            'the call is not established'
        );
    });

    it('hands JsSIP the session to replace for a consult transfer', () => {
        const { fake, events: uaEvents } = userAgent();
        const first = fake.simulateIncoming();
        fake.simulateIncoming();
        const [a, b] = uaEvents.map((event) =>
            event.type === 'incomingCall' ? event.session : undefined
        );
        fake.sessions[1]?.simulateAccepted();
        b?.refer('sip:1003@pbx', () => undefined, { replaces: a });
        expect(fake.sessions[1]?.referReplaces).toBe(first);
    });

    it('finds the audio sender that can take another track, once there is a connection', () => {
        const { session, raw } = incoming();
        expect(session.audioSender()).toBeUndefined();
        session.answer({ mediaStream: fakeStream('local'), iceServers: [] });
        expect(session.audioSender()).toBe(raw.connection?.senders[0]);
        raw.connection?.senders.splice(0, 1, {
            track: { kind: 'video' },
            dtmf: null,
            replaceTrack: () => Promise.resolve()
        });
        expect(session.audioSender()).toBeUndefined();
    });
});
