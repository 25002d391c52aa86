import type { CallbackResponse, HostMessage, ShimRequest } from '../shared/host-protocol';
import { hostSource } from '../shared/host-protocol';
import type { ActivityEntry, EntryLog, FaultSettings, LmsEntry } from './console-logs';
import type { ConsoleState } from './console-state';
import type { AppViewInfo } from './opencti-app-view';
import { describeTab } from './opencti-app-view';
import type { ClickToDialPayload } from './opencti-click-to-dial';
import { clickToDialPayload } from './opencti-click-to-dial';
import { ConsoleLms } from './opencti-lms';
import { failure, genericError, invalidParam, ok } from './opencti-responses';
import type { SaveLogReturn } from './opencti-save-log';
import { saveLog } from './opencti-save-log';
import { screenPop, searchAndScreenPop } from './opencti-screen-pop';
import type { Handler } from './opencti-utility-methods';
import { utilityMethods } from './opencti-utility-methods';
import type { RecordStore, StoredRecord } from './record-store';
import { LAYOUT_PRESETS, type ConsoleSoftphoneLayout, type LayoutFault } from './softphone-layout';

// The host's method families live beside it; their public names stay importable from here.
export type { AppViewInfo } from './opencti-app-view';
export { recordTab, searchTab } from './opencti-app-view';
export type { ClickToDialPayload } from './opencti-click-to-dial';
export { clickToDialPayload } from './opencti-click-to-dial';
export { failure, invalidParam, ok } from './opencti-responses';
export type { SaveLogReturn } from './opencti-save-log';
export { saveLogAnswer } from './opencti-save-log';

type ListenerMethod = 'onClickToDial' | 'onNavigationChange' | 'hvs.onWorkStart';

/**
 * The Salesforce side of `sforce.opencti`: answers each request the shim forwards, over the
 * record store and the console state, and pushes listener payloads (click-to-dial, navigation,
 * LMS) back to the softphone.
 */
export interface OpenCtiHostOptions {
    readonly store: RecordStore;
    readonly state: ConsoleState;
    /** The call center settings (already loaded), or the reason they could not be loaded. */
    readonly settings: () => Readonly<Record<string, string>> | Error;
    /** Channels that exist in the project's metadata; empty means any channel is accepted. */
    readonly messageChannels: readonly string[];
    readonly faults: FaultSettings;
    readonly lmsLog: EntryLog<LmsEntry>;
    readonly activity: EntryLog<ActivityEntry>;
    /** Posts a message to the softphone iframe. */
    readonly send: (message: HostMessage) => void;
    /** The console's origin, for the URLs getAppViewInfo reports. */
    readonly origin: string;
    /** Whether the softphone's own LMS messages reach its own subscriptions (as LMS does). */
    lmsEcho: boolean;
    /** Whether the org has person accounts enabled (what onClickToDial then adds). */
    readonly personAccounts?: boolean;
    /** How a successful saveLog gives the Id back; default 'object' (see saveLogAnswer). */
    readonly saveLogReturn?: SaveLogReturn;
    /** The current user's softphone layout (default: a fresh org's, see softphone-layout.ts). */
    readonly layout?: ConsoleSoftphoneLayout;
    /** getSoftphoneLayout fails (error) or answers something malformed (invalid). */
    readonly layoutFault?: LayoutFault;
    readonly random?: () => number;
    readonly sleep?: (ms: number) => Promise<void>;
    /** The receipt clock (epoch ms); performance.timeOrigin + performance.now() by default. */
    readonly receivedAt?: () => number;
    readonly now?: () => Date;
}

export class OpenCtiHost {
    private instanceId: string | undefined;
    private readonly listeners = new Map<ListenerMethod, Set<string>>();
    private readonly lms: ConsoleLms;
    private readonly handlers: Readonly<Record<string, Handler>>;
    private readonly random: () => number;
    private readonly sleep: (ms: number) => Promise<void>;
    /** When a request arrived (see ActivityEntry.receivedAt); injected by tests. */
    private readonly receivedAt: () => number;
    private readonly now: () => Date;

    constructor(private readonly options: OpenCtiHostOptions) {
        this.random = options.random ?? Math.random;
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        this.receivedAt = options.receivedAt ?? (() => performance.timeOrigin + performance.now());
        this.now = options.now ?? (() => new Date());
        this.lms = new ConsoleLms({
            messageChannels: options.messageChannels,
            lmsLog: options.lmsLog,
            echo: () => this.options.lmsEcho,
            instanceId: () => this.instanceId,
            send: options.send,
            now: this.now
        });
        this.handlers = this.createHandlers();
        options.state.onChange((change) => {
            if (change === 'navigation') {
                this.emitListener('onNavigationChange', this.appViewInfo());
            }
        });
    }

    /** Answers one request from the shim and posts the response back. */
    async receive(request: ShimRequest): Promise<void> {
        const response = await this.handle(request);
        this.options.send({
            source: hostSource,
            kind: 'response',
            instanceId: request.instanceId,
            requestId: request.requestId,
            response
        });
    }

    async handle(request: ShimRequest): Promise<CallbackResponse> {
        const receivedAt = this.receivedAt();
        this.adoptInstance(request.instanceId);
        const handler = this.handlers[request.method];
        let response: CallbackResponse;
        const delayMs = this.options.faults.hostDelaysMs?.[request.method] ?? 0;
        if (delayMs > 0) {
            await this.sleep(delayMs);
        }
        try {
            response = handler
                ? await handler(request.args, request)
                : genericError(
                      `${request.method} is not an Open CTI method the local console knows`
                  );
        } catch (error) {
            response = failure({
                code: 'SERVER_ERROR',
                description: `A problem was encountered on the server: ${String(error)}`
            });
        }
        this.options.activity.add({
            at: this.now().toISOString(),
            receivedAt,
            kind: 'opencti',
            method: request.method,
            args: request.args,
            response,
            text: `${request.method} → ${response.success ? 'success' : 'failure'}`
        });
        return response;
    }

    /** The current view as getAppViewInfo and onNavigationChange report it. */
    appViewInfo(): AppViewInfo {
        const { state, store, origin } = this.options;
        const modal = state.modal;
        if (modal) {
            return { url: `${origin}/lightning/o/${modal.entityName}/new` };
        }
        return describeTab(
            state.activeTab,
            origin,
            (id) => store.get(id),
            (record) => store.nameOf(record)
        );
    }

    /** A click on an enabled phone number of a record shown in the console. */
    clickToDialRecord(record: StoredRecord, number: string): boolean {
        const name = this.options.store.nameOf(record);
        return this.clickToDial(
            clickToDialPayload(record, number, name, this.options.personAccounts ?? false)
        );
    }

    /** A click on an enabled phone number in the console. Returns false when not enabled. */
    clickToDial(payload: ClickToDialPayload): boolean {
        if (!this.options.state.utility.clickToDialEnabled) {
            return false;
        }
        this.emitListener('onClickToDial', payload);
        this.options.activity.add({
            at: this.now().toISOString(),
            kind: 'console',
            text: `click-to-dial ${payload.number} (${payload.objectType} ${payload.recordName}) → ${this.listeners.get('onClickToDial')?.size ?? 0} listener(s)`
        });
        return true;
    }

    /** A message an LWC publishes on an LMS channel: it reaches the softphone's subscriptions. */
    publishFromConsole(channelName: string, message: unknown): number {
        return this.lms.publishFromConsole(channelName, message);
    }

    /** Calls `listener` with every message the softphone publishes (for the components' LMS). */
    onSoftphonePublish(listener: (channelName: string, message: unknown) => void): () => void {
        return this.lms.onSoftphonePublish(listener);
    }

    /** Forgets the softphone's registrations (its page is being reloaded). */
    forgetSoftphone(): void {
        this.instanceId = undefined;
        this.listeners.clear();
        this.lms.clear();
        this.options.state.updateUtility({ initialised: false, clickToDialEnabled: false });
    }

    /** Whether the softphone's own LMS messages reach its own subscriptions. */
    get lmsEcho(): boolean {
        return this.options.lmsEcho;
    }

    set lmsEcho(on: boolean) {
        this.options.lmsEcho = on;
    }

    listenerCount(method: ListenerMethod): number {
        return this.listeners.get(method)?.size ?? 0;
    }

    subscriptionCount(): number {
        return this.lms.subscriptionCount();
    }

    private adoptInstance(instanceId: string): void {
        if (this.instanceId === instanceId) {
            return;
        }
        const reloaded = this.instanceId !== undefined;
        this.forgetSoftphone();
        this.instanceId = instanceId;
        this.options.activity.add({
            at: this.now().toISOString(),
            kind: 'console',
            text: reloaded
                ? 'softphone reloaded: its listeners and subscriptions were dropped'
                : 'softphone connected'
        });
    }

    private emitListener(method: ListenerMethod, payload: unknown): void {
        const instanceId = this.instanceId;
        if (instanceId === undefined) {
            return;
        }
        for (const listenerId of this.listeners.get(method) ?? []) {
            this.options.send({
                source: hostSource,
                kind: 'listener',
                instanceId,
                listenerId,
                payload
            });
        }
    }

    private register(method: ListenerMethod, request: ShimRequest): CallbackResponse {
        if (!request.listenerId) {
            return invalidParam('listener', 'A function', undefined);
        }
        const set = this.listeners.get(method) ?? new Set<string>();
        set.add(request.listenerId);
        this.listeners.set(method, set);
        return ok();
    }

    private createHandlers(): Record<string, Handler> {
        const { state, store, faults } = this.options;
        const saveLogHost = {
            store,
            random: this.random,
            sleep: this.sleep,
            saveLogReturn: this.options.saveLogReturn ?? 'object'
        };
        return {
            ...utilityMethods({
                state,
                store,
                settings: this.options.settings,
                layout: this.layout,
                layoutFault: this.options.layoutFault ?? 'none'
            }),
            ...this.lms.methods(),
            getAppViewInfo: () => ok(this.appViewInfo()),
            onNavigationChange: (_args, request) => this.register('onNavigationChange', request),
            onClickToDial: (_args, request) => this.register('onClickToDial', request),
            screenPop: (args) => screenPop(args, { state, store }),
            searchAndScreenPop: (args) =>
                searchAndScreenPop(args, faults, { state, store, layout: this.layout }),
            saveLog: (args) => saveLog(args, faults, saveLogHost),
            runApex: (args) =>
                failure({
                    code: 'SERVER_ERROR',
                    description: `Could not load Apex class: ${String(args['apexClass'] ?? '')}. (The local console has no Apex, like this package.)`
                }),
            'hvs.onWorkStart': (_args, request) => this.register('hvs.onWorkStart', request),
            'hvs.completeWork': (args) =>
                typeof args['workId'] === 'string'
                    ? ok()
                    : invalidParam('workId', 'A work id', args['workId'])
        };
    }

    private get layout(): ConsoleSoftphoneLayout {
        return this.options.layout ?? (LAYOUT_PRESETS['fresh-org'] as ConsoleSoftphoneLayout);
    }
}
