import {
    AGENT_STATUS_KEY,
    AgentStatusMemory,
    initialAgentStatus,
    isChosenState,
    parseChosenStatus
} from './agent-status-memory';

const reasons = ['Lunch', 'Training'];

function memoryStorage(initial: Record<string, string> = {}) {
    const values = new Map(Object.entries(initial));
    return {
        values,
        getItem: (key: string) => values.get(key) ?? null,
        setItem: (key: string, value: string) => void values.set(key, value)
    };
}

describe('parseChosenStatus', () => {
    it.each([
        ['nothing stored', null],
        ['not JSON', '{'],
        ['not an object', '"Available"'],
        ['null', 'null'],
        ['a state the agent cannot pick', '{"state":"Busy"}'],
        ['no state', '{"reason":"Lunch"}']
    ])('ignores %s', (_case, raw) => {
        expect(parseChosenStatus(raw, reasons)).toBeUndefined();
    });

    it('keeps a Break reason only while the call center still offers it', () => {
        expect(parseChosenStatus('{"state":"Break","reason":"Lunch"}', reasons)).toEqual({
            state: 'Break',
            reason: 'Lunch'
        });
        expect(parseChosenStatus('{"state":"Break","reason":"Gym"}', reasons)).toEqual({
            state: 'Break'
        });
        expect(parseChosenStatus('{"state":"Offline","reason":"Lunch"}', reasons)).toEqual({
            state: 'Offline'
        });
    });
});

describe('AgentStatusMemory', () => {
    it('remembers the chosen status across instances (another load)', () => {
        const storage = memoryStorage();
        new AgentStatusMemory(storage, reasons).write({ state: 'Break', reason: 'Training' });
        expect(storage.values.get(AGENT_STATUS_KEY)).toBe('{"state":"Break","reason":"Training"}');
        expect(new AgentStatusMemory(storage, reasons).read()).toEqual({
            state: 'Break',
            reason: 'Training'
        });
    });

    it('works without storage, and when storage throws', () => {
        expect(new AgentStatusMemory(undefined, reasons).read()).toBeUndefined();
        const throwing = {
            getItem: () => {
                throw new Error('blocked');
            },
            setItem: () => {
                throw new Error('full');
            }
        };
        const memory = new AgentStatusMemory(throwing, reasons);
        expect(() => memory.write({ state: 'Offline' })).not.toThrow();
        expect(memory.read()).toBeUndefined();
    });
});

describe('initialAgentStatus', () => {
    it('follows an explicit setting whatever was remembered or restored', () => {
        expect(initialAgentStatus('Offline', { state: 'Available' }, 'Break')).toEqual({
            state: 'Offline'
        });
        expect(initialAgentStatus('Available', { state: 'Offline' }, 'Offline')).toEqual({
            state: 'Available'
        });
    });

    it('LastState: the remembered choice, else the restored Offline or Break, else Available', () => {
        expect(
            initialAgentStatus('LastState', { state: 'Break', reason: 'Lunch' }, 'Offline')
        ).toEqual({ state: 'Break', reason: 'Lunch' });
        expect(initialAgentStatus('LastState', undefined, 'Break')).toEqual({ state: 'Break' });
        expect(initialAgentStatus('LastState', undefined, 'Busy')).toEqual({ state: 'Available' });
        expect(initialAgentStatus('LastState', undefined, undefined)).toEqual({
            state: 'Available'
        });
    });

    it('knows which states the agent picks by hand', () => {
        expect(
            ['Offline', 'Available', 'Break', 'Busy', 'AfterCallWork'].map((s) =>
                isChosenState(s as never)
            )
        ).toEqual([true, true, true, false, false]);
    });
});
