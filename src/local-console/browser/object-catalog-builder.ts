import type { FieldSchema, MetadataSchema } from '../shared/metadata-types';
import type { FieldRule, FieldType, ObjectDefinition } from './object-catalog';
import { standardObjects } from './object-catalog';

/** The objects the console knows, looked up by API name (case-insensitively) or key prefix. */
export class ObjectCatalog {
    private readonly byName = new Map<string, ObjectDefinition>();
    private readonly byKeyPrefix = new Map<string, ObjectDefinition>();

    constructor(readonly definitions: readonly ObjectDefinition[]) {
        for (const definition of definitions) {
            this.byName.set(definition.apiName.toLowerCase(), definition);
            this.byKeyPrefix.set(definition.keyPrefix, definition);
        }
    }

    get(apiName: string): ObjectDefinition | undefined {
        return this.byName.get(apiName.toLowerCase());
    }

    forId(id: string): ObjectDefinition | undefined {
        return this.byKeyPrefix.get(id.slice(0, 3));
    }
}

const typeMap: Readonly<Record<string, FieldType>> = {
    Text: 'Text',
    TextArea: 'TextArea',
    LongTextArea: 'LongTextArea',
    Html: 'LongTextArea',
    EncryptedText: 'Text',
    Phone: 'Phone',
    Email: 'Email',
    Url: 'Url',
    Number: 'Number',
    Currency: 'Number',
    Percent: 'Number',
    Checkbox: 'Checkbox',
    Date: 'Date',
    DateTime: 'DateTime',
    Picklist: 'Picklist',
    Lookup: 'Reference',
    MasterDetail: 'Reference'
};

const defaultLengths: Readonly<Partial<Record<FieldType, number>>> = {
    Phone: 40,
    Email: 80,
    Url: 255,
    TextArea: 255
};

export function fieldRuleFromSchema(field: FieldSchema): FieldRule {
    const type = typeMap[field.type] ?? 'Text';
    const maxLength = field.length ?? defaultLengths[type];
    return {
        name: field.name,
        label: field.label,
        type,
        ...(field.required ? { required: true } : {}),
        ...(field.unique ? { unique: true, caseSensitive: field.caseSensitive } : {}),
        ...(field.picklistValues
            ? { picklistValues: field.picklistValues, restricted: field.restrictedPicklist }
            : {}),
        ...(field.referenceTo ? { referenceTo: [field.referenceTo] } : {}),
        ...(field.relationshipName ? { relationshipName: field.relationshipName } : {}),
        ...(maxLength === undefined ? {} : { maxLength })
    };
}

/**
 * The standard objects, extended with what the project's metadata says: custom fields (on custom
 * and standard objects; `Activity` fields go to Task), custom objects (key prefixes a01, a02…),
 * labels, auto-number formats and which objects Task.WhatId may point at.
 */
export function buildObjectCatalog(schema: MetadataSchema | undefined): ObjectCatalog {
    const definitions = new Map(
        standardObjects.map((definition) => [definition.apiName, definition])
    );
    let nextCustomPrefix = 1;
    const objects = Object.values(schema?.objects ?? {});
    for (const object of objects) {
        const targetName = object.name === 'Activity' ? 'Task' : object.name;
        const existing = definitions.get(targetName);
        const fields = Object.fromEntries(
            Object.values(object.fields).map((field) => [field.name, fieldRuleFromSchema(field)])
        );
        const isCustom = targetName.endsWith('__c');
        const base: ObjectDefinition = existing ?? {
            apiName: targetName,
            label: object.label ?? targetName,
            pluralLabel: object.pluralLabel ?? targetName,
            keyPrefix: `a${String(nextCustomPrefix++).padStart(2, '0')}`,
            nameFields: ['Name'],
            phoneFields: [],
            searchable: false,
            listColumns: [],
            newRecordFields: [],
            defaults: {},
            fields: {},
            strictColumns: false,
            enableActivities: false
        };
        const displayFormat = object.nameField?.displayFormat;
        definitions.set(targetName, {
            ...base,
            label: object.label ?? base.label,
            pluralLabel: object.pluralLabel ?? base.pluralLabel,
            ...(object.nameField?.type === 'AutoNumber' && displayFormat
                ? { autoNumber: { field: 'Name', format: displayFormat } }
                : {}),
            fields: mergeFields(base.fields, fields),
            strictColumns: base.strictColumns || isCustom,
            enableActivities: object.enableActivities ?? base.enableActivities
        });
    }
    const task = definitions.get('Task');
    const whatId = task?.fields['WhatId'];
    if (task && whatId) {
        const targets = [...definitions.values()]
            .filter((definition) => definition.enableActivities)
            .map((definition) => definition.apiName);
        definitions.set('Task', {
            ...task,
            fields: { ...task.fields, WhatId: { ...whatId, referenceTo: targets } }
        });
    }
    return new ObjectCatalog([...definitions.values()]);
}

/** Metadata wins over the built-in rule, except that a built-in requirement stays. */
function mergeFields(
    base: Readonly<Record<string, FieldRule>>,
    fromMetadata: Readonly<Record<string, FieldRule>>
): Record<string, FieldRule> {
    const merged: Record<string, FieldRule> = { ...base };
    for (const [name, rule] of Object.entries(fromMetadata)) {
        const builtIn = base[name];
        merged[name] = {
            ...rule,
            ...(builtIn?.required ? { required: true } : {}),
            ...(builtIn?.unique && !rule.unique
                ? { unique: true, caseSensitive: builtIn.caseSensitive ?? false }
                : {}),
            ...(builtIn?.createOnly ? { createOnly: true } : {})
        };
    }
    return merged;
}
