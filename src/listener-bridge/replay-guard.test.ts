import { ReplayGuard } from './replay-guard';

describe('ReplayGuard', () => {
    it('remembers keys for their time to live, at most its capacity', () => {
        let now = 0;
        const guard = new ReplayGuard(1000, 2, () => now);
        guard.remember('a');
        now = 500;
        guard.remember('b');
        expect(guard.has('a')).toBe(true);
        now = 1000;
        expect(guard.has('a')).toBe(false);
        expect(guard.has('b')).toBe(true);
        guard.remember('c');
        guard.remember('d');
        expect([guard.has('b'), guard.has('c'), guard.has('d')]).toEqual([false, true, true]);
        expect(guard.size).toBe(2);
    });
});
