/**
 * The postMessage protocol between the `sforce.opencti` shim (inside the softphone iframe) and the
 * local console (the parent window), which plays Salesforce. The real `opencti_min.js` talks to
 * Salesforce the same way: one request per API call, one response per request, listener events
 * pushed by the parent.
 *
 *   shim    → console   ShimRequest      every API call (callbacks and listeners stay in the shim)
 *   console → shim      HostResponse     the `{success, returnValue, errors}` of one request
 *   console → shim      HostListenerEvent a payload for a listener the shim registered
 *
 * Both sides post with an explicit target origin and check `event.origin` and `event.source`.
 */

export const shimSource = 'local-console-opencti-shim';
export const hostSource = 'local-console-host';

/**
 * One entry of `errors`, as "Common Error Messages for Lightning Experience Methods" documents it:
 * `code` such as INVALID_PARAM, GENERIC_ERROR or SERVER_ERROR; saveLog puts the record-level
 * messages in `details`.
 */
export interface OpenCtiErrorObject {
    readonly code: string;
    readonly description: string;
    readonly details?: readonly OpenCtiErrorDetail[];
}

export interface OpenCtiErrorDetail {
    readonly message: string;
    /** A Salesforce DML status code, e.g. DUPLICATE_VALUE or REQUIRED_FIELD_MISSING. */
    readonly statusCode?: string;
    readonly fields?: readonly string[];
}

/** The Open CTI callback envelope. `subscription` is set only by `subscribe` (see README). */
export interface CallbackResponse {
    readonly success: boolean;
    readonly returnValue: unknown;
    readonly errors: readonly OpenCtiErrorObject[] | null;
    readonly subscription?: unknown;
}

export interface ShimRequest {
    readonly source: typeof shimSource;
    readonly kind: 'request';
    /** Random per page load of the softphone: a new id means the softphone was reloaded. */
    readonly instanceId: string;
    readonly requestId: string;
    /** The API method, e.g. `saveLog` or `hvs.completeWork`. */
    readonly method: string;
    /** The argument object without `callback` and `listener` (JSON-safe). */
    readonly args: Readonly<Record<string, unknown>>;
    /** Set when the call registers a listener (onClickToDial, onNavigationChange, subscribe…). */
    readonly listenerId?: string;
}

export interface HostResponse {
    readonly source: typeof hostSource;
    readonly kind: 'response';
    readonly instanceId: string;
    readonly requestId: string;
    readonly response: CallbackResponse;
}

export interface HostListenerEvent {
    readonly source: typeof hostSource;
    readonly kind: 'listener';
    readonly instanceId: string;
    readonly listenerId: string;
    readonly payload: unknown;
}

export type HostMessage = HostResponse | HostListenerEvent;

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isShortText(value: unknown, max = 200): value is string {
    return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/** Validates a message received by the console; anything else is ignored. */
export function parseShimRequest(data: unknown): ShimRequest | undefined {
    if (!isRecord(data) || data['source'] !== shimSource || data['kind'] !== 'request') {
        return undefined;
    }
    const { instanceId, requestId, method, args, listenerId } = data;
    if (!isShortText(instanceId) || !isShortText(requestId) || !isShortText(method, 60)) {
        return undefined;
    }
    if (!isRecord(args) || (listenerId !== undefined && !isShortText(listenerId))) {
        return undefined;
    }
    return {
        source: shimSource,
        kind: 'request',
        instanceId,
        requestId,
        method,
        args,
        ...(listenerId === undefined ? {} : { listenerId })
    };
}

/** Validates a message received by the shim; anything else is ignored. */
export function parseHostMessage(data: unknown): HostMessage | undefined {
    if (!isRecord(data) || data['source'] !== hostSource || !isShortText(data['instanceId'])) {
        return undefined;
    }
    const instanceId = data['instanceId'];
    if (data['kind'] === 'response' && isShortText(data['requestId'])) {
        const response = data['response'];
        if (!isRecord(response) || typeof response['success'] !== 'boolean') {
            return undefined;
        }
        const errors = response['errors'];
        return {
            source: hostSource,
            kind: 'response',
            instanceId,
            requestId: data['requestId'],
            response: {
                success: response['success'],
                returnValue: response['returnValue'] ?? null,
                errors: Array.isArray(errors) ? (errors as OpenCtiErrorObject[]) : null,
                ...('subscription' in response ? { subscription: response['subscription'] } : {})
            }
        };
    }
    if (data['kind'] === 'listener' && isShortText(data['listenerId'])) {
        return {
            source: hostSource,
            kind: 'listener',
            instanceId,
            listenerId: data['listenerId'],
            payload: data['payload']
        };
    }
    return undefined;
}
