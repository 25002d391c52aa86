// lightning-formatted-phone, played: value, disabled. A 10-digit North American number is shown as
// (415) 555-0101, as the base component does; other values as given. Not disabled: a tel: link.
import { LightningElement, api } from 'lwc';

export function formatPhone(value) {
    const text = value === undefined || value === null ? '' : String(value);
    const digits = text.replace(/\D/g, '');
    if (!text.trim().startsWith('+') && digits.length === 10) {
        return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
    }
    return text;
}

export default class FormattedPhone extends LightningElement {
    @api value;
    @api disabled = false;

    get formatted() {
        return formatPhone(this.value);
    }

    get link() {
        return `tel:${String(this.value || '').replace(/[^\d+]/g, '')}`;
    }
}
