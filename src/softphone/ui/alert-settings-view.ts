import { label, type LabelName } from '../i18n';
import type { AlertPreferences } from './alert-preferences';
import type { NotificationPermissionState } from './desktop-notifier';
import { button, el, setHidden, setText, type IdFactory } from './dom';

export interface AlertSettingsActions {
    readonly preferences: () => AlertPreferences;
    readonly setPreferences: (change: Partial<AlertPreferences>) => void;
    /** Whether the ringtone's output device can be chosen (setSinkId). */
    readonly canChooseOutput: boolean;
    /** The audio outputs the browser lists (enumerateDevices 'audiooutput'). */
    readonly listOutputs: () => Promise<readonly { deviceId: string; label: string }[]>;
    readonly notificationPermission: () => NotificationPermissionState;
    /** Asks the browser; only ever called from the agent's click. */
    readonly requestNotifications: () => Promise<NotificationPermissionState>;
}

const permissionTexts: Readonly<Record<NotificationPermissionState, LabelName>> = {
    default: 'Softphone_Notifications_Off',
    granted: 'Softphone_Notifications_On',
    denied: 'Softphone_Notifications_Blocked',
    unsupported: 'Softphone_Notifications_Unsupported'
};

/**
 * The softphone's settings area: ringtone on/off, its volume and output device (remembered in
 * this browser), and desktop notifications (permission asked from the agent's click only).
 */
export class AlertSettingsView {
    readonly element: HTMLElement;
    private readonly ringtone: HTMLInputElement;
    private readonly volume: HTMLInputElement;
    private readonly output: HTMLSelectElement;
    private readonly outputField: HTMLElement;
    private readonly notifyButton: HTMLButtonElement;
    private readonly notifyStatus: HTMLElement;

    constructor(
        ids: IdFactory,
        private readonly actions: AlertSettingsActions
    ) {
        const ringtoneId = ids('ringtone');
        const volumeId = ids('ringtone-volume');
        const outputId = ids('ringtone-output');
        this.ringtone = el('input', { attrs: { type: 'checkbox', id: ringtoneId } });
        this.ringtone.addEventListener('change', () =>
            actions.setPreferences({ ringtone: this.ringtone.checked })
        );
        this.volume = el('input', {
            className: 'slds-slider',
            attrs: { type: 'range', id: volumeId, min: '0', max: '100', step: '10' }
        });
        this.volume.addEventListener('change', () =>
            actions.setPreferences({ volume: Number(this.volume.value) / 100 })
        );
        this.output = el('select', { className: 'slds-select', attrs: { id: outputId } }, [
            el('option', { attrs: { value: '' }, text: label('Softphone_Browser_Default') })
        ]);
        this.output.addEventListener('change', () =>
            actions.setPreferences({ outputDeviceId: this.output.value })
        );
        this.outputField = el('div', { className: 'slds-form-element' }, [
            el('label', {
                className: 'slds-form-element__label',
                attrs: { for: outputId },
                text: label('Softphone_Ringtone_Output')
            }),
            el('div', { className: 'slds-form-element__control' }, [
                el('div', { className: 'slds-select_container' }, [this.output])
            ])
        ]);
        this.notifyStatus = el('p', {
            className: 'slds-text-body_small softphone-settings__status',
            attrs: { role: 'status' }
        });
        this.notifyButton = button(
            label('Softphone_Turn_On_Notifications'),
            'slds-button slds-button_neutral',
            () => void this.askForNotifications()
        );
        this.element = el('details', { className: 'softphone-settings' }, [
            el('summary', {
                className: 'softphone-settings__summary',
                text: label('Softphone_Ringtone_And_Notifications')
            }),
            el('div', { className: 'softphone-settings__body' }, [
                el('div', { className: 'slds-form-element' }, [
                    el('div', { className: 'slds-form-element__control' }, [
                        el('div', { className: 'slds-checkbox' }, [
                            this.ringtone,
                            el(
                                'label',
                                { className: 'slds-checkbox__label', attrs: { for: ringtoneId } },
                                [
                                    el('span', { className: 'slds-checkbox_faux' }),
                                    el('span', {
                                        className: 'slds-form-element__label',
                                        text: label('Softphone_Ring_Incoming')
                                    })
                                ]
                            )
                        ])
                    ])
                ]),
                el('div', { className: 'slds-form-element' }, [
                    el('label', {
                        className: 'slds-form-element__label',
                        attrs: { for: volumeId },
                        text: label('Softphone_Ringtone_Volume')
                    }),
                    el('div', { className: 'slds-form-element__control' }, [this.volume])
                ]),
                this.outputField,
                this.notifyButton,
                this.notifyStatus
            ])
        ]);
        // Devices are listed when the agent opens the settings, not on load.
        this.element.addEventListener('toggle', () => {
            if ((this.element as HTMLDetailsElement).open) {
                void this.listOutputs();
            }
        });
        this.refresh();
    }

    /** Shows the stored preferences and the notification permission as they are now. */
    refresh(): void {
        const preferences = this.actions.preferences();
        this.ringtone.checked = preferences.ringtone;
        this.volume.value = String(Math.round(preferences.volume * 100));
        this.volume.disabled = !preferences.ringtone;
        setHidden(this.outputField, !this.actions.canChooseOutput);
        const permission = this.actions.notificationPermission();
        setText(this.notifyStatus, label(permissionTexts[permission]));
        setHidden(this.notifyButton, permission !== 'default');
    }

    private async askForNotifications(): Promise<void> {
        await this.actions.requestNotifications();
        this.refresh();
    }

    private async listOutputs(): Promise<void> {
        if (!this.actions.canChooseOutput) {
            return;
        }
        let outputs: readonly { deviceId: string; label: string }[] = [];
        try {
            outputs = await this.actions.listOutputs();
        } catch {
            outputs = [];
        }
        const chosen = this.actions.preferences().outputDeviceId;
        const options = [
            { deviceId: '', label: label('Softphone_Browser_Default') },
            ...outputs.filter((o) => o.deviceId !== '' && o.deviceId !== 'default')
        ];
        this.output.replaceChildren(
            ...options.map((output, index) =>
                el('option', {
                    attrs: { value: output.deviceId },
                    text: output.label || label('Softphone_Output_Number', index)
                })
            )
        );
        this.output.value = options.some((output) => output.deviceId === chosen) ? chosen : '';
    }
}
