import type { CallLogWriter } from '../../calllog/call-log-writer';
import type { FieldValue, SaveLogValue } from '../../calllog/phone-call-record';
import type { ScreenPopHost, ScreenPopSearch, ScreenPopTarget } from '../../screenpop';
import type { DoNotCallHost } from '../outbound-dialer';

/** A record the search can find: what the softphone layout would return for it. */
export interface PersonRecord {
    readonly Id: string;
    readonly Name: string;
    /** sObject API name (searchAndScreenPop calls it RecordType). */
    readonly RecordType: string;
    /** As a user typed it into Salesforce, e.g. '(415) 555-0101' or '+14155550101'. */
    readonly Phone: string;
    readonly [field: string]: FieldValue;
}

export interface SearchRequest {
    readonly searchParams: string;
    readonly callType: string;
    readonly deferred: boolean;
}

export interface StoredRecord {
    readonly id: string;
    readonly entityApiName: string;
    readonly fields: Record<string, FieldValue>;
}

/** What one saveLog call does instead of succeeding. */
export type SaveFailure = 'before' | 'after' | 'permanent';

const ID_PREFIX: Readonly<Record<string, string>> = { Phone_Call__c: 'a01', Task: '00T' };

/**
 * Salesforce as the softphone sees it through Open CTI: a phone search over a few records
 * (matching the number as typed, or its digits), the screen pops it was asked for, and a saveLog
 * that stores records and enforces the unique Provider_Call_Id__c with Salesforce's own message.
 */
export class FakeSalesforceHost implements ScreenPopHost, DoNotCallHost, CallLogWriter {
    readonly people: PersonRecord[] = [];
    readonly searches: SearchRequest[] = [];
    readonly pops: ScreenPopTarget[] = [];
    readonly saveLogCalls: SaveLogValue[] = [];
    readonly records = new Map<string, StoredRecord>();
    /** Decides per saveLog call (1-based) whether and how it fails. */
    failSaveLog: (value: SaveLogValue, callNumber: number) => SaveFailure | undefined = () =>
        undefined;
    /** Makes every search reject with this message. */
    searchError: string | undefined;
    private counter = 0;

    constructor(people: readonly PersonRecord[] = []) {
        this.people.push(...people);
    }

    async searchAndScreenPop(request: ScreenPopSearch | SearchRequest): Promise<unknown> {
        this.searches.push({
            searchParams: request.searchParams,
            callType: request.callType,
            deferred: request.deferred
        });
        await Promise.resolve();
        if (this.searchError !== undefined) {
            throw new Error(this.searchError);
        }
        const found = this.people.filter((person) =>
            phoneMatches(person.Phone, request.searchParams)
        );
        if (found.length === 0) {
            return null;
        }
        const result: Record<string, unknown> = {};
        for (const person of found) {
            result[person.Id] = { ...person };
        }
        if (request.deferred) {
            result.SCREEN_POP_DATA = { type: 'sobject', params: { recordId: found[0]?.Id } };
        }
        return result;
    }

    async screenPop(target: ScreenPopTarget): Promise<unknown> {
        this.pops.push(target);
        await Promise.resolve();
        return undefined;
    }

    async saveLog(value: SaveLogValue): Promise<unknown> {
        this.saveLogCalls.push(value);
        await Promise.resolve();
        const failure = this.failSaveLog(value, this.saveLogCalls.length);
        if (failure === 'before') {
            throw new Error('Network error: Failed to fetch');
        }
        if (failure === 'permanent') {
            throw new Error('Required fields are missing: [Direction__c] (REQUIRED_FIELD_MISSING)');
        }
        const id = this.apply(value);
        if (failure === 'after') {
            throw new Error('The request timed out');
        }
        return id;
    }

    /** The searchParams of every search of a call type, in order. */
    searchesOf(callType: 'inbound' | 'outbound'): string[] {
        return this.searches
            .filter((search) => search.callType === callType)
            .map((search) => search.searchParams);
    }

    /** saveLog values that created a record of this object. */
    createsOf(entityApiName: string): SaveLogValue[] {
        return this.saveLogCalls.filter((value) => value.entityApiName === entityApiName);
    }

    phoneCalls(): StoredRecord[] {
        return [...this.records.values()].filter(
            (record) => record.entityApiName === 'Phone_Call__c'
        );
    }

    phoneCallOf(providerCallId: string): StoredRecord | undefined {
        return this.phoneCalls().find(
            (record) => record.fields.Provider_Call_Id__c === providerCallId
        );
    }

    private apply(value: SaveLogValue): string {
        const { Id: id, entityApiName, ...fields } = value;
        if (typeof id === 'string') {
            const existing = this.records.get(id);
            if (existing === undefined) {
                throw new Error(`ENTITY_IS_DELETED: entity is deleted (id: ${id})`);
            }
            Object.assign(existing.fields, fields);
            return id;
        }
        if (typeof entityApiName !== 'string') {
            throw new Error('INVALID_PARAM: value needs entityApiName or Id');
        }
        if (entityApiName === 'Phone_Call__c') {
            const duplicate = this.phoneCallOf(String(fields.Provider_Call_Id__c));
            if (duplicate !== undefined) {
                throw new Error(
                    `duplicate value found: Provider_Call_Id__c duplicates value on record with id: ${duplicate.id}`
                );
            }
        }
        this.counter += 1;
        const newId = `${ID_PREFIX[entityApiName] ?? '001'}${String(this.counter).padStart(15, '0')}`;
        this.records.set(newId, { id: newId, entityApiName, fields: { ...fields } });
        return newId;
    }
}

/** Like a phone search: the text as typed, or the same digits (at least 3). */
function phoneMatches(stored: string, searched: string): boolean {
    if (stored === searched) {
        return true;
    }
    const digits = searched.replace(/\D/g, '');
    return digits.length >= 3 && stored.replace(/\D/g, '') === digits;
}
