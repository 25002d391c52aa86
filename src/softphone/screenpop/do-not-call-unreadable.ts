import { label } from '../i18n';
import type { DoNotCallRecord } from './do-not-call';

/**
 * The Do Not Call field that applies to a searched record but did not come back with it, or
 * undefined when it came back or none applies. Salesforce returns only the fields the softphone
 * layout's Outbound section selects, so a missing flag means "cannot tell", never "may call":
 * the call center's dialing/doNotCallCheckFailure then decides (Block or Warn).
 * - Contact, Lead: DoNotCall;
 * - person accounts (the click-to-dial payload or IsPersonAccount says so): PersonDoNotCall;
 * - business accounts and other objects have no flag.
 */
export function unreadableDoNotCallField(
    record: DoNotCallRecord,
    fields: Readonly<Record<string, unknown>>
): string | undefined {
    const type = record.objectType?.toLowerCase();
    const field =
        type === 'contact' || type === 'lead'
            ? 'DoNotCall'
            : type === 'account' &&
                (record.personAccount === true || isTrue(fields.IsPersonAccount))
              ? 'PersonDoNotCall'
              : undefined;
    return field !== undefined && !(field in fields) ? field : undefined;
}

/** The problem told to the agent (and the admin) when a record's flag cannot be read. */
export function unreadableDoNotCallProblem(objectType: string, field: string): string {
    return label('Softphone_Pop_Dnc_Unreadable', objectType, field);
}

function isTrue(value: unknown): boolean {
    return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}
