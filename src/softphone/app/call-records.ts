import type { RelatedRecord } from '../calls/call-model';

/**
 * The records seen during one call, and which of them its log goes to (pure).
 *
 * Seen: the screen pop's matches, the record it popped, the record a click-to-dial came from, a
 * record created from the new-record form and any record the agent opened during the call
 * (Open CTI onNavigationChange). The agent may relate the call to any of them.
 *
 * Related automatically, while nothing is related yet: the record the agent saves from the
 * new-record form the pop opened (Salesforce then navigates to it), and the record the agent
 * opens from the search page the pop opened (one of its matches).
 */
export interface CallRecords {
    /** In the order they were seen, one entry per record id. */
    readonly seen: readonly RelatedRecord[];
    readonly related?: RelatedRecord;
    /** What the pop opened, so the record the agent reaches from it is related automatically. */
    readonly awaiting?: AwaitedRecord;
    /**
     * The phone numbers the screen pop's search returned for each record (the softphone
     * layout's phone fields), by record id: the Transfer control offers the related record's.
     */
    readonly phones?: Readonly<Record<string, readonly RecordPhone[]>>;
}

/** A phone field's value, e.g. { field: 'MobilePhone', number: '(415) 555-0151' }. */
export interface RecordPhone {
    readonly field: string;
    readonly number: string;
}

/** The phone fields among a search match's fields (names ending in Phone, text values). */
export function phonesOf(fields: Readonly<Record<string, unknown>> | undefined): RecordPhone[] {
    return Object.entries(fields ?? {}).flatMap(([field, value]) =>
        /Phone$/.test(field) && typeof value === 'string' && /\d/.test(value)
            ? [{ field, number: value.trim() }]
            : []
    );
}

export type AwaitedRecord =
    { readonly kind: 'newRecord'; readonly entityName: string } | { readonly kind: 'search' };

export const noCallRecords: CallRecords = { seen: [] };

/** The same record: equal Ids, or a 15-character Id and the 18-character form of it. */
export function sameRecordId(left: string, right: string): boolean {
    if (left === right) {
        return true;
    }
    const short = left.length === 15 || right.length === 15;
    return short && left.slice(0, 15) === right.slice(0, 15);
}

/** Adds records to the seen list (a known record keeps its place; a name fills a gap). */
export function withSeen(records: CallRecords, added: readonly RelatedRecord[]): CallRecords {
    let seen = records.seen;
    for (const record of added) {
        const index = seen.findIndex((each) => sameRecordId(each.recordId, record.recordId));
        if (index === -1) {
            seen = [...seen, record];
        } else if (seen[index]?.recordName === undefined && record.recordName !== undefined) {
            seen = seen.map((each, position) => (position === index ? record : each));
        }
    }
    return seen === records.seen ? records : { ...records, seen };
}

/** The call is related to `record` (seen from then on); it no longer awaits one. */
export function withRelated(records: CallRecords, record: RelatedRecord): CallRecords {
    const { awaiting: _done, ...rest } = withSeen(records, [record]);
    return { ...rest, related: record };
}

export function withAwaited(records: CallRecords, awaiting: AwaitedRecord): CallRecords {
    return records.related === undefined ? { ...records, awaiting } : records;
}

/**
 * The agent opened `record` during the call. Returns the records after it, and the record to
 * relate the call to when this is the record the pop led to (see CallRecords).
 *
 * `previousRecordId` is the record on screen before (the page under the new-record form): going
 * back to it is a cancelled form, not a created record.
 */
export function afterNavigation(
    records: CallRecords,
    record: RelatedRecord,
    previousRecordId?: string
): { readonly records: CallRecords; readonly relate?: RelatedRecord } {
    const awaiting = records.awaiting;
    const known = records.seen.some((each) => sameRecordId(each.recordId, record.recordId));
    const back = previousRecordId !== undefined && sameRecordId(previousRecordId, record.recordId);
    const led =
        records.related === undefined &&
        awaiting !== undefined &&
        (awaiting.kind === 'search'
            ? known
            : !known &&
              !back &&
              record.objectType.toLowerCase() === awaiting.entityName.toLowerCase());
    const seen = withSeen(records, [record]);
    return led ? { records: withRelated(seen, record), relate: record } : { records: seen };
}

/** "Maria Lopez (Contact)": how a record is named in the softphone (text only). */
export function recordLabel(record: RelatedRecord): string {
    const name = record.recordName?.trim();
    return `${name === undefined || name === '' ? record.recordId : name} (${record.objectType})`;
}
