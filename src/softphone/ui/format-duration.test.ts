/** @jest-environment jsdom */
import { formatDuration, formatTimer, secondsSince, secondsUntil } from './format-duration';

describe('formatTimer', () => {
    it.each([
        [0, '00:00'],
        [5, '00:05'],
        [65, '01:05'],
        [3599, '59:59'],
        [3600, '1:00:00'],
        [3725, '1:02:05'],
        [36000, '10:00:00']
    ])('shows %p seconds as %p', (seconds, text) => {
        expect(formatTimer(seconds)).toBe(text);
    });

    it('never shows a negative or broken time', () => {
        expect(formatTimer(-3)).toBe('00:00');
        expect(formatTimer(Number.NaN)).toBe('00:00');
        expect(formatTimer(59.9)).toBe('00:59');
    });
});

describe('formatDuration', () => {
    it.each([
        [0, '0:00'],
        [42, '0:42'],
        [725, '12:05'],
        [3723, '1:02:03']
    ])('shows %p seconds as %p', (seconds, text) => {
        expect(formatDuration(seconds)).toBe(text);
    });
});

describe('secondsSince / secondsUntil', () => {
    it('counts whole seconds elapsed, never below zero', () => {
        expect(secondsSince(1000, 3999)).toBe(2);
        expect(secondsSince(5000, 1000)).toBe(0);
    });

    it('rounds a countdown up so zero shows only at the deadline', () => {
        expect(secondsUntil(10_000, 9_001)).toBe(1);
        expect(secondsUntil(10_000, 10_000)).toBe(0);
        expect(secondsUntil(10_000, 20_000)).toBe(0);
    });
});
