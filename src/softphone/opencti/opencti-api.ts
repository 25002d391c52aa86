/**
 * Types for the documented `sforce.opencti` methods (Open CTI for Lightning Experience) that
 * the softphone uses. Every method takes one object argument; asynchronous methods report
 * through `callback`, listeners receive their payload directly (OPENCTI-REFERENCE.md §1).
 *
 * What Salesforce sends back is typed `unknown`: only the validators in this folder turn it
 * into typed values.
 */

/** Receives the `{ success, returnValue, errors }` envelope (read by callback-response.ts). */
export type OpenCtiCallback = (response: unknown) => void;

/** Receives a listener payload (click-to-dial, navigation change, LMS message). */
export type OpenCtiListener = (payload: unknown) => void;

/** A value of an sObject field as Open CTI passes it (saveLog, defaultFieldValues). */
export type FieldValue = string | number | boolean | null;

export type FieldValues = Readonly<Record<string, FieldValue>>;

/** Keys of `sforce.opencti.SCREENPOP_TYPE`. */
export type ScreenPopType =
    'SOBJECT' | 'URL' | 'OBJECTHOME' | 'LIST' | 'SEARCH' | 'NEW_RECORD_MODAL' | 'FLOW';

/** Keys of `sforce.opencti.CALL_TYPE`. */
export type CallTypeKey = 'INBOUND' | 'OUTBOUND' | 'INTERNAL';

export interface CallbackArgs {
    callback?: OpenCtiCallback;
}

export interface ListenerArgs {
    listener: OpenCtiListener;
}

export interface ScreenPopArgs extends CallbackArgs {
    /** A value of `sforce.opencti.SCREENPOP_TYPE`. */
    type: string;
    params: Record<string, unknown>;
}

export interface SearchAndScreenPopArgs extends CallbackArgs {
    searchParams?: string;
    queryParams?: string;
    defaultFieldValues?: Record<string, FieldValue>;
    /** A value of `sforce.opencti.CALL_TYPE` (required by the docs). */
    callType: string;
    deferred?: boolean;
}

/** The `sforce.opencti` object as the adapter uses it. Any method may be absent (API version). */
export interface OpenCtiApi {
    readonly SCREENPOP_TYPE?: Readonly<Partial<Record<ScreenPopType, string>>>;
    readonly CALL_TYPE?: Readonly<Partial<Record<CallTypeKey, string>>>;
    notifyInitializationComplete?(args: CallbackArgs): void;
    getCallCenterSettings?(args: CallbackArgs): void;
    getSoftphoneLayout?(args: CallbackArgs): void;
    setSoftphonePanelVisibility?(args: CallbackArgs & { visible: boolean }): void;
    isSoftphonePanelVisible?(args: CallbackArgs): void;
    setSoftphonePanelHeight?(args: CallbackArgs & { heightPX: number }): void;
    setSoftphonePanelWidth?(args: CallbackArgs & { widthPX: number }): void;
    setSoftphoneItemIcon?(args: CallbackArgs & { key: string }): void;
    setSoftphoneItemLabel?(args: CallbackArgs & { label: string }): void;
    screenPop?(args: ScreenPopArgs): void;
    searchAndScreenPop?(args: SearchAndScreenPopArgs): void;
    saveLog?(args: CallbackArgs & { value: Record<string, FieldValue> }): void;
    refreshView?(args: CallbackArgs): void;
    enableClickToDial?(args: CallbackArgs): void;
    disableClickToDial?(args: CallbackArgs): void;
    onClickToDial?(args: ListenerArgs): void;
    onNavigationChange?(args: ListenerArgs): void;
    getAppViewInfo?(args: CallbackArgs): void;
    publish?(args: CallbackArgs & { channelName: string; message: unknown }): void;
    subscribe?(args: CallbackArgs & ListenerArgs & { channelName: string }): void;
    unsubscribe?(args: CallbackArgs & { subscription: unknown }): void;
}

/** Names of the OpenCtiApi methods. */
export type OpenCtiMethod = Exclude<keyof OpenCtiApi, 'SCREENPOP_TYPE' | 'CALL_TYPE'>;
