// lightning-card, played with SLDS card markup. Public properties as the base component's: title,
// icon-name, variant; slots: the body, "actions" and "footer" (shown only with content).
import { LightningElement, api } from 'lwc';

export default class Card extends LightningElement {
    @api title;
    @api iconName;
    @api variant;

    hasFooter = false;

    get footerClass() {
        return this.hasFooter ? 'slds-card__footer' : 'slds-card__footer slds-hide';
    }

    handleFooterChange(event) {
        this.hasFooter = event.target.assignedNodes().length > 0;
    }
}
