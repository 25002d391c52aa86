/** @jest-environment jsdom */
import { defaultAlertPreferences, type AlertPreferences } from './alert-preferences';
import { AlertSettingsView, type AlertSettingsActions } from './alert-settings-view';
import type { NotificationPermissionState } from './desktop-notifier';
import { createIdFactory } from './dom';
import { fieldLabelled, visibleText } from './test-support/softphone-fixtures';

function setup(overrides: Partial<AlertSettingsActions> = {}) {
    let preferences: AlertPreferences = defaultAlertPreferences;
    let permission: NotificationPermissionState = 'default';
    const requestNotifications = jest.fn(() => {
        permission = 'granted';
        return Promise.resolve(permission);
    });
    const setPreferences = jest.fn((change: Partial<AlertPreferences>) => {
        preferences = { ...preferences, ...change };
        view.refresh();
    });
    const view: AlertSettingsView = new AlertSettingsView(createIdFactory('test'), {
        preferences: () => preferences,
        setPreferences,
        canChooseOutput: true,
        listOutputs: () =>
            Promise.resolve([
                { deviceId: 'default', label: 'Default' },
                { deviceId: 'headset', label: 'Headset' },
                { deviceId: 'speaker', label: '' }
            ]),
        notificationPermission: () => permission,
        requestNotifications,
        ...overrides
    });
    document.body.replaceChildren(view.element);
    return { view, setPreferences, requestNotifications };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function open(view: AlertSettingsView): Promise<void> {
    (view.element as HTMLDetailsElement).open = true;
    view.element.dispatchEvent(new Event('toggle'));
    await flush();
}

describe('AlertSettingsView', () => {
    afterEach(() => document.body.replaceChildren());

    it('shows the stored choices and saves each change', () => {
        const { setPreferences } = setup();
        const ringtone = fieldLabelled<HTMLInputElement>(document.body, 'Ring for incoming calls');
        const volume = fieldLabelled<HTMLInputElement>(document.body, 'Ringtone volume');
        expect(ringtone.checked).toBe(true);
        expect(volume.value).toBe('80');
        ringtone.click();
        expect(setPreferences).toHaveBeenLastCalledWith({ ringtone: false });
        expect(volume.disabled).toBe(true);
        volume.value = '30';
        volume.dispatchEvent(new Event('change'));
        expect(setPreferences).toHaveBeenLastCalledWith({ volume: 0.3 });
    });

    it('lists the outputs when opened (not on load) and saves the chosen one', async () => {
        const listOutputs = jest.fn(() =>
            Promise.resolve([{ deviceId: 'headset', label: 'Headset' }])
        );
        const { view, setPreferences } = setup({ listOutputs });
        expect(listOutputs).not.toHaveBeenCalled();
        await open(view);
        const output = fieldLabelled<HTMLSelectElement>(document.body, 'Ringtone output');
        expect([...output.options].map((option) => option.text)).toEqual([
            'Browser default',
            'Headset'
        ]);
        output.value = 'headset';
        output.dispatchEvent(new Event('change'));
        expect(setPreferences).toHaveBeenLastCalledWith({ outputDeviceId: 'headset' });
    });

    it('names unlabelled outputs and survives a failed listing', async () => {
        const { view } = setup();
        await open(view);
        const output = fieldLabelled<HTMLSelectElement>(document.body, 'Ringtone output');
        expect([...output.options].map((option) => option.text)).toEqual([
            'Browser default',
            'Headset',
            'Output 2'
        ]);
        const failing = setup({ listOutputs: () => Promise.reject(new Error('denied')) });
        await open(failing.view);
        expect(
            fieldLabelled<HTMLSelectElement>(document.body, 'Ringtone output').options
        ).toHaveLength(1);
    });

    it('hides the output choice where the browser cannot route audio', () => {
        setup({ canChooseOutput: false });
        const output = document.querySelector('select') as HTMLSelectElement;
        expect((output.closest('.slds-form-element') as HTMLElement).hidden).toBe(true);
    });

    it('asks for notification permission only on the click, and says the result', async () => {
        const { requestNotifications } = setup();
        expect(requestNotifications).not.toHaveBeenCalled();
        expect(visibleText(document.body)).toContain('Desktop notifications are off.');
        const turnOn = [...document.querySelectorAll('button')].find(
            (button) => button.textContent === 'Turn on desktop notifications'
        ) as HTMLButtonElement;
        turnOn.click();
        await flush();
        expect(requestNotifications).toHaveBeenCalledTimes(1);
        expect(turnOn.hidden).toBe(true);
        expect(visibleText(document.body)).toContain('Desktop notifications are on');
    });

    it.each([
        ['denied', 'blocked for this site'],
        ['unsupported', 'cannot show desktop notifications']
    ] as const)('explains a %s permission without offering the button', (permission, text) => {
        setup({ notificationPermission: () => permission });
        expect(visibleText(document.body)).toContain(text);
        const turnOn = [...document.querySelectorAll('button')].find(
            (button) => button.textContent === 'Turn on desktop notifications'
        ) as HTMLButtonElement;
        expect(turnOn.hidden).toBe(true);
    });
});
