// @salesforce/apex as the components use it: refreshApex(wiredValue) re-reads the wire adapter
// that emitted the value (it refreshes LDS adapters too; no Apex class is involved, and the
// console has none) — https://developer.salesforce.com/docs/platform/lwc/guide/apex-result-caching.html
import { refreshWiredValue } from '../wire-adapter';

export function refreshApex(wiredValue: unknown): Promise<void> {
    return refreshWiredValue(wiredValue);
}
