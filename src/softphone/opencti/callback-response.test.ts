import { readCallbackResponse } from './callback-response';

describe('readCallbackResponse', () => {
    it('reads success with a null returnValue when it is missing', () => {
        const response = { success: true };
        expect(readCallbackResponse(response)).toEqual({ ok: true, returnValue: null, response });
    });

    it('reads success only when success is exactly true', () => {
        expect(readCallbackResponse({ success: 'true', returnValue: 1 }).ok).toBe(false);
    });

    it('deduplicates, trims and caps messages', () => {
        const outcome = readCallbackResponse({
            success: false,
            errors: [' same ', 'same', { message: 'from message' }, 'x'.repeat(1200)]
        });
        expect(!outcome.ok && outcome.messages.map((m) => m.length)).toEqual([4, 12, 1000]);
    });

    it('accepts a single error that is not in an array', () => {
        const outcome = readCallbackResponse({ success: false, errors: 'Only one' });
        expect(!outcome.ok && outcome.messages).toEqual(['Only one']);
    });
});
