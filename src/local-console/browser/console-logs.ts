/** The console's running logs: LMS traffic and what the softphone asked of Salesforce. */

export type LmsDirection = 'fromSoftphone' | 'toSoftphone';

export interface LmsEntry {
    /** ISO timestamp. */
    readonly at: string;
    readonly direction: LmsDirection;
    readonly channelName: string;
    readonly message: unknown;
    /** How many softphone subscriptions received it. */
    readonly delivered: number;
}

export interface ActivityEntry {
    readonly at: string;
    /**
     * For opencti entries: when the console received the request, in epoch milliseconds with
     * sub-millisecond precision (performance.timeOrigin + performance.now(): the same clock as
     * the page's and, within a millisecond or two, the machine's wall clock that sipp uses).
     */
    readonly receivedAt?: number;
    readonly kind: 'opencti' | 'simulator' | 'console';
    /** For opencti entries: the method called. */
    readonly method?: string;
    readonly args?: unknown;
    readonly response?: unknown;
    readonly text: string;
}

/** An append-only list with change listeners and a size limit. */
export class EntryLog<T> {
    private items: T[] = [];
    private readonly listeners = new Set<(entry: T | undefined) => void>();

    constructor(private readonly limit = 500) {}

    add(entry: T): void {
        this.items = [...this.items, entry].slice(-this.limit);
        for (const listener of this.listeners) {
            listener(entry);
        }
    }

    clear(): void {
        this.items = [];
        for (const listener of this.listeners) {
            listener(undefined);
        }
    }

    entries(): readonly T[] {
        return this.items;
    }

    /** Called with each new entry, or with undefined when the log was cleared. */
    onChange(listener: (entry: T | undefined) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
}

/** saveLog and search fault injection, set from the console's controls or the URL. */
export interface FaultSettings {
    /** 0–100: the share of saveLog calls that fail with SERVER_ERROR. */
    saveLogFailureRate: number;
    /** Delay before every saveLog answers. */
    saveLogLatencyMs: number;
    /**
     * 0–100: the share of saveLog calls whose write is done but whose answer is lost (the
     * softphone gets SERVER_ERROR and retries a write that already happened).
     */
    saveLogLostAnswerRate?: number;
    /** Every searchAndScreenPop fails with SERVER_ERROR (a Do Not Call check that cannot run). */
    searchFailure?: boolean;
    /**
     * Milliseconds an Open CTI method waits before it is handled, by method name
     * (host.delayMs.<method>): a real org's round trip to the Lightning frame and its server.
     */
    hostDelaysMs?: Readonly<Record<string, number>>;
    /**
     * The played UI API adapters and functions that fail for the record pages' components
     * (`fault.uiApi`, names in ../lwc-runtime/ui-api-faults.ts); the fault panel edits it.
     */
    uiApiFaults?: Set<string>;
}
