import { createPanelOpener } from './panel-opener';

describe('createPanelOpener', () => {
    it('opens the panel through Open CTI when not headless, ignoring a refusal', async () => {
        const setSoftphonePanelVisibility = jest.fn(() => Promise.reject(new Error('no')));
        createPanelOpener({ setSoftphonePanelVisibility }, false)();
        await Promise.resolve();
        expect(setSoftphonePanelVisibility).toHaveBeenCalledWith(true);
    });

    it('never opens the panel when headless', () => {
        const setSoftphonePanelVisibility = jest.fn(() => Promise.resolve());
        createPanelOpener({ setSoftphonePanelVisibility }, true)();
        expect(setSoftphonePanelVisibility).not.toHaveBeenCalled();
    });
});
