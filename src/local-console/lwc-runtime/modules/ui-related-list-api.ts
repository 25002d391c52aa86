// lightning/uiRelatedListApi, played over the console's record store: getRelatedListRecords
// (https://developer.salesforce.com/docs/platform/lwc/guide/reference-wire-adapters-related-list-records.html).
import { toId18 } from '../../browser/record-ids';
import { lwcRuntime } from '../runtime-context';
import { injectedReadError } from '../ui-api-faults';
import type { FieldReference } from '../ui-api-shapes';
import { relatedListRecordsShape } from '../ui-api-shapes';
import { PlayedWireAdapter, isSet } from '../wire-adapter';

interface RelatedListConfig {
    readonly parentRecordId?: string;
    readonly relatedListId?: string;
    readonly fields?: readonly FieldReference[];
    readonly optionalFields?: readonly FieldReference[];
    readonly sortBy?: readonly string[];
    readonly pageSize?: number;
}

const defaultPageSize = 50;

export class getRelatedListRecords extends PlayedWireAdapter<RelatedListConfig> {
    protected read(config: RelatedListConfig) {
        if (!isSet(config.parentRecordId) || !isSet(config.relatedListId)) {
            return undefined;
        }
        const fault = injectedReadError('getRelatedListRecords');
        if (fault) {
            return fault;
        }
        return relatedListRecordsShape(lwcRuntime().store, {
            parentRecordId: String(config.parentRecordId),
            relatedListId: String(config.relatedListId),
            fields: config.fields ?? [],
            optionalFields: config.optionalFields ?? [],
            sortBy: config.sortBy ?? [],
            pageSize: Number.isInteger(config.pageSize) ? Number(config.pageSize) : defaultPageSize
        });
    }

    override concerns(recordIds: ReadonlySet<string>): boolean {
        const id = this.currentConfig?.parentRecordId;
        const id18 = typeof id === 'string' ? toId18(id) : undefined;
        return id18 !== undefined && recordIds.has(id18);
    }
}
