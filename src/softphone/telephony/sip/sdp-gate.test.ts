import { holdLocalDescription, isGateableConnection, SdpGate } from './sdp-gate';

/** A peer connection as far as the gate sees it; the gathering state is a prototype getter. */
class Connection {
    gathering = 'gathering';
    readonly set: unknown[] = [];
    private readonly listeners = new Set<(event: unknown) => void>();

    get iceGatheringState(): string {
        return this.gathering;
    }

    setLocalDescription(description?: unknown): Promise<void> {
        this.set.push(description);
        return Promise.resolve();
    }

    addEventListener(_type: 'icecandidate', listener: (event: unknown) => void): void {
        this.listeners.add(listener);
    }

    removeEventListener(_type: 'icecandidate', listener: (event: unknown) => void): void {
        this.listeners.delete(listener);
    }

    gathered(candidate: { type?: string } | null): void {
        for (const listener of [...this.listeners]) {
            listener({ candidate });
        }
    }

    get listening(): number {
        return this.listeners.size;
    }
}

/** Sets the description through the gate; reports whether it resolved yet. */
function setThroughGate(connection: Connection): { done: boolean; promise: Promise<void> } {
    const state = { done: false, promise: Promise.resolve() };
    state.promise = connection.setLocalDescription('offer').then(() => {
        state.done = true;
    });
    return state;
}

async function flush(): Promise<void> {
    for (let round = 0; round < 5; round += 1) {
        await Promise.resolve();
    }
}

describe('SdpGate and holdLocalDescription', () => {
    it('sets the description at once but resolves only when the gate opens', async () => {
        const connection = new Connection();
        const gate = new SdpGate();
        holdLocalDescription(connection, gate, false);
        const setting = setThroughGate(connection);
        await flush();
        expect(connection.set).toEqual(['offer']);
        expect(setting.done).toBe(false);
        expect(gate.isOpen).toBe(false);
        gate.open();
        gate.open();
        await setting.promise;
        expect(gate.isOpen).toBe(true);
        expect(connection.listening).toBe(0);
    });

    it('reads as complete once after a usable candidate, then as the browser says', async () => {
        const connection = new Connection();
        const gate = new SdpGate();
        holdLocalDescription(connection, gate, false);
        const setting = setThroughGate(connection);
        connection.gathered(null);
        connection.gathered({ type: 'host' });
        gate.open();
        await setting.promise;
        expect(connection.iceGatheringState).toBe('complete');
        expect(connection.iceGatheringState).toBe('gathering');
    });

    it('without a usable candidate, leaves the gathering state alone', async () => {
        const connection = new Connection();
        const gate = new SdpGate();
        holdLocalDescription(connection, gate, true);
        const setting = setThroughGate(connection);
        connection.gathered({ type: 'host' });
        gate.open();
        await setting.promise;
        expect(connection.iceGatheringState).toBe('gathering');
    });

    it.each(['srflx', 'relay'])('with ICE servers, a %s candidate is usable', async (type) => {
        const connection = new Connection();
        const gate = new SdpGate();
        holdLocalDescription(connection, gate, true);
        const setting = setThroughGate(connection);
        connection.gathered({ type });
        gate.open();
        await setting.promise;
        expect(connection.iceGatheringState).toBe('complete');
    });

    it('a gathering already complete needs nothing', async () => {
        const connection = new Connection();
        const gate = new SdpGate();
        holdLocalDescription(connection, gate, false);
        const setting = setThroughGate(connection);
        connection.gathered({ type: 'host' });
        connection.gathering = 'complete';
        gate.open();
        await setting.promise;
        connection.gathering = 'gathering';
        expect(connection.iceGatheringState).toBe('gathering');
    });

    it('holds only the first description: later offers (hold, resume) are not held', async () => {
        const connection = new Connection();
        holdLocalDescription(connection, new SdpGate(), false);
        void connection.setLocalDescription('offer');
        const later = setThroughGate(connection);
        await later.promise;
        expect(later.done).toBe(true);
        expect(connection.set).toEqual(['offer', 'offer']);
    });

    it('restores a description method that was the object’s own', async () => {
        const setLocalDescription = jest.fn(() => Promise.resolve());
        const connection = {
            setLocalDescription,
            iceGatheringState: 'complete',
            addEventListener: () => undefined,
            removeEventListener: () => undefined
        };
        const gate = new SdpGate();
        holdLocalDescription(connection, gate, false);
        void connection.setLocalDescription();
        expect(connection.setLocalDescription).toBe(setLocalDescription);
        gate.open();
        await flush();
    });

    it('tells a peer connection it can hold from anything else', () => {
        expect(isGateableConnection(new Connection())).toBe(true);
        expect(isGateableConnection(null)).toBe(false);
        expect(isGateableConnection({ setLocalDescription: () => undefined })).toBe(false);
    });
});
