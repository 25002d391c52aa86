import { talkTimeSeconds } from './ended-call';

describe('talkTimeSeconds', () => {
    it('is 0 for a call that was never answered', () => {
        expect(talkTimeSeconds(undefined, 90_000)).toBe(0);
    });

    it('counts from the answer to the end, rounded to whole seconds', () => {
        expect(talkTimeSeconds(10_000, 75_000)).toBe(65);
        expect(talkTimeSeconds(10_000, 10_499)).toBe(0);
        expect(talkTimeSeconds(10_000, 10_500)).toBe(1);
    });

    it('never goes negative when the clock steps back', () => {
        expect(talkTimeSeconds(10_000, 9000)).toBe(0);
    });
});
