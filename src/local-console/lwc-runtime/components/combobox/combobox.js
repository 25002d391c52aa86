// lightning-combobox, played with an SLDS select (a native <select>: keyboard-usable, labelled).
// Public properties as the base component's: label, name, options ([{ label, value }]), value,
// placeholder, disabled, read-only, required, variant (label-hidden); event: change with
// detail.value. The real component draws its own dropdown; the values and events are the same.
import { LightningElement, api } from 'lwc';

let sequence = 0;

export default class Combobox extends LightningElement {
    @api label;
    @api name;
    @api options = [];
    @api value;
    @api placeholder;
    @api disabled = false;
    @api readOnly = false;
    @api required = false;
    @api variant;

    selectId = `lc-combobox-${++sequence}`;

    get items() {
        return (Array.isArray(this.options) ? this.options : []).map((option, index) => ({
            key: `${index}-${option.value}`,
            label: option.label,
            value: option.value,
            selected: option.value === (this.value ?? '')
        }));
    }

    get selectedLabel() {
        const found = this.items.find((item) => item.selected);
        return found ? found.label : '';
    }

    get labelClass() {
        return this.variant === 'label-hidden'
            ? 'slds-form-element__label slds-assistive-text'
            : 'slds-form-element__label';
    }

    handleChange(event) {
        event.stopPropagation();
        this.dispatchEvent(new CustomEvent('change', { detail: { value: event.target.value } }));
    }
}
