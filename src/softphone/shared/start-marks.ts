// The softphone's start, step by step, as User Timing marks ('softphone:<step>'): the bench
// (scripts/bench/page-driver.mjs) reads them from the frame to show where a start's time goes.
// A browser's performance timeline only: nothing is logged or sent.

/** The steps of a start, in the words the bench prints. */
export type StartStep =
    | 'script-run'
    | 'labels-ready'
    | 'settings-read'
    | 'phone-numbers-loaded'
    | 'tab-role-settled'
    | 'outbox-opened'
    | 'connector-loaded'
    | 'first-render';

interface MarkingTimeline {
    mark(name: string): unknown;
}

/** Marks `step` now on `timeline` (the page's performance; absent in some test environments). */
export function markStart(
    step: StartStep,
    timeline: Partial<MarkingTimeline> | undefined = globalThis.performance
): void {
    if (typeof timeline?.mark === 'function') {
        timeline.mark(`softphone:${step}`);
    }
}
