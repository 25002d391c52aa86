// The scheduler of `npm test` (scripts/run-checks.mjs): runs steps side by side within `slots`,
// in list order as far as possible, each once the steps it names in `after` have passed. A step
// takes `step.slots` slots (default 1, at most all of them). A step that cannot run
// (`unrunnable(step)` returns its outcome), or whose prerequisite did not pass, does not run.

/** Resolves with `{ step, outcome, … }` per step, in the order of `steps`. */
export async function runSteps(steps, { slots, unrunnable = () => undefined, runStep }) {
    const results = new Map();
    const waiting = [...steps];
    const running = new Set();
    let free = slots;
    for (;;) {
        for (const step of [...waiting]) {
            const needed = (step.after ?? []).map((name) => results.get(name));
            const blocked = needed.find((result) => result && result.outcome !== 'passed');
            const cannot = unrunnable(step);
            if (cannot || blocked) {
                results.set(
                    step.name,
                    cannot ?? { outcome: 'FAILED', note: 'not run: a step it needs failed' }
                );
                waiting.splice(waiting.indexOf(step), 1);
                continue;
            }
            const want = Math.min(step.slots ?? 1, slots);
            if (needed.some((result) => result === undefined) || want > free) {
                continue;
            }
            free -= want;
            waiting.splice(waiting.indexOf(step), 1);
            const run = runStep(step).then((result) => {
                results.set(step.name, result);
                free += want;
                running.delete(run);
            });
            running.add(run);
        }
        if (running.size === 0) {
            break;
        }
        await Promise.race(running);
    }
    // Left waiting: a prerequisite that is not a step of the list.
    for (const step of waiting) {
        results.set(step.name, {
            outcome: 'FAILED',
            note: `not run: needs ${(step.after ?? []).join(', ')}, which is not a step`
        });
    }
    return steps.map((step) => ({ step, ...results.get(step.name) }));
}
