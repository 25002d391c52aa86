import type { OpenCtiApi, OpenCtiListener, OpenCtiMethod } from '../opencti-api';
import type { Timers } from '../opencti-host';

/** Answer given to a method call: an envelope, or NO_ANSWER to never call back. */
export const NO_ANSWER = Symbol('no answer');

type Answer = unknown;
type Responder = (args: Record<string, unknown>) => Answer;

export interface FakeCall {
    readonly method: OpenCtiMethod;
    readonly args: Record<string, unknown>;
}

/**
 * A stand-in for `sforce.opencti`: records every call, answers asynchronously (as the real
 * library does through postMessage) with `{ success: true, returnValue: null, errors: null }`
 * unless told otherwise, and lets tests fire listener payloads.
 */
export class FakeOpenCti implements OpenCtiApi {
    readonly SCREENPOP_TYPE = {
        URL: 'url',
        SOBJECT: 'sobject',
        OBJECTHOME: 'objecthome',
        LIST: 'list',
        SEARCH: 'search',
        NEW_RECORD_MODAL: 'newRecord',
        FLOW: 'flow'
    };
    readonly CALL_TYPE = { INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal' };
    readonly calls: FakeCall[] = [];
    private readonly responders = new Map<OpenCtiMethod, Responder>();
    private readonly listeners = new Map<string, OpenCtiListener>();

    /** Every later call of `method` gets this answer (or the responder's). */
    answer(method: OpenCtiMethod, responder: Responder): this;
    answer(method: OpenCtiMethod, answer: Answer): this;
    answer(method: OpenCtiMethod, answer: Answer | Responder): this {
        this.responders.set(
            method,
            typeof answer === 'function' ? (answer as Responder) : () => answer
        );
        return this;
    }

    succeed(method: OpenCtiMethod, returnValue: unknown): this {
        return this.answer(method, { success: true, returnValue, errors: null });
    }

    fail(method: OpenCtiMethod, errors: unknown): this {
        return this.answer(method, { success: false, returnValue: null, errors });
    }

    /** Calls the listener registered by onClickToDial / onNavigationChange / subscribe(channel). */
    fire(key: 'onClickToDial' | 'onNavigationChange' | string, payload: unknown): void {
        const listener = this.listeners.get(key);
        if (listener === undefined) {
            throw new Error(`no listener registered for ${key}`);
        }
        listener(payload);
    }

    callsOf(method: OpenCtiMethod): FakeCall[] {
        return this.calls.filter((call) => call.method === method);
    }

    notifyInitializationComplete = (args: object): void =>
        this.handle('notifyInitializationComplete', args);
    getCallCenterSettings = (args: object): void => this.handle('getCallCenterSettings', args);
    getSoftphoneLayout = (args: object): void => this.handle('getSoftphoneLayout', args);
    isSoftphonePanelVisible = (args: object): void => this.handle('isSoftphonePanelVisible', args);
    setSoftphonePanelVisibility = (args: object): void =>
        this.handle('setSoftphonePanelVisibility', args);
    setSoftphonePanelHeight = (args: object): void => this.handle('setSoftphonePanelHeight', args);
    setSoftphonePanelWidth = (args: object): void => this.handle('setSoftphonePanelWidth', args);
    setSoftphoneItemIcon = (args: object): void => this.handle('setSoftphoneItemIcon', args);
    setSoftphoneItemLabel = (args: object): void => this.handle('setSoftphoneItemLabel', args);
    screenPop = (args: object): void => this.handle('screenPop', args);
    searchAndScreenPop = (args: object): void => this.handle('searchAndScreenPop', args);
    saveLog = (args: object): void => this.handle('saveLog', args);
    refreshView = (args: object): void => this.handle('refreshView', args);
    enableClickToDial = (args: object): void => this.handle('enableClickToDial', args);
    disableClickToDial = (args: object): void => this.handle('disableClickToDial', args);
    getAppViewInfo = (args: object): void => this.handle('getAppViewInfo', args);
    publish = (args: object): void => this.handle('publish', args);
    unsubscribe = (args: object): void => this.handle('unsubscribe', args);

    onClickToDial = (args: { listener: OpenCtiListener }): void => {
        this.calls.push({ method: 'onClickToDial', args });
        this.listeners.set('onClickToDial', args.listener);
    };

    onNavigationChange = (args: { listener: OpenCtiListener }): void => {
        this.calls.push({ method: 'onNavigationChange', args });
        this.listeners.set('onNavigationChange', args.listener);
    };

    subscribe = (args: { channelName: string; listener: OpenCtiListener }): void => {
        this.listeners.set(args.channelName, args.listener);
        this.handle('subscribe', args, { success: true, subscription: { id: args.channelName } });
    };

    private handle(method: OpenCtiMethod, args: object, fallback?: unknown): void {
        const record = args as Record<string, unknown>;
        this.calls.push({ method, args: record });
        const responder = this.responders.get(method);
        const answer = responder
            ? responder(record)
            : (fallback ?? { success: true, returnValue: null, errors: null });
        const callback = record.callback;
        if (answer === NO_ANSWER || typeof callback !== 'function') {
            return;
        }
        void Promise.resolve().then(() => (callback as (response: unknown) => void)(answer));
    }
}

/** Timers that fire only when the test says so. */
export class ManualTimers implements Timers {
    private nextId = 1;
    private readonly pending = new Map<number, { callback: () => void; ms: number }>();

    setTimeout(callback: () => void, ms: number): unknown {
        const id = this.nextId++;
        this.pending.set(id, { callback, ms });
        return id;
    }

    clearTimeout(handle: unknown): void {
        this.pending.delete(handle as number);
    }

    get delays(): number[] {
        return [...this.pending.values()].map((timer) => timer.ms);
    }

    fireAll(): void {
        const timers = [...this.pending.values()];
        this.pending.clear();
        for (const timer of timers) {
            timer.callback();
        }
    }
}
