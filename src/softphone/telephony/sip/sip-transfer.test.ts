import { systemScheduler } from '../scheduler';
import {
    consultTarget,
    followRefer,
    referStep,
    transferFailureReasonFor,
    transferProgressFor,
    transferredMessage
} from './sip-transfer';
import type { SipReferEvent, SipSession } from './sip-user-agent';

describe('referStep', () => {
    it('waits after the REFER is accepted and on provisional NOTIFYs', () => {
        expect(referStep({ type: 'accepted' }, '1003')).toEqual({
            kind: 'waiting',
            accepted: true
        });
        expect(referStep({ type: 'notify', statusCode: 180 }, '1003')).toEqual({
            kind: 'waiting',
            accepted: true,
            progress: 180
        });
    });

    it('succeeds on a 2xx NOTIFY', () => {
        expect(referStep({ type: 'notify', statusCode: 200, reasonPhrase: 'OK' }, '1003')).toEqual({
            ok: true,
            confirmedBy: 'notify'
        });
    });

    it('fails on a NOTIFY with a failure, in plain text, the call staying with the agent', () => {
        expect(
            referStep({ type: 'notify', statusCode: 486, reasonPhrase: 'Busy <b>Here</b>' }, '1003')
        ).toEqual({
            ok: false,
            stage: 'failed',
            reason: 'busy',
            message: 'SIP 486 Busy Here'
        });
        expect(referStep({ type: 'notify', statusCode: 503 }, '1003')).toMatchObject({
            message: 'SIP 503'
        });
    });

    it('names the refusal of the REFER itself', () => {
        expect(
            referStep(
                { type: 'refused', cause: 'Rejected', statusCode: 403, reasonPhrase: 'Forbidden' },
                '1003'
            )
        ).toEqual({
            ok: false,
            stage: 'refused',
            reason: 'refused',
            message: 'The phone system refused to transfer the call to 1003 (SIP 403 Forbidden).'
        });
        expect(referStep({ type: 'refused', cause: 'Request Timeout' }, '1003')).toMatchObject({
            message: 'The phone system refused to transfer the call to 1003 (Request Timeout).'
        });
    });
});

describe('followRefer', () => {
    function session(): { session: SipSession; send: (event: SipReferEvent) => void } {
        let listener: (event: SipReferEvent) => void = () => undefined;
        const fake = {
            refer: (_uri: string, onEvent: (event: SipReferEvent) => void) => {
                listener = onEvent;
            }
        } as unknown as SipSession;
        return { session: fake, send: (event) => listener(event) };
    }

    it('reports acceptance and progress, then resolves on the final NOTIFY', async () => {
        const { session: referred, send } = session();
        const progress: number[] = [];
        let accepted = 0;
        const following = followRefer({
            session: referred,
            uri: 'sip:1003@pbx',
            target: '1003',
            scheduler: systemScheduler,
            notifyTimeoutMs: 60_000,
            onAccepted: () => (accepted += 1),
            onProgress: (code) => progress.push(code)
        });
        send({ type: 'accepted' });
        send({ type: 'notify', statusCode: 100 });
        send({ type: 'notify', statusCode: 200 });
        send({ type: 'notify', statusCode: 486 });
        await expect(following.result).resolves.toEqual({ ok: true, confirmedBy: 'notify' });
        expect(accepted).toBe(1);
        expect(progress).toEqual([100]);
    });

    it('counts an accepted REFER with no final NOTIFY as done after the timeout', async () => {
        const { session: referred, send } = session();
        const following = followRefer({
            session: referred,
            uri: 'sip:1003@pbx',
            target: '1003',
            scheduler: systemScheduler,
            notifyTimeoutMs: 5
        });
        send({ type: 'accepted' });
        await expect(following.result).resolves.toEqual({ ok: true, confirmedBy: 'timeout' });
    });

    it('turns a stack that throws into a refusal', async () => {
        const throwing = {
            refer: () => {
                throw new Error('Invalid target');
            }
        } as unknown as SipSession;
        const following = followRefer({
            session: throwing,
            uri: 'sip:x',
            target: 'x',
            scheduler: systemScheduler,
            notifyTimeoutMs: 5
        });
        await expect(following.result).resolves.toEqual({
            ok: false,
            stage: 'refused',
            reason: 'refused',
            message: 'Cannot transfer the call to x: Invalid target'
        });
    });

    it('stops following when cancelled: no result, no timer left', async () => {
        const { session: referred, send } = session();
        const following = followRefer({
            session: referred,
            uri: 'sip:1003@pbx',
            target: '1003',
            scheduler: systemScheduler,
            notifyTimeoutMs: 5
        });
        send({ type: 'accepted' });
        following.cancel();
        send({ type: 'notify', statusCode: 200 });
        const outcome = await Promise.race([
            following.result,
            new Promise((resolve) => setTimeout(() => resolve('still waiting'), 20))
        ]);
        expect(outcome).toBe('still waiting');
    });
});

describe('transferProgressFor and transferFailureReasonFor', () => {
    it('reads 100 as trying and 18x as ringing', () => {
        expect([100, 180, 183, 199].map(transferProgressFor)).toEqual([
            'trying',
            'ringing',
            'ringing',
            'ringing'
        ]);
    });

    it.each([
        [486, 'busy'],
        [600, 'busy'],
        [408, 'no-answer'],
        [480, 'no-answer'],
        [487, 'no-answer'],
        [403, 'refused'],
        [603, 'refused'],
        [404, 'unreachable'],
        [484, 'unreachable'],
        [502, 'unreachable'],
        [503, 'unreachable'],
        [500, 'failed']
    ])('reads a final %i as %s', (statusCode, reason) => {
        expect(transferFailureReasonFor(statusCode)).toBe(reason);
    });
});

describe('consultTarget and transferredMessage', () => {
    it('reads the user part of the dialled URI', () => {
        expect(consultTarget('sip:5550100300@127.0.0.1')).toEqual({
            uri: 'sip:5550100300@127.0.0.1',
            user: '5550100300'
        });
        expect(consultTarget(undefined)).toBeUndefined();
        expect(consultTarget('tel:+1555')).toBeUndefined();
        expect(transferredMessage('1003')).toBe('Transferred to 1003.');
    });
});
