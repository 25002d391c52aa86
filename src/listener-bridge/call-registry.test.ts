import { parseCallEvent } from './call-event';
import { CallRegistry } from './call-registry';

describe('CallRegistry', () => {
    const ringing = (callid: string) => {
        const parsed = parseCallEvent([
            ['callid', callid],
            ['type', 'ringing'],
            ['agent', 'a1'],
            ['ani', '+14155550101'],
            ['queue', 'Sales']
        ]);
        if (!parsed.ok) {
            throw new Error(parsed.error);
        }
        return parsed.event.message;
    };

    it("merges events, lists an agent's calls and forgets ended ones after a while", () => {
        let now = 0;
        const registry = new CallRegistry({ now: () => now, endedTtlMs: 1000, liveTtlMs: 5000 });
        registry.record('a1', ringing('c1'));
        const ended = registry.record('a1', {
            type: 'call',
            event: 'ended',
            callid: 'c1',
            ani: '',
            dnis: '',
            attributes: { reason: 'busy' }
        });
        expect(ended).toEqual({
            type: 'call',
            event: 'ended',
            callid: 'c1',
            ani: '+14155550101',
            dnis: '',
            attributes: { queue: 'Sales', reason: 'busy' }
        });
        expect(registry.isLive('a1', 'c1')).toBe(false);
        expect(registry.knows('a1', 'c1')).toBe(true);
        expect(registry.knows('a2', 'c1')).toBe(false);
        registry.record('a1', ringing('c2'));
        registry.recordDialled('a1', 'out-1');
        expect(registry.snapshot('a1').map((call) => call.callid)).toEqual(['c1', 'c2']);
        expect(registry.isLive('a1', 'out-1')).toBe(true);
        now = 1000;
        expect(registry.snapshot('a1').map((call) => call.callid)).toEqual(['c2']);
        now = 6000;
        expect(registry.size).toBe(2);
        expect(registry.snapshot('a1')).toEqual([]);
        expect(registry.size).toBe(0);
    });

    it('keeps at most its capacity of calls', () => {
        const registry = new CallRegistry({ now: () => 0, capacity: 2 });
        registry.record('a1', ringing('c1'));
        registry.record('a1', ringing('c2'));
        registry.record('a1', ringing('c3'));
        expect(registry.snapshot('a1').map((call) => call.callid)).toEqual(['c2', 'c3']);
    });
});
