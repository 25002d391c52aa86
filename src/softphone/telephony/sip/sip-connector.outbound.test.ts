import type { CallEndReason } from '../connector';
import { connectedHarness, settle } from './test-support/sip-harness';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('SipConnector outbound calls', () => {
    it('sends an INVITE to sip:<number>@<domain> with the microphone', async () => {
        const harness = await connectedHarness();
        const id = await harness.connector.dial('+1 (415) 555-0123');
        expect(id).toBe('call-1');
        expect(harness.ua().outgoing).toEqual([
            {
                target: 'sip:+14155550123@pbx.example.com',
                options: expect.objectContaining({
                    mediaStream: expect.objectContaining({ id: 'local-1' }),
                    pcConfig: { iceServers: [] }
                })
            }
        ]);
        expect(harness.connector.callDetails(id)).toEqual({
            direction: 'outbound',
            state: 'dialing',
            sipCallId: 'out-1@fake'
        });
        expect(harness.events).toEqual([]);
    });

    it('applies the dial plan', async () => {
        const harness = await connectedHarness({ dialPlan: { outsidePrefix: '9' } });
        await harness.connector.dial('415 555 0123');
        expect(harness.ua().outgoing[0]?.target).toBe('sip:94155550123@pbx.example.com');
    });

    it('sends the offer on the first candidate', async () => {
        const harness = await connectedHarness();
        await harness.connector.dial('1002');
        const session = harness.ua().sessions[0];
        expect(session?.simulateIceCandidate('host').readyCalls).toBe(1);
    });

    it('reports ringing once for 183 then 180, and answered on the 200 OK', async () => {
        const harness = await connectedHarness();
        const id = await harness.connector.dial('1002');
        const session = harness.ua().sessions[0];
        session?.simulateProgress(183);
        session?.simulateProgress(180);
        session?.simulateAccepted();
        expect(harness.events).toEqual([
            { type: 'remoteRinging', callId: id },
            { type: 'answered', callId: id }
        ]);
        expect(harness.connector.callDetails(id)?.state).toBe('connected');
    });

    it.each<[number, string, string, CallEndReason]>([
        [486, 'Busy Here', 'Busy', 'busy'],
        [600, 'Busy Everywhere', 'Busy', 'busy'],
        [480, 'Temporarily Unavailable', 'Unavailable', 'no-answer'],
        [408, 'Request Timeout', 'Unavailable', 'no-answer'],
        [404, 'Not Found', 'Not Found', 'unreachable'],
        [484, 'Address Incomplete', 'Address Incomplete', 'unreachable'],
        [603, 'Decline', 'Rejected', 'declined'],
        [487, 'Request Terminated', 'Canceled', 'cancelled'],
        [503, 'Service Unavailable', 'SIP Failure Code', 'failed']
    ])('a %i %s ends the call %s', async (code, phrase, cause, reason) => {
        const harness = await connectedHarness();
        const id = await harness.connector.dial('1002');
        harness.ua().sessions[0]?.simulateFailure(code, phrase, cause);
        expect(harness.events).toEqual([
            { type: 'ended', callId: id, reason, message: `SIP ${code} ${phrase}` }
        ]);
        expect(harness.media.log).toContain('release local-1');
        expect(harness.connector.liveCallIds()).toEqual([]);
    });

    it('a hang-up while dialing CANCELs and ends local-hangup', async () => {
        const harness = await connectedHarness();
        const id = await harness.connector.dial('1002');
        const session = harness.ua().sessions[0];
        session?.simulateProgress();
        harness.events.length = 0;
        await harness.connector.hangup(id);
        expect(session?.terminateOptions).toEqual({});
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'local-hangup' }]);
    });

    it('a hang-up on a connected call sends BYE and ends local-hangup', async () => {
        const harness = await connectedHarness();
        const id = await harness.connector.dial('1002');
        const session = harness.ua().sessions[0];
        session?.simulateAccepted();
        harness.events.length = 0;
        await harness.connector.hangup(id);
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'local-hangup' }]);
        await expect(harness.connector.hangup(id)).rejects.toThrow(/it has ended/);
    });

    it('a hang-up of a session that had already ended still ends the call', async () => {
        const harness = await connectedHarness();
        const id = await harness.connector.dial('1002');
        const session = harness.ua().sessions[0];
        if (session) {
            session.status = 'ended';
        }
        await harness.connector.hangup(id);
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'local-hangup' }]);
    });

    it.each(['', 'call me', 'sip:1@evil.example.com'])('refuses to dial %p', async (number) => {
        const harness = await connectedHarness();
        await expect(harness.connector.dial(number)).rejects.toThrow(/^Cannot dial/);
        expect(harness.ua().outgoing).toEqual([]);
        expect(harness.media.log).toEqual([]);
    });

    it('refuses to dial without a microphone', async () => {
        const harness = await connectedHarness();
        harness.media.failNextWith = Object.assign(new Error('none'), { name: 'NotFoundError' });
        await expect(harness.connector.dial('1002')).rejects.toThrow(
            'Cannot dial: no microphone was found.'
        );
        expect(harness.ua().outgoing).toEqual([]);
    });

    it('frees the microphone when JsSIP refuses the INVITE', async () => {
        const harness = await connectedHarness();
        harness.ua().callThrows = new Error('Invalid target');
        await expect(harness.connector.dial('1002')).rejects.toThrow(
            'Cannot dial sip:1002@pbx.example.com: Invalid target'
        );
        expect(harness.media.log).toEqual(['getLocalStream local-1', 'release local-1']);
        expect(harness.connector.liveCallIds()).toEqual([]);
    });

    it('frees the microphone when the connection drops while it opens', async () => {
        const harness = await connectedHarness();
        const dialing = harness.connector.dial('1002');
        harness.ua().simulateTransportLoss();
        await expect(dialing).rejects.toThrow('Cannot dial: the SIP connection is reconnecting.');
        await settle();
        expect(harness.media.log).toEqual(['getLocalStream local-1', 'release local-1']);
        expect(harness.ua().outgoing).toEqual([]);
    });

    it('refuses a call id the generator repeats', async () => {
        const harness = await connectedHarness({ idGenerator: () => 'same' });
        await harness.connector.dial('1002');
        await expect(harness.connector.dial('1003')).rejects.toThrow(/repeated call id "same"/);
    });

    it('opens the microphone while the dial is checked, and the dial takes it', async () => {
        const harness = await connectedHarness();
        const done = harness.connector.prepareToDial();
        expect(harness.media.log).toEqual(['getLocalStream local-1']);
        await harness.connector.dial('1002');
        done();
        await settle();
        // One microphone for the call, not a second one, and not closed under it.
        expect(harness.media.log).toEqual(['getLocalStream local-1']);
        expect(harness.ua().outgoing[0]?.options.mediaStream).toMatchObject({ id: 'local-1' });
    });

    it('closes a prepared microphone no dial took, and prepares nothing while disconnected', async () => {
        const harness = await connectedHarness();
        const first = harness.connector.prepareToDial();
        harness.connector.prepareToDial()();
        first();
        await settle();
        expect(harness.media.log).toEqual([
            'getLocalStream local-1',
            'getLocalStream local-2',
            'release local-1',
            'release local-2'
        ]);
        // The next dial opens its own.
        await harness.connector.dial('1002');
        expect(harness.media.log.at(-1)).toBe('getLocalStream local-3');

        harness.ua().simulateTransportLoss();
        harness.media.log.length = 0;
        harness.connector.prepareToDial()();
        expect(harness.media.log).toEqual([]);
    });
});
