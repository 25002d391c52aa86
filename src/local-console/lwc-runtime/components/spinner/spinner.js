// lightning-spinner, played with SLDS spinner markup: alternative-text (announced), size, variant.
import { LightningElement, api } from 'lwc';

export default class Spinner extends LightningElement {
    @api alternativeText;
    @api size = 'medium';
    @api variant;

    get spinnerClass() {
        const variant = this.variant ? ` slds-spinner_${this.variant}` : '';
        return `slds-spinner slds-spinner_${this.size || 'medium'}${variant}`;
    }
}
