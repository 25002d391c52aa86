// lightning-textarea, played with SLDS textarea markup. Public properties as the base component's:
// label, name, value, placeholder, max-length, disabled, read-only, required, variant
// (label-hidden); event: change with detail.value on every edit, as the base component fires it.
import { LightningElement, api } from 'lwc';

let sequence = 0;

export default class Textarea extends LightningElement {
    @api label;
    @api name;
    @api value;
    @api placeholder;
    @api maxLength;
    @api disabled = false;
    @api readOnly = false;
    @api required = false;
    @api variant;

    textareaId = `lc-textarea-${++sequence}`;

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
