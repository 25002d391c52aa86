import type { OpenCtiHost } from '../opencti-host';
import type { ConsoleState } from '../console-state';
import type { FieldValue, ObjectDefinition } from '../object-catalog';
import { recordTab } from '../opencti-host';
import type { RecordStore, StoredRecord } from '../record-store';
import { h } from './dom';

/** What rendering a record's values needs. */
export interface RecordContext {
    readonly store: RecordStore;
    readonly state: ConsoleState;
    readonly host: OpenCtiHost;
}

/** A link that opens a record in its own tab. */
export function recordLink(
    context: RecordContext,
    record: StoredRecord,
    text?: string
): HTMLElement {
    const name = context.store.nameOf(record);
    return h(
        'a',
        {
            testid: 'record-link',
            attrs: { href: '#', 'data-record-id': String(record.values['Id']) },
            on: {
                click: (event) => {
                    event.preventDefault();
                    context.state.openTab(recordTab(record, name));
                }
            }
        },
        text ?? name
    );
}

/**
 * A phone number: a click-to-dial link once the softphone enabled click-to-dial (it calls the
 * onClickToDial listener with the documented payload, see clickToDialPayload), plain text before.
 */
export function phoneValue(
    context: RecordContext,
    record: StoredRecord,
    number: string
): HTMLElement {
    if (!context.state.utility.clickToDialEnabled) {
        return h('span', { testid: 'phone-text' }, number);
    }
    return h(
        'a',
        {
            testid: 'click-to-dial',
            attrs: { href: '#', title: `Call ${number}`, 'data-number': number },
            on: {
                click: (event) => {
                    event.preventDefault();
                    context.host.clickToDialRecord(record, number);
                }
            }
        },
        number
    );
}

/** One field value, rendered as text, a click-to-dial number or a link to a related record. */
export function fieldValue(
    context: RecordContext,
    definition: ObjectDefinition | undefined,
    record: StoredRecord,
    fieldName: string,
    linkName = true
): HTMLElement | string {
    const value: FieldValue | undefined = record.values[fieldName];
    if (
        fieldName === 'Name' &&
        value === undefined &&
        definition?.nameFields.includes('Name') !== true
    ) {
        // Contacts and Leads have no Name field to store: their name is FirstName LastName.
        return recordLink(context, record);
    }
    if (value === undefined || value === null || value === '') {
        return '';
    }
    if (definition?.phoneFields.includes(fieldName) && typeof value === 'string') {
        return phoneValue(context, record, value);
    }
    if (fieldName !== 'Id' && typeof value === 'string' && /^[A-Za-z0-9]{18}$/.test(value)) {
        const related = context.store.get(value);
        if (related) {
            return recordLink(context, related);
        }
    }
    if (linkName && (fieldName === 'Name' || definition?.nameFields.includes(fieldName))) {
        return recordLink(context, record, String(value));
    }
    return String(value);
}

const systemLabels: Readonly<Record<string, string>> = {
    Id: 'Record ID',
    OwnerId: 'Owner',
    CreatedById: 'Created By',
    CreatedDate: 'Created Date',
    LastModifiedById: 'Last Modified By',
    LastModifiedDate: 'Last Modified Date'
};

/** The label of a field, as a Lightning page would show it. */
export function fieldLabel(definition: ObjectDefinition | undefined, name: string): string {
    return definition?.fields[name]?.label ?? systemLabels[name] ?? name;
}

/** The columns of a table of records: the given ones, or every field any record has. */
export function columnsFor(
    definition: ObjectDefinition | undefined,
    records: readonly StoredRecord[]
): string[] {
    if (definition && definition.listColumns.length > 0) {
        return [...definition.listColumns];
    }
    const system = [
        'OwnerId',
        'CreatedById',
        'CreatedDate',
        'LastModifiedById',
        'LastModifiedDate'
    ];
    const names = new Set<string>();
    for (const record of records) {
        Object.keys(record.values).forEach((name) => names.add(name));
    }
    const first = ['Name', ...(definition?.nameFields ?? [])];
    const ordered = [...names].filter(
        (name) => !first.includes(name) && !system.includes(name) && name !== 'Id'
    );
    return [
        ...new Set([
            ...first.filter((name) => names.has(name)),
            ...ordered,
            'Id',
            ...system.filter((name) => names.has(name))
        ])
    ];
}

export function recordTable(
    context: RecordContext,
    type: string,
    records: readonly StoredRecord[],
    testid: string
): HTMLElement {
    const definition = context.store.catalog.get(type);
    if (records.length === 0) {
        return h('p', { class: 'lc-empty', testid }, `No ${definition?.pluralLabel ?? type} yet.`);
    }
    const columns = columnsFor(definition, records);
    const label = (name: string) => (name === 'Name' ? 'Name' : fieldLabel(definition, name));
    return h(
        'div',
        { class: 'lc-table-wrap' },
        h(
            'table',
            {
                class: 'slds-table slds-table_cell-buffer slds-table_bordered slds-table_striped',
                testid,
                attrs: { 'data-object-type': type }
            },
            h(
                'thead',
                {},
                h(
                    'tr',
                    { class: 'slds-line-height_reset' },
                    ...columns.map((name) =>
                        h(
                            'th',
                            { attrs: { scope: 'col' } },
                            h(
                                'div',
                                { class: 'slds-truncate', attrs: { title: name } },
                                label(name)
                            )
                        )
                    )
                )
            ),
            h(
                'tbody',
                {},
                ...records.map((record) =>
                    h(
                        'tr',
                        { attrs: { 'data-record-id': String(record.values['Id']) } },
                        ...columns.map((name) =>
                            h(
                                'td',
                                { attrs: { 'data-field': name } },
                                fieldValue(context, definition, record, name)
                            )
                        )
                    )
                )
            )
        )
    );
}
