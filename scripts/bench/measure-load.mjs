// Softphone frame load → notifyInitializationComplete: the console's "Reload softphone" (a new
// navigation of the iframe, as Salesforce does on a page refresh) to the moment the console
// receives the softphone's notifyInitializationComplete. Both ends are timestamped inside the
// console page (no Playwright round trip). By default the console serves everything with
// no-store, so every load fetches and compiles the bundle again, like a first visit (cold); a
// session opened with --cache-static-resources gets versioned, cacheable static resource URLs,
// as an org serves them, so every load after the first is warm.
import { scaled } from './bench-scale.mjs';
import { summarise } from './statistics.mjs';

export const LOADS = scaled(20);

export async function measureLoad(session, progress) {
    const samples = [];
    const failedLoads = [];
    // One load not counted: the first reload warms the server's file reads (and, with
    // --cache-static-resources, the browser's cache).
    await session.reload(failedLoads);
    for (let index = 0; index < LOADS; index += 1) {
        samples.push(await session.reload(failedLoads));
        await session.drive('settle', 50);
    }
    progress(`frame load: ${LOADS} reloads measured`);
    const phase = (name) =>
        summarise(samples.map((sample) => sample[name]).filter(Number.isFinite));
    // The softphone's start steps, in the order they came in the median load's neighbourhood.
    const stepNames = [...new Set(samples.flatMap((sample) => Object.keys(sample.marks ?? {})))];
    const steps = stepNames
        .map((name) => ({
            name,
            ...summarise(samples.map((sample) => sample.marks?.[name]).filter(Number.isFinite))
        }))
        .sort((a, b) => a.median - b.median);
    return {
        failedLoads,
        steps,
        initialised: phase('initialised'),
        phases: {
            navigationStart: phase('navigationStart'),
            scriptLoaded: phase('scriptLoaded'),
            firstOpenCtiCall: phase('firstOpenCtiCall'),
            clickToDialEnabled: phase('clickToDialEnabled'),
            initialised: phase('initialised'),
            agentAvailable: phase('agentAvailable')
        }
    };
}
