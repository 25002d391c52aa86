// lightning-card, played with SLDS card markup. Public properties as the base component's: title,
// icon-name, variant; slots: the body, "actions" and "footer".
import { LightningElement, api } from 'lwc';

export default class Card extends LightningElement {
    @api title;
    @api iconName;
    @api variant;
}
