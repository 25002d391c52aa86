// The wire adapter protocol of LWC (class with connect, update, disconnect —
// https://lwc.dev/guide/wire_adapter) for the played UI API adapters, with what refreshApex and
// LDS cache updates need: the value each adapter emitted last, and re-reading on demand.
//
// Like LDS, an adapter reads when it is connected and its configuration is complete (a `$`
// parameter still undefined means "not ready": nothing is emitted), and again only when its
// configuration changes, when refreshApex asks, or when a write through LDS (updateRecord,
// notifyRecordUpdateAvailable) touches its records. A record the softphone saves through Open CTI
// is not pushed to the components: they refresh, as they must in Salesforce.
import type { UiResult } from './ui-api-shapes';

export type WireValue = { data: unknown; error: undefined } | { data: undefined; error: unknown };

const emittedBy = new WeakMap<object, PlayedWireAdapter<object>>();
const live = new Set<PlayedWireAdapter<object>>();

function deepFreeze<T>(value: T): T {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const inner of Object.values(value)) {
            deepFreeze(inner);
        }
    }
    return value;
}

export abstract class PlayedWireAdapter<Config extends object> {
    private config: Config | undefined;
    private connected = false;

    constructor(private readonly dataCallback: (value: WireValue) => void) {}

    connect(): void {
        this.connected = true;
        live.add(this as PlayedWireAdapter<object>);
        void this.emit();
    }

    disconnect(): void {
        this.connected = false;
        live.delete(this as PlayedWireAdapter<object>);
    }

    update(config: Config): void {
        this.config = config;
        if (this.connected) {
            void this.emit();
        }
    }

    /** The answer for a complete configuration; undefined while a parameter is missing. */
    protected abstract read(config: Config): UiResult<unknown> | undefined;

    /** Whether a write to these records concerns this adapter. */
    concerns(_recordIds: ReadonlySet<string>): boolean {
        return false;
    }

    protected get currentConfig(): Config | undefined {
        return this.config;
    }

    /** Reads and hands the value to the component, after the current task (LDS answers later). */
    async emit(): Promise<void> {
        await Promise.resolve();
        const config = this.config;
        if (!this.connected || config === undefined) {
            return;
        }
        const result = this.read(config);
        if (result === undefined) {
            return;
        }
        const value: WireValue = result.ok
            ? { data: deepFreeze(result.data), error: undefined }
            : { data: undefined, error: deepFreeze({ ...result }) };
        emittedBy.set(value, this as PlayedWireAdapter<object>);
        this.dataCallback(value);
    }
}

/** refreshApex: reads again the adapter that emitted `value` (any other value: nothing to do). */
export function refreshWiredValue(value: unknown): Promise<void> {
    const adapter = typeof value === 'object' && value !== null ? emittedBy.get(value) : undefined;
    return adapter ? adapter.emit() : Promise.resolve();
}

/** A write through LDS: every live adapter showing one of these records reads again. */
export function refreshRecords(recordIds: Iterable<string>): Promise<void> {
    const ids = new Set(recordIds);
    return Promise.all(
        [...live].filter((adapter) => adapter.concerns(ids)).map((adapter) => adapter.emit())
    ).then(() => undefined);
}

/** A config value: a string, or undefined while a reactive parameter is not set. */
export function isSet(value: unknown): boolean {
    return value !== undefined && value !== null && value !== '';
}
