import { parseCallEvent } from './call-event';
import { CallRegistry } from './call-registry';

describe('CallRegistry', () => {
    const ringing = (callid: string, extra: [string, string][] = [['queue', 'Sales']]) => {
        const parsed = parseCallEvent([
            ['callid', callid],
            ['type', 'ringing'],
            ['agent', 'a1'],
            ['ani', '+14155550101'],
            ...extra
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
        expect(registry.snapshot('a1').calls.map((call) => call.callid)).toEqual(['c1', 'c2']);
        expect(registry.isLive('a1', 'out-1')).toBe(true);
        now = 1000;
        expect(registry.snapshot('a1').calls.map((call) => call.callid)).toEqual(['c2']);
        now = 6000;
        expect(registry.size).toBe(2);
        expect(registry.snapshot('a1')).toEqual({ calls: [], invalid: 0, overLimit: 0 });
        expect(registry.size).toBe(0);
    });

    it('keeps at most its capacity of calls', () => {
        const registry = new CallRegistry({ now: () => 0, capacity: 2 });
        registry.record('a1', ringing('c1'));
        registry.record('a1', ringing('c2'));
        registry.record('a1', ringing('c3'));
        expect(registry.snapshot('a1').calls.map((call) => call.callid)).toEqual(['c2', 'c3']);
    });

    it('takes names of Object.prototype members as ordinary names, within the 20 pairs', () => {
        const registry = new CallRegistry({ now: () => 0 });
        const inherited = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
        const first = ringing('c1', [
            ...inherited.map((name): [string, string] => [name, `${name} value`]),
            ...Array.from({ length: 15 }, (_, i): [string, string] => [`k${i}`, 'v'])
        ]);
        expect(Object.keys(first.attributes)).toHaveLength(20);
        registry.record('a1', first);
        // An update may change the 20 names but never add a 21st, whatever it is called.
        const update = ringing('c1', [
            ['toString', 'changed'],
            ['propertyIsEnumerable', 'new'],
            ['isPrototypeOf', 'new']
        ]);
        const merged = registry.record('a1', { ...update, event: 'answered' });
        expect(Object.keys(merged.attributes)).toHaveLength(20);
        expect(merged.attributes['toString']).toBe('changed');
        expect(merged.attributes['__proto__']).toBe('__proto__ value');
        expect(Object.hasOwn(merged.attributes, 'propertyIsEnumerable')).toBe(false);
        const sent = JSON.parse(JSON.stringify(merged)) as { attributes: Record<string, string> };
        expect(Object.keys(sent.attributes)).toEqual(Object.keys(merged.attributes));
        const welcome = registry.snapshot('a1');
        expect(welcome).toMatchObject({ invalid: 0, overLimit: 0 });
        expect(welcome.calls[0]?.attributes['constructor']).toBe('constructor value');
    });

    it('leaves invalid calls and calls beyond the newest 1,000 out of the welcome', () => {
        const registry = new CallRegistry({ now: () => 0 });
        registry.record('a1', { ...ringing('bad-1'), ani: '<script>' });
        registry.record('a1', {
            ...ringing('bad-2'),
            attributes: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']))
        });
        for (let index = 0; index < 1001; index += 1) {
            registry.record('a1', ringing(`c${index}`));
        }
        const welcome = registry.snapshot('a1');
        expect(welcome.invalid).toBe(2);
        expect(welcome.overLimit).toBe(1);
        expect(welcome.calls).toHaveLength(1000);
        expect(welcome.calls[0]?.callid).toBe('c1');
        expect(welcome.calls[999]?.callid).toBe('c1000');
    });
});
