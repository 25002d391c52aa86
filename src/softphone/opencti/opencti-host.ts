import { label } from '../i18n';
import { readCallbackResponse } from './callback-response';
import type {
    CallTypeKey,
    FieldValue,
    FieldValues,
    OpenCtiApi,
    OpenCtiListener,
    OpenCtiMethod,
    ScreenPopType
} from './opencti-api';
import { OpenCtiError } from './opencti-error';
import { parseSaveLogResult } from './save-log-result';

/** `sforce.opencti.CALL_TYPE` values, lower-case as the docs' own example passes them. */
export type CallType = 'inbound' | 'outbound' | 'internal';

/** Arguments of `screenPop`, by SCREENPOP_TYPE (params as documented per type). */
export type ScreenPopRequest =
    | { readonly type: 'SOBJECT'; readonly params: { readonly recordId: string } }
    | { readonly type: 'URL'; readonly params: { readonly url: string } }
    | { readonly type: 'OBJECTHOME'; readonly params: { readonly scope: string } }
    | {
          readonly type: 'LIST';
          readonly params: { readonly listViewId: string; readonly scope: string };
      }
    | { readonly type: 'SEARCH'; readonly params: { readonly searchString: string } }
    | {
          readonly type: 'NEW_RECORD_MODAL';
          readonly params: {
              readonly entityName: string;
              readonly defaultFieldValues?: FieldValues;
          };
      }
    | {
          readonly type: 'FLOW';
          readonly params: {
              readonly flowDevName: string;
              readonly flowArgs?: readonly {
                  readonly name: string;
                  readonly type: string;
                  readonly value: FieldValue;
              }[];
          };
      };

export interface SearchAndScreenPopRequest {
    readonly searchParams: string;
    readonly callType: CallType;
    /** true: search only, no navigation; the result carries SCREEN_POP_DATA. */
    readonly deferred?: boolean;
    /** Passed to the URL only when the layout pops to Visualforce. */
    readonly queryParams?: string;
    /** Pre-fills the new-record pop that the softphone layout may open on no match. */
    readonly defaultFieldValues?: FieldValues;
}

/** Handle of an LMS subscription, to pass back to `unsubscribe`. */
export interface OpenCtiSubscription {
    readonly channelName: string;
    /** Salesforce's own subscription object, kept as received. */
    readonly handle: unknown;
}

/** Injected so that tests control time. */
export interface Timers {
    setTimeout(callback: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

export interface OpenCtiHostOptions {
    /** How long to wait for a callback before rejecting; default 15 s. */
    readonly timeoutMs?: number;
    readonly timers?: Timers;
    /** Told when one of our own listeners throws, so the Salesforce library never sees it. */
    readonly onListenerError?: (error: unknown, method: OpenCtiMethod) => void;
}

export const DEFAULT_OPEN_CTI_TIMEOUT_MS = 15_000;

const CALL_TYPE_KEYS: Readonly<Record<CallType, CallTypeKey>> = {
    inbound: 'INBOUND',
    outbound: 'OUTBOUND',
    internal: 'INTERNAL'
};

const globalTimers: Timers = {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

interface Answer {
    readonly returnValue: unknown;
    readonly response: object;
}

/**
 * The promise-returning face of `sforce.opencti`. Resolves with `returnValue` on success and
 * rejects with an OpenCtiError otherwise; values from Salesforce stay `unknown` for the
 * validators of this folder.
 */
export class OpenCtiHost {
    private readonly timeoutMs: number;
    private readonly timers: Timers;
    private readonly onListenerError: ((error: unknown, method: OpenCtiMethod) => void) | undefined;

    constructor(
        private readonly api: OpenCtiApi,
        options: OpenCtiHostOptions = {}
    ) {
        const timeoutMs = options.timeoutMs;
        this.timeoutMs =
            timeoutMs !== undefined && Number.isFinite(timeoutMs) && timeoutMs > 0
                ? timeoutMs
                : DEFAULT_OPEN_CTI_TIMEOUT_MS;
        this.timers = options.timers ?? globalTimers;
        this.onListenerError = options.onListenerError;
    }

    async notifyInitializationComplete(): Promise<void> {
        await this.call('notifyInitializationComplete', {});
    }

    /** Raw settings; validate with parseCallCenterSettings. */
    async getCallCenterSettings(): Promise<unknown> {
        return (await this.call('getCallCenterSettings', {})).returnValue;
    }

    /** Raw layout of the current user; validate with parseSoftphoneLayout. */
    async getSoftphoneLayout(): Promise<unknown> {
        return (await this.call('getSoftphoneLayout', {})).returnValue;
    }

    async setSoftphonePanelVisibility(visible: boolean): Promise<void> {
        await this.call('setSoftphonePanelVisibility', { visible });
    }

    /**
     * Whether the softphone panel is open (not minimised). The docs give `{ visible: boolean }`
     * as returnValue; anything else reads as visible, so nothing is shown twice by mistake.
     * https://developer.salesforce.com/docs/atlas.en-us.api_cti.meta/api_cti/sforce_api_cti_issoftphonepanelvisible_lex.htm
     */
    async isSoftphonePanelVisible(): Promise<boolean> {
        const value = (await this.call('isSoftphonePanelVisible', {})).returnValue;
        return !(
            typeof value === 'object' &&
            value !== null &&
            (value as { visible?: unknown }).visible === false
        );
    }

    /** 240–2560 px per the docs; Salesforce rejects other values. */
    async setSoftphonePanelHeight(heightPx: number): Promise<void> {
        await this.call('setSoftphonePanelHeight', { heightPX: heightPx });
    }

    /** 200–1920 px per the docs. */
    async setSoftphonePanelWidth(widthPx: number): Promise<void> {
        await this.call('setSoftphonePanelWidth', { widthPX: widthPx });
    }

    /** `key` is an SLDS utility icon name, e.g. 'call'. */
    async setSoftphoneItemIcon(key: string): Promise<void> {
        await this.call('setSoftphoneItemIcon', { key });
    }

    async setSoftphoneItemLabel(label: string): Promise<void> {
        await this.call('setSoftphoneItemLabel', { label });
    }

    async screenPop(request: ScreenPopRequest): Promise<void> {
        const type = this.screenPopType(request.type);
        await this.call('screenPop', { type, params: { ...request.params } });
    }

    /** Raw matches keyed by record id (+ SCREEN_POP_DATA); validate with parseSearchResult. */
    async searchAndScreenPop(request: SearchAndScreenPopRequest): Promise<unknown> {
        const args: Record<string, unknown> = {
            searchParams: request.searchParams,
            callType: this.api.CALL_TYPE?.[CALL_TYPE_KEYS[request.callType]] ?? request.callType,
            deferred: request.deferred ?? false
        };
        if (request.queryParams !== undefined) {
            args.queryParams = request.queryParams;
        }
        if (request.defaultFieldValues !== undefined) {
            args.defaultFieldValues = { ...request.defaultFieldValues };
        }
        return (await this.call('searchAndScreenPop', args)).returnValue;
    }

    /**
     * Creates (value has `entityApiName`) or updates (value has `Id`) a record; resolves with
     * the record Id Salesforce returns, whether it answers a bare Id or `{ recordId }`
     * (save-log-result.ts says why both), or null when it answers none. Any other answer
     * rejects with an 'unexpected' OpenCtiError naming what came back.
     */
    async saveLog(value: FieldValues): Promise<string | null> {
        const answer = await this.call('saveLog', { value: { ...value } });
        const parsed = parseSaveLogResult(answer.returnValue);
        if (!parsed.ok) {
            throw new OpenCtiError({
                method: 'saveLog',
                reason: 'unexpected',
                message: parsed.error.message
            });
        }
        return parsed.value;
    }

    async refreshView(): Promise<void> {
        await this.call('refreshView', {});
    }

    async enableClickToDial(): Promise<void> {
        await this.call('enableClickToDial', {});
    }

    async disableClickToDial(): Promise<void> {
        await this.call('disableClickToDial', {});
    }

    /** Raw view info; validate with parseAppViewInfo. */
    async getAppViewInfo(): Promise<unknown> {
        return (await this.call('getAppViewInfo', {})).returnValue;
    }

    /** The payload is `unknown`: validate it with parseClickToDialRequest. */
    onClickToDial(listener: OpenCtiListener): void {
        this.listen('onClickToDial', listener);
    }

    /** The payload is `unknown`: validate it with parseAppViewInfo. */
    onNavigationChange(listener: OpenCtiListener): void {
        this.listen('onNavigationChange', listener);
    }

    /** Publishes a serialisable JSON message on a Lightning message channel ('Name__c'). */
    async publish(channelName: string, message: Readonly<Record<string, unknown>>): Promise<void> {
        await this.call('publish', { channelName, message });
    }

    async subscribe(channelName: string, listener: OpenCtiListener): Promise<OpenCtiSubscription> {
        const answer = await this.call('subscribe', {
            channelName,
            listener: this.guard('subscribe', listener)
        });
        // The documented sample reads `result.subscription`; accept it under returnValue too.
        const handle =
            (answer.response as Record<string, unknown>).subscription ??
            readProperty(answer.returnValue, 'subscription');
        if (handle === undefined || handle === null) {
            throw new OpenCtiError({
                method: 'subscribe',
                reason: 'unexpected',
                message: label('Softphone_Pop_No_Subscription', channelName)
            });
        }
        return { channelName, handle };
    }

    async unsubscribe(subscription: OpenCtiSubscription): Promise<void> {
        await this.call('unsubscribe', { subscription: subscription.handle });
    }

    private screenPopType(type: ScreenPopType): string {
        const value = this.api.SCREENPOP_TYPE?.[type];
        if (typeof value !== 'string') {
            throw new OpenCtiError({
                method: 'screenPop',
                reason: 'unavailable',
                message: label('Softphone_Pop_No_Screenpop_Type', type)
            });
        }
        return value;
    }

    private listen(method: 'onClickToDial' | 'onNavigationChange', listener: OpenCtiListener) {
        const register = this.method(method);
        register.call(this.api, { listener: this.guard(method, listener) });
    }

    private guard(method: OpenCtiMethod, listener: OpenCtiListener): OpenCtiListener {
        return (payload: unknown) => {
            try {
                listener(payload);
            } catch (error) {
                this.onListenerError?.(error, method);
            }
        };
    }

    private method(method: OpenCtiMethod): (args: Record<string, unknown>) => void {
        const fn: unknown = this.api[method];
        if (typeof fn !== 'function') {
            throw new OpenCtiError({
                method,
                reason: 'unavailable',
                message: label('Softphone_Pop_No_Method', method)
            });
        }
        return fn as (args: Record<string, unknown>) => void;
    }

    private call(method: OpenCtiMethod, args: Record<string, unknown>): Promise<Answer> {
        return new Promise<Answer>((resolve, reject) => {
            const fn = this.method(method);
            let settled = false;
            const settle = (): boolean => {
                if (settled) {
                    return false;
                }
                settled = true;
                this.timers.clearTimeout(timer);
                return true;
            };
            const timer = this.timers.setTimeout(() => {
                if (settle()) {
                    reject(
                        new OpenCtiError({
                            method,
                            reason: 'timeout',
                            message: label('Softphone_Pop_Timeout', method, this.timeoutMs / 1000)
                        })
                    );
                }
            }, this.timeoutMs);
            const callback = (response: unknown): void => {
                if (!settle()) {
                    return; // a late answer after the timeout: already reported
                }
                const outcome = readCallbackResponse(response);
                if (outcome.ok) {
                    resolve({ returnValue: outcome.returnValue, response: outcome.response });
                } else {
                    reject(
                        new OpenCtiError({
                            method,
                            reason: 'failed',
                            message:
                                outcome.messages.length > 0
                                    ? outcome.messages.join('; ')
                                    : label('Softphone_Pop_Failed_Silently', method),
                            errors: outcome.messages,
                            codes: outcome.codes
                        })
                    );
                }
            };
            try {
                fn.call(this.api, { ...args, callback });
            } catch (error) {
                if (settle()) {
                    reject(
                        new OpenCtiError({
                            method,
                            reason: 'threw',
                            message:
                                error instanceof Error && error.message !== ''
                                    ? error.message
                                    : label('Softphone_Pop_Failed_Silently', method)
                        })
                    );
                }
            }
        });
    }
}

function readProperty(value: unknown, key: string): unknown {
    return typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
}
