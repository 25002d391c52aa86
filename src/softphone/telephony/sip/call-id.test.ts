import { randomSipCallId } from './call-id';

describe('randomSipCallId', () => {
    it('makes "sip-" and 32 hex digits, different every time', () => {
        const ids = new Set(Array.from({ length: 100 }, () => randomSipCallId()));
        expect(ids.size).toBe(100);
        for (const id of ids) {
            expect(id).toMatch(/^sip-[0-9a-f]{32}$/);
        }
    });
});
