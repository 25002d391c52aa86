import { label } from '../i18n';
import { createDigitPad, isPadDigit } from './digit-pad';
import {
    button,
    clip,
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
        return label('Softphone_Dial_Offline');
    }
    if (model.connection.status !== 'connected') {
        return label('Softphone_Dial_Not_Connected');
    }
    if (model.wrapUp) {
        return label('Softphone_Dial_Wrap_Up');
    }
    return label('Softphone_Dial_Unavailable');
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
    private readonly reasonId: string;
    private canDial = false;
    /** A Call is being placed: a second press waits for it. */
    private placing = false;
    /** The keypad asked for a call and waits to hear how it went (the field is kept until then). */
    private awaiting = false;
    /** The last refusal shown, so a render does not bring it back once the agent typed. */
    private shownRefusal: number | undefined;

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
        this.input.addEventListener('input', () => this.showError(undefined));
        this.fieldError = el('div', {
            className: 'slds-form-element__help',
            attrs: { id: errorId }
        });
        this.formElement = el('div', { className: 'slds-form-element' }, [
            el('label', {
                className: 'slds-form-element__label',
                attrs: { for: inputId },
                text: label('Softphone_Phone_Number')
            }),
            el('div', { className: 'slds-form-element__control softphone-keypad__field' }, [
                this.input,
                button('⌫', 'slds-button slds-button_neutral', () => this.backspace(), {
                    'aria-label': label('Softphone_Backspace'),
                    title: label('Softphone_Backspace')
                })
            ]),
            this.fieldError
        ]);
        const pad = createDigitPad(label('Softphone_Dial_Pad'), (digit) => this.append(digit));
        // Typing a digit while a pad key has focus dials it, as on a desk phone.
        pad.addEventListener('keydown', (event) => {
            if (isPadDigit(event.key)) {
                event.preventDefault();
                this.append(event.key);
            }
        });
        this.callButton = button(
            label('Softphone_Call_Button'),
            'slds-button slds-button_brand softphone-keypad__call',
            () => this.dial()
        );
        this.reasonId = reasonId;
        setAttr(this.callButton, 'aria-describedby', reasonId);
        this.reason = el('p', {
            className: 'softphone-keypad__reason slds-text-color_weak',
            attrs: { id: reasonId }
        });
        this.element = el(
            'section',
            {
                className: 'slds-card softphone-card softphone-keypad',
                attrs: { 'aria-label': label('Softphone_Keypad') }
            },
            [
                this.formElement,
                pad,
                el('div', { className: 'softphone-keypad__actions' }, [
                    this.callButton,
                    button(label('Softphone_Clear'), 'slds-button slds-button_neutral', () =>
                        this.clear()
                    )
                ]),
                this.reason
            ]
        );
        this.showError(undefined);
    }

    update(model: SoftphoneViewModel): void {
        this.canDial = model.canDial;
        const attempt = model.dialAttempt;
        this.placing = attempt?.status === 'placing';
        if (attempt?.status === 'refused' && attempt.id !== this.shownRefusal) {
            // Refused: the agent's number stays in the field, with the reason beside it.
            this.shownRefusal = attempt.id;
            this.awaiting = false;
            if (this.input.value.trim() === '') {
                this.input.value = attempt.number;
            }
            this.showError(attempt.message ?? label('Softphone_Dial_Failed'));
        } else if (attempt === undefined && this.awaiting) {
            // Placed: the number has done its job.
            this.awaiting = false;
            this.input.value = '';
            this.showError(undefined);
        }
        setDisabled(this.callButton, !model.canDial);
        const reason = model.canDial
            ? this.placing
                ? label('Softphone_State_Dialing', clip(attempt?.number ?? '', 40))
                : ''
            : dialBlockedReason(model);
        setText(this.reason, reason);
        setHidden(this.reason, reason === '');
    }

    /** Dials a number from elsewhere (Redial): it shows in the field, as if typed. */
    dialNumber(number: string): void {
        this.input.value = number;
        this.showError(undefined);
        this.dial();
    }

    private dial(): void {
        if (!this.canDial || this.placing) {
            return;
        }
        const number = this.input.value.trim();
        if (number === '') {
            this.showError(label('Softphone_Dial_Empty'));
            this.input.focus();
            return;
        }
        this.showError(undefined);
        this.awaiting = true;
        this.onDial(number);
    }

    private append(digit: string): void {
        this.input.value += digit;
        this.showError(undefined);
    }

    private backspace(): void {
        this.input.value = this.input.value.slice(0, -1);
        this.showError(undefined);
    }

    private clear(): void {
        this.input.value = '';
        this.showError(undefined);
        this.input.focus();
    }

    /** The reason next to the field (undefined: none), tied to the field and the Call button. */
    private showError(message: string | undefined): void {
        const on = message !== undefined;
        setText(this.fieldError, message ?? '');
        setClass(this.formElement, 'slds-has-error', on);
        setHidden(this.fieldError, !on);
        setAttr(this.input, 'aria-invalid', on ? 'true' : null);
        setAttr(this.input, 'aria-describedby', on ? this.fieldError.id : null);
        setAttr(
            this.callButton,
            'aria-describedby',
            on ? `${this.fieldError.id} ${this.reasonId}` : this.reasonId
        );
    }
}
