import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { FieldSchema, MetadataSchema, ObjectSchema } from '../shared/metadata-types';

export type { FieldSchema, MetadataSchema, ObjectSchema };

/**
 * Reads what the console enforces from the project's own metadata: the fields of every object under
 * `force-app/main/default/objects/` (required, unique, restricted picklists, which columns exist)
 * and the names of the message channels. Served as `/metadata-schema.json`.
 */
const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === 'value'
});

function text(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined;
}

function flag(value: unknown): boolean {
    return value === 'true';
}

export function parseFieldXml(xml: string, fileName: string): FieldSchema {
    const root = (parser.parse(xml) as { CustomField?: Record<string, unknown> }).CustomField;
    if (typeof root !== 'object' || root === null) {
        throw new Error(`${fileName}: no <CustomField> root element`);
    }
    const name = text(root['fullName']) ?? basename(fileName, '.field-meta.xml');
    const valueSet = root['valueSet'] as Record<string, unknown> | undefined;
    const definition = valueSet?.['valueSetDefinition'] as Record<string, unknown> | undefined;
    const values = (definition?.['value'] as Record<string, unknown>[] | undefined) ?? [];
    const referenceTo = text(root['referenceTo']);
    const relationshipName = text(root['relationshipName']);
    const length = Number(text(root['length']));
    return {
        name,
        label: text(root['label']) ?? name,
        type: text(root['type']) ?? 'Text',
        required: flag(root['required']),
        unique: flag(root['unique']),
        caseSensitive: flag(root['caseSensitive']),
        externalId: flag(root['externalId']),
        ...(values.length > 0
            ? { picklistValues: values.map((value) => text(value['fullName']) ?? '') }
            : {}),
        restrictedPicklist: flag(valueSet?.['restricted']),
        ...(referenceTo ? { referenceTo } : {}),
        ...(relationshipName ? { relationshipName } : {}),
        ...(Number.isInteger(length) && length > 0 ? { length } : {})
    };
}

export function parseObjectXml(xml: string): Omit<ObjectSchema, 'name' | 'fields'> {
    const root = (parser.parse(xml) as { CustomObject?: Record<string, unknown> }).CustomObject;
    if (typeof root !== 'object' || root === null) {
        return {};
    }
    const nameField = root['nameField'] as Record<string, unknown> | undefined;
    const label = text(root['label']);
    const pluralLabel = text(root['pluralLabel']);
    const displayFormat = text(nameField?.['displayFormat']);
    const enableActivities = text(root['enableActivities']);
    return {
        ...(label ? { label } : {}),
        ...(enableActivities ? { enableActivities: enableActivities === 'true' } : {}),
        ...(pluralLabel ? { pluralLabel } : {}),
        ...(nameField
            ? {
                  nameField: {
                      label: text(nameField['label']) ?? 'Name',
                      type: text(nameField['type']) ?? 'Text',
                      ...(displayFormat ? { displayFormat } : {})
                  }
              }
            : {})
    };
}

/** Reads the metadata under `defaultDir` (`force-app/main/default`); missing folders are empty. */
export function readMetadataSchema(defaultDir: string): MetadataSchema {
    const objects: Record<string, ObjectSchema> = {};
    const objectsDir = join(defaultDir, 'objects');
    for (const objectName of listDir(objectsDir)) {
        const objectFile = join(objectsDir, objectName, `${objectName}.object-meta.xml`);
        const fieldsDir = join(objectsDir, objectName, 'fields');
        const fields: Record<string, FieldSchema> = {};
        for (const file of listDir(fieldsDir).filter((name) => name.endsWith('.field-meta.xml'))) {
            const field = parseFieldXml(readFileSync(join(fieldsDir, file), 'utf8'), file);
            fields[field.name] = field;
        }
        objects[objectName] = {
            name: objectName,
            ...(existsSync(objectFile) ? parseObjectXml(readFileSync(objectFile, 'utf8')) : {}),
            fields
        };
    }
    const messageChannels = listDir(join(defaultDir, 'messageChannels'))
        .filter((name) => name.endsWith('.messageChannel-meta.xml'))
        .map((name) => `${basename(name, '.messageChannel-meta.xml')}__c`);
    return { objects, messageChannels };
}

function listDir(dir: string): string[] {
    try {
        return readdirSync(dir).sort();
    } catch {
        return [];
    }
}
