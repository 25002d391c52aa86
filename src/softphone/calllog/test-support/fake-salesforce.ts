import type { CallLogWriter } from '../call-log-writer';
import type { FieldValue, SaveLogValue } from '../phone-call-record';

/** How one saveLog call misbehaves: before (nothing saved), after (saved, but the caller hears an error), null (saved, no Id returned), hang (saved, never answers). */
export type FakeFailure = 'before' | 'after' | 'null' | 'hang' | 'permanent';

export interface StoredRecord {
    readonly id: string;
    readonly entityApiName: string;
    readonly fields: Record<string, FieldValue>;
}

const ID_PREFIX: Readonly<Record<string, string>> = { Phone_Call__c: 'a01', Task: '00T' };

/**
 * A Salesforce that enforces what matters for the outbox: Provider_Call_Id__c is unique (a
 * duplicate create fails with Salesforce's message naming the existing record), updates need an
 * existing Id, and failures can be injected per call. The app tests extend it into a whole
 * Salesforce host (src/softphone/app/test-support/fake-salesforce-host.ts).
 */
export class FakeSalesforce implements CallLogWriter {
    readonly records = new Map<string, StoredRecord>();
    readonly calls: SaveLogValue[] = [];
    /** Decides, per call, whether and how it fails. */
    failWith: (value: SaveLogValue, callNumber: number) => FakeFailure | undefined = () =>
        undefined;
    /** Runs at the start of every call (e.g. to look into the outbox store). */
    onCall: (value: SaveLogValue) => void | Promise<void> = () => undefined;
    private counter = 0;
    private inFlightByKey = new Map<string, number>();
    maxInFlightPerKey = 0;

    async saveLog(value: SaveLogValue): Promise<unknown> {
        this.calls.push(value);
        const key = String(value.Provider_Call_Id__c ?? value.CallObject ?? value.Id ?? '');
        const inFlight = (this.inFlightByKey.get(key) ?? 0) + 1;
        this.inFlightByKey.set(key, inFlight);
        this.maxInFlightPerKey = Math.max(this.maxInFlightPerKey, inFlight);
        try {
            await this.onCall(value);
            const failure = this.failWith(value, this.calls.length);
            if (failure === 'before') {
                throw new Error('Network error: Failed to fetch');
            }
            if (failure === 'permanent') {
                throw new Error(
                    'Required fields are missing: [Direction__c] (REQUIRED_FIELD_MISSING)'
                );
            }
            const id = this.apply(value);
            if (failure === 'after') {
                throw new Error('The request timed out');
            }
            if (failure === 'null') {
                return null;
            }
            if (failure === 'hang') {
                return await new Promise<never>(() => undefined);
            }
            return id;
        } finally {
            this.inFlightByKey.set(key, (this.inFlightByKey.get(key) ?? 1) - 1);
        }
    }

    /** saveLog values that created a record of this object. */
    createsOf(entityApiName: string): SaveLogValue[] {
        return this.calls.filter((value) => value.entityApiName === entityApiName);
    }

    recordsOf(entityApiName: string): StoredRecord[] {
        return [...this.records.values()].filter(
            (record) => record.entityApiName === entityApiName
        );
    }

    phoneCallByProviderId(providerCallId: string): StoredRecord | undefined {
        return this.recordsOf('Phone_Call__c').find(
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
            const duplicate = this.phoneCallByProviderId(String(fields.Provider_Call_Id__c));
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
