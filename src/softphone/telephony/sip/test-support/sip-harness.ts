import type { ConnectorEvent } from '../../connector';
import { systemScheduler } from '../../scheduler';
import { jsSipUserAgentFactory } from '../jssip-adapter';
import { SipConnector } from '../sip-connector';
import type { SipConnectorOptions } from '../sip-connector-options';
import type { FakeJsSip, FakeJsSipSession, FakeJsSipUa } from './fake-jssip';
import { fakeJsSip } from './fake-jssip';
import { FakeMedia } from './fake-media';

export const testPassword = 'correct horse battery staple';

export interface SipHarness {
    readonly connector: SipConnector;
    readonly jssip: FakeJsSip;
    readonly media: FakeMedia;
    readonly events: ConnectorEvent[];
    readonly logs: { level: string; message: string; details?: unknown }[];
    ua(): FakeJsSipUa;
}

/** A SipConnector on a fake JsSIP and fake media, its events collected; timers are jest's. */
export function createSipHarness(overrides: Partial<SipConnectorOptions> = {}): SipHarness {
    const jssip = fakeJsSip();
    const media = new FakeMedia();
    const events: ConnectorEvent[] = [];
    const logs: SipHarness['logs'] = [];
    let next = 0;
    const connector = new SipConnector({
        settings: {
            webSocketUrl: 'wss://pbx.example.com:8089/ws',
            domain: 'pbx.example.com',
            registerExpiresSeconds: 600,
            iceServers: []
        },
        credentials: { user: '1001', password: testPassword, displayName: 'Agent One' },
        scheduler: systemScheduler,
        logger: (level, message, details) => logs.push({ level, message, details }),
        jssip: jsSipUserAgentFactory(jssip.module),
        media,
        idGenerator: () => `call-${++next}`,
        ...overrides
    });
    connector.onEvent((event) => events.push(event));
    return { connector, jssip, media, events, logs, ua: () => jssip.ua() };
}

/** A harness whose connector has registered; events and media log cleared. */
export async function connectedHarness(
    overrides: Partial<SipConnectorOptions> = {}
): Promise<SipHarness> {
    const harness = createSipHarness(overrides);
    const connecting = harness.connector.connect();
    harness.ua().simulateRegistered();
    await connecting;
    harness.events.length = 0;
    harness.media.log.length = 0;
    return harness;
}

/** Lets promise callbacks (the fake microphone, awaited requests) run. */
export async function settle(): Promise<void> {
    for (let round = 0; round < 5; round += 1) {
        await Promise.resolve();
    }
}

/** An inbound call that rings; returns its id and fake session. */
export function ringing(
    harness: SipHarness,
    identity: Parameters<FakeJsSipUa['simulateIncoming']>[0] = {}
): { id: string; session: FakeJsSipSession } {
    const session = harness.ua().simulateIncoming(identity);
    const event = harness.events[harness.events.length - 1];
    if (event?.type !== 'incoming') {
        throw new Error('expected an incoming event');
    }
    return { id: event.callId, session };
}

/** An inbound call answered and confirmed; events and media log cleared. */
export async function answeredInbound(
    harness: SipHarness
): Promise<{ id: string; session: FakeJsSipSession }> {
    const call = ringing(harness);
    const answering = harness.connector.answer(call.id);
    await settle();
    call.session.simulateAccepted();
    await answering;
    // The handover part loads as a call is answered (a chunk of its own).
    await settle();
    harness.events.length = 0;
    harness.media.log.length = 0;
    return call;
}

/** An outbound call the far end answered; events and media log cleared. */
export async function answeredOutbound(
    harness: SipHarness,
    number = '+14155550123'
): Promise<{ id: string; session: FakeJsSipSession }> {
    const id = await harness.connector.dial(number);
    const session = harness.ua().sessions[harness.ua().sessions.length - 1];
    if (!session) {
        throw new Error('dial made no session');
    }
    session.simulateAccepted();
    // The handover part loads as a call is answered (a chunk of its own).
    await settle();
    harness.events.length = 0;
    harness.media.log.length = 0;
    return { id, session };
}
