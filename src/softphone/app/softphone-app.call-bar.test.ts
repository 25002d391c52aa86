import type { RecordingLmsHost } from '../channel/test-support/recording-lms-host';
import { DISPOSITIONS, createAppHarness, type AppHarness } from './test-support/app-harness';
import type { WrapUpSettings } from './wrap-up-controller';

const T0 = Date.UTC(2025, 2, 3, 15, 30, 0);

beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
});

afterEach(() => {
    jest.useRealTimers();
});

let counter = 0;

/** Sends one command as a call-bar component would, and lets the softphone answer it. */
async function send(
    harness: AppHarness,
    lms: RecordingLmsHost,
    type: string,
    payload: Record<string, unknown> = {}
): Promise<string> {
    counter += 1;
    const requestId = `bar-${counter}`;
    lms.listener?.({ version: 1, type, requestId, payload });
    await harness.advance(300);
    return requestId;
}

function answerTo(lms: RecordingLmsHost, requestId: string) {
    return lms.published.filter((event) => event.requestId === requestId);
}

function lastState(lms: RecordingLmsHost) {
    const states = lms.payloadsOf('state');
    return states[states.length - 1];
}

async function setUp(
    options: { wrapUp?: Partial<WrapUpSettings>; breakReasons?: readonly string[] } = {}
) {
    const harness = createAppHarness({
        wrapUp: { afterCallWorkSeconds: 0, ...options.wrapUp },
        breakReasons: options.breakReasons ?? ['Lunch', 'Training']
    });
    await harness.start();
    const { lms, errors } = await harness.attachLms();
    return { harness, lms, errors };
}

describe('SoftphoneApp: the call bar over LMS', () => {
    it('answers getState with the state, the break reasons included', async () => {
        const { harness, lms } = await setUp();
        const requestId = await send(harness, lms, 'getState');
        expect(answerTo(lms, requestId)).toEqual([
            {
                version: 1,
                type: 'state',
                requestId,
                payload: {
                    agentState: 'Available',
                    connectionStatus: 'connected',
                    softphoneVersion: '0.1.0-test',
                    breakReasons: ['Lunch', 'Training']
                }
            }
        ]);
    });

    it('sets Break with its reason, publishes it, and refuses a reason that is not configured', async () => {
        const { harness, lms } = await setUp();
        const ok = await send(harness, lms, 'setAgentState', { state: 'Break', reason: 'Lunch' });
        expect(answerTo(lms, ok)).toEqual([]);
        expect(lastState(lms)).toMatchObject({ agentState: 'Break', breakReason: 'Lunch' });

        const refused = await send(harness, lms, 'setAgentState', {
            state: 'Break',
            reason: 'Nap'
        });
        expect(answerTo(lms, refused)).toEqual([
            expect.objectContaining({
                type: 'error',
                payload: {
                    code: 'unknown-reason',
                    message:
                        '"Nap" is not a break reason here; choose one of the Break options in Status.',
                    inResponseTo: 'setAgentState'
                }
            })
        ]);
        // The softphone's own status menu is not told about another component's refusal.
        expect(harness.view().errors).toEqual([]);

        await send(harness, lms, 'setAgentState', { state: 'Available' });
        expect(lastState(lms)).toEqual(
            expect.not.objectContaining({ breakReason: expect.anything() })
        );
    });

    it('refuses a status change during a call with the engine reason', async () => {
        const { harness, lms } = await setUp();
        const callId = await harness.ring('+14155550101');
        await send(harness, lms, 'answer', { callId });
        const refused = await send(harness, lms, 'setAgentState', { state: 'Offline' });
        const [error] = answerTo(lms, refused);
        expect(error?.type).toBe('error');
        expect(error?.payload).toMatchObject({ inResponseTo: 'setAgentState' });
    });

    it('answers once: a second Answer is refused with the reason', async () => {
        const { harness, lms } = await setUp();
        const callId = await harness.ring('+14155550101');
        const first = await send(harness, lms, 'answer', { callId });
        const second = await send(harness, lms, 'answer', {});
        expect(answerTo(lms, first)).toEqual([]);
        expect(lastState(lms)?.activeCall).toMatchObject({ callId, state: 'connected' });
        expect(answerTo(lms, second)).toEqual([
            expect.objectContaining({
                type: 'error',
                payload: expect.objectContaining({
                    message: 'There is no ringing call to answer.',
                    inResponseTo: 'answer'
                })
            })
        ]);
    });

    it('declines the ringing call, and refuses Decline with none ringing', async () => {
        const { harness, lms } = await setUp();
        await harness.ring('+14155550101');
        const declined = await send(harness, lms, 'decline');
        expect(answerTo(lms, declined)).toEqual([]);
        expect(harness.engine.snapshot().calls).toEqual([]);
        const refused = await send(harness, lms, 'decline');
        expect(answerTo(lms, refused)[0]?.payload).toEqual({
            code: 'no-such-call',
            message: 'There is no ringing call to decline.',
            inResponseTo: 'decline'
        });
    });

    it('shows a call waiting, sends tones on the active call, and refuses tones without a call', async () => {
        const { harness, lms } = await setUp();
        const refused = await send(harness, lms, 'sendDtmf', { digits: '1' });
        expect(answerTo(lms, refused)[0]?.payload).toMatchObject({
            code: 'no-such-call',
            inResponseTo: 'sendDtmf'
        });

        const maria = await harness.ring('+14155550101');
        await send(harness, lms, 'answer', { callId: maria });
        const tones = jest.spyOn(harness.simulator, 'sendDtmf');
        const sent = await send(harness, lms, 'sendDtmf', { digits: '12#' });
        expect(answerTo(lms, sent)).toEqual([]);
        expect(tones).toHaveBeenCalledWith(maria, '12#');

        const daniel = await harness.ring('+14155550105');
        expect(lastState(lms)).toMatchObject({
            activeCall: { callId: maria, state: 'connected' },
            waitingCall: { callId: daniel, state: 'ringing' }
        });
    });

    it('wraps up with the rules: Done is refused without a required disposition, then completes', async () => {
        const { harness, lms } = await setUp({ wrapUp: { dispositionRequired: true } });
        const callId = await harness.ring('+14155550101');
        await send(harness, lms, 'answer', { callId });
        await send(harness, lms, 'hangup', { callId });
        expect(lastState(lms)).toMatchObject({
            agentState: 'AfterCallWork',
            wrapUp: {
                callId,
                disposition: '',
                notes: '',
                dispositionRequired: true,
                dispositions: DISPOSITIONS
            }
        });

        const other = await send(harness, lms, 'completeWrapUp', { callId: 'another-call' });
        expect(answerTo(lms, other)[0]?.payload).toMatchObject({ code: 'no-such-call' });
        const early = await send(harness, lms, 'completeWrapUp', { callId });
        expect(answerTo(lms, early)[0]?.payload).toEqual({
            code: 'wrap-up-incomplete',
            message: 'Choose a disposition before you finish this call.',
            inResponseTo: 'completeWrapUp'
        });
        expect(lastState(lms)?.wrapUp?.error).toBe(
            'Choose a disposition before you finish this call.'
        );

        await send(harness, lms, 'setDisposition', {
            callId,
            disposition: 'Resolved',
            notes: 'From the call bar'
        });
        expect(lastState(lms)?.wrapUp).toMatchObject({
            disposition: 'Resolved',
            notes: 'From the call bar'
        });
        const done = await send(harness, lms, 'completeWrapUp', { callId });
        expect(answerTo(lms, done)).toEqual([]);
        expect(lastState(lms)).toEqual(expect.objectContaining({ agentState: 'Available' }));
        expect(lastState(lms)?.wrapUp).toBeUndefined();
        await harness.settle();
        expect(harness.host.phoneCallByProviderId(callId)?.fields).toMatchObject({
            Disposition__c: 'Resolved',
            Notes__c: 'From the call bar'
        });
    });

    it('refuses completeWrapUp when there is no after-call work', async () => {
        const { harness, lms } = await setUp();
        const refused = await send(harness, lms, 'completeWrapUp', { callId: 'x' });
        expect(answerTo(lms, refused)[0]?.payload).toEqual({
            code: 'wrap-up-incomplete',
            message: 'There is no after-call work to complete.',
            inResponseTo: 'completeWrapUp'
        });
    });
});
