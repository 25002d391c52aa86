import { fakeStream } from './test-support/fake-media';
import { FakeAudioContext } from './test-support/fake-audio-context';
import {
    answeredInbound,
    answeredOutbound,
    connectedHarness,
    settle
} from './test-support/sip-harness';

describe('SipConnector blind transfer, following the NOTIFYs', () => {
    it('keeps the call when the NOTIFY says the target was busy', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        const transferring = harness.connector.transfer(id, '1003');
        session.referHandlers?.requestSucceeded?.({ response: { status_code: 202 } });
        session.simulateReferNotify(180, 'Ringing');
        session.simulateReferNotify(486, 'Busy Here');
        await expect(transferring).rejects.toThrow(
            'The transfer to 1003 failed (SIP 486 Busy Here); the call is still yours.'
        );
        expect(harness.connector.callDetails(id)?.state).toBe('connected');
        expect(harness.events).toEqual([]);
        expect(harness.logs.map((log) => log.message)).toContain('Transfer progress.');
        // The call can be transferred again.
        const again = harness.connector.transfer(id, '1004');
        session.referHandlers?.requestSucceeded?.({});
        session.simulateReferNotify(200, 'OK');
        await again;
        expect(harness.events).toEqual([
            { type: 'ended', callId: id, reason: 'local-hangup', message: 'Transferred to 1004.' }
        ]);
    });

    it('counts the far end hanging up after the 202 as the transfer done', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        const transferring = harness.connector.transfer(id, '1003');
        session.referHandlers?.requestSucceeded?.({});
        session.simulateRemoteBye();
        await transferring;
        expect(harness.events).toEqual([
            { type: 'ended', callId: id, reason: 'local-hangup', message: 'Transferred to 1003.' }
        ]);
    });

    it('rejects the transfer when the far end hangs up before the PBX accepted it', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        const transferring = harness.connector.transfer(id, '1003');
        session.simulateRemoteBye();
        await expect(transferring).rejects.toThrow(/ended \(remote-hangup\) before the transfer/);
    });

    it('drops the agent’s leg when no NOTIFY comes in time', async () => {
        const harness = await connectedHarness({ transferNotifyTimeoutMs: 5 });
        const { id, session } = await answeredInbound(harness);
        const transferring = harness.connector.transfer(id, '1003');
        session.referHandlers?.requestSucceeded?.({});
        await transferring;
        expect(harness.events).toEqual([
            { type: 'ended', callId: id, reason: 'local-hangup', message: 'Transferred to 1003.' }
        ]);
    });

    it('refuses a second transfer while one is in progress', async () => {
        const harness = await connectedHarness();
        const { id } = await answeredInbound(harness);
        void harness.connector.transfer(id, '1003').catch(() => undefined);
        await expect(harness.connector.transfer(id, '1004')).rejects.toThrow(
            /the transfer is still in progress/
        );
    });

    it('says so when the stack cannot send the REFER', async () => {
        const harness = await connectedHarness();
        const { id, session } = await answeredInbound(harness);
        session.referThrows = new Error('INVALID_STATE_ERROR');
        await expect(harness.connector.transfer(id, '1003')).rejects.toThrow(
            'Cannot transfer the call to 1003: INVALID_STATE_ERROR'
        );
        expect(harness.connector.callDetails(id)?.state).toBe('connected');
    });
});

/** An inbound call put on hold, then a consult call to 1003 answered. */
async function consulting() {
    const harness = await connectedHarness();
    const first = await answeredInbound(harness);
    const holding = harness.connector.hold(first.id);
    first.session.holdDone?.();
    await holding;
    const consult = await answeredOutbound(harness, '1003');
    harness.events.length = 0;
    return { harness, first, consult };
}

describe('SipConnector consult transfer', () => {
    it('REFERs the held call to the consult target with Replaces, then ends both legs', async () => {
        const { harness, first, consult } = await consulting();
        const completing = harness.connector.completeConsultTransfer(first.id, consult.id);
        expect(first.session.referTarget).toBe('sip:1003@pbx.example.com');
        expect(first.session.referReplaces).toBe(consult.session);
        first.session.referHandlers?.requestSucceeded?.({});
        // The target's INVITE with Replaces ends the consult dialog from its side.
        consult.session.simulateRemoteBye();
        first.session.simulateReferNotify(200, 'OK');
        await completing;
        expect(harness.events).toEqual([
            {
                type: 'ended',
                callId: consult.id,
                reason: 'local-hangup',
                message: 'Transferred to 1003.'
            },
            {
                type: 'ended',
                callId: first.id,
                reason: 'local-hangup',
                message: 'Transferred to 1003.'
            }
        ]);
        expect(harness.connector.liveCallIds()).toEqual([]);
    });

    it('ends the consult leg itself when the target did not', async () => {
        const { harness, first, consult } = await consulting();
        const completing = harness.connector.completeConsultTransfer(first.id, consult.id);
        first.session.referHandlers?.requestSucceeded?.({});
        first.session.simulateReferNotify(200, 'OK');
        await completing;
        expect(consult.session.status).toBe('ended');
        expect(harness.connector.liveCallIds()).toEqual([]);
    });

    it('leaves both calls as they were when the REFER is refused', async () => {
        const { harness, first, consult } = await consulting();
        const completing = harness.connector.completeConsultTransfer(first.id, consult.id);
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
    });

    it('keeps the held call when the target hangs up during the consult', async () => {
        const { harness, first, consult } = await consulting();
        consult.session.simulateRemoteBye();
        expect(harness.events).toEqual([
            { type: 'ended', callId: consult.id, reason: 'remote-hangup' }
        ]);
        await expect(
            harness.connector.completeConsultTransfer(first.id, consult.id)
        ).rejects.toThrow(`the consult call "${consult.id}" has ended`);
        expect(harness.connector.callDetails(first.id)?.state).toBe('held');
    });

    it('refuses a consult call that is the call itself, not dialled here, or not answered', async () => {
        const { harness, first } = await consulting();
        await expect(harness.connector.completeConsultTransfer(first.id, first.id)).rejects.toThrow(
            'is the call itself'
        );
        const other = await answeredInbound(harness);
        await expect(harness.connector.completeConsultTransfer(first.id, other.id)).rejects.toThrow(
            'was not dialled from here'
        );
        const ringingId = await harness.connector.dial('1005');
        await expect(
            harness.connector.completeConsultTransfer(first.id, ringingId)
        ).rejects.toThrow(/it is dialing/);
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
        const merging = harness.connector.conference([first.id, second.id]);
        await settle();
        first.session.unholdDone?.();
        await merging;
        return { harness, context, first, second };
    }

    it('resumes the held call and mixes: each far end gets the mix, the agent hears both', async () => {
        const { harness, first, second } = await merged();
        expect(harness.events).toEqual([{ type: 'resumed', callId: first.id }]);
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

    it('drops a party when the agent hangs it up', async () => {
        const { harness, first, second } = await merged();
        await harness.connector.hangup(first.id);
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
