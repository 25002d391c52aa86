import SoftphoneUnavailable from 'c/softphoneUnavailable';
import { $, cleanUpComponents, flush, mount, text } from '../../../../../test/lwc-test-utils';

describe('c-softphone-unavailable', () => {
    afterEach(cleanUpComponents);

    it('says why, how to open the softphone, and asks the parent to check again', async () => {
        const element = mount('c-softphone-unavailable', SoftphoneUnavailable, {
            heading: 'The softphone stopped answering.'
        });
        await flush();
        expect($(element, '[role="alert"]')).not.toBeNull();
        expect(text(element, '.unavailable-title')).toBe('The softphone stopped answering.');
        expect(text(element, '.how-to-open')).toMatch(/Phone/);
        const checkAgain = jest.fn();
        element.addEventListener('checkagain', checkAgain);
        $(element, 'lightning-button.check-again').click();
        expect(checkAgain).toHaveBeenCalledTimes(1);
    });

    it('is accessible', async () => {
        const element = mount('c-softphone-unavailable', SoftphoneUnavailable, {
            heading: 'No softphone is answering.'
        });
        await flush();
        await expect(element).toBeAccessible();
    });
});
