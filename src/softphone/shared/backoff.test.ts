import { computeRetryDelay, defaultBackoffPolicy } from './backoff';

describe('computeRetryDelay', () => {
    it('doubles from 1 s and caps at 60 s with no jitter drawn (random → 1)', () => {
        const delays = [1, 2, 3, 4, 5, 6, 7, 8, 50, 1000].map((attempt) =>
            computeRetryDelay(attempt, () => 1)
        );
        expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000]);
    });

    it('jitters between half and all of the step', () => {
        expect(computeRetryDelay(3, () => 0)).toBe(2000);
        expect(computeRetryDelay(3, () => 0.5)).toBe(3000);
        expect(computeRetryDelay(20, () => 0)).toBe(defaultBackoffPolicy.maxDelayMs / 2);
    });

    it('tolerates a bad random source and attempt 0', () => {
        expect(computeRetryDelay(0, () => Number.NaN)).toBeGreaterThanOrEqual(500);
        expect(computeRetryDelay(1, () => 7)).toBe(1000);
    });
});
