import type { CallbackResponse } from '../shared/host-protocol';
import type { FaultSettings } from './console-logs';
import type { ConsoleState } from './console-state';
import type { FieldValue } from './object-catalog';
import { recordTab, searchTab } from './opencti-app-view';
import type { Args } from './opencti-responses';
import { failure, fieldValues, invalidParam, isRecord, ok } from './opencti-responses';
import type { RecordStore, StoredRecord } from './record-store';
import type { ConsoleSoftphoneLayout, LayoutSection } from './softphone-layout';
import { sectionFor } from './softphone-layout';

/** What screenPop works with: the console's tabs and modal, over the record store. */
export interface ScreenPopHost {
    readonly state: ConsoleState;
    readonly store: RecordStore;
}

/** What searchAndScreenPop works with: screenPop's, and the user's softphone layout. */
export interface SearchHost extends ScreenPopHost {
    readonly layout: ConsoleSoftphoneLayout;
}

const screenPopTypes = [
    'sobject',
    'url',
    'objecthome',
    'list',
    'search',
    'newRecord',
    'flow'
] as const;
const callTypes = ['inbound', 'outbound', 'internal'];

/**
 * screenPop: opens the record, search, URL, object home, list, flow or new-record modal it
 * names, checking each type's params as Salesforce does:
 * https://developer.salesforce.com/docs/atlas.en-us.api_cti.meta/api_cti/sforce_api_cti_screenpop_lex.htm
 */
export function screenPop(args: Args, host: ScreenPopHost): CallbackResponse {
    const type = args['type'];
    const params = isRecord(args['params']) ? args['params'] : {};
    const { state, store } = host;
    switch (type) {
        case 'sobject': {
            const record =
                typeof params['recordId'] === 'string' ? store.get(params['recordId']) : undefined;
            if (!record) {
                return invalidParam(
                    'params.recordId',
                    'The Id of an existing record',
                    params['recordId']
                );
            }
            state.openTab(recordTab(record, store.nameOf(record)));
            return ok();
        }
        case 'newRecord': {
            const entityName = params['entityName'];
            const definition =
                typeof entityName === 'string' ? store.catalog.get(entityName) : undefined;
            if (!definition || definition.apiName === 'User') {
                return invalidParam(
                    'params.entityName',
                    'The API name of an object such as Contact',
                    entityName
                );
            }
            // The screenPop page documents NEW_RECORD_MODAL as
            // `params: { entityName, defaultFieldValues }`; its top-level defaultFieldValues
            // row shows a searchAndScreenPop example (a copy slip), and public adapters nest
            // it in params. So the console accepts only the nested shape, and refuses the
            // top-level one rather than silently ignoring it as a host might (UNCONFIRMED):
            // https://developer.salesforce.com/docs/atlas.en-us.api_cti.meta/api_cti/sforce_api_cti_screenpop_lex.htm
            if (args['defaultFieldValues'] !== undefined) {
                return invalidParam(
                    'defaultFieldValues',
                    'defaultFieldValues inside params, next to entityName,',
                    args['defaultFieldValues']
                );
            }
            const defaults = params['defaultFieldValues'];
            if (defaults !== undefined && !isRecord(defaults)) {
                return invalidParam(
                    'params.defaultFieldValues',
                    'An object of field values',
                    defaults
                );
            }
            state.openModal({
                entityName: definition.apiName,
                defaultFieldValues: fieldValues(defaults)
            });
            return ok();
        }
        case 'search': {
            const searchString = params['searchString'];
            if (typeof searchString !== 'string' || searchString.trim().length < 3) {
                return invalidParam(
                    'params.searchString',
                    'A string of at least 3 characters',
                    searchString
                );
            }
            state.openTab(searchTab(searchString.trim()));
            return ok();
        }
        case 'url': {
            const url = params['url'];
            if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) {
                return invalidParam(
                    'params.url',
                    'A relative URL such as /lightning/o/Case/home',
                    url
                );
            }
            const recordPath =
                /^\/lightning\/r\/(?:[A-Za-z0-9_]+\/)?([A-Za-z0-9]{15,18})\/view/.exec(url);
            const record = recordPath?.[1] ? store.get(recordPath[1]) : undefined;
            state.openTab(
                record
                    ? recordTab(record, store.nameOf(record))
                    : { kind: 'url', id: `url:${url}`, title: url, url }
            );
            return ok();
        }
        case 'objecthome': {
            const definition =
                typeof params['scope'] === 'string'
                    ? store.catalog.get(params['scope'])
                    : undefined;
            if (!definition) {
                return invalidParam(
                    'params.scope',
                    'An object API name such as Account',
                    params['scope']
                );
            }
            state.openTab({
                kind: 'objectHome',
                id: `home:${definition.apiName}`,
                title: definition.pluralLabel,
                scope: definition.apiName
            });
            return ok();
        }
        case 'list': {
            const definition =
                typeof params['scope'] === 'string'
                    ? store.catalog.get(params['scope'])
                    : undefined;
            const listViewId = params['listViewId'];
            if (!definition || typeof listViewId !== 'string' || listViewId === '') {
                return invalidParam('params', 'listViewId and scope (an object API name)', params);
            }
            state.openTab({
                kind: 'list',
                id: `list:${definition.apiName}:${listViewId}`,
                title: `${definition.pluralLabel} (${listViewId})`,
                scope: definition.apiName,
                listViewId
            });
            return ok();
        }
        case 'flow': {
            const flowDevName = params['flowDevName'];
            if (typeof flowDevName !== 'string' || flowDevName === '') {
                return invalidParam(
                    'params.flowDevName',
                    'The API name of an active screen flow',
                    flowDevName
                );
            }
            state.openTab({
                kind: 'flow',
                id: `flow:${flowDevName}`,
                title: `Flow: ${flowDevName}`,
                flowDevName,
                flowArgs: params['flowArgs'] ?? []
            });
            return ok();
        }
        default:
            return invalidParam(
                'type',
                `One of sforce.opencti.SCREENPOP_TYPE (${screenPopTypes.join(', ')})`,
                type
            );
    }
}

export function searchAndScreenPop(
    args: Args,
    faults: FaultSettings,
    host: SearchHost
): CallbackResponse {
    const { store } = host;
    if (faults.searchFailure === true) {
        // The documented error shape (SERVER_ERROR); what a real org's outage answers is
        // UNCONFIRMED: https://developer.salesforce.com/docs/atlas.en-us.api_cti.meta/api_cti/sforce_api_cti_errors_lex.htm
        return failure({
            code: 'SERVER_ERROR',
            description:
                'A problem was encountered on the server. (Injected by the local console: fault.searchFailure.)'
        });
    }
    const callType = args['callType'];
    if (typeof callType !== 'string' || !callTypes.includes(callType.toLowerCase())) {
        return invalidParam(
            'callType',
            'One of sforce.opencti.CALL_TYPE (inbound, outbound, internal)',
            callType
        );
    }
    const searchParams = typeof args['searchParams'] === 'string' ? args['searchParams'] : '';
    // Only the objects of the layout's section for this call type are searched.
    const section = sectionFor(host.layout, callType);
    const types = ['Contact', 'Lead', 'Account'].filter(
        (type) => store.catalog.get(type)?.searchable && section[type] !== undefined
    );
    // Salesforce searches every text field: digits that are no one's phone number may still
    // be an account number an IVR collected (issue 21).
    const phoneMatches = /[A-Za-z]/.test(searchParams)
        ? []
        : store.searchPhone(searchParams, types);
    const matches = phoneMatches.length > 0 ? phoneMatches : store.searchText(searchParams, types);
    const result: Record<string, unknown> = {};
    for (const record of matches) {
        result[String(record.values['Id'])] = searchResult(store, record, section);
    }
    const popData = popDataFor(matches, searchParams);
    if (args['deferred'] === true) {
        if (popData) {
            result['SCREEN_POP_DATA'] = popData;
        }
        return ok(result);
    }
    if (popData) {
        screenPop(popData, host);
    }
    return ok(result);
}

/** What the default softphone layout pops: one match → the record; several → search. */
function popDataFor(matches: readonly StoredRecord[], searchParams: string): Args | undefined {
    const [first] = matches;
    if (matches.length === 1 && first) {
        return { type: 'sobject', params: { recordId: first.values['Id'] } };
    }
    if (matches.length > 1) {
        return { type: 'search', params: { searchString: searchParams } };
    }
    return undefined;
}

/**
 * Id, Name, RecordType and LastModifiedDate, then only the fields the layout selects for the
 * object (none selected: nothing more), e.g. DoNotCall only when the section shows it.
 */
function searchResult(
    store: RecordStore,
    record: StoredRecord,
    section: LayoutSection
): Record<string, FieldValue> {
    const definition = store.catalog.get(record.type);
    const entry: Record<string, FieldValue> = {
        Id: String(record.values['Id']),
        Name: store.nameOf(record),
        RecordType: record.type,
        LastModifiedDate: record.values['LastModifiedDate'] ?? null
    };
    for (const field of section[record.type] ?? []) {
        if (field in entry) {
            continue;
        }
        const value = record.values[field];
        if (value !== undefined && value !== null) {
            entry[field] = value;
        } else if (field === definition?.doNotCallField) {
            entry[field] = false;
        }
    }
    return entry;
}
