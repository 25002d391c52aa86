/**
 * Timers, injected into connectors so that tests drive time with jest fake timers or a manual
 * scheduler. The handle is opaque: only the scheduler that made it knows what it is.
 */
export interface Scheduler {
    setTimeout(callback: () => void, delayMs: number): unknown;
    clearTimeout(handle: unknown): void;
}

type NativeTimerHandle = ReturnType<typeof globalThis.setTimeout>;

/** The platform's timers, looked up on each call so that jest fake timers installed later apply. */
export const systemScheduler: Scheduler = {
    setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as NativeTimerHandle)
};
