import { createDigitPad, isPadDigit } from './digit-pad';
import {
    button,
    el,
    setAttr,
    setClass,
    setDisabled,
    setHidden,
    setText,
    type IdFactory
} from './dom';
import type { SoftphoneViewModel } from './view-model';

/** Why the keypad cannot dial, when main.ts gave no reason of its own. */
export function dialBlockedReason(model: SoftphoneViewModel): string {
    if (model.dialBlockedReason) {
        return model.dialBlockedReason;
    }
    if (model.connection.offlineByChoice === true && model.agentState === 'Offline') {
        return 'You are Offline: choose Available in Status to make calls.';
    }
    if (model.connection.status !== 'connected') {
        return 'Calling is unavailable until the phone system is connected.';
    }
    if (model.wrapUp) {
        return 'Finish wrap-up before making another call.';
    }
    return 'Calling is unavailable in your current status.';
}

/** The dial pad shown when no call is live. */
export class KeypadView {
    readonly element: HTMLElement;
    /** Where focus goes when the control that had it disappears. */
    readonly input: HTMLInputElement;
    private readonly formElement: HTMLElement;
    private readonly fieldError: HTMLElement;
    private readonly callButton: HTMLButtonElement;
    private readonly reason: HTMLElement;
    private canDial = false;

    constructor(
        ids: IdFactory,
        private readonly onDial: (number: string) => void
    ) {
        const inputId = ids('number');
        const errorId = ids('number-error');
        const reasonId = ids('dial-reason');
        this.input = el('input', {
            className: 'slds-input',
            attrs: { id: inputId, type: 'tel', autocomplete: 'off', inputmode: 'tel' }
        });
        this.input.addEventListener('keydown', (event) => {
            if (event.key === 'Enter') {
                event.preventDefault();
                this.dial();
            }
        });
        this.input.addEventListener('input', () => this.showError(false));
        this.fieldError = el('div', {
            className: 'slds-form-element__help',
            attrs: { id: errorId },
            text: 'Enter a phone number'
        });
        this.formElement = el('div', { className: 'slds-form-element' }, [
            el('label', {
                className: 'slds-form-element__label',
                attrs: { for: inputId },
                text: 'Phone number'
            }),
            el('div', { className: 'slds-form-element__control softphone-keypad__field' }, [
                this.input,
                button('⌫', 'slds-button slds-button_neutral', () => this.backspace(), {
                    'aria-label': 'Backspace',
                    title: 'Backspace'
                })
            ]),
            this.fieldError
        ]);
        const pad = createDigitPad('Dial pad', (digit) => this.append(digit));
        // Typing a digit while a pad key has focus dials it, as on a desk phone.
        pad.addEventListener('keydown', (event) => {
            if (isPadDigit(event.key)) {
                event.preventDefault();
                this.append(event.key);
            }
        });
        this.callButton = button(
            'Call',
            'slds-button slds-button_brand softphone-keypad__call',
            () => this.dial()
        );
        setAttr(this.callButton, 'aria-describedby', reasonId);
        this.reason = el('p', {
            className: 'softphone-keypad__reason slds-text-color_weak',
            attrs: { id: reasonId }
        });
        this.element = el(
            'section',
            {
                className: 'slds-card softphone-card softphone-keypad',
                attrs: { 'aria-label': 'Keypad' }
            },
            [
                this.formElement,
                pad,
                el('div', { className: 'softphone-keypad__actions' }, [
                    this.callButton,
                    button('Clear', 'slds-button slds-button_neutral', () => this.clear())
                ]),
                this.reason
            ]
        );
        this.showError(false);
    }

    update(model: SoftphoneViewModel): void {
        this.canDial = model.canDial;
        setDisabled(this.callButton, !model.canDial);
        setText(this.reason, model.canDial ? '' : dialBlockedReason(model));
        setHidden(this.reason, model.canDial);
    }

    private dial(): void {
        if (!this.canDial) {
            return;
        }
        const number = this.input.value.trim();
        if (number === '') {
            this.showError(true);
            this.input.focus();
            return;
        }
        this.onDial(number);
        this.input.value = '';
    }

    private append(digit: string): void {
        this.input.value += digit;
        this.showError(false);
    }

    private backspace(): void {
        this.input.value = this.input.value.slice(0, -1);
    }

    private clear(): void {
        this.input.value = '';
        this.showError(false);
        this.input.focus();
    }

    private showError(on: boolean): void {
        setClass(this.formElement, 'slds-has-error', on);
        setHidden(this.fieldError, !on);
        setAttr(this.input, 'aria-invalid', on ? 'true' : null);
        setAttr(this.input, 'aria-describedby', on ? this.fieldError.id : null);
    }
}
