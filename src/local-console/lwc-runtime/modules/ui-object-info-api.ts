// lightning/uiObjectInfoApi, played over the console's object catalog: getObjectInfo and
// getPicklistValues (https://developer.salesforce.com/docs/platform/lwc/guide/reference-ui-api-object-info.html).
import { lwcRuntime } from '../runtime-context';
import { injectedReadError } from '../ui-api-faults';
import type { FieldReference } from '../ui-api-shapes';
import { objectInfoShape, picklistValuesShape } from '../ui-api-shapes';
import { PlayedWireAdapter, isSet } from '../wire-adapter';

type ObjectReference = string | { readonly objectApiName: string };

function objectName(reference: ObjectReference | undefined): string | undefined {
    if (typeof reference === 'string') {
        return reference;
    }
    return reference && typeof reference.objectApiName === 'string'
        ? reference.objectApiName
        : undefined;
}

export class getObjectInfo extends PlayedWireAdapter<{ readonly objectApiName?: ObjectReference }> {
    protected read(config: { readonly objectApiName?: ObjectReference }) {
        const name = objectName(config.objectApiName);
        if (!isSet(name)) {
            return undefined;
        }
        return (
            injectedReadError('getObjectInfo') ??
            objectInfoShape(lwcRuntime().store.catalog, String(name))
        );
    }
}

export class getPicklistValues extends PlayedWireAdapter<{
    readonly recordTypeId?: string;
    readonly fieldApiName?: FieldReference;
}> {
    protected read(config: {
        readonly recordTypeId?: string;
        readonly fieldApiName?: FieldReference;
    }) {
        if (!isSet(config.recordTypeId) || !config.fieldApiName) {
            return undefined;
        }
        return (
            injectedReadError('getPicklistValues') ??
            picklistValuesShape(
                lwcRuntime().store.catalog,
                String(config.recordTypeId),
                config.fieldApiName
            )
        );
    }
}
