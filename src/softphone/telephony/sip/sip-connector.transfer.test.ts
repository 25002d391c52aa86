import { fakeStream } from './test-support/fake-media';
import { FakeAudioContext } from './test-support/fake-audio-context';
import {
    answeredInbound,
    answeredOutbound,
    connectedHarness,
    ringing,
    settle
} from './test-support/sip-harness';

describe('SipConnector blind transfer, following the NOTIFYs', () => {
    it('REFERs the call, reports the NOTIFYs and ends the leg transferred on the 200', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        let accepted = false;
        const transferring = harness.connector.blindTransfer(id, '+1 415 555 0777').then(() => {
            accepted = true;
        });
        expect(session.referTarget).toBe('sip:+14155550777@pbx.example.com');
        expect(session.referReplaces).toBeUndefined();
        await settle();
        expect(accepted).toBe(false);

        session.referHandlers?.requestSucceeded?.({ response: { status_code: 202 } });
        await transferring;
        session.simulateReferNotify(100, 'Trying');
        session.simulateReferNotify(180, 'Ringing');
        session.simulateReferNotify(183, 'Session Progress');
        expect(harness.connector.callDetails(id)?.state).toBe('connected');
        await expect(harness.connector.hold(id)).rejects.toThrow(/it is being transferred/);

        session.simulateReferNotify(200, 'OK');
        await settle();
        const target = '+14155550777';
        expect(harness.events).toEqual([
            { type: 'transfer', callId: id, target, progress: 'trying' },
            { type: 'transfer', callId: id, target, progress: 'ringing' },
            { type: 'transfer', callId: id, target, progress: 'accepted' },
            {
                type: 'ended',
                callId: id,
                reason: 'transferred',
                message: `Transferred to ${target}.`
            }
        ]);
        expect(session.status).toBe('ended');
    });

    it('keeps the call when the NOTIFY says the target was busy, and may try again', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        const transferring = harness.connector.blindTransfer(id, '1003');
        session.referHandlers?.requestSucceeded?.({ response: { status_code: 202 } });
        await transferring;
        session.simulateReferNotify(486, 'Busy Here');
        await settle();
        expect(harness.events).toEqual([
            { type: 'transfer', callId: id, target: '1003', progress: 'trying' },
            {
                type: 'transfer',
                callId: id,
                target: '1003',
                progress: 'failed',
                reason: 'busy',
                message: 'SIP 486 Busy Here'
            }
        ]);
        expect(harness.connector.callDetails(id)?.state).toBe('connected');
        expect(harness.logs.map((log) => log.message)).toContain(
            'The phone system accepted the transfer.'
        );
        const again = harness.connector.blindTransfer(id, '1004');
        session.referHandlers?.requestSucceeded?.({});
        await again;
        session.simulateReferNotify(200, 'OK');
        await settle();
        expect(harness.events.at(-1)).toEqual({
            type: 'ended',
            callId: id,
            reason: 'transferred',
            message: 'Transferred to 1004.'
        });
    });

    it('rejects when the PBX refuses the REFER, the call staying up', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredOutbound(harness);
        const transferring = harness.connector.blindTransfer(id, '1003');
        session.referHandlers?.requestFailed?.({
            response: { status_code: 405, reason_phrase: 'Method Not Allowed' },
            cause: 'Rejected'
        });
        await expect(transferring).rejects.toThrow(
            'The phone system refused to transfer the call to 1003 (SIP 405 Method Not Allowed).'
        );
        expect(harness.connector.callDetails(id)?.state).toBe('connected');
        expect(harness.events).toEqual([]);
    });

    it('names the cause when the REFER got no answer', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredOutbound(harness);
        const transferring = harness.connector.blindTransfer(id, '1003');
        session.referHandlers?.requestFailed?.({ response: null, cause: 'Request Timeout' });
        await expect(transferring).rejects.toThrow(/to 1003 \(Request Timeout\)/);
    });

    it('counts the far end hanging up after the 202 as the transfer done', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        const transferring = harness.connector.blindTransfer(id, '1003');
        session.referHandlers?.requestSucceeded?.({});
        await transferring;
        session.simulateRemoteBye();
        session.simulateReferNotify(200, 'OK');
        expect(harness.events).toEqual([
            { type: 'transfer', callId: id, target: '1003', progress: 'trying' },
            { type: 'transfer', callId: id, target: '1003', progress: 'accepted' },
            { type: 'ended', callId: id, reason: 'transferred', message: 'Transferred to 1003.' }
        ]);
    });

    it('rejects the transfer when the far end hangs up before the PBX accepted it', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        const transferring = harness.connector.blindTransfer(id, '1003');
        session.simulateRemoteBye();
        await expect(transferring).rejects.toThrow(/ended \(remote-hangup\) before the transfer/);
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'remote-hangup' }]);
    });

    it('drops the agent’s leg when no NOTIFY comes in time', async () => {
        const harness = await connectedHarness({ transferNotifyTimeoutMs: 5 });
        const { id, session } = await answeredInbound(harness);
        const transferring = harness.connector.blindTransfer(id, '1003');
        session.referHandlers?.requestSucceeded?.({});
        await transferring;
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(harness.events.at(-1)).toEqual({
            type: 'ended',
            callId: id,
            reason: 'transferred',
            message: 'Transferred to 1003.'
        });
    });

    it('lets the agent hang up during the transfer', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        const transferring = harness.connector.blindTransfer(id, '1003');
        await expect(harness.connector.blindTransfer(id, '1004')).rejects.toThrow(
            /the transfer is still in progress/
        );
        await harness.connector.hangup(id);
        await expect(transferring).rejects.toThrow(/before the transfer completed/);
        session.referHandlers?.requestSucceeded?.({});
        expect(harness.events).toEqual([{ type: 'ended', callId: id, reason: 'local-hangup' }]);
    });

    it('says so when the stack cannot send the REFER', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        session.referThrows = new Error('INVALID_STATE_ERROR');
        await expect(harness.connector.blindTransfer(id, '1003')).rejects.toThrow(
            'Cannot transfer the call to 1003: INVALID_STATE_ERROR'
        );
        expect(harness.connector.callDetails(id)?.state).toBe('connected');
    });

    it('refuses a bad target or a call that is not connected', async () => {
        const harness = await connectedHarness();
        const { id } = ringing(harness);
        await expect(harness.connector.blindTransfer(id, 'nowhere')).rejects.toThrow(
            /^Cannot dial/
        );
        await expect(harness.connector.blindTransfer(id, '1003')).rejects.toThrow(
            /Cannot transfer call "call-1": it is ringing/
        );
    });
});

/** An inbound call, then a consult call to 1003 (the first held by startConsult) answered. */
async function consulting() {
    const harness = await connectedHarness();
    const first = await answeredInbound(harness);
    const starting = harness.connector.startConsult(first.id, '1003');
    first.session.holdDone?.();
    const consultId = await starting;
    const session = harness.ua().sessions.at(-1);
    if (!session) {
        throw new Error('startConsult made no session');
    }
    session.simulateAccepted();
    harness.events.length = 0;
    return { harness, first, consult: { id: consultId, session } };
}

describe('SipConnector consult transfer', () => {
    it('holds the call and dials the target as a new call', async () => {
        const harness = await connectedHarness();
        const first = await answeredInbound(harness);
        const starting = harness.connector.startConsult(first.id, '1003');
        first.session.holdDone?.();
        const consultId = await starting;
        expect(consultId).not.toBe(first.id);
        expect(harness.connector.callDetails(first.id)?.state).toBe('held');
        expect(harness.ua().outgoing.at(-1)?.target).toBe('sip:1003@pbx.example.com');
        // A held call is consulted about as it is.
        const second = await answeredInbound(harness);
        const holding = harness.connector.hold(second.id);
        second.session.holdDone?.();
        await holding;
        await expect(harness.connector.startConsult(second.id, '1004')).resolves.toMatch(/^call-/);
        await expect(harness.connector.startConsult('ghost', '1004')).rejects.toThrow(
            'Cannot consult on call "ghost": there is no such call.'
        );
    });

    it('REFERs the held call to the consult target with Replaces, then ends both legs', async () => {
        const { harness, first, consult } = await consulting();
        const completing = harness.connector.completeConsult(first.id, consult.id);
        expect(first.session.referTarget).toBe('sip:1003@pbx.example.com');
        expect(first.session.referReplaces).toBe(consult.session);
        first.session.referHandlers?.requestSucceeded?.({});
        await completing;
        // The target's INVITE with Replaces ends the consult dialog from its side.
        consult.session.simulateRemoteBye();
        first.session.simulateReferNotify(200, 'OK');
        await settle();
        const transferred = { reason: 'transferred', message: 'Transferred to 1003.' };
        expect(harness.events).toEqual([
            { type: 'transfer', callId: first.id, target: '1003', progress: 'trying' },
            { type: 'ended', callId: consult.id, ...transferred },
            { type: 'transfer', callId: first.id, target: '1003', progress: 'accepted' },
            { type: 'ended', callId: first.id, ...transferred }
        ]);
        expect(harness.connector.liveCallIds()).toEqual([]);
    });

    it('ends the consult leg itself when the target did not', async () => {
        const { harness, first, consult } = await consulting();
        const completing = harness.connector.completeConsult(first.id, consult.id);
        first.session.referHandlers?.requestSucceeded?.({});
        await completing;
        first.session.simulateReferNotify(200, 'OK');
        await settle();
        expect(consult.session.status).toBe('ended');
        expect(harness.connector.liveCallIds()).toEqual([]);
    });

    it('leaves both calls as they were when the REFER is refused', async () => {
        const { harness, first, consult } = await consulting();
        const completing = harness.connector.completeConsult(first.id, consult.id);
        first.session.referHandlers?.requestFailed?.({
            response: { status_code: 403, reason_phrase: 'Forbidden' },
            cause: 'Rejected'
        });
        await expect(completing).rejects.toThrow(
            'The phone system refused to transfer the call to 1003 (SIP 403 Forbidden).'
        );
        expect(harness.connector.callDetails(first.id)?.state).toBe('held');
        expect(harness.connector.callDetails(consult.id)?.state).toBe('connected');
        expect(harness.events).toEqual([]);
        // The agent may cancel: the consult call ends, the first call is resumed.
        const cancelling = harness.connector.cancelConsult(first.id, consult.id);
        await settle();
        first.session.unholdDone?.();
        await cancelling;
        expect(harness.events).toEqual([
            { type: 'ended', callId: consult.id, reason: 'local-hangup' },
            { type: 'resumed', callId: first.id }
        ]);
    });

    it('keeps the held call when the target hangs up during the consult', async () => {
        const { harness, first, consult } = await consulting();
        consult.session.simulateRemoteBye();
        expect(harness.events).toEqual([
            { type: 'ended', callId: consult.id, reason: 'remote-hangup' }
        ]);
        await expect(harness.connector.completeConsult(first.id, consult.id)).rejects.toThrow(
            `the consult call "${consult.id}" has ended`
        );
        expect(harness.connector.callDetails(first.id)?.state).toBe('held');
        const cancelling = harness.connector.cancelConsult(first.id, consult.id);
        await settle();
        first.session.unholdDone?.();
        await cancelling;
        expect(harness.connector.callDetails(first.id)?.state).toBe('connected');
    });

    it('refuses a consult call that is the call itself, not dialled here, or not answered', async () => {
        const { harness, first } = await consulting();
        await expect(harness.connector.completeConsult(first.id, first.id)).rejects.toThrow(
            'is the call itself'
        );
        const other = await answeredInbound(harness);
        await expect(harness.connector.completeConsult(first.id, other.id)).rejects.toThrow(
            'was not dialled from here'
        );
        const ringingId = await harness.connector.dial('1005');
        await expect(harness.connector.completeConsult(first.id, ringingId)).rejects.toThrow(
            /it is dialing/
        );
    });
});

/** What the speaker was told to play, in order. */
function plays(log: readonly string[]): string[] {
    return log.filter((entry) => entry.startsWith('play '));
}

describe('SipConnector conference mixed in the browser', () => {
    async function merged() {
        const context = new FakeAudioContext();
        const harness = await connectedHarness({ audioContext: () => context });
        const first = await answeredInbound(harness);
        first.session.connection?.simulateTrack(fakeStream('far-1'));
        const holding = harness.connector.hold(first.id);
        first.session.holdDone?.();
        await holding;
        const second = await answeredOutbound(harness, '1003');
        second.session.connection?.simulateTrack(fakeStream('far-2'));
        harness.media.log.length = 0;
        harness.events.length = 0;
        const merging = harness.connector.mergeCalls(first.id, second.id);
        await settle();
        first.session.unholdDone?.();
        await merging;
        return { harness, context, first, second };
    }

    it('resumes the held call and mixes: each far end gets the mix, the agent hears both', async () => {
        const { harness, first, second } = await merged();
        expect(harness.events).toEqual([
            { type: 'resumed', callId: first.id },
            { type: 'conference', callIds: [first.id, second.id] }
        ]);
        expect(plays(harness.media.log).at(-1)).toMatch(/^play mix-\d+$/);
        const details = harness.connector.conferenceDetails();
        expect(details?.callIds).toEqual([first.id, second.id]);
        expect(details?.levels.heardBy[first.id]).toBeGreaterThan(0);
        expect(details?.levels.agent).toBeGreaterThan(0);
        expect(first.session.connection?.senders[0]?.track?.id).toMatch(/^mix-\d+-track$/);
        expect(second.session.connection?.senders[0]?.track?.id).toMatch(/^mix-\d+-track$/);
    });

    it('closes the mix when a party hangs up: the other call plays as usual again', async () => {
        const { harness, context, first, second } = await merged();
        second.session.simulateRemoteBye();
        expect(harness.connector.conferenceDetails()).toBeUndefined();
        expect(context.state).toBe('closed');
        expect(first.session.connection?.senders[0]?.track?.id).toBe('microphone');
        expect(plays(harness.media.log).slice(-2)).toEqual(['play nothing', 'play far-1']);
    });

    it('mutes the agent for every party when one is muted', async () => {
        const { harness, first, second } = await merged();
        await harness.connector.setMuted(second.id, true);
        expect([first.session.muted, second.session.muted]).toEqual([true, true]);
        await harness.connector.setMuted(first.id, false);
        expect([first.session.muted, second.session.muted]).toEqual([false, false]);
    });

    it('drops a party: it ends, the conference reports the one left', async () => {
        const { harness, first, second } = await merged();
        harness.events.length = 0;
        await harness.connector.dropParty(first.id);
        expect(harness.events).toEqual([
            { type: 'ended', callId: first.id, reason: 'local-hangup' },
            { type: 'conference', callIds: [second.id] }
        ]);
        await expect(harness.connector.dropParty(second.id)).rejects.toThrow(
            `Cannot drop call "${second.id}": it is not in conference.`
        );
        expect(harness.connector.conferenceDetails()).toBeUndefined();
        expect(harness.connector.liveCallIds()).toEqual([second.id]);
        expect(plays(harness.media.log).at(-1)).toBe('play far-2');
    });

    it('refuses to merge fewer than two calls, ended calls, or calls without audio', async () => {
        const harness = await connectedHarness({ audioContext: () => new FakeAudioContext() });
        const first = await answeredInbound(harness);
        await expect(harness.connector.conference([first.id, first.id])).rejects.toThrow(
            'a conference needs two calls'
        );
        await expect(harness.connector.conference([first.id, 'ghost'])).rejects.toThrow(
            'Cannot merge call "ghost": it has ended.'
        );
        const ringingId = await harness.connector.dial('1005');
        await expect(harness.connector.conference([first.id, ringingId])).rejects.toThrow(
            /it is dialing/
        );
        const second = await answeredOutbound(harness, '1003');
        await expect(harness.connector.conference([first.id, second.id])).rejects.toThrow(
            /its audio is not set up/
        );
    });
});

describe('SipConnector handover part (a chunk of its own)', () => {
    it('is loaded on the first request when no answered call loaded it yet', async () => {
        const harness = await connectedHarness();
        const { id, session } = ringing(harness);
        const answering = harness.connector.answer(id);
        await settle();
        session.simulateAccepted();
        // Asked at once, before the part the answer started fetching is there.
        const transferring = harness.connector.blindTransfer(id, '1003');
        expect(harness.connector.conferenceDetails()).toBeUndefined();
        await answering;
        await settle();
        expect(session.referTarget).toBe('sip:1003@pbx.example.com');
        session.referHandlers?.requestSucceeded?.({ response: { status_code: 202 } });
        await transferring;
    });
});
