import { createAppHarness, type AppHarness } from './test-support/app-harness';

describe('the agent state decides whether the phone system can reach the agent', () => {
    let harness: AppHarness;

    beforeEach(async () => {
        jest.useFakeTimers();
        harness = createAppHarness();
        await harness.start();
    });
    afterEach(() => {
        harness.app.stop();
        jest.useRealTimers();
    });

    it('disconnects the connector on Offline and connects it again on Available', async () => {
        harness.app.setAgentState('Offline');
        await harness.advance(10);
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Offline',
            connectionStatus: 'disconnected'
        });

        harness.app.setAgentState('Available');
        await harness.advance(300);
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Available',
            connectionStatus: 'connected'
        });
    });

    it('stays connected on Break', async () => {
        harness.app.setAgentState('Break');
        await harness.advance(10);
        expect(harness.engine.snapshot()).toMatchObject({
            agentState: 'Break',
            connectionStatus: 'connected'
        });
    });
});
