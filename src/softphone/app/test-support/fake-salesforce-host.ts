import type { FieldValue } from '../../calllog/phone-call-record';
import { FakeSalesforce } from '../../calllog/test-support/fake-salesforce';
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

/**
 * Salesforce as the softphone sees it through Open CTI: a phone search over a few records
 * (matching the number as typed, or its digits), the screen pops it was asked for, and the
 * outbox tests' FakeSalesforce for saveLog (records, the unique Provider_Call_Id__c, failures).
 */
export class FakeSalesforceHost extends FakeSalesforce implements ScreenPopHost, DoNotCallHost {
    readonly people: PersonRecord[] = [];
    readonly searches: SearchRequest[] = [];
    readonly pops: ScreenPopTarget[] = [];
    /** Makes every search reject with this message. */
    searchError: string | undefined;

    constructor(people: readonly PersonRecord[] = []) {
        super();
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

    /** The searchParams of every search of a call type, in order. */
    searchesOf(callType: 'inbound' | 'outbound'): string[] {
        return this.searches
            .filter((search) => search.callType === callType)
            .map((search) => search.searchParams);
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
