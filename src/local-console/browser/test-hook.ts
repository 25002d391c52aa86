import type { ActivityEntry, LmsEntry } from './console-logs';
import type { SoftphoneUtility, WorkspaceTab } from './console-state';
import type { AppViewInfo } from './opencti-host';
import type { PublicRecord } from './record-store';

/**
 * `window.localConsole`: a small read-only view of the console for browser tests. Every call
 * returns a copy; `ready` resolves once the data is loaded and the softphone iframe is created.
 */
export interface LocalConsoleHook {
    readonly ready: Promise<void>;
    records(type: string): PublicRecord[];
    lmsMessages(): LmsEntry[];
    openTabs(): (WorkspaceTab & { readonly active: boolean })[];
    settings(): Record<string, string>;
    activity(): ActivityEntry[];
    utility(): SoftphoneUtility;
    appViewInfo(): AppViewInfo;
}

export interface HookSources {
    records(type: string): readonly PublicRecord[];
    lmsMessages(): readonly LmsEntry[];
    tabs(): readonly WorkspaceTab[];
    activeTabId(): string;
    settings(): Readonly<Record<string, string>>;
    activity(): readonly ActivityEntry[];
    utility(): SoftphoneUtility;
    appViewInfo(): AppViewInfo;
}

function copy<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}

export function createTestHook(
    ready: Promise<void>,
    sources: () => HookSources | undefined
): LocalConsoleHook {
    return Object.freeze({
        ready,
        records: (type: string) => copy([...(sources()?.records(type) ?? [])]),
        lmsMessages: () => copy([...(sources()?.lmsMessages() ?? [])]),
        openTabs: () => {
            const current = sources();
            return current
                ? copy(
                      current
                          .tabs()
                          .map((tab) => ({ ...tab, active: tab.id === current.activeTabId() }))
                  )
                : [];
        },
        settings: () => copy({ ...(sources()?.settings() ?? {}) }),
        activity: () => copy([...(sources()?.activity() ?? [])]),
        utility: () => copy(sources()?.utility() ?? ({} as SoftphoneUtility)),
        appViewInfo: () => copy(sources()?.appViewInfo() ?? { url: '' })
    });
}
