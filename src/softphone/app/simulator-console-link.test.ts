/** @jest-environment jsdom */
import type { ConnectorEvent } from '../telephony/connector';
import { SimulatorConnector } from '../telephony/simulator/simulator-connector';
import { linkSimulatorToConsole } from './simulator-console-link';

/**
 * The softphone runs here as the top window, whose parent is itself: the console posting into
 * it is `window.parent`. Another frame of the page plays a window that is not the parent.
 */
interface Linked {
    readonly simulator: SimulatorConnector;
    readonly incoming: Extract<ConnectorEvent, { type: 'incoming' }>[];
    readonly ended: Extract<ConnectorEvent, { type: 'ended' }>[];
    readonly errors: string[];
    readonly unlink: () => void;
}

const unlinks: Array<() => void> = [];

async function linked(options: { connected?: boolean } = {}): Promise<Linked> {
    let next = 0;
    const simulator = new SimulatorConnector({
        idGenerator: () => `sim-${++next}`,
        lineNumber: '+14155550100'
    });
    const incoming: Linked['incoming'] = [];
    const ended: Linked['ended'] = [];
    simulator.onEvent((event) => {
        if (event.type === 'incoming') {
            incoming.push(event);
        } else if (event.type === 'ended') {
            ended.push(event);
        }
    });
    if (options.connected ?? true) {
        const connecting = simulator.connect();
        await jest.advanceTimersByTimeAsync(300);
        await connecting;
    }
    const errors: string[] = [];
    const unlink = linkSimulatorToConsole(window, simulator, (message) => errors.push(message));
    unlinks.push(unlink);
    return { simulator, incoming, ended, errors, unlink };
}

function post(data: unknown, from: { source?: Window | null; origin?: string } = {}): void {
    window.dispatchEvent(
        new MessageEvent('message', {
            data,
            origin: from.origin ?? window.location.origin,
            source: from.source === undefined ? window.parent : from.source
        })
    );
}

function incomingMessage(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        source: 'local-console',
        kind: 'simulator',
        action: 'incoming',
        from: '+14155550101',
        fromName: 'Maria Lopez',
        ...extra
    };
}

beforeEach(() => {
    jest.useFakeTimers();
});

afterEach(() => {
    unlinks.splice(0).forEach((unlink) => unlink());
    document.body.innerHTML = '';
    jest.useRealTimers();
});

describe('linkSimulatorToConsole: who may ring the simulator', () => {
    it('rings the simulator for the parent window of the same origin', async () => {
        const { incoming, errors } = await linked();

        post(incomingMessage());

        expect(incoming).toEqual([
            {
                type: 'incoming',
                callId: 'sim-1',
                from: '+14155550101',
                fromName: 'Maria Lopez',
                to: '+14155550100'
            }
        ]);
        expect(errors).toEqual([]);
    });

    it('ignores another origin', async () => {
        const { incoming } = await linked();

        post(incomingMessage(), { origin: 'https://attacker.example' });
        post(incomingMessage(), { origin: '' });

        expect(incoming).toEqual([]);
    });

    it('ignores a window that is not the parent', async () => {
        const { incoming } = await linked();
        const frame = document.createElement('iframe');
        document.body.append(frame);
        const other = frame.contentWindow;
        expect(other).not.toBeNull();

        post(incomingMessage(), { source: other });
        post(incomingMessage(), { source: null });

        expect(incoming).toEqual([]);
    });

    it('stops listening once unlinked', async () => {
        const { incoming, unlink } = await linked();

        unlink();
        post(incomingMessage());

        expect(incoming).toEqual([]);
    });
});

describe('linkSimulatorToConsole: what it accepts', () => {
    it.each<[string, unknown]>([
        ['no data', undefined],
        ['null', null],
        ['text', 'incoming +14155550101'],
        ['an array', [incomingMessage()]],
        ['another source', incomingMessage({ source: 'someone-else' })],
        ['another kind', incomingMessage({ kind: 'opencti' })],
        ['an unknown action', incomingMessage({ action: 'dial' })],
        ['a number that is not text', incomingMessage({ from: 4155550101 })],
        ['a name that is not text', incomingMessage({ fromName: { first: 'Maria' } })],
        ['a call id that is not text', { ...incomingMessage(), action: 'remoteHangup', callId: 1 }]
    ])('ignores %s', async (_label, data) => {
        const { incoming, ended, errors } = await linked();

        post(data);

        expect(incoming).toEqual([]);
        expect(ended).toEqual([]);
        expect(errors).toEqual([]);
    });

    it('cuts a long number and display name instead of refusing the call', async () => {
        const { incoming } = await linked();

        post(incomingMessage({ from: '1'.repeat(500), fromName: 'M'.repeat(10_000) }));

        expect(incoming).toEqual([
            expect.objectContaining({ from: '1'.repeat(64), fromName: 'M'.repeat(256) })
        ]);
    });

    it('ignores a message with a text over 64 KB', async () => {
        const { incoming } = await linked();

        post(incomingMessage({ fromName: 'M'.repeat(64 * 1024 + 1) }));

        expect(incoming).toEqual([]);
    });

    it('rings without a name when the console sends none', async () => {
        const { incoming } = await linked();

        post({ source: 'local-console', kind: 'simulator', action: 'incoming', from: '+1' });

        expect(incoming).toEqual([expect.objectContaining({ from: '+1' })]);
        expect(incoming[0]).not.toHaveProperty('fromName');
    });
});

describe('linkSimulatorToConsole: remote hang-up', () => {
    const hangup = (callId?: string) => ({
        source: 'local-console',
        kind: 'simulator',
        action: 'remoteHangup',
        ...(callId === undefined ? {} : { callId })
    });

    it('hangs up the oldest live call when no call id is given', async () => {
        const { simulator, ended } = await linked();
        simulator.simulateIncoming({ from: '+14155550101' });

        post(hangup());

        expect(ended).toEqual([{ type: 'ended', callId: 'sim-1', reason: 'cancelled' }]);
        expect(simulator.liveCallIds()).toEqual([]);
    });

    it('hangs up the named call', async () => {
        const { simulator, ended } = await linked();
        simulator.simulateIncoming({ from: '+14155550101' });
        simulator.simulateIncoming({ from: '+14155550105' });

        post(hangup('sim-2'));

        expect(ended).toEqual([expect.objectContaining({ callId: 'sim-2' })]);
        expect(simulator.liveCallIds()).toEqual(['sim-1']);
    });

    it('does nothing when there is no live call', async () => {
        const { ended, errors } = await linked();

        post(hangup());

        expect(ended).toEqual([]);
        expect(errors).toEqual([]);
    });
});

describe('linkSimulatorToConsole: simulator refusals', () => {
    it('reports a call the simulator cannot take', async () => {
        const { incoming, errors } = await linked({ connected: false });

        post(incomingMessage());

        expect(incoming).toEqual([]);
        expect(errors).toEqual(['Cannot receive a call: the simulator is disconnected.']);
    });

    it('reports a hang-up of an unknown call', async () => {
        const { errors } = await linked();

        post({
            source: 'local-console',
            kind: 'simulator',
            action: 'remoteHangup',
            callId: 'sim-404'
        });

        expect(errors).toEqual([
            'Cannot simulate a remote hang-up on call "sim-404": the simulator has no such call.'
        ]);
    });
});
