import { markStart } from './start-marks';

describe('markStart', () => {
    it('marks the step on the timeline under the softphone: prefix', () => {
        const names: string[] = [];
        markStart('settings-read', { mark: (name: string) => names.push(name) });
        expect(names).toEqual(['softphone:settings-read']);
    });

    it('does nothing where the timeline has no marks', () => {
        expect(() => markStart('first-render', {})).not.toThrow();
    });
});
