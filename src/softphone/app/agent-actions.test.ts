import { createAgentActions } from './agent-actions';
import { createAppHarness } from './test-support/app-harness';

const T0 = Date.UTC(2025, 2, 3, 15, 30, 0);

beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
});

afterEach(() => {
    jest.useRealTimers();
});

async function started(options: Parameters<typeof createAppHarness>[0] = {}) {
    const harness = createAppHarness(options);
    await harness.start();
    const actions = createAgentActions({ app: harness.app, controls: harness.controls });
    return { harness, actions };
}

describe('agent actions: the keypad Call', () => {
    it('shows the Call as placing, then forgets it once the call is placed', async () => {
        const { harness, actions } = await started();

        actions.dial('1002');
        expect(harness.view().dialAttempt).toEqual({ id: 1, number: '1002', status: 'placing' });
        await harness.settle();

        expect(harness.view().dialAttempt).toBeUndefined();
        expect(harness.view().calls).toMatchObject([{ direction: 'Outbound', number: '1002' }]);
    });

    it('keeps a refused Call with its reason, for the keypad to show by the field', async () => {
        const { harness, actions } = await started();

        actions.dial('(510) 555-0121');
        await harness.settle();

        expect(harness.view().dialAttempt).toEqual({
            id: 1,
            number: '(510) 555-0121',
            status: 'refused',
            message: 'Olivia Grant has asked not to be called (Do Not Call)'
        });
        expect(harness.view().calls).toEqual([]);
        expect(harness.view().errors).toEqual([]);
    });

    it('lets a later Call take over from one still being checked', async () => {
        const { harness, actions } = await started();

        actions.dial('(510) 555-0121');
        actions.dial('abc');
        await harness.settle();

        expect(harness.view().dialAttempt).toMatchObject({
            id: 2,
            number: 'abc',
            status: 'refused'
        });
    });

    it('warns while the call lasts when Do Not Call could not be checked (Warn)', async () => {
        const { harness, actions } = await started({ dialPolicy: { onCheckFailure: 'Warn' } });
        harness.host.searchError = 'Search is down';

        actions.dial('(415) 555-0102');
        await harness.settle();

        const [call] = harness.view().calls;
        const aboutCalls = () => harness.view().notices.filter((notice) => notice.callId);
        expect(aboutCalls()).toEqual([
            {
                id: `dial-warning-${call?.callId}`,
                kind: 'warning',
                message:
                    'The Do Not Call list could not be checked for (415) 555-0102 (Search is down): make sure this person may be called.',
                callId: call?.callId
            }
        ]);
        harness.simulator.simulateRemoteHangup(call?.callId as string);
        await harness.settle();
        expect(aboutCalls()).toEqual([]);
    });
});

describe('agent actions: requests on a call', () => {
    it('shows a refused request as an error about that call', async () => {
        const { harness, actions } = await started();
        const callId = await harness.ring('+1 415 555 0101');

        actions.hold(callId);
        await harness.settle();

        expect(harness.view().errors).toEqual([
            expect.objectContaining({ callId, message: expect.stringContaining('held') })
        ]);
    });

    it('opens a record, and says so when Salesforce cannot', async () => {
        const harness = createAppHarness();
        await harness.start();
        const openRecord = jest
            .fn<Promise<void>, [string]>()
            .mockRejectedValue(new Error('INVALID_PARAM'));
        const actions = createAgentActions({
            app: harness.app,
            controls: harness.controls,
            openRecord
        });

        actions.openRecord?.('003000000000001AAA');
        await harness.settle();

        expect(openRecord).toHaveBeenCalledWith('003000000000001AAA');
        expect(harness.view().errors).toEqual([
            expect.objectContaining({ message: 'The record could not be opened: INVALID_PARAM' })
        ]);
    });
});
