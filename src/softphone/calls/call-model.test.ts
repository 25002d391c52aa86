import { systemClock } from './call-model';

describe('systemClock', () => {
    afterEach(() => {
        jest.useRealTimers();
    });

    it('reads the wall clock in epoch milliseconds', () => {
        jest.useFakeTimers({ now: Date.UTC(2026, 0, 15, 12, 0, 0) });
        expect(systemClock.now()).toBe(Date.UTC(2026, 0, 15, 12, 0, 0));
        jest.setSystemTime(Date.UTC(2026, 0, 15, 12, 0, 1));
        expect(systemClock.now()).toBe(Date.UTC(2026, 0, 15, 12, 0, 1));
    });
});
