// lightning-input, played with SLDS input markup for the text-like types (text, tel, email,
// search, url, number). Public properties as the base component's: label, name, type, value,
// placeholder, max-length, disabled, read-only, required, variant (label-hidden); event: change
// with detail.value on every edit, as the base component fires it. Not played: checkbox, toggle,
// date and file types, field-level validation messages.
import { LightningElement, api } from 'lwc';

let sequence = 0;

export default class Input extends LightningElement {
    @api label;
    @api name;
    @api type = 'text';
    @api value;
    @api placeholder;
    @api maxLength;
    @api disabled = false;
    @api readOnly = false;
    @api required = false;
    @api variant;

    inputId = `lc-input-${++sequence}`;

    get labelClass() {
        return this.variant === 'label-hidden'
            ? 'slds-form-element__label slds-assistive-text'
            : 'slds-form-element__label';
    }

    handleInput(event) {
        event.stopPropagation();
        this.dispatchEvent(new CustomEvent('change', { detail: { value: event.target.value } }));
    }

    handleNativeChange(event) {
        event.stopPropagation();
    }
}
