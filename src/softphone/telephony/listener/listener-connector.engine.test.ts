import { CallEngine } from '../../calls';
import type { EndedCall } from '../../calls';
import { callMessage, createListenerHarness, welcome } from './test-support/fake-web-socket';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

async function engineOn(actions: boolean) {
    const harness = createListenerHarness();
    let now = 1_000_000;
    const engine = new CallEngine({ connector: harness.connector, clock: { now: () => now } });
    engine.start();
    const connecting = engine.connect();
    harness.socket().open();
    harness.socket().receive(welcome(actions));
    expect((await connecting).ok).toBe(true);
    await jest.advanceTimersByTimeAsync(0);
    expect(engine.setAgentState('Available').ok).toBe(true);
    const ended: EndedCall[] = [];
    engine.on('callEnded', (call) => ended.push(call));
    return { ...harness, engine, ended, advance: (ms: number) => (now += ms) };
}

describe('ListenerConnector under the call engine', () => {
    it('turns ringing, answered and ended into one connected inbound call', async () => {
        const { engine, ended, socket, advance } = await engineOn(false);
        socket().receive(
            callMessage('ringing', 'pbx-1', { ani: '+14155550101', attributes: { name: 'Maria' } })
        );
        expect(engine.snapshot().calls).toMatchObject([
            { id: 'pbx-1', state: 'ringing', from: '+14155550101', remoteName: 'Maria' }
        ]);
        advance(2000);
        socket().receive(callMessage('answered', 'pbx-1'));
        expect(engine.snapshot().calls[0]?.state).toBe('connected');
        advance(30_000);
        socket().receive(callMessage('ended', 'pbx-1'));
        expect(ended).toMatchObject([
            { id: 'pbx-1', outcome: 'Connected', endReason: 'remote-hangup', durationSeconds: 30 }
        ]);
        expect(engine.snapshot().agentState).toBe('AfterCallWork');
    });

    it('logs a call the caller gave up on as missed', async () => {
        const { ended, socket } = await engineOn(false);
        socket().receive(callMessage('ringing', 'pbx-2'));
        socket().receive(callMessage('ended', 'pbx-2'));
        expect(ended).toMatchObject([{ id: 'pbx-2', outcome: 'Missed' }]);
    });

    it('lets the agent hang up in the softphone when the call is controlled on the phone', async () => {
        const { engine, ended, socket } = await engineOn(false);
        socket().receive(callMessage('answered', 'pbx-3'));
        expect((await engine.hangup('pbx-3')).ok).toBe(true);
        socket().receive(callMessage('ended', 'pbx-3'));
        expect(ended).toMatchObject([
            { id: 'pbx-3', outcome: 'Connected', endReason: 'local-hangup' }
        ]);
    });

    it('answers through the phone system when it takes actions', async () => {
        const { engine, socket } = await engineOn(true);
        socket().receive(callMessage('ringing', 'pbx-4'));
        const answering = engine.answer('pbx-4');
        socket().receive({ type: 'actionResult', requestId: 'r1', ok: true });
        expect((await answering).ok).toBe(true);
        expect(engine.snapshot().calls[0]?.state).toBe('connected');
    });

    it('offers a call the welcome replays only after connect() resolved (a reload while it rings)', async () => {
        const harness = createListenerHarness();
        const engine = new CallEngine({ connector: harness.connector, clock: { now: () => 0 } });
        engine.start();
        const connecting = engine.connect();
        harness.socket().open();
        harness
            .socket()
            .receive(welcome(true, [callMessage('ringing', 'pbx-5', { ani: '+14155550105' })]));
        expect((await connecting).ok).toBe(true);
        // What the host does after connect(): make the agent Available again.
        engine.setAgentState('Available');
        await jest.advanceTimersByTimeAsync(0);
        expect(engine.snapshot().calls).toMatchObject([{ id: 'pbx-5', state: 'ringing' }]);
        expect(harness.socket().actions()).toEqual([]);
    });
});
