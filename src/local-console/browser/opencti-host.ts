import type {
    CallbackResponse,
    HostMessage,
    OpenCtiErrorObject,
    ShimRequest
} from '../shared/host-protocol';
import { hostSource } from '../shared/host-protocol';
import type { ActivityEntry, EntryLog, FaultSettings, LmsEntry } from './console-logs';
import type { ConsoleState, WorkspaceTab } from './console-state';
import type { FieldValue } from './object-catalog';
import type { DmlError, RecordStore, StoredRecord } from './record-store';
import {
    describeLayout,
    LAYOUT_PRESETS,
    sectionFor,
    type ConsoleSoftphoneLayout,
    type LayoutFault,
    type LayoutSection
} from './softphone-layout';

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

/**
 * The shape of a successful saveLog's returnValue. UNCONFIRMED: the saveLog page types it
 * "object" ("ID of object if creating or updating the object was successful",
 * https://developer.salesforce.com/docs/service/api-cti/guide/sforce-api-cti-savelog-lex.html)
 * and public adapters read `returnValue.recordId`, so the console answers `{ recordId }` by
 * default; `host.saveLogReturn=id` answers the bare Id string instead (FIDELITY.md).
 */
export type SaveLogReturn = 'object' | 'id';

export function saveLogAnswer(id: string, shape: SaveLogReturn): unknown {
    return shape === 'id' ? id : { recordId: id };
}

export interface AppViewInfo {
    readonly url: string;
    readonly recordId?: string;
    readonly recordName?: string;
    readonly objectType?: string;
}

/**
 * The onClickToDial payload, as documented: `number, recordId, recordName, objectType`,
 * `accountId` | `contactId` for person accounts only, `personAccount` only when person accounts
 * are enabled, and `params` (the lightning-click-to-dial `params` string)
 * (https://developer.salesforce.com/docs/atlas.en-us.api_cti.meta/api_cti/sforce_api_cti_onclicktodial_lex.htm).
 */
export interface ClickToDialPayload {
    readonly number: string;
    readonly recordId: string;
    readonly recordName: string;
    readonly objectType: string;
    readonly accountId?: string;
    readonly contactId?: string;
    readonly personAccount?: boolean;
    readonly params?: string;
}

/**
 * What a click on `number` of `record` sends. With person accounts enabled, `personAccount`
 * says whether the record is one, and a person account's Account names its contact
 * (`contactId`) while its Contact names its account (`accountId`). `params` is what a standard
 * phone field passes: an empty string (UNCONFIRMED: a real org may omit it; the softphone reads
 * both as "no params").
 */
export function clickToDialPayload(
    record: StoredRecord,
    number: string,
    recordName: string,
    personAccounts: boolean
): ClickToDialPayload {
    const payload: ClickToDialPayload = {
        number,
        recordId: String(record.values['Id']),
        recordName,
        objectType: record.type,
        params: ''
    };
    if (!personAccounts) {
        return payload;
    }
    const isPerson = record.values['IsPersonAccount'] === true;
    const contactId = record.values['PersonContactId'];
    const accountId = record.values['AccountId'];
    return {
        ...payload,
        personAccount: isPerson,
        ...(isPerson && record.type === 'Account' && typeof contactId === 'string'
            ? { contactId }
            : {}),
        ...(isPerson && record.type === 'Contact' && typeof accountId === 'string'
            ? { accountId }
            : {})
    };
}

type Args = Readonly<Record<string, unknown>>;
type Handler = (args: Args, request: ShimRequest) => CallbackResponse | Promise<CallbackResponse>;

type ListenerMethod = 'onClickToDial' | 'onNavigationChange' | 'hvs.onWorkStart';

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

export function ok(returnValue: unknown = null): CallbackResponse {
    return { success: true, returnValue, errors: null };
}

export function failure(error: OpenCtiErrorObject): CallbackResponse {
    return { success: false, returnValue: null, errors: [error] };
}

export function invalidParam(parameter: string, expected: string, got: unknown): CallbackResponse {
    const found = got === undefined ? 'undefined' : (JSON.stringify(got) ?? typeof got);
    return failure({
        code: 'INVALID_PARAM',
        description: `An invalid value was passed to the parameter ${parameter}. ${expected} was expected, but ${found.slice(0, 80)} was found instead.`
    });
}

function genericError(description: string): CallbackResponse {
    return failure({ code: 'GENERIC_ERROR', description });
}

function saveLogError(error: DmlError): CallbackResponse {
    return failure({
        code: 'GENERIC_ERROR',
        description:
            'An error occurred while calling the saveLog() API method. Review the Details field in the error section.',
        details: [
            {
                message: error.message,
                statusCode: error.statusCode,
                ...(error.fields ? { fields: error.fields } : {})
            }
        ]
    });
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldValues(value: unknown): Record<string, FieldValue> {
    if (!isRecord(value)) {
        return {};
    }
    return Object.fromEntries(
        Object.entries(value).filter(
            (entry): entry is [string, FieldValue] =>
                entry[1] === null || ['string', 'number', 'boolean'].includes(typeof entry[1])
        )
    );
}

export class OpenCtiHost {
    private instanceId: string | undefined;
    private readonly listeners = new Map<ListenerMethod, Set<string>>();
    /** LMS subscriptions of the softphone: subscription id → channel. */
    private readonly subscriptions = new Map<string, string>();
    /** The console's other LMS subscribers (the record pages' components). */
    private readonly publishListeners = new Set<(channelName: string, message: unknown) => void>();
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
        const delivered = this.deliver(channelName, message);
        this.options.lmsLog.add({
            at: this.now().toISOString(),
            direction: 'toSoftphone',
            channelName,
            message,
            delivered
        });
        return delivered;
    }

    /** Calls `listener` with every message the softphone publishes (for the components' LMS). */
    onSoftphonePublish(listener: (channelName: string, message: unknown) => void): () => void {
        this.publishListeners.add(listener);
        return () => this.publishListeners.delete(listener);
    }

    /** Forgets the softphone's registrations (its page is being reloaded). */
    forgetSoftphone(): void {
        this.instanceId = undefined;
        this.listeners.clear();
        this.subscriptions.clear();
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
        return this.subscriptions.size;
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

    private deliver(channelName: string, message: unknown): number {
        const instanceId = this.instanceId;
        let delivered = 0;
        if (instanceId === undefined) {
            return 0;
        }
        for (const [listenerId, channel] of this.subscriptions) {
            if (channel === channelName) {
                this.options.send({
                    source: hostSource,
                    kind: 'listener',
                    instanceId,
                    listenerId,
                    payload: message
                });
                delivered += 1;
            }
        }
        return delivered;
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

    private checkChannel(channelName: unknown): CallbackResponse | undefined {
        if (typeof channelName !== 'string' || channelName.trim() === '') {
            return invalidParam(
                'channelName',
                'A message channel name such as Softphone_Message__c',
                channelName
            );
        }
        const known = this.options.messageChannels;
        if (known.length > 0 && !known.includes(channelName)) {
            return genericError(
                `The message channel ${channelName} does not exist in this org (known: ${known.join(', ')}).`
            );
        }
        return undefined;
    }

    private createHandlers(): Record<string, Handler> {
        const { state, faults } = this.options;
        const utility = (change: Parameters<ConsoleState['updateUtility']>[0]) => {
            state.updateUtility(change);
            return ok();
        };
        return {
            notifyInitializationComplete: () => utility({ initialised: true }),
            setSoftphonePanelVisibility: (args) =>
                typeof args['visible'] === 'boolean'
                    ? utility({ visible: args['visible'] })
                    : invalidParam('visible', 'A boolean value', args['visible']),
            isSoftphonePanelVisible: () => ok({ visible: state.utility.visible }),
            setSoftphonePanelHeight: (args) =>
                inRange(args['heightPX'], 240, 2560)
                    ? utility({ heightPX: args['heightPX'] as number })
                    : invalidParam('heightPX', 'A number from 240 to 2560', args['heightPX']),
            setSoftphonePanelWidth: (args) =>
                inRange(args['widthPX'], 200, 1920)
                    ? utility({ widthPX: args['widthPX'] as number })
                    : invalidParam('widthPX', 'A number from 200 to 1920', args['widthPX']),
            setSoftphoneItemIcon: (args) =>
                isIconKey(args['key'])
                    ? utility({ itemIcon: args['key'] as string })
                    : invalidParam('key', 'An SLDS utility icon name such as call', args['key']),
            setSoftphoneItemLabel: (args) =>
                isLabel(args['label'])
                    ? utility({ itemLabel: args['label'] as string })
                    : invalidParam('label', 'A label of 1 to 80 characters', args['label']),
            // Not in the Lightning method list of the guide, but present in opencti_min.js.
            setSoftphonePanelLabel: (args) =>
                isLabel(args['label'])
                    ? ok()
                    : invalidParam('label', 'A label of 1 to 80 characters', args['label']),
            setSoftphonePanelIcon: (args) =>
                isIconKey(args['key'])
                    ? ok()
                    : invalidParam('key', 'An SLDS utility icon name', args['key']),
            getAppViewInfo: () => ok(this.appViewInfo()),
            onNavigationChange: (_args, request) => this.register('onNavigationChange', request),
            enableClickToDial: () => utility({ clickToDialEnabled: true }),
            disableClickToDial: () => utility({ clickToDialEnabled: false }),
            onClickToDial: (_args, request) => this.register('onClickToDial', request),
            refreshView: () => {
                state.refresh();
                return ok();
            },
            getCallCenterSettings: () => {
                const settings = this.options.settings();
                return settings instanceof Error
                    ? failure({ code: 'SERVER_ERROR', description: settings.message })
                    : ok({ ...settings });
            },
            getSoftphoneLayout: () => this.getSoftphoneLayout(),
            screenPop: (args) => this.screenPop(args),
            searchAndScreenPop: (args) => this.searchAndScreenPop(args, faults),
            saveLog: (args) => this.saveLog(args, faults),
            runApex: (args) =>
                failure({
                    code: 'SERVER_ERROR',
                    description: `Could not load Apex class: ${String(args['apexClass'] ?? '')}. (The local console has no Apex, like this package.)`
                }),
            publish: (args) => {
                const problem = this.checkChannel(args['channelName']);
                if (problem) {
                    return problem;
                }
                const channelName = args['channelName'] as string;
                const message = args['message'];
                const delivered = this.options.lmsEcho ? this.deliver(channelName, message) : 0;
                this.options.lmsLog.add({
                    at: this.now().toISOString(),
                    direction: 'fromSoftphone',
                    channelName,
                    message,
                    delivered
                });
                for (const listener of this.publishListeners) {
                    listener(channelName, message);
                }
                return ok();
            },
            subscribe: (args, request) => {
                const problem = this.checkChannel(args['channelName']);
                if (problem) {
                    return problem;
                }
                if (!request.listenerId) {
                    return invalidParam('listener', 'A function', undefined);
                }
                this.subscriptions.set(request.listenerId, args['channelName'] as string);
                const subscription = {
                    channelName: args['channelName'],
                    subscriptionId: request.listenerId
                };
                return { success: true, returnValue: { subscription }, errors: null, subscription };
            },
            unsubscribe: (args) => {
                const subscription = args['subscription'];
                const id = isRecord(subscription) ? subscription['subscriptionId'] : undefined;
                if (typeof id !== 'string' || !this.subscriptions.delete(id)) {
                    return invalidParam(
                        'subscription',
                        'A subscription returned by subscribe',
                        subscription
                    );
                }
                return ok();
            },
            'hvs.onWorkStart': (_args, request) => this.register('hvs.onWorkStart', request),
            'hvs.completeWork': (args) =>
                typeof args['workId'] === 'string'
                    ? ok()
                    : invalidParam('workId', 'A work id', args['workId'])
        };
    }

    private screenPop(args: Args): CallbackResponse {
        const type = args['type'];
        const params = isRecord(args['params']) ? args['params'] : {};
        const { state, store } = this.options;
        switch (type) {
            case 'sobject': {
                const record =
                    typeof params['recordId'] === 'string'
                        ? store.get(params['recordId'])
                        : undefined;
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
                    return invalidParam(
                        'params',
                        'listViewId and scope (an object API name)',
                        params
                    );
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

    private searchAndScreenPop(args: Args, faults: FaultSettings): CallbackResponse {
        const { store } = this.options;
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
        const section = sectionFor(this.layout, callType);
        const types = ['Contact', 'Lead', 'Account'].filter(
            (type) => store.catalog.get(type)?.searchable && section[type] !== undefined
        );
        // Salesforce searches every text field: digits that are no one's phone number may still
        // be an account number an IVR collected (issue 21).
        const phoneMatches = /[A-Za-z]/.test(searchParams)
            ? []
            : store.searchPhone(searchParams, types);
        const matches =
            phoneMatches.length > 0 ? phoneMatches : store.searchText(searchParams, types);
        const result: Record<string, unknown> = {};
        for (const record of matches) {
            result[String(record.values['Id'])] = this.searchResult(record, section);
        }
        const popData = this.popDataFor(matches, searchParams);
        if (args['deferred'] === true) {
            if (popData) {
                result['SCREEN_POP_DATA'] = popData;
            }
            return ok(result);
        }
        if (popData) {
            this.screenPop(popData);
        }
        return ok(result);
    }

    /** What the default softphone layout pops: one match → the record; several → search. */
    private popDataFor(matches: readonly StoredRecord[], searchParams: string): Args | undefined {
        const [first] = matches;
        if (matches.length === 1 && first) {
            return { type: 'sobject', params: { recordId: first.values['Id'] } };
        }
        if (matches.length > 1) {
            return { type: 'search', params: { searchString: searchParams } };
        }
        return undefined;
    }

    private get layout(): ConsoleSoftphoneLayout {
        return this.options.layout ?? (LAYOUT_PRESETS['fresh-org'] as ConsoleSoftphoneLayout);
    }

    private getSoftphoneLayout(): CallbackResponse {
        switch (this.options.layoutFault ?? 'none') {
            case 'error':
                return genericError(
                    'No softphone layout is assigned to this user. (Injected by the local console: fault.layout=error.)'
                );
            case 'invalid':
                return ok({ Inbound: { objects: { Contact: 'Name' } } });
            case 'none':
                break;
        }
        const { store } = this.options;
        return ok(
            describeLayout(
                this.layout,
                (object, field) => store.catalog.get(object)?.fields[field]?.label ?? field
            )
        );
    }

    /**
     * Id, Name, RecordType and LastModifiedDate, then only the fields the layout selects for the
     * object (none selected: nothing more), e.g. DoNotCall only when the section shows it.
     */
    private searchResult(record: StoredRecord, section: LayoutSection): Record<string, FieldValue> {
        const { store } = this.options;
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

    private async saveLog(args: Args, faults: FaultSettings): Promise<CallbackResponse> {
        const value = args['value'];
        if (!isRecord(value)) {
            return invalidParam('value', 'An object of field values', value);
        }
        if (faults.saveLogLatencyMs > 0) {
            await this.sleep(faults.saveLogLatencyMs);
        }
        if (faults.saveLogFailureRate > 0 && this.random() * 100 < faults.saveLogFailureRate) {
            return failure({
                code: 'SERVER_ERROR',
                description:
                    'A problem was encountered on the server. (Injected by the local console: saveLog failure rate.)'
            });
        }
        const { entityApiName, Id, ...fields } = value;
        const { store } = this.options;
        let result;
        if (Id !== undefined) {
            result = store.update(Id, fields);
        } else if (typeof entityApiName === 'string' && entityApiName !== '') {
            result = store.create(entityApiName, fields);
        } else {
            return invalidParam('value', 'Id (to update) or entityApiName (to create)', value);
        }
        if (!result.ok) {
            return saveLogError(result.error);
        }
        const lostRate = faults.saveLogLostAnswerRate ?? 0;
        if (lostRate > 0 && this.random() * 100 < lostRate) {
            return failure({
                code: 'SERVER_ERROR',
                description:
                    'A problem was encountered on the server. (Injected by the local console: the write was done, its answer lost.)'
            });
        }
        return ok(saveLogAnswer(result.id, this.options.saveLogReturn ?? 'object'));
    }
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

function describeTab(
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

function inRange(value: unknown, min: number, max: number): boolean {
    return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

function isIconKey(value: unknown): boolean {
    return typeof value === 'string' && /^[a-z0-9_]{1,60}$/.test(value);
}

function isLabel(value: unknown): boolean {
    return typeof value === 'string' && value.trim().length > 0 && value.length <= 80;
}
