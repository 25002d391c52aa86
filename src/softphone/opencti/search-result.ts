import { label } from '../i18n';
import type { FieldValue } from './opencti-api';
import { invalid, type Validated } from './invalid-payload-error';
import { OBJECT_API_NAME_PATTERN, RECORD_ID_PATTERN } from './salesforce-schemas';

/** One record that `searchAndScreenPop` found. */
export interface SearchMatch {
    readonly recordId: string;
    /** sObject API name: the docs call it `RecordType` in the result (not a record type). */
    readonly objectType: string;
    readonly name?: string;
    /**
     * The fields the softphone layout returns for this object, primitive values only
     * (e.g. Phone, DoNotCall, IsPersonAccount). Fields not in the layout are not returned.
     */
    readonly fields: Readonly<Record<string, FieldValue>>;
}

export interface SearchResult {
    /** In the order Salesforce returned them. */
    readonly matches: readonly SearchMatch[];
    /** With `deferred: true`: pass unmodified to screenPop to pop what the layout would. */
    readonly screenPopData?: unknown;
}

const SCREEN_POP_DATA = 'SCREEN_POP_DATA';
const MAX_MATCHES = 500;
const FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/** Standard key prefixes, used only when an entry lacks `RecordType`. */
const KEY_PREFIXES: Readonly<Record<string, string>> = {
    '001': 'Account',
    '003': 'Contact',
    '00Q': 'Lead',
    '500': 'Case'
};

/**
 * Validates the `returnValue` of `searchAndScreenPop`: a map keyed by record id whose values
 * are `{ Id, Name, RecordType, ...layout fields }`, plus `SCREEN_POP_DATA` when deferred.
 * A null/absent value is read as "no match" (the docs do not say what a search without
 * matches returns).
 */
export function parseSearchResult(returnValue: unknown): Validated<SearchResult> {
    if (returnValue === null || returnValue === undefined) {
        return { ok: true, value: { matches: [] } };
    }
    if (typeof returnValue !== 'object' || Array.isArray(returnValue)) {
        return invalid('searchResult', [label('Softphone_Pop_Not_Records_Map')]);
    }
    const issues: string[] = [];
    const matches: SearchMatch[] = [];
    let screenPopData: unknown;
    for (const [key, entry] of Object.entries(returnValue as Record<string, unknown>)) {
        if (key === SCREEN_POP_DATA) {
            screenPopData = entry;
            continue;
        }
        const match = parseMatch(key, entry, issues);
        if (match !== undefined) {
            matches.push(match);
        }
    }
    if (matches.length > MAX_MATCHES) {
        issues.push(label('Softphone_Pop_Too_Many_Records', MAX_MATCHES));
    }
    if (issues.length > 0) {
        return invalid('searchResult', issues);
    }
    return {
        ok: true,
        value: screenPopData === undefined ? { matches } : { matches, screenPopData }
    };
}

function parseMatch(key: string, entry: unknown, issues: string[]): SearchMatch | undefined {
    const shownKey = key.slice(0, 40);
    if (!RECORD_ID_PATTERN.test(key)) {
        issues.push(`${shownKey}: ${label('Softphone_Pop_Not_Record_Id')}`);
        return undefined;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        issues.push(`${shownKey}: ${label('Softphone_Pop_Not_Record')}`);
        return undefined;
    }
    const record = entry as Record<string, unknown>;
    if (typeof record.Id === 'string' && record.Id.slice(0, 15) !== key.slice(0, 15)) {
        issues.push(`${shownKey}.Id: ${label('Softphone_Pop_Id_Not_Key')}`);
        return undefined;
    }
    const objectType = readObjectType(key, record.RecordType);
    if (objectType === undefined) {
        issues.push(`${shownKey}.RecordType: ${label('Softphone_Pop_Not_Object_Name')}`);
        return undefined;
    }
    const fields: Record<string, FieldValue> = {};
    for (const [field, value] of Object.entries(record)) {
        if (FIELD_NAME_PATTERN.test(field) && isFieldValue(value)) {
            fields[field] = value;
        }
    }
    const name =
        typeof record.Name === 'string' && record.Name.trim() !== '' ? record.Name : undefined;
    return name === undefined
        ? { recordId: key, objectType, fields }
        : { recordId: key, objectType, name, fields };
}

function readObjectType(key: string, recordType: unknown): string | undefined {
    if (recordType === undefined || recordType === null || recordType === '') {
        return KEY_PREFIXES[key.slice(0, 3)];
    }
    return typeof recordType === 'string' && OBJECT_API_NAME_PATTERN.test(recordType)
        ? recordType
        : undefined;
}

function isFieldValue(value: unknown): value is FieldValue {
    return (
        value === null ||
        typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value))
    );
}
