import { label } from '../i18n';
/**
 * Do Not Call check before a click-to-dial call. Salesforce does not block dialing on these
 * flags, so the softphone must (OPENCTI-REFERENCE.md §7):
 * - Contact.DoNotCall, Lead.DoNotCall;
 * - person accounts: Account.PersonDoNotCall (business accounts have no flag).
 *
 * The caller fetches the record's fields. In Salesforce and in the local console,
 * searchAndScreenPop results carry them only if the softphone layout includes the field
 * (DoNotCall / PersonDoNotCall) in the objects' displayed fields; without it the flag cannot
 * be read and the call is allowed with `checked: false`.
 */

export interface DoNotCallRecord {
    /** sObject API name from the click-to-dial payload, e.g. Contact, Lead, Account. */
    readonly objectType?: string;
    readonly recordName?: string;
    /** From the click-to-dial payload, when person accounts are enabled. */
    readonly personAccount?: boolean;
}

export type DoNotCallDecision =
    | {
          readonly allowed: true;
          /** false when no Do Not Call flag applies or was available to read. */
          readonly checked: boolean;
      }
    | {
          readonly allowed: false;
          /** e.g. "Ada Lovelace has asked not to be called (Do Not Call)". */
          readonly reason: string;
          /** The field that said so, e.g. DoNotCall. */
          readonly field: string;
      };

export function checkDoNotCall(
    record: DoNotCallRecord,
    fields: Readonly<Record<string, unknown>>
): DoNotCallDecision {
    const field = flagFieldOf(record, fields);
    if (field === undefined || !(field in fields)) {
        return { allowed: true, checked: false };
    }
    if (!isTrue(fields[field])) {
        return { allowed: true, checked: true };
    }
    return {
        allowed: false,
        field,
        reason: label('Softphone_Do_Not_Call_Refusal', nameOf(record, fields))
    };
}

function flagFieldOf(
    record: DoNotCallRecord,
    fields: Readonly<Record<string, unknown>>
): string | undefined {
    switch (record.objectType?.toLowerCase()) {
        case 'contact':
        case 'lead':
            return 'DoNotCall';
        case 'account':
            return record.personAccount === true ||
                isTrue(fields.IsPersonAccount) ||
                'PersonDoNotCall' in fields
                ? 'PersonDoNotCall'
                : undefined;
        default:
            return undefined;
    }
}

/** Booleans may arrive as text ('true') from search results. */
function isTrue(value: unknown): boolean {
    return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

function nameOf(record: DoNotCallRecord, fields: Readonly<Record<string, unknown>>): string {
    const name = record.recordName ?? (typeof fields.Name === 'string' ? fields.Name : undefined);
    if (name !== undefined && name.trim() !== '') {
        return name.trim();
    }
    return label(
        record.objectType?.toLowerCase() === 'lead'
            ? 'Softphone_This_Lead'
            : 'Softphone_This_Person'
    );
}
