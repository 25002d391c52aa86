import {
    callMessage,
    connectedHarness,
    createListenerHarness,
    settle
} from './test-support/fake-web-socket';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('ListenerConnector with a callback URL (actions to the phone system)', () => {
    it('sends an action and confirms it when the phone system accepts', async () => {
        const { connector, events, socket } = await connectedHarness(true);
        socket().receive(callMessage('ringing', 'c-1'));
        events.length = 0;
        let done = false;
        void connector.answer('c-1').then(() => {
            done = true;
        });
        expect(socket().actions()).toEqual([
            { type: 'action', requestId: 'r1', action: 'answer', callid: 'c-1' }
        ]);
        await settle();
        expect(done).toBe(false);
        expect(events).toEqual([]);

        socket().receive({ type: 'actionResult', requestId: 'r1', ok: true });
        await settle();
        expect(done).toBe(true);
        // The phone system's own event for the same answer adds nothing.
        socket().receive(callMessage('answered', 'c-1'));
        expect(events).toEqual([{ type: 'answered', callId: 'c-1' }]);
    });

    it('passes on a refusal and leaves the call as it was', async () => {
        const { connector, events, socket } = await connectedHarness(true);
        socket().receive(callMessage('answered', 'c-1'));
        events.length = 0;
        const holding = connector.hold('c-1');
        socket().receive({
            type: 'actionResult',
            requestId: 'r1',
            ok: false,
            message: 'The phone system refused to hold the call (HTTP 409).'
        });
        await expect(holding).rejects.toThrow(
            'The phone system refused to hold the call (HTTP 409).'
        );
        expect(events).toEqual([]);
        const hangingUp = connector.hangup('c-1');
        socket().receive({ type: 'actionResult', requestId: 'r2', ok: true });
        await hangingUp;
        expect(events).toEqual([{ type: 'ended', callId: 'c-1', reason: 'local-hangup' }]);
    });

    it('times out an unanswered action', async () => {
        const { connector, socket } = await connectedHarness(true, { actionTimeoutMs: 3000 });
        socket().receive(callMessage('answered', 'c-1'));
        const holding = connector.hold('c-1');
        const outcome = expect(holding).rejects.toThrow(
            'The phone system did not answer the hold request within 3 s.'
        );
        await jest.advanceTimersByTimeAsync(3000);
        await outcome;
        // A late answer is ignored.
        socket().receive({ type: 'actionResult', requestId: 'r1', ok: true });
    });

    it("keeps the agent's reason when the ended event overtakes the answer to a decline", async () => {
        const { connector, events, socket } = await connectedHarness(true);
        socket().receive(callMessage('ringing', 'c-1'));
        const declining = connector.decline('c-1');
        socket().receive(callMessage('ended', 'c-1'));
        socket().receive({ type: 'actionResult', requestId: 'r1', ok: true });
        await declining;
        expect(events.filter((event) => event.type === 'ended')).toEqual([
            { type: 'ended', callId: 'c-1', reason: 'declined' }
        ]);
    });

    it('forgets the reason of a refused hang-up', async () => {
        const { connector, events, socket } = await connectedHarness(true);
        socket().receive(callMessage('answered', 'c-1'));
        const hangingUp = connector.hangup('c-1');
        socket().receive({ type: 'actionResult', requestId: 'r1', ok: false, message: 'No.' });
        await expect(hangingUp).rejects.toThrow('No.');
        socket().receive(callMessage('ended', 'c-1'));
        expect(events.at(-1)).toEqual({ type: 'ended', callId: 'c-1', reason: 'remote-hangup' });
    });

    it('dials through the phone system, holding back events that beat the call id', async () => {
        const { connector, events, socket } = await connectedHarness(true);
        const dialling = connector.dial(' +1 (415) 555-0131 ');
        expect(socket().actions()).toEqual([
            { type: 'action', requestId: 'r1', action: 'dial', number: '+1 (415) 555-0131' }
        ]);
        socket().receive(callMessage('ringing', 'out-1'));
        expect(events).toEqual([]);
        socket().receive({ type: 'actionResult', requestId: 'r1', ok: true, callid: 'out-1' });
        await expect(dialling).resolves.toBe('out-1');
        socket().receive(callMessage('answered', 'out-1'));
        socket().receive(callMessage('ended', 'out-1'));
        expect(events).toEqual([
            { type: 'remoteRinging', callId: 'out-1' },
            { type: 'answered', callId: 'out-1' },
            { type: 'ended', callId: 'out-1', reason: 'remote-hangup' }
        ]);
    });

    it('ends an unanswered outbound call as no-answer', async () => {
        const { connector, events, socket } = await connectedHarness(true);
        const dialling = connector.dial('2125550199');
        socket().receive({ type: 'actionResult', requestId: 'r1', ok: true, callid: 'out-2' });
        await dialling;
        socket().receive(callMessage('ended', 'out-2'));
        expect(events).toEqual([{ type: 'ended', callId: 'out-2', reason: 'no-answer' }]);
    });

    it('releases held-back events of other calls when a dial fails', async () => {
        const { connector, events, socket } = await connectedHarness(true);
        const dialling = connector.dial('2125550199');
        socket().receive(callMessage('ringing', 'in-1'));
        expect(events).toEqual([]);
        socket().receive({
            type: 'actionResult',
            requestId: 'r1',
            ok: false,
            message: 'Busy line'
        });
        await expect(dialling).rejects.toThrow('Busy line');
        expect(events).toEqual([{ type: 'incoming', callId: 'in-1', from: '', to: '' }]);
    });

    it('refuses a dial answer without a usable call id', async () => {
        const { connector, socket } = await connectedHarness(true);
        socket().receive(callMessage('ringing', 'live-1'));
        const first = connector.dial('2125550199');
        socket().receive({ type: 'actionResult', requestId: 'r1', ok: true });
        await expect(first).rejects.toThrow(
            'The phone system accepted the call but sent no call id.'
        );
        const second = connector.dial('2125550199');
        socket().receive({ type: 'actionResult', requestId: 'r2', ok: true, callid: 'live-1' });
        await expect(second).rejects.toThrow('The phone system reused call id "live-1".');
    });

    it('checks numbers and tones before asking the phone system', async () => {
        const { connector, socket } = await connectedHarness(true);
        socket().receive(callMessage('answered', 'c-1'));
        await expect(connector.dial('call mum')).rejects.toThrow('Cannot dial "call mum"');
        await expect(connector.dial('')).rejects.toThrow('Cannot dial ""');
        await expect(connector.sendDtmf('c-1', '12 3')).rejects.toThrow('Cannot send "12 3"');
        expect(socket().actions()).toEqual([]);

        const tones = connector.sendDtmf('c-1', '12#a');
        const muting = connector.setMuted('c-1', true);
        const unmuting = connector.setMuted('c-1', false);
        expect(socket().actions()).toEqual([
            { type: 'action', requestId: 'r1', action: 'dtmf', callid: 'c-1', digits: '12#A' },
            { type: 'action', requestId: 'r2', action: 'mute', callid: 'c-1' },
            { type: 'action', requestId: 'r3', action: 'unmute', callid: 'c-1' }
        ]);
        for (const requestId of ['r1', 'r2', 'r3']) {
            socket().receive({ type: 'actionResult', requestId, ok: true });
        }
        await expect(Promise.all([tones, muting, unmuting])).resolves.toHaveLength(3);
    });

    it('fails the pending actions when the connection drops, and refuses new ones meanwhile', async () => {
        const { connector, socket } = await connectedHarness(true);
        socket().receive(callMessage('answered', 'c-1'));
        const holding = connector.hold('c-1');
        socket().serverClose(1006);
        await expect(holding).rejects.toThrow(
            'The connection to the listener bridge closed before the phone system answered.'
        );
        await expect(connector.hold('c-1')).rejects.toThrow(
            'Cannot hold: the listener bridge is reconnecting.'
        );
        await expect(connector.dial('2125550199')).rejects.toThrow(
            'Cannot dial: the listener bridge is reconnecting.'
        );
    });

    it('refuses actions before it is connected', async () => {
        const { connector } = createListenerHarness();
        await expect(connector.dial('2125550199')).rejects.toThrow(
            'Cannot dial: the listener bridge is disconnected.'
        );
    });
});
