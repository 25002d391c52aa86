import { FailureLimiter } from './failure-limiter';

describe('FailureLimiter', () => {
    let now = 0;
    const limiter = (capacity = 100) =>
        new FailureLimiter({
            maxFailures: 3,
            windowMs: 1000,
            lockoutMs: 5000,
            capacity,
            now: () => now
        });

    beforeEach(() => {
        now = 0;
    });

    it('locks an address out after too many failures within the window, then lets it in again', () => {
        const failures = limiter();
        expect(failures.fail('10.0.0.1')).toBe(false);
        expect(failures.fail('10.0.0.1')).toBe(false);
        expect(failures.lockedFor('10.0.0.1')).toBe(0);
        now = 100;
        expect(failures.fail('10.0.0.1')).toBe(true);
        expect(failures.lockedFor('10.0.0.1')).toBe(5000);
        expect(failures.lockedFor('10.0.0.2')).toBe(0);
        now = 5099;
        expect(failures.lockedFor('10.0.0.1')).toBe(1);
        // Failures during the lockout do not make it longer.
        expect(failures.fail('10.0.0.1')).toBe(false);
        now = 5100;
        expect(failures.lockedFor('10.0.0.1')).toBe(0);
    });

    it('forgets failures older than the window', () => {
        const failures = limiter();
        failures.fail('10.0.0.1');
        failures.fail('10.0.0.1');
        now = 1500;
        expect(failures.fail('10.0.0.1')).toBe(false);
        expect(failures.lockedFor('10.0.0.1')).toBe(0);
    });

    it('remembers at most its capacity of addresses, forgetting the least recent', () => {
        const failures = limiter(2);
        for (let index = 0; index < 3; index += 1) {
            failures.fail('10.0.0.1');
        }
        expect(failures.lockedFor('10.0.0.1')).toBe(5000);
        failures.fail('10.0.0.2');
        failures.fail('10.0.0.3');
        expect(failures.lockedFor('10.0.0.1')).toBe(0);
    });
});
