/**
 * What a component shows when no softphone answers it: why (the parent's heading: never answered
 * or stopped answering), how to open the softphone, and Check again, which fires `checkagain`
 * for the parent to ping again. Used by Click to Dial and the call bar.
 */
import { LightningElement, api } from 'lwc';

import HOW_TO_OPEN from '@salesforce/label/c.Softphone_How_To_Open';
import CHECK_AGAIN from '@salesforce/label/c.Softphone_Check_Again';

export default class SoftphoneUnavailable extends LightningElement {
    /** Why the component has no softphone (a custom label the parent chose). */
    @api heading;

    labels = { howToOpen: HOW_TO_OPEN, checkAgain: CHECK_AGAIN };

    handleCheckAgain() {
        this.dispatchEvent(new CustomEvent('checkagain'));
    }
}
