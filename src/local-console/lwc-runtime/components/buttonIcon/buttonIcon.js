// lightning-button-icon, played with SLDS icon-button markup. Public properties as the base
// component's: icon-name, alternative-text (the accessible name), title, variant (border,
// border-filled, bare, container, brand), size, disabled.
import { LightningElement, api } from 'lwc';

export default class ButtonIcon extends LightningElement {
    @api iconName;
    @api alternativeText;
    @api title;
    @api variant = 'border';
    @api size = 'medium';
    @api disabled = false;

    get buttonClass() {
        const variant =
            this.variant === 'bare'
                ? ''
                : ` slds-button_icon-${this.variant === 'border-filled' ? 'border-filled' : this.variant === 'brand' ? 'brand' : this.variant === 'container' ? 'container' : 'border'}`;
        return `slds-button slds-button_icon${variant}`;
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
}
