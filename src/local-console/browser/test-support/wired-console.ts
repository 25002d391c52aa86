import type { ConsoleSoftphoneLayout, LayoutFault } from '../softphone-layout';
import type { HostMessage } from '../../shared/host-protocol';
import { EntryLog } from '../console-logs';
import type { ActivityEntry, FaultSettings, LmsEntry } from '../console-logs';
import { ConsoleState } from '../console-state';
import { createOpenCtiShim } from '../opencti-client';
import { OpenCtiHost, type SaveLogReturn } from '../opencti-host';
import type { RecordStore } from '../record-store';
import { loadedStore } from './console-fixtures';

export interface WiredConsole {
    readonly store: RecordStore;
    readonly state: ConsoleState;
    readonly host: OpenCtiHost;
    readonly faults: FaultSettings;
    readonly lmsLog: EntryLog<LmsEntry>;
    readonly activity: EntryLog<ActivityEntry>;
    /** `sforce.opencti` as the softphone sees it. */
    readonly opencti: Record<string, (args?: unknown) => void> & {
        readonly hvs: Record<string, (args?: unknown) => void>;
    };
    /** Calls a method and resolves with what its callback received. */
    call(method: string, args?: Record<string, unknown>): Promise<Record<string, unknown>>;
    /** Replaces the softphone with a fresh shim instance (a reload). */
    reload(): void;
}

/** The shim and the host connected directly (what postMessage does in the browser). */
export async function wiredConsole(
    settings: Record<string, string> = {},
    hostOptions: {
        readonly saveLogReturn?: SaveLogReturn;
        readonly layout?: ConsoleSoftphoneLayout;
        readonly layoutFault?: LayoutFault;
        readonly sleep?: (ms: number) => Promise<void>;
        readonly receivedAt?: () => number;
    } = {}
): Promise<WiredConsole> {
    const store = await loadedStore();
    const state = new ConsoleState();
    const faults: FaultSettings = { saveLogFailureRate: 0, saveLogLatencyMs: 0 };
    const lmsLog = new EntryLog<LmsEntry>();
    const activity = new EntryLog<ActivityEntry>();
    let deliver: (message: HostMessage) => void = () => undefined;
    const host = new OpenCtiHost({
        store,
        state,
        settings: () => settings,
        messageChannels: ['Softphone_Message__c'],
        faults,
        lmsLog,
        activity,
        send: (message) => deliver(message),
        origin: 'http://127.0.0.1:5173',
        lmsEcho: true,
        random: () => 0.5,
        sleep: () => Promise.resolve(),
        ...hostOptions,
        now: () => new Date('2026-01-15T10:00:00.000Z')
    });
    let instance = 0;
    let opencti = {} as WiredConsole['opencti'];
    const reload = () => {
        instance += 1;
        const shim = createOpenCtiShim(
            { post: (request) => void host.receive(request) },
            `instance-${instance}`
        );
        deliver = (message) => shim.receive(message);
        opencti = shim.api as WiredConsole['opencti'];
    };
    reload();
    return {
        store,
        state,
        host,
        faults,
        lmsLog,
        activity,
        get opencti() {
            return opencti;
        },
        call(method, args = {}) {
            return new Promise((resolve) => {
                const [group, name] = method.includes('.')
                    ? method.split('.')
                    : [undefined, method];
                const target = group
                    ? (opencti[group] as unknown as Record<string, (args: unknown) => void>)
                    : opencti;
                target[name as string]?.({ ...args, callback: resolve });
            });
        },
        reload
    };
}
