import { callMessage, connectedHarness, settle } from './test-support/fake-web-socket';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('ListenerConnector without a callback URL (controlled on the phone)', () => {
    it('answers, holds, resumes and hangs up in the softphone only', async () => {
        const { connector, events, socket } = await connectedHarness(false);
        socket().receive(callMessage('ringing', 'c-1'));
        events.length = 0;

        const answering = connector.answer('c-1');
        expect(events).toEqual([]);
        await answering;
        await connector.hold('c-1');
        await connector.resume('c-1');
        // The phone system's own answered event changes nothing more.
        socket().receive(callMessage('answered', 'c-1'));
        await connector.hangup('c-1');
        socket().receive(callMessage('ended', 'c-1'));

        expect(events).toEqual([
            { type: 'answered', callId: 'c-1' },
            { type: 'held', callId: 'c-1' },
            { type: 'resumed', callId: 'c-1' },
            { type: 'ended', callId: 'c-1', reason: 'local-hangup' }
        ]);
        expect(socket().actions()).toEqual([]);
    });

    it('declines a ringing call', async () => {
        const { connector, events, socket } = await connectedHarness(false);
        socket().receive(callMessage('ringing', 'c-1'));
        await connector.decline('c-1');
        expect(events.at(-1)).toEqual({ type: 'ended', callId: 'c-1', reason: 'declined' });
        await expect(connector.answer('c-1')).rejects.toThrow(
            'Cannot answer call "c-1": it has ended.'
        );
    });

    it('refuses dialling, muting and tones, saying to use the phone', async () => {
        const { connector, socket } = await connectedHarness(false);
        socket().receive(callMessage('answered', 'c-1'));
        await expect(connector.dial('+14155550101')).rejects.toThrow(
            'Dial on your phone: the phone system takes no calls from the softphone.'
        );
        await expect(connector.setMuted('c-1', true)).rejects.toThrow(
            "Mute on your phone: the call's audio is there."
        );
        await expect(connector.sendDtmf('c-1', '1')).rejects.toThrow(
            "Use your phone's keypad: the call's audio is there."
        );
    });

    it('checks the call and its state', async () => {
        const { connector, socket } = await connectedHarness(false);
        socket().receive(callMessage('ringing', 'c-1'));
        await expect(connector.hold('c-1')).rejects.toThrow(
            'Cannot hold call "c-1": it is ringing (needs connected).'
        );
        await expect(connector.hangup('nope')).rejects.toThrow(
            'Cannot hang up call "nope": there is no such call.'
        );
    });

    it('lets the agent end a call while the bridge is away', async () => {
        const { connector, events, socket } = await connectedHarness(false);
        socket().receive(callMessage('answered', 'c-1'));
        socket().serverClose(1006);
        await connector.hangup('c-1');
        await settle();
        expect(events.at(-1)).toEqual({ type: 'ended', callId: 'c-1', reason: 'local-hangup' });
    });
});
