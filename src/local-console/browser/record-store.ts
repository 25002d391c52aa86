import { consoleUser, systemFields } from './object-catalog';
import type { DmlError, DmlResult, StoredRecord } from './record-types';
import type { FieldRule, FieldValue, ObjectDefinition } from './object-catalog';
import type { ObjectCatalog } from './object-catalog-builder';
import { samePhoneNumber } from './phone-match';
import { IdGenerator, toId18 } from './record-ids';
import type { SeedRecord } from './sample-data';
import { playTaskMirrorFlow } from './task-mirror-flow';

/** A record as the console returns it: SOQL-like JSON, `attributes.type` plus the fields. */
export type PublicRecord = { readonly attributes: { readonly type: string } } & Readonly<
    Record<string, FieldValue | { readonly type: string }>
>;

export type { DmlError, DmlResult, StoredRecord } from './record-types';

type Check<T> =
    { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DmlError };

const fieldNamePattern = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const readOnlyFields = new Set<string>(systemFields.filter((name) => name !== 'OwnerId'));

/** Columns every record of the object has, whether or not a rule describes them. */
function isBuiltInColumn(definition: ObjectDefinition, name: string): boolean {
    return (
        (systemFields as readonly string[]).includes(name) ||
        definition.nameFields.includes(name) ||
        name === definition.autoNumber?.field
    );
}

function isEmpty(value: FieldValue | undefined): boolean {
    return value === undefined || value === null || value === '';
}

function shorten(value: string, max = 60): string {
    return value.length > max ? `${value.slice(0, max)}...` : value;
}

function fail<T>(statusCode: string, message: string, fields?: readonly string[]): Check<T> {
    return { ok: false, error: { statusCode, message, ...(fields ? { fields } : {}) } };
}

/**
 * The console's in-memory org: records by id, created and updated with the checks Salesforce
 * applies to a saveLog (types, lengths, restricted picklists, lookups, required and unique fields).
 */
export class RecordStore {
    private readonly records = new Map<string, StoredRecord>();
    private readonly ids = new IdGenerator();
    private readonly autoNumbers = new Map<string, number>();
    private readonly listeners = new Set<() => void>();

    constructor(
        readonly catalog: ObjectCatalog,
        private readonly clock: () => Date = () => new Date()
    ) {}

    /** Replaces every record with the console user and the seed records; returns problems found. */
    load(seeds: readonly SeedRecord[]): string[] {
        this.records.clear();
        this.ids.reset();
        this.autoNumbers.clear();
        const warnings: string[] = [];
        this.insert('User', { Name: consoleUser.Name, Username: consoleUser.Username });
        const refs = new Map<string, string>();
        for (const seed of seeds) {
            const fields: Record<string, FieldValue> = {};
            for (const [name, value] of Object.entries(seed.fields)) {
                const ref =
                    typeof value === 'string' && value.startsWith('@') ? value.slice(1) : undefined;
                if (ref !== undefined && seed.resolveRefs) {
                    const id = refs.get(ref);
                    if (id === undefined) {
                        warnings.push(`${seed.referenceId}: unknown reference ${value} in ${name}`);
                        continue;
                    }
                    fields[name] = id;
                } else {
                    fields[name] = value;
                }
            }
            const result = this.create(seed.type, fields, { silent: true });
            if (!result.ok) {
                warnings.push(`${seed.referenceId}: ${result.error.message}`);
            } else if (seed.saveRef) {
                refs.set(seed.referenceId, result.id);
            }
        }
        this.changed();
        return warnings;
    }

    onChange(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    get(id: string): StoredRecord | undefined {
        const id18 = toId18(id);
        return id18 === undefined ? undefined : this.records.get(id18);
    }

    list(type: string): PublicRecord[] {
        const definition = this.catalog.get(type);
        return [...this.records.values()]
            .filter((record) => record.type === definition?.apiName)
            .map((record) => ({ attributes: { type: record.type }, ...record.values }));
    }

    all(): StoredRecord[] {
        return [...this.records.values()];
    }

    nameOf(record: StoredRecord): string {
        const definition = this.catalog.get(record.type);
        const name = (definition?.nameFields ?? ['Name'])
            .map((field) => record.values[field])
            .filter((value) => !isEmpty(value))
            .join(' ');
        return name === '' ? String(record.values['Id']) : name;
    }

    /** Records of `types` with a phone field whose last 10 digits equal those of `query`. */
    searchPhone(query: string, types: readonly string[]): StoredRecord[] {
        return this.search(types, (definition, record) =>
            definition.phoneFields.some((field) => {
                const value = record.values[field];
                return typeof value === 'string' && samePhoneNumber(query, value);
            })
        );
    }

    /** Records of `types` whose name or text fields contain `query` (case-insensitive). */
    searchText(query: string, types: readonly string[]): StoredRecord[] {
        const needle = query.trim().toLowerCase();
        if (needle.length < 2) {
            return [];
        }
        return this.search(types, (definition, record) =>
            [this.nameOf(record), ...Object.values(record.values)].some(
                (value) => typeof value === 'string' && value.toLowerCase().includes(needle)
            )
        );
    }

    private search(
        types: readonly string[],
        matches: (definition: ObjectDefinition, record: StoredRecord) => boolean
    ): StoredRecord[] {
        const found: StoredRecord[] = [];
        for (const type of types) {
            const definition = this.catalog.get(type);
            if (!definition) {
                continue;
            }
            for (const record of this.records.values()) {
                if (record.type === definition.apiName && matches(definition, record)) {
                    found.push(record);
                }
            }
        }
        return found;
    }

    create(
        type: string,
        input: Readonly<Record<string, unknown>>,
        options: { silent?: boolean } = {}
    ): DmlResult {
        const definition = this.catalog.get(type);
        if (!definition || definition.apiName === 'User') {
            return {
                ok: false,
                error: {
                    statusCode: 'INVALID_TYPE',
                    message: `sObject type '${type}' is not supported.`
                }
            };
        }
        if ('Id' in input) {
            return {
                ok: false,
                error: {
                    statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
                    message: 'cannot specify Id in an insert call',
                    fields: ['Id']
                }
            };
        }
        const checked = this.checkFields(definition, input, 'create');
        if (!checked.ok) {
            return checked;
        }
        const values: Record<string, FieldValue> = { ...checked.value };
        for (const [name, value] of Object.entries(definition.defaults)) {
            if (isEmpty(values[name])) {
                values[name] = value;
            }
        }
        const complete = this.checkRecord(definition, values, undefined);
        if (!complete.ok) {
            return complete;
        }
        const id = this.insert(definition.apiName, values);
        this.afterSave(undefined, id);
        if (!options.silent) {
            this.changed();
        }
        return { ok: true, id };
    }

    update(id: unknown, input: Readonly<Record<string, unknown>>): DmlResult {
        const id18 = typeof id === 'string' ? toId18(id) : undefined;
        if (id18 === undefined) {
            return {
                ok: false,
                error: {
                    statusCode: 'MALFORMED_ID',
                    message: `Record ID: id value of incorrect type: ${shorten(String(id))}`
                }
            };
        }
        const existing = this.records.get(id18);
        const definition = existing ? this.catalog.get(existing.type) : undefined;
        if (!existing || !definition) {
            return {
                ok: false,
                error: {
                    statusCode: 'INVALID_CROSS_REFERENCE_KEY',
                    message: `invalid cross reference id: ${id18}`
                }
            };
        }
        const fields = Object.fromEntries(Object.entries(input).filter(([name]) => name !== 'Id'));
        const checked = this.checkFields(definition, fields, 'update');
        if (!checked.ok) {
            return checked;
        }
        const values: Record<string, FieldValue> = { ...existing.values, ...checked.value };
        const complete = this.checkRecord(definition, values, id18);
        if (!complete.ok) {
            return complete;
        }
        values['LastModifiedDate'] = this.clock().toISOString();
        values['LastModifiedById'] = consoleUser.Id;
        this.records.set(id18, { type: existing.type, values });
        this.afterSave(existing, id18);
        this.changed();
        return { ok: true, id: id18 };
    }

    /** The package's record-triggered after-save flows, played as the org runs them. */
    private afterSave(before: StoredRecord | undefined, id: string): void {
        const after = this.records.get(id);
        if (after !== undefined) {
            playTaskMirrorFlow(this, before, after);
        }
    }

    private insert(type: string, fields: Record<string, FieldValue>): string {
        const definition = this.catalog.get(type);
        const id = this.ids.next(definition?.keyPrefix ?? '000');
        const now = this.clock().toISOString();
        const values: Record<string, FieldValue> = { Id: id, ...fields };
        if (definition?.autoNumber) {
            const count = (this.autoNumbers.get(type) ?? 0) + 1;
            this.autoNumbers.set(type, count);
            values[definition.autoNumber.field] = formatAutoNumber(
                definition.autoNumber.format,
                count
            );
        }
        if (type !== 'User') {
            values['OwnerId'] = fields['OwnerId'] ?? consoleUser.Id;
            values['CreatedById'] = consoleUser.Id;
            values['LastModifiedById'] = consoleUser.Id;
        }
        values['CreatedDate'] = now;
        values['LastModifiedDate'] = now;
        this.records.set(id, { type, values });
        return id;
    }

    private checkFields(
        definition: ObjectDefinition,
        input: Readonly<Record<string, unknown>>,
        operation: 'create' | 'update'
    ): Check<Record<string, FieldValue>> {
        const values: Record<string, FieldValue> = {};
        for (const [name, raw] of Object.entries(input)) {
            const rule = definition.fields[name];
            if (
                !fieldNamePattern.test(name) ||
                (definition.strictColumns && !rule && !isBuiltInColumn(definition, name))
            ) {
                return fail(
                    'INVALID_FIELD',
                    `No such column '${shorten(name)}' on sobject of type ${definition.apiName}`,
                    [name]
                );
            }
            const notWritable =
                readOnlyFields.has(name) ||
                name === definition.autoNumber?.field ||
                (operation === 'update' && rule?.createOnly === true);
            if (notWritable) {
                return fail(
                    'INVALID_FIELD_FOR_INSERT_UPDATE',
                    `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                    [name]
                );
            }
            if (raw !== null && !['string', 'number', 'boolean'].includes(typeof raw)) {
                return fail(
                    'INVALID_TYPE_ON_FIELD_IN_RECORD',
                    `${rule?.label ?? name}: value not of required type: ${shorten(JSON.stringify(raw) ?? String(raw))}`,
                    [name]
                );
            }
            const value = raw as FieldValue;
            const checked = rule ? this.checkValue(rule, value) : { ok: true as const, value };
            if (!checked.ok) {
                return checked;
            }
            values[name] = checked.value;
        }
        return { ok: true, value: values };
    }

    private checkValue(rule: FieldRule, value: FieldValue): Check<FieldValue> {
        if (isEmpty(value)) {
            return { ok: true, value: null };
        }
        const wrongType = () =>
            fail<FieldValue>(
                'INVALID_TYPE_ON_FIELD_IN_RECORD',
                `${rule.label}: value not of required type: ${shorten(String(value))}`,
                [rule.name]
            );
        switch (rule.type) {
            case 'Number': {
                const number =
                    typeof value === 'number'
                        ? value
                        : typeof value === 'string' && value.trim() !== ''
                          ? Number(value)
                          : NaN;
                return Number.isFinite(number) ? { ok: true, value: number } : wrongType();
            }
            case 'Checkbox':
                if (typeof value === 'boolean') {
                    return { ok: true, value };
                }
                return value === 'true' || value === 'false'
                    ? { ok: true, value: value === 'true' }
                    : wrongType();
            case 'Date':
                return typeof value === 'string' &&
                    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
                    !Number.isNaN(Date.parse(value))
                    ? { ok: true, value }
                    : wrongType();
            case 'DateTime':
                return typeof value === 'string' &&
                    /^\d{4}-\d{2}-\d{2}T/.test(value) &&
                    !Number.isNaN(Date.parse(value))
                    ? { ok: true, value: new Date(value).toISOString() }
                    : wrongType();
            case 'Reference':
                return this.checkReference(rule, value);
            case 'Picklist': {
                const text = String(value);
                if (rule.restricted && rule.picklistValues && !rule.picklistValues.includes(text)) {
                    return fail(
                        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                        `${rule.label}: bad value for restricted picklist field: ${shorten(text)}`,
                        [rule.name]
                    );
                }
                return { ok: true, value: text };
            }
            default: {
                const text = String(value);
                if (rule.maxLength !== undefined && text.length > rule.maxLength) {
                    return fail(
                        'STRING_TOO_LONG',
                        `${rule.label}: data value too large: ${shorten(text)} (max length=${rule.maxLength})`,
                        [rule.name]
                    );
                }
                return { ok: true, value: text };
            }
        }
    }

    private checkReference(rule: FieldRule, value: FieldValue): Check<FieldValue> {
        const id18 = typeof value === 'string' ? toId18(value) : undefined;
        const target = id18 === undefined ? undefined : this.catalog.forId(id18);
        if (id18 === undefined || !target || !(rule.referenceTo ?? []).includes(target.apiName)) {
            return fail(
                'FIELD_INTEGRITY_EXCEPTION',
                `${rule.label}: id value of incorrect type: ${shorten(String(value))}`,
                [rule.name]
            );
        }
        if (!this.records.has(id18)) {
            return fail(
                'INVALID_CROSS_REFERENCE_KEY',
                `${rule.label}: invalid cross reference id: ${id18}`,
                [rule.name]
            );
        }
        return { ok: true, value: id18 };
    }

    /** Required and unique fields, checked on the whole record after the change. */
    private checkRecord(
        definition: ObjectDefinition,
        values: Readonly<Record<string, FieldValue>>,
        selfId: string | undefined
    ): Check<true> {
        const missing = Object.values(definition.fields)
            .filter((rule) => rule.required && isEmpty(values[rule.name]))
            .map((rule) => rule.name);
        if (missing.length > 0) {
            return fail(
                'REQUIRED_FIELD_MISSING',
                `Required fields are missing: [${missing.join(', ')}]`,
                missing
            );
        }
        for (const rule of Object.values(definition.fields)) {
            const value = values[rule.name];
            if (!rule.unique || isEmpty(value)) {
                continue;
            }
            const same = (other: FieldValue | undefined) =>
                rule.caseSensitive
                    ? other === value
                    : typeof other === 'string' &&
                      other.toLowerCase() === String(value).toLowerCase();
            for (const [id, record] of this.records) {
                if (
                    id !== selfId &&
                    record.type === definition.apiName &&
                    same(record.values[rule.name])
                ) {
                    return fail(
                        'DUPLICATE_VALUE',
                        `duplicate value found: ${rule.name} duplicates value on record with id: ${id}`,
                        [rule.name]
                    );
                }
            }
        }
        return { ok: true, value: true };
    }

    private changed(): void {
        for (const listener of this.listeners) {
            listener();
        }
    }
}

/** `PC-{00000000}` and 7 → `PC-00000007`. */
export function formatAutoNumber(format: string, count: number): string {
    return format.replace(/\{(0+)\}/, (_match, zeros: string) =>
        String(count).padStart(zeros.length, '0')
    );
}
