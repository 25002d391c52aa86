import type { WorkspaceTab } from './console-state';
import type { StoredRecord } from './record-store';

/** What getAppViewInfo and onNavigationChange report of the console's active tab. */
export interface AppViewInfo {
    readonly url: string;
    readonly recordId?: string;
    readonly recordName?: string;
    readonly objectType?: string;
}

export function recordTab(record: StoredRecord, name: string): WorkspaceTab {
    const recordId = String(record.values['Id']);
    return {
        kind: 'record',
        id: `record:${recordId}`,
        title: name,
        recordId,
        objectType: record.type
    };
}

export function searchTab(searchString: string): WorkspaceTab {
    return {
        kind: 'search',
        id: `search:${searchString}`,
        title: `Search: ${searchString}`,
        searchString
    };
}

/** The URL (and record) Salesforce reports for a workspace tab. */
export function describeTab(
    tab: WorkspaceTab,
    origin: string,
    get: (id: string) => StoredRecord | undefined,
    nameOf: (record: StoredRecord) => string
): AppViewInfo {
    switch (tab.kind) {
        case 'record': {
            const record = get(tab.recordId);
            return {
                url: `${origin}/lightning/r/${tab.objectType}/${tab.recordId}/view`,
                recordId: tab.recordId,
                recordName: record ? nameOf(record) : tab.title,
                objectType: tab.objectType
            };
        }
        case 'home':
            return { url: `${origin}/lightning/page/home` };
        case 'phoneCalls':
            return { url: `${origin}/lightning/o/Phone_Call__c/list` };
        case 'search':
            return {
                url: `${origin}/lightning/search?searchString=${encodeURIComponent(tab.searchString)}`
            };
        case 'objectHome':
            return { url: `${origin}/lightning/o/${tab.scope}/home` };
        case 'list':
            return {
                url: `${origin}/lightning/o/${tab.scope}/list?filterName=${encodeURIComponent(tab.listViewId)}`
            };
        case 'flow':
            return { url: `${origin}/flow/${encodeURIComponent(tab.flowDevName)}` };
        case 'url':
            return { url: `${origin}${tab.url}` };
    }
}
