import {
    createAppHarness,
    LINE_NUMBER,
    MARIA,
    APP_TEST_T0,
    talkToMaria,
    useAppTestClock
} from './test-support/app-harness';

const T0 = APP_TEST_T0;
/** The simulator connects in 300 ms, so the first call rings then. */
const RINGS_AT = T0 + 300;

useAppTestClock();

describe('SoftphoneApp: the LMS bridge', () => {
    it('publishes the state as soon as it is attached', async () => {
        const harness = createAppHarness();
        await harness.start();

        const { lms, errors } = await harness.attachLms();

        expect(lms.published).toEqual([
            {
                version: 1,
                type: 'state',
                payload: {
                    agentState: 'Available',
                    connectionStatus: 'connected',
                    softphoneVersion: '0.1.0-test'
                }
            }
        ]);
        expect(lms.channels).toEqual(['Softphone_Message__c']);
        expect(errors).toEqual([]);
    });

    it("shows an LWC's dial as placing while its number is checked, then the engine's call", async () => {
        const harness = createAppHarness();
        await harness.start();
        const { lms } = await harness.attachLms();
        const seen: (string | undefined)[] = [];
        harness.app.store.subscribe((state) => seen.push(state.dialAttempt?.status));

        lms.listener?.({
            version: 1,
            type: 'dial',
            requestId: 'lwc-1',
            payload: { number: '4155550102' }
        });
        await harness.settle();

        expect(seen).toContain('placing');
        expect(harness.view().dialAttempt).toBeUndefined();
        expect(harness.view().calls).toMatchObject([{ direction: 'Outbound' }]);
    });

    it('publishes callStarted, state, callEnded and callLogged for a call', async () => {
        const harness = createAppHarness();
        await harness.start();
        const { lms, errors } = await harness.attachLms();

        const callId = await talkToMaria(harness);

        expect(lms.payloadsOf('callStarted')).toEqual([
            {
                call: {
                    callId,
                    direction: 'Inbound',
                    state: 'ringing',
                    from: '+14155550101',
                    to: LINE_NUMBER,
                    remoteName: 'MARIA L',
                    startedAt: RINGS_AT,
                    muted: false
                }
            }
        ]);
        expect(lms.payloadsOf('callEnded')).toEqual([
            {
                call: expect.objectContaining({
                    callId,
                    state: 'ended',
                    answeredAt: RINGS_AT + 100,
                    related: {
                        recordId: MARIA.Id,
                        objectType: 'Contact',
                        recordName: 'Maria Lopez'
                    }
                }),
                outcome: 'Connected',
                durationSeconds: 42
            }
        ]);
        expect(lms.payloadsOf('callLogged')).toEqual([
            {
                callId,
                recordId: harness.host.phoneCallByProviderId(callId)?.id,
                relatedRecordId: MARIA.Id
            }
        ]);
        const states = lms.payloadsOf('state').map((state) => state.agentState);
        expect(states[0]).toBe('Available');
        expect(states).toContain('Busy');
        expect(states[states.length - 1]).toBe('AfterCallWork');
        expect(lms.payloadsOf('state')).toContainEqual(
            expect.objectContaining({
                agentState: 'Busy',
                activeCall: expect.objectContaining({ callId, state: 'connected' })
            })
        );
        expect(lms.types().indexOf('callStarted')).toBeLessThan(lms.types().indexOf('callEnded'));
        expect(lms.types().indexOf('callEnded')).toBeLessThan(lms.types().indexOf('callLogged'));
        expect(errors).toEqual([]);
    });

    it("routes an LWC's answer command to the ringing call", async () => {
        const harness = createAppHarness();
        await harness.start();
        const { lms } = await harness.attachLms();
        const callId = await harness.ring('+14155550101');

        lms.listener?.({ version: 1, type: 'answer', requestId: 'req-1', payload: {} });
        await harness.advance(100);

        expect(harness.engine.getCall(callId)?.state).toBe('connected');
        expect(lms.types()).not.toContain('error');
    });
});
