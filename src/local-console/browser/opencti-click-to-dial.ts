import type { StoredRecord } from './record-store';

/**
 * The onClickToDial payload, as documented: `number, recordId, recordName, objectType`,
 * `accountId` | `contactId` for person accounts only, `personAccount` only when person accounts
 * are enabled, and `params` (the lightning-click-to-dial `params` string)
 * (https://developer.salesforce.com/docs/atlas.en-us.api_cti.meta/api_cti/sforce_api_cti_onclicktodial_lex.htm).
 */
export interface ClickToDialPayload {
    readonly number: string;
    readonly recordId: string;
    readonly recordName: string;
    readonly objectType: string;
    readonly accountId?: string;
    readonly contactId?: string;
    readonly personAccount?: boolean;
    readonly params?: string;
}

/**
 * What a click on `number` of `record` sends. With person accounts enabled, `personAccount`
 * says whether the record is one, and a person account's Account names its contact
 * (`contactId`) while its Contact names its account (`accountId`). `params` is what a standard
 * phone field passes: an empty string (UNCONFIRMED: a real org may omit it; the softphone reads
 * both as "no params").
 */
export function clickToDialPayload(
    record: StoredRecord,
    number: string,
    recordName: string,
    personAccounts: boolean
): ClickToDialPayload {
    const payload: ClickToDialPayload = {
        number,
        recordId: String(record.values['Id']),
        recordName,
        objectType: record.type,
        params: ''
    };
    if (!personAccounts) {
        return payload;
    }
    const isPerson = record.values['IsPersonAccount'] === true;
    const contactId = record.values['PersonContactId'];
    const accountId = record.values['AccountId'];
    return {
        ...payload,
        personAccount: isPerson,
        ...(isPerson && record.type === 'Account' && typeof contactId === 'string'
            ? { contactId }
            : {}),
        ...(isPerson && record.type === 'Contact' && typeof accountId === 'string'
            ? { accountId }
            : {})
    };
}
