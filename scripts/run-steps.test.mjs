import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSteps } from './run-steps.mjs';

/** A runStep that records starts and ends, and lets the test finish each step when it wants. */
function controlledRunner(outcomes = {}) {
    const log = [];
    const finishers = new Map();
    let running = 0;
    let mostAtOnce = 0;
    const runStep = (step) =>
        new Promise((resolve) => {
            running += 1;
            mostAtOnce = Math.max(mostAtOnce, running);
            log.push(`start ${step.name}`);
            finishers.set(step.name, () => {
                running -= 1;
                log.push(`end ${step.name}`);
                resolve({ outcome: outcomes[step.name] ?? 'passed' });
            });
        });
    const finish = async (name) => {
        // Let the scheduler reach the step first.
        await new Promise((resolve) => setImmediate(resolve));
        finishers.get(name)();
    };
    return { log, runStep, finish, mostAtOnce: () => mostAtOnce };
}

describe('runSteps', () => {
    it('runs steps side by side within the slots, each after the steps it needs', async () => {
        const runner = controlledRunner();
        const steps = [
            { name: 'lint' },
            { name: 'build' },
            { name: 'browser', after: ['build'], slots: 2 },
            { name: 'metadata', after: ['build'] }
        ];
        const done = runSteps(steps, { slots: 2, runStep: runner.runStep });
        await runner.finish('build');
        await runner.finish('lint');
        await runner.finish('metadata');
        await runner.finish('browser');
        const results = await done;
        assert.deepEqual(
            results.map(({ step, outcome }) => [step.name, outcome]),
            [
                ['lint', 'passed'],
                ['build', 'passed'],
                ['browser', 'passed'],
                ['metadata', 'passed']
            ]
        );
        // browser (two slots) waits for the build, then for two free slots; metadata, one slot,
        // starts as soon as the build has passed.
        assert.deepEqual(runner.log, [
            'start lint',
            'start build',
            'end build',
            'start metadata',
            'end lint',
            'end metadata',
            'start browser',
            'end browser'
        ]);
        assert.equal(runner.mostAtOnce(), 2);
    });

    it('does not run a step whose prerequisite failed or is not a step, nor one that cannot run', async () => {
        const runner = controlledRunner({ build: 'FAILED' });
        const steps = [
            { name: 'build' },
            { name: 'browser', after: ['build'] },
            { name: 'orphan', after: ['nothing'] },
            { name: 'sip', needs: 'kamailio' }
        ];
        const done = runSteps(steps, {
            slots: 4,
            runStep: runner.runStep,
            unrunnable: (step) =>
                step.needs ? { outcome: 'skipped', note: 'kamailio not installed' } : undefined
        });
        await runner.finish('build');
        const results = await done;
        assert.deepEqual(
            results.map(({ step, outcome, note }) => [step.name, outcome, note]),
            [
                ['build', 'FAILED', undefined],
                ['browser', 'FAILED', 'not run: a step it needs failed'],
                ['orphan', 'FAILED', 'not run: needs nothing, which is not a step'],
                ['sip', 'skipped', 'kamailio not installed']
            ]
        );
        assert.deepEqual(runner.log, ['start build', 'end build']);
    });
});
