// lightning-icon, played: an SLDS icon from the design system's sprites (served under /assets).
// Public properties as the base component's: icon-name ("category:name"), alternative-text, title,
// size (xx-small … large), variant (inverse, warning, error, success).
import { LightningElement, api } from 'lwc';

const ICON_NAME = /^(utility|standard|action|doctype|custom):([a-z0-9_]+)$/;

export default class Icon extends LightningElement {
    @api iconName;
    @api alternativeText;
    @api title;
    @api size = 'small';
    @api variant;

    get parsed() {
        const match = ICON_NAME.exec(this.iconName || '');
        return match ? { category: match[1], name: match[2] } : undefined;
    }

    get containerClass() {
        const parsed = this.parsed;
        const category = parsed ? parsed.category : 'utility';
        const background =
            parsed && category !== 'utility'
                ? ` slds-icon-${category}-${parsed.name.replace(/_/g, '-')}`
                : '';
        return `slds-icon_container${background}`;
    }

    get iconClass() {
        const parsed = this.parsed;
        const utility = !parsed || parsed.category === 'utility';
        const variant = this.variant ? ` slds-icon-text-${this.variant}` : '';
        const tone = utility && !this.variant ? ' slds-icon-text-default' : variant;
        return `slds-icon slds-icon_${this.size || 'small'}${tone}`;
    }

    get href() {
        const parsed = this.parsed;
        return parsed
            ? `/assets/icons/${parsed.category}-sprite/svg/symbols.svg#${parsed.name}`
            : undefined;
    }
}
