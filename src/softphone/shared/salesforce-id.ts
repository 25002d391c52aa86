const SALESFORCE_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;

/** A record Id as Salesforce writes it: 15 (case-sensitive) or 18 letters and digits. */
export function isSalesforceId(value: unknown): value is string {
    return typeof value === 'string' && SALESFORCE_ID.test(value);
}
