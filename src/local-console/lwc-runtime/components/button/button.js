// lightning-button, played with SLDS button markup. Public properties as the base component's:
// label, variant (base, neutral, brand, brand-outline, destructive, destructive-text, inverse,
// success), icon-name, icon-position, disabled, title, type, name, value. The click reaches the
// host element, where the component's onclick listens.
import { LightningElement, api } from 'lwc';

const VARIANT_CLASS = {
    base: '',
    neutral: ' slds-button_neutral',
    brand: ' slds-button_brand',
    'brand-outline': ' slds-button_outline-brand',
    destructive: ' slds-button_destructive',
    'destructive-text': ' slds-button_text-destructive',
    inverse: ' slds-button_inverse',
    success: ' slds-button_success'
};

export default class Button extends LightningElement {
    @api label;
    @api variant = 'neutral';
    @api iconName;
    @api iconPosition = 'left';
    @api disabled = false;
    @api title;
    @api type = 'button';
    @api name;
    @api value;

    get buttonClass() {
        const variant = VARIANT_CLASS[this.variant] ?? VARIANT_CLASS.neutral;
        return `slds-button${variant}`;
    }

    get iconLeft() {
        return Boolean(this.iconName) && this.iconPosition !== 'right';
    }

    get iconRight() {
        return Boolean(this.iconName) && this.iconPosition === 'right';
    }

    get href() {
        const [category, name] = (this.iconName || '').split(':');
        return `/assets/icons/${category}-sprite/svg/symbols.svg#${name}`;
    }

    @api
    focus() {
        const button = this.template.querySelector('button');
        if (button) {
            button.focus();
        }
    }

    @api
    click() {
        const button = this.template.querySelector('button');
        if (button) {
            button.click();
        }
    }
}
