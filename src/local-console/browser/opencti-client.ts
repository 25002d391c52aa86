import type { CallbackResponse, HostMessage, ShimRequest } from '../shared/host-protocol';
import { shimSource } from '../shared/host-protocol';

/**
 * The `sforce.opencti` object the shim installs in the softphone page. It behaves like the real
 * opencti_min.js towards the adapter: one object argument per call (validated the same way, with
 * the same thrown errors), asynchronous callbacks with `{success, returnValue, errors}`, listeners
 * called with their payload. Each call becomes one postMessage request to the console.
 */
export interface ShimTransport {
    /** Posts a request to the console (the parent window, with its exact origin). */
    post(request: ShimRequest): void;
}

type Callback = (response: CallbackResponse) => void;
type Listener = (payload: unknown) => void;
type ApiMethod = (args?: unknown, ...rest: unknown[]) => void;

export const SCREENPOP_TYPE = Object.freeze({
    URL: 'url',
    SOBJECT: 'sobject',
    OBJECTHOME: 'objecthome',
    LIST: 'list',
    SEARCH: 'search',
    NEW_RECORD_MODAL: 'newRecord',
    FLOW: 'flow'
});

export const CALL_TYPE = Object.freeze({
    INBOUND: 'inbound',
    OUTBOUND: 'outbound',
    INTERNAL: 'internal'
});

/** How each method checks its argument, as the real library does. */
interface MethodSpec {
    /** The argument object may be left out (refreshView, enableClickToDial…). */
    readonly optionalArgs?: boolean;
    /** No validation at all (notifyInitializationComplete). */
    readonly noValidation?: boolean;
    readonly requiresCallback?: boolean;
    readonly requiresListener?: boolean;
    readonly requiresValueObject?: boolean;
}

const methods: Readonly<Record<string, MethodSpec>> = {
    notifyInitializationComplete: { noValidation: true },
    setSoftphonePanelVisibility: {},
    isSoftphonePanelVisible: { requiresCallback: true },
    setSoftphonePanelHeight: {},
    setSoftphonePanelWidth: {},
    setSoftphoneItemIcon: {},
    setSoftphoneItemLabel: {},
    setSoftphonePanelIcon: {},
    setSoftphonePanelLabel: {},
    getAppViewInfo: { requiresCallback: true },
    onNavigationChange: { requiresListener: true },
    screenPop: {},
    searchAndScreenPop: {},
    saveLog: { requiresValueObject: true },
    refreshView: { optionalArgs: true },
    enableClickToDial: { optionalArgs: true },
    disableClickToDial: { optionalArgs: true },
    onClickToDial: { requiresListener: true },
    getCallCenterSettings: { requiresCallback: true },
    getSoftphoneLayout: { requiresCallback: true },
    runApex: {},
    publish: {},
    subscribe: { requiresListener: true },
    unsubscribe: {}
};

const hvsMethods: Readonly<Record<string, MethodSpec>> = {
    onWorkStart: { requiresListener: true },
    completeWork: {}
};

const oneObjectMessage =
    'Must pass in only one object which holds arguments to this API method call.';

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validate(
    name: string,
    spec: MethodSpec,
    argList: readonly unknown[]
): Record<string, unknown> {
    const [args] = argList;
    if (spec.noValidation || (spec.optionalArgs && argList.length === 0)) {
        return isRecord(args) ? args : {};
    }
    if (argList.length !== 1 || !isRecord(args) || Object.keys(args).length === 0) {
        throw new Error(`sforce.opencti.${name}: ${oneObjectMessage}`);
    }
    if (spec.requiresCallback && typeof args['callback'] !== 'function') {
        throw new Error(`sforce.opencti.${name}: Missing the required argument \`callback\`!`);
    }
    if (spec.requiresListener && typeof args['listener'] !== 'function') {
        throw new Error(`sforce.opencti.${name}: Missing the required argument \`listener\`!`);
    }
    if (spec.requiresValueObject && !isRecord(args['value'])) {
        throw new Error(`sforce.opencti.${name}: Missing the required argument \`value object\`!`);
    }
    return args;
}

/** The argument object as it crosses postMessage: no callback, no listener, JSON values only. */
function serialisable(name: string, args: Record<string, unknown>): Record<string, unknown> {
    const rest = Object.fromEntries(
        Object.entries(args).filter(([key]) => key !== 'callback' && key !== 'listener')
    );
    try {
        return JSON.parse(JSON.stringify(rest) ?? '{}') as Record<string, unknown>;
    } catch (error) {
        throw new Error(
            `sforce.opencti.${name}: the arguments are not serialisable (${String(error)})`
        );
    }
}

export interface OpenCtiShim {
    /** The object to install as `window.sforce.opencti`. */
    readonly api: Record<string, unknown>;
    /** Feed it every message that came from the console (origin and source already checked). */
    receive(message: HostMessage): void;
}

interface Pending {
    readonly callback: Callback | undefined;
    /** The listener this call registered: dropped again if the call fails. */
    readonly listenerId: string | undefined;
    /** unsubscribe: the listener to drop once the console confirms. */
    readonly unsubscribes: string | undefined;
}

export function createOpenCtiShim(transport: ShimTransport, instanceId: string): OpenCtiShim {
    let sequence = 0;
    const pending = new Map<string, Pending>();
    const listeners = new Map<string, Listener>();

    const invoke = (method: string, spec: MethodSpec, argList: readonly unknown[]) => {
        const args = validate(method, spec, argList);
        const payload = serialisable(method, args);
        sequence += 1;
        const requestId = String(sequence);
        const listenerId =
            typeof args['listener'] === 'function' ? `${method}-${sequence}` : undefined;
        if (listenerId) {
            listeners.set(listenerId, args['listener'] as Listener);
        }
        const subscription = args['subscription'];
        const unsubscribes =
            method === 'unsubscribe' &&
            isRecord(subscription) &&
            typeof subscription['subscriptionId'] === 'string'
                ? subscription['subscriptionId']
                : undefined;
        pending.set(requestId, {
            callback:
                typeof args['callback'] === 'function' ? (args['callback'] as Callback) : undefined,
            listenerId,
            unsubscribes
        });
        transport.post({
            source: shimSource,
            kind: 'request',
            instanceId,
            requestId,
            method,
            args: payload,
            ...(listenerId ? { listenerId } : {})
        });
    };

    const build = (specs: Readonly<Record<string, MethodSpec>>, prefix: string) =>
        Object.fromEntries(
            Object.entries(specs).map(([name, spec]): [string, ApiMethod] => [
                name,
                (...argList: unknown[]) => invoke(`${prefix}${name}`, spec, argList)
            ])
        );

    const api: Record<string, unknown> = {
        ...build(methods, ''),
        hvs: build(hvsMethods, 'hvs.'),
        SCREENPOP_TYPE,
        CALL_TYPE
    };

    return {
        api,
        receive(message) {
            if (message.instanceId !== instanceId) {
                return;
            }
            if (message.kind === 'listener') {
                listeners.get(message.listenerId)?.(message.payload);
                return;
            }
            const call = pending.get(message.requestId);
            if (!call) {
                return;
            }
            pending.delete(message.requestId);
            if (!message.response.success && call.listenerId) {
                listeners.delete(call.listenerId);
            }
            if (message.response.success && call.unsubscribes) {
                listeners.delete(call.unsubscribes);
            }
            call.callback?.({ ...message.response });
        }
    };
}
