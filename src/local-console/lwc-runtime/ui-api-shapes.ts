// The UI API's response shapes, built from the console's record store: what the played wire
// adapters (lightning/uiRecordApi, uiObjectInfoApi, uiRelatedListApi) hand to the components.
// The shapes follow the UI API Developer Guide's representations (Record, Object Info, Picklist
// Values, Related List Record Collection, Error) —
// https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses.htm —
// and the jest fixtures in force-app/main/default/lwc/*/__tests__/data, which stay the source of
// truth: ui-api-shapes.test.ts checks that every fixture's keys and value types are here too.
import type { FieldRule, FieldValue, ObjectDefinition } from '../browser/object-catalog';
import { systemFields } from '../browser/object-catalog';
import type { ObjectCatalog } from '../browser/object-catalog-builder';
import type { StoredRecord } from '../browser/record-types';

/** What the shapes are built from: the record store's read side. */
export interface RecordSource {
    readonly catalog: ObjectCatalog;
    get(id: string): StoredRecord | undefined;
    all(): StoredRecord[];
    nameOf(record: StoredRecord): string;
}

export interface UiFieldValue {
    readonly displayValue: string | null;
    readonly value: FieldValue | UiRecord;
}

export interface UiRecord {
    readonly apiName: string;
    readonly childRelationships: Readonly<Record<string, never>>;
    readonly eTag: string;
    readonly fields: Readonly<Record<string, UiFieldValue>>;
    readonly id: string;
    readonly lastModifiedById: string | null;
    readonly lastModifiedDate: string | null;
    readonly recordTypeId: string | null;
    readonly recordTypeInfo: null;
    readonly systemModstamp: string | null;
    readonly weakEtag: number;
}

/** A UI API error as LDS hands it to a wire's `error` (reads: `body` is a list). */
export interface UiReadError {
    readonly ok: false;
    readonly status: number;
    readonly statusText: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: readonly { readonly errorCode: string; readonly message: string }[];
}

export type UiResult<T> = { readonly ok: true; readonly data: T } | UiReadError;

/** The master record type's Id, which the UI API reports for objects without record types. */
export const masterRecordTypeId = '012000000000000AAA';

export function readError(status: number, errorCode: string, message: string): UiReadError {
    const statusText =
        { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Server Error' }[status] ??
        'Error';
    return { ok: false, status, statusText, headers: {}, body: [{ errorCode, message }] };
}

function noSuchColumn(field: string, object: string): UiReadError {
    return readError(
        400,
        'INVALID_FIELD',
        `No such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
    );
}

/** A field given as `Object.Field` (or `Object.Rel.Field`) or as a schema import. */
export type FieldReference =
    string | { readonly objectApiName: string; readonly fieldApiName: string };

export function fieldPath(reference: FieldReference): { object: string; path: string[] } {
    const text =
        typeof reference === 'string'
            ? reference
            : `${reference.objectApiName}.${reference.fieldApiName}`;
    const [object = '', ...path] = text.split('.');
    return { object, path };
}

function fieldNames(definition: ObjectDefinition): Set<string> {
    return new Set([
        ...systemFields,
        'Name',
        ...definition.nameFields,
        ...definition.phoneFields,
        ...(definition.doNotCallField ? [definition.doNotCallField] : []),
        ...(definition.autoNumber ? [definition.autoNumber.field] : []),
        ...Object.keys(definition.fields)
    ]);
}

function fieldRule(definition: ObjectDefinition, name: string): FieldRule | undefined {
    return definition.fields[name];
}

const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC'
});

/** The UI API's displayValue: labels of picklists, formatted dates; null for plain values. */
function displayValue(rule: FieldRule | undefined, value: FieldValue): string | null {
    if (value === null || rule === undefined) {
        return null;
    }
    if (rule.type === 'Picklist') {
        return String(value);
    }
    if (rule.type === 'DateTime' && typeof value === 'string') {
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? null : dateTimeFormat.format(date);
    }
    return null;
}

/** The lookup field behind a relationship name: `Agent__r` → `Agent__c`, `Contact` → `ContactId`. */
function lookupOf(definition: ObjectDefinition, relationship: string): FieldRule | undefined {
    const name = relationship.endsWith('__r')
        ? `${relationship.slice(0, -3)}__c`
        : `${relationship}Id`;
    const rule = fieldRule(definition, name);
    return rule?.type === 'Reference' ? rule : undefined;
}

function scalarField(
    source: RecordSource,
    definition: ObjectDefinition,
    record: StoredRecord,
    name: string
): UiFieldValue {
    if (name === 'Name' && !definition.fields['Name']) {
        return { displayValue: null, value: source.nameOf(record) };
    }
    const value = record.values[name] ?? null;
    return { displayValue: displayValue(fieldRule(definition, name), value), value };
}

/**
 * A Record representation with the asked fields. `required` fields that the object lacks fail the
 * whole read (INVALID_FIELD), as the UI API does; `optional` ones are left out.
 */
export function recordRepresentation(
    source: RecordSource,
    record: StoredRecord,
    required: readonly string[][],
    optional: readonly string[][]
): UiResult<UiRecord> {
    const definition = source.catalog.get(record.type);
    if (!definition) {
        return readError(400, 'INVALID_TYPE', `Object ${record.type} is not supported in UI API`);
    }
    const fields: Record<string, UiFieldValue> = {};
    const nested = new Map<string, { required: string[][]; optional: string[][] }>();
    for (const [paths, isRequired] of [
        [required, true],
        [optional, false]
    ] as const) {
        for (const [head, ...rest] of paths) {
            if (head === undefined) {
                continue;
            }
            if (rest.length === 0) {
                if (fieldNames(definition).has(head)) {
                    fields[head] = scalarField(source, definition, record, head);
                } else if (isRequired) {
                    return noSuchColumn(head, definition.apiName);
                }
                continue;
            }
            if (!lookupOf(definition, head)) {
                if (isRequired) {
                    return noSuchColumn(head, definition.apiName);
                }
                continue;
            }
            const entry = nested.get(head) ?? { required: [], optional: [] };
            (isRequired ? entry.required : entry.optional).push(rest);
            nested.set(head, entry);
        }
    }
    for (const [relationship, paths] of nested) {
        const lookup = lookupOf(definition, relationship) as FieldRule;
        const id = record.values[lookup.name];
        const target = typeof id === 'string' ? source.get(id) : undefined;
        if (!target) {
            fields[relationship] = { displayValue: null, value: null };
            continue;
        }
        const inner = recordRepresentation(source, target, paths.required, paths.optional);
        if (!inner.ok) {
            return inner;
        }
        fields[relationship] = { displayValue: source.nameOf(target), value: inner.data };
    }
    const id = String(record.values['Id']);
    const modified = record.values['LastModifiedDate'];
    const modifiedBy = record.values['LastModifiedById'];
    return {
        ok: true,
        data: {
            apiName: definition.apiName,
            childRelationships: {},
            eTag: `${id}-${typeof modified === 'string' ? modified : ''}`,
            fields,
            id,
            lastModifiedById: typeof modifiedBy === 'string' ? modifiedBy : null,
            lastModifiedDate: typeof modified === 'string' ? modified : null,
            recordTypeId: masterRecordTypeId,
            recordTypeInfo: null,
            systemModstamp: typeof modified === 'string' ? modified : null,
            weakEtag: typeof modified === 'string' ? Date.parse(modified) || 0 : 0
        }
    };
}

/** getRecord: fields and optional fields of one record, by id. */
export function getRecordShape(
    source: RecordSource,
    recordId: string,
    fields: readonly FieldReference[],
    optionalFields: readonly FieldReference[]
): UiResult<UiRecord> {
    const record = source.get(recordId);
    if (!record) {
        return readError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    const paths = (list: readonly FieldReference[]) => {
        const result: string[][] = [];
        for (const reference of list) {
            const { object, path } = fieldPath(reference);
            if (object.toLowerCase() === record.type.toLowerCase() && path.length > 0) {
                result.push(path);
            }
        }
        return result;
    };
    const wrongObject = fields
        .map(fieldPath)
        .find(({ object }) => object.toLowerCase() !== record.type.toLowerCase());
    if (wrongObject) {
        return noSuchColumn(wrongObject.path.join('.'), record.type);
    }
    return recordRepresentation(source, record, paths(fields), paths(optionalFields));
}

/** The UI API's dataType of a console field type. */
const dataTypes: Readonly<Record<FieldRule['type'], string>> = {
    Text: 'String',
    TextArea: 'TextArea',
    LongTextArea: 'TextArea',
    Phone: 'Phone',
    Email: 'Email',
    Url: 'Url',
    Number: 'Double',
    Checkbox: 'Boolean',
    Date: 'Date',
    DateTime: 'DateTime',
    Picklist: 'Picklist',
    Reference: 'Reference'
};

export interface UiChildRelationship {
    readonly childObjectApiName: string;
    readonly fieldName: string;
    readonly junctionIdListNames: readonly string[];
    readonly junctionReferenceTo: readonly string[];
    readonly relationshipName: string;
}

/** Child relationships of `apiName`: every lookup of every object that points at it. */
export function childRelationships(catalog: ObjectCatalog, apiName: string): UiChildRelationship[] {
    return catalog.definitions.flatMap((child) =>
        Object.values(child.fields)
            .filter((rule) => rule.type === 'Reference' && rule.referenceTo?.includes(apiName))
            .map((rule) => ({
                childObjectApiName: child.apiName,
                fieldName: rule.name,
                junctionIdListNames: [],
                junctionReferenceTo: [],
                relationshipName: rule.relationshipName
                    ? `${rule.relationshipName}__r`
                    : child.pluralLabel.replace(/[^A-Za-z0-9]/g, '')
            }))
    );
}

/** getObjectInfo: the object's metadata as the UI API describes it. */
export function objectInfoShape(catalog: ObjectCatalog, apiName: string): UiResult<unknown> {
    const definition = catalog.get(apiName);
    if (!definition || definition.apiName === 'User') {
        return readError(400, 'INVALID_TYPE', `Object ${apiName} is not supported in UI API`);
    }
    const names = [...fieldNames(definition)];
    const fields = Object.fromEntries(
        names.map((name) => {
            const rule = fieldRule(definition, name);
            const system = (systemFields as readonly string[]).includes(name);
            const autoNumber = definition.autoNumber?.field === name;
            const editable = !system && !autoNumber;
            return [
                name,
                {
                    apiName: name,
                    label: rule?.label ?? name,
                    dataType: rule ? dataTypes[rule.type] : name === 'Id' ? 'Id' : 'String',
                    createable: editable,
                    updateable: editable && !rule?.createOnly,
                    required: Boolean(rule?.required),
                    nameField: definition.nameFields.includes(name) || name === 'Name',
                    length: rule?.maxLength ?? 0,
                    referenceToInfos: (rule?.referenceTo ?? []).map((target) => ({
                        apiName: target,
                        nameFields: ['Name']
                    })),
                    relationshipName: null
                }
            ];
        })
    );
    return {
        ok: true,
        data: {
            apiName: definition.apiName,
            label: definition.label,
            labelPlural: definition.pluralLabel,
            keyPrefix: definition.keyPrefix,
            createable: true,
            updateable: true,
            deletable: true,
            queryable: true,
            searchable: definition.searchable,
            custom: definition.apiName.endsWith('__c'),
            defaultRecordTypeId: masterRecordTypeId,
            nameFields: definition.nameFields,
            childRelationships: childRelationships(catalog, definition.apiName),
            dependentFields: {},
            fields,
            recordTypeInfos: {
                [masterRecordTypeId]: {
                    available: true,
                    defaultRecordTypeMapping: true,
                    master: true,
                    name: 'Master',
                    recordTypeId: masterRecordTypeId
                }
            },
            themeInfo: null
        }
    };
}

/** getPicklistValues: a picklist field's values (the console has only the master record type). */
export function picklistValuesShape(
    catalog: ObjectCatalog,
    recordTypeId: string,
    field: FieldReference
): UiResult<unknown> {
    const { object, path } = fieldPath(field);
    const definition = catalog.get(object);
    const name = path.join('.');
    const rule = definition ? fieldRule(definition, name) : undefined;
    if (!definition || !rule) {
        return noSuchColumn(name, object);
    }
    if (recordTypeId !== masterRecordTypeId) {
        return readError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    if (rule.type !== 'Picklist') {
        return readError(400, 'INVALID_TYPE', `Field ${name} is not a picklist`);
    }
    return {
        ok: true,
        data: {
            controllerValues: {},
            defaultValue: null,
            url: `/services/data/v67.0/ui-api/object-info/${definition.apiName}/picklist-values/${recordTypeId}/${name}`,
            values: (rule.picklistValues ?? []).map((value) => ({
                attributes: null,
                label: value,
                validFor: [],
                value
            }))
        }
    };
}

export interface RelatedListQuery {
    readonly parentRecordId: string;
    readonly relatedListId: string;
    readonly fields: readonly FieldReference[];
    readonly optionalFields: readonly FieldReference[];
    readonly sortBy: readonly string[];
    readonly pageSize: number;
}

/** getRelatedListRecords: the child records of one relationship, sorted, one page. */
export function relatedListRecordsShape(
    source: RecordSource,
    query: RelatedListQuery
): UiResult<unknown> {
    const parent = source.get(query.parentRecordId);
    if (!parent) {
        return readError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    const relationship = childRelationships(source.catalog, parent.type).find(
        (candidate) => candidate.relationshipName === query.relatedListId
    );
    if (!relationship) {
        return readError(
            400,
            'INVALID_INPUT',
            `The related list ${query.relatedListId} is not available on ${parent.type}`
        );
    }
    const parentId = String(parent.values['Id']);
    const children = source
        .all()
        .filter(
            (record) =>
                record.type === relationship.childObjectApiName &&
                record.values[relationship.fieldName] === parentId
        );
    const [sortField] = query.sortBy;
    if (sortField) {
        const descending = sortField.startsWith('-');
        const name = fieldPath(sortField.replace(/^-/, '')).path.join('.');
        const key = (record: StoredRecord) => String(record.values[name] ?? '');
        children.sort((left, right) => key(left).localeCompare(key(right)) * (descending ? -1 : 1));
    }
    const page = children.slice(0, query.pageSize);
    const records: UiRecord[] = [];
    const paths = (list: readonly FieldReference[]) =>
        list.map(fieldPath).flatMap(({ path }) => (path.length > 0 ? [path] : []));
    for (const record of page) {
        const result = recordRepresentation(
            source,
            record,
            paths(query.fields),
            paths(query.optionalFields)
        );
        if (!result.ok) {
            return result;
        }
        records.push(result.data);
    }
    const url = `/services/data/v67.0/ui-api/related-list-records/${parentId}/${query.relatedListId}?pageSize=${query.pageSize}`;
    return {
        ok: true,
        data: {
            count: records.length,
            currentPageToken: '0',
            currentPageUrl: url,
            listInfoETag: `${relationship.childObjectApiName}-${relationship.fieldName}`,
            nextPageToken: null,
            nextPageUrl: null,
            previousPageToken: null,
            previousPageUrl: null,
            records
        }
    };
}
