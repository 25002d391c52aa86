import { CallEngine } from '../../calls/call-engine';
import type { EndedCall } from '../../calls/ended-call';
import type { FakeJsSipSession } from './test-support/fake-jssip';
import { FakeAudioContext } from './test-support/fake-audio-context';
import { fakeStream } from './test-support/fake-media';
import type { SipHarness } from './test-support/sip-harness';
import { createSipHarness, settle } from './test-support/sip-harness';

/*
 * The call engine on the SIP connector (fake JsSIP): the engine's handover contract
 * (call-handover.ts) as the SIP connector keeps it, from the agent's request to the ended call.
 */

async function engineOnSip(): Promise<{
    sip: SipHarness;
    engine: CallEngine;
    ended: EndedCall[];
}> {
    const sip = createSipHarness({ audioContext: () => new FakeAudioContext() });
    const engine = new CallEngine({ connector: sip.connector, clock: { now: () => Date.now() } });
    const ended: EndedCall[] = [];
    engine.on('callEnded', (call) => ended.push(call));
    engine.start();
    const connecting = engine.connect();
    sip.ua().simulateRegistered();
    await expect(connecting).resolves.toEqual({ ok: true });
    expect(engine.setAgentState('Available')).toEqual({ ok: true });
    return { sip, engine, ended };
}

/** An inbound call the engine answered; returns its id and JsSIP session. */
async function answered(sip: SipHarness, engine: CallEngine) {
    const session = sip.ua().simulateIncoming({ fromUser: '+14155550199' });
    const id = engine.snapshot().calls.at(-1)?.id ?? '';
    const answering = engine.answer(id);
    await settle();
    session.simulateAccepted();
    await expect(answering).resolves.toEqual({ ok: true });
    session.connection?.simulateTrack(fakeStream(`far-${id}`));
    return { id, session };
}

async function holdConfirmed(session: FakeJsSipSession, request: Promise<unknown>): Promise<void> {
    await settle();
    session.holdDone?.();
    await request;
}

describe('CallEngine on the SIP connector: transfer, consult, conference', () => {
    it('blind transfer: the NOTIFYs move the call on, it ends Transferred to the target', async () => {
        const { sip, engine, ended } = await engineOnSip();
        const { id, session } = await answered(sip, engine);
        const transferring = engine.transfer(id, '1003');
        await settle();
        session.referHandlers?.requestSucceeded?.({});
        await expect(transferring).resolves.toEqual({ ok: true });
        session.simulateReferNotify(180, 'Ringing');
        expect(engine.getCall(id)?.transfer?.progress).toBe('ringing');
        session.simulateReferNotify(200, 'OK');
        await settle();
        expect(ended).toEqual([
            expect.objectContaining({
                id,
                outcome: 'Transferred',
                endReason: 'transferred',
                transferredTo: '1003'
            })
        ]);
    });

    it('blind transfer to a busy target: the call stays with a failed mark saying why', async () => {
        const { sip, engine, ended } = await engineOnSip();
        const { id, session } = await answered(sip, engine);
        const transferring = engine.transfer(id, '1003');
        await settle();
        session.referHandlers?.requestSucceeded?.({});
        await transferring;
        session.simulateReferNotify(486, 'Busy Here');
        await settle();
        expect(engine.getCall(id)).toMatchObject({
            state: 'connected',
            transfer: { progress: 'failed', reason: 'busy' }
        });
        expect(ended).toEqual([]);
    });

    it('consult, then complete: REFER with Replaces, both calls end Transferred', async () => {
        const { sip, engine, ended } = await engineOnSip();
        const { id, session } = await answered(sip, engine);
        const consulting = engine.startConsult(id, '1003');
        await holdConfirmed(session, Promise.resolve());
        const consult = await consulting;
        expect(consult).toMatchObject({ ok: true });
        const consultId = consult.ok ? consult.callId : '';
        const consultSession = sip.ua().sessions.at(-1);
        consultSession?.simulateAccepted();
        expect(engine.getCall(consultId)).toMatchObject({ state: 'connected', consultOf: id });

        const completing = engine.completeConsult();
        await settle();
        expect(session.referReplaces).toBe(consultSession);
        session.referHandlers?.requestSucceeded?.({});
        await expect(completing).resolves.toEqual({ ok: true });
        consultSession?.simulateRemoteBye();
        session.simulateReferNotify(200, 'OK');
        await settle();
        expect(ended.map((call) => [call.id, call.outcome])).toEqual([
            [consultId, 'Transferred'],
            [id, 'Transferred']
        ]);
        expect(engine.snapshot().calls).toEqual([]);
    });

    it('merge: one conference in the browser; dropping a party leaves the other connected', async () => {
        const { sip, engine, ended } = await engineOnSip();
        const { id, session } = await answered(sip, engine);
        const consulting = engine.startConsult(id, '1003');
        await holdConfirmed(session, Promise.resolve());
        const consult = await consulting;
        const consultId = consult.ok ? consult.callId : '';
        const consultSession = sip.ua().sessions.at(-1);
        consultSession?.simulateAccepted();
        consultSession?.connection?.simulateTrack(fakeStream('far-consult'));

        const merging = engine.merge();
        await settle();
        session.unholdDone?.();
        await expect(merging).resolves.toEqual({ ok: true });
        expect(engine.snapshot().calls.map((call) => [call.state, call.conference])).toEqual([
            ['connected', true],
            ['connected', true]
        ]);
        expect(sip.connector.conferenceDetails()?.callIds).toEqual([id, consultId]);

        await expect(engine.dropParty(consultId)).resolves.toEqual({ ok: true });
        expect(ended.map((call) => call.id)).toEqual([consultId]);
        expect(engine.getCall(id)).toMatchObject({ state: 'connected' });
        expect(engine.getCall(id)?.conference).toBeUndefined();
        expect(sip.connector.conferenceDetails()).toBeUndefined();
    });
});
