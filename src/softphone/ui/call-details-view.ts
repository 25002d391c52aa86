import { label } from '../i18n';
import { el, setHidden, setText } from './dom';
import type { CallView } from './view-model';

/**
 * What the phone system said about a call beyond its number (a generic listener's extra pairs,
 * e.g. an order number or the IVR choice), and whether the call is controlled on the agent's
 * desk phone. Untrusted text: written with textContent only.
 */
export class CallDetailsView {
    readonly element: HTMLElement;
    private readonly list = el('dl', {
        className: 'slds-list_horizontal slds-wrap softphone-call__details'
    });
    private readonly onPhone = el('p', {
        className: 'slds-text-body_small slds-text-color_weak',
        text: label('Softphone_Controlled_On_Phone')
    });
    private shown = '';

    constructor() {
        this.element = el('div', {}, [this.list, this.onPhone]);
    }

    update(call: CallView): void {
        const details = call.details ?? [];
        const key = JSON.stringify(details);
        if (key !== this.shown) {
            this.shown = key;
            this.list.replaceChildren(
                ...details.flatMap(({ label, value }) => [
                    el('dt', {
                        className: 'slds-item_label slds-text-color_weak slds-truncate',
                        text: `${label}:`
                    }),
                    el('dd', { className: 'slds-item_detail slds-truncate', text: value })
                ])
            );
        }
        setHidden(this.list, details.length === 0);
        setHidden(this.onPhone, call.controlledOnPhone !== true);
        setText(this.onPhone, label('Softphone_Controlled_On_Phone'));
    }
}
