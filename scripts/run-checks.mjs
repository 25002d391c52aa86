// `npm test`: every check the project has, then one summary. Steps run side by side as far as
// the machine's cores go (CHECK_SLOTS, default the CPU count): a step starts, in list order (the
// build and the longest step first, then in the order a failure is cheapest to find), once the
// steps it needs (`after`) have passed and enough slots are free (`slots`). Each step's output is
// printed whole when it ends, with its wall time and its CPU time (process-tree-cpu.mjs). The
// browser tests, the agent journeys and the listener's browser tests run as one pool of files,
// BROWSER_WORKERS (default as many as the slots: one more timed out on a 2-core CI machine) at once and the longest first, each file
// with one Chromium and one console server on a free port for all its suites: those files mostly
// wait (simulated calls, timers), so the pool holds one slot and the other checks run beside it;
// the step prints how long each part's files took.
// Tests that need a system program are skipped (with the command that installs it) when the
// program is missing, unless REQUIRE_SYSTEM_TESTS=1 (CI), where a skip is a failure.
import { spawn } from 'node:child_process';
import {
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    writeFileSync
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    findSystemProgram,
    systemPrograms,
    systemTestsRequired
} from '../test/support/system-programs.mjs';
import { longestFirst, partTimes, readSeconds } from './browser-files.mjs';
import { trackProcessTreeCpu } from './process-tree-cpu.mjs';
import { runSteps } from './run-steps.mjs';

const bin = (name) => join('node_modules', '.bin', name);
/** A positive whole number from the environment, or `fallback`. */
const fromEnvironment = (name, fallback) => {
    const value = process.env[name];
    if (value === undefined || value === '') {
        return fallback;
    }
    if (!/^[1-9]\d*$/.test(value)) {
        throw new Error(`${name} must be a whole number of at least 1, not "${value}"`);
    }
    return Number(value);
};
const slots = fromEnvironment('CHECK_SLOTS', Math.max(2, availableParallelism()));
const browserWorkers = fromEnvironment('BROWSER_WORKERS', slots);
const jestSlots = slots > 2 ? 2 : 1;
const BUILD = 'build (static resource + local console + listener bridge)';
const scratch = mkdtempSync(join(tmpdir(), 'npm-test-'));
const jestResults = join(scratch, 'jest-results.json');
const browserFileTimes = join(scratch, 'browser-file-seconds.json');
// The last run's time per browser file, for the order (test-results/ is not committed).
const lastBrowserFileTimes = join('test-results', 'browser-file-seconds.json');
/** The test files of `folder` whose names end in `suffix` (none when it does not exist). */
const testFiles = (folder, suffix = '.test.mjs') =>
    existsSync(folder)
        ? readdirSync(folder)
              .filter((name) => name.endsWith(suffix))
              .map((name) => join(folder, name))
        : [];
/** test/listener's test files: the browser ones (*.browser.test.mjs) or the others. */
const listenerTests = (browser) =>
    testFiles('test/listener').filter((name) => name.endsWith('.browser.test.mjs') === browser);
const browserParts = [
    { name: 'browser tests', files: testFiles('test/browser') },
    { name: 'agent journeys', files: testFiles('test/journeys') },
    { name: 'listener browser tests', files: listenerTests(true) }
];
const browserFiles = longestFirst(
    browserParts.flatMap(({ files }) => files),
    readSeconds(lastBrowserFileTimes)
);

/** After the browser step: each part's time, and the files' times for the next run's order. */
function reportBrowserFileTimes() {
    const { seconds, lines } = partTimes(
        readSeconds(browserFileTimes),
        browserParts,
        process.cwd()
    );
    if (Object.keys(seconds).length > 0) {
        mkdirSync('test-results', { recursive: true });
        writeFileSync(lastBrowserFileTimes, `${JSON.stringify(seconds, null, 4)}\n`);
    }
    return lines.map((line) => `  ${line}\n`).join('');
}

const steps = [
    // The browser files wait for the build: it goes first.
    { name: BUILD, command: ['node', 'scripts/build.mjs'] },
    {
        // The longest step, so it starts first, once the build is there. Its Chromiums mostly
        // wait (simulated calls, timers): its files, one more than the cores, use about one core
        // and a half, so it holds one slot and the other checks run in the other beside it.
        name: 'browser tests, agent journeys, listener browser tests (headless Chromium)',
        command: [
            'node',
            '--test',
            `--test-concurrency=${browserWorkers}`,
            // TAP on stdout, counted below; the files' times to a file, printed per part.
            '--test-reporter=tap',
            '--test-reporter-destination=stdout',
            '--test-reporter=./scripts/test-file-times-reporter.mjs',
            `--test-reporter-destination=${browserFileTimes}`,
            ...browserFiles
        ],
        counts: 'node',
        needs: 'chromium',
        after: [BUILD],
        slots: 1,
        onlyIf: 'test/browser',
        afterRun: reportBrowserFileTimes
    },
    {
        name: 'format (prettier --check)',
        command: [bin('prettier'), '--check', '--log-level', 'warn', '.']
    },
    { name: 'lint (eslint)', command: [bin('eslint'), '--max-warnings', '0', '.'] },
    { name: 'types (tsc --noEmit)', command: [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'] },
    {
        name: 'import cycles (madge)',
        command: [bin('madge'), '--circular', '--extensions', 'ts', '--warning', 'src/']
    },
    {
        // The static resource's content must be there (the build makes it).
        name: 'metadata checks',
        command: ['node', 'scripts/checks/run-metadata-checks.mjs'],
        after: [BUILD]
    },
    {
        name: 'script tests (node --test)',
        command: ['node', '--test', 'scripts/'],
        counts: 'node',
        after: [BUILD]
    },
    {
        // The coverage thresholds (per folder) live in jest.config.js. Jest gets as many workers
        // as it takes slots: on 2 cores one, where it runs in its own process (as its default,
        // cores minus one, did) and leaves the other slot to another step.
        name: 'unit + LWC tests with coverage gate (jest)',
        command: [
            bin('jest'),
            '--ci',
            '--silent',
            '--coverage',
            '--coverageReporters=text-summary',
            `--maxWorkers=${jestSlots}`,
            '--json',
            `--outputFile=${jestResults}`
        ],
        counts: 'jest',
        slots: jestSlots
    },
    {
        name: 'listener bridge tests (node --test)',
        command: ['node', '--test', ...listenerTests(false)],
        counts: 'node',
        after: [BUILD],
        onlyIf: 'test/listener'
    },
    {
        // One Kamailio per file, on ports the rig picks free: these files run one at a time. They
        // mostly wait (registrations, sipp's pauses, ICE): about 0.8 of a core while they run,
        // so they take one slot and another step runs beside them.
        name: 'SIP tests (Kamailio + sipp + headless Chromium)',
        command: ['node', '--test', '--test-concurrency=1', 'test/sip/'],
        counts: 'node',
        needs: ['chromium', 'kamailio', 'sipp'],
        after: [BUILD],
        onlyIf: 'test/sip'
    }
];

const totals = { passed: 0, failed: 0, skipped: 0 };
// CPU seconds of every step (its processes and its Chromiums), where /proc tells.
let totalCpuSeconds = 0;
const outcomes = [];

function countNodeTests(output) {
    const read = (label) =>
        // The spec reporter prints "ℹ pass 12", the TAP one (used when piped) "# pass 12".
        Number((output.match(new RegExp(`^(?:ℹ|#) ${label} (\\d+)$`, 'm')) || [])[1] || 0);
    return {
        passed: read('pass'),
        failed: read('fail') + read('cancelled'),
        skipped: read('skipped') + read('todo')
    };
}

function countJestTests() {
    try {
        const results = JSON.parse(readFileSync(jestResults, 'utf8'));
        return {
            passed: results.numPassedTests,
            failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
            skipped: results.numPendingTests + results.numTodoTests
        };
    } catch {
        return { passed: 0, failed: 1, skipped: 0 };
    }
}

/** The step's outcome when it cannot run at all, or undefined when it can. */
function unrunnable(step) {
    if (step.onlyIf && !existsSync(step.onlyIf)) {
        return { outcome: 'skipped', note: `nothing in ${step.onlyIf} yet`, empty: true };
    }
    const missing = [step.needs ?? []].flat().filter((name) => !findSystemProgram(name));
    if (missing.length > 0) {
        const install = missing.map((name) => systemPrograms[name].install).join(' && ');
        const outcome = systemTestsRequired ? 'FAILED' : 'skipped';
        return { outcome, note: `${missing.join(', ')} not installed: ${install}` };
    }
    return undefined;
}

/** Runs one step, its output collected; resolves with its outcome once it has been printed. */
function runStep(step) {
    const started = Date.now();
    return new Promise((resolve) => {
        const child = spawn(step.command[0], step.command.slice(1), {
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let cpu = child.pid === undefined ? undefined : trackProcessTreeCpu(child.pid);
        let stdout = '';
        let output = '';
        child.stdout.setEncoding('utf8');
        child.stderr.setEncoding('utf8');
        child.stdout.on('data', (chunk) => {
            stdout += chunk;
            output += chunk;
        });
        child.stderr.on('data', (chunk) => {
            output += chunk;
        });
        const finish = (status, error) => {
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            // 'error' and 'close' may both come: the CPU counts once.
            const cpuSeconds = cpu?.stop();
            cpu = undefined;
            if (cpuSeconds !== undefined) {
                totalCpuSeconds += cpuSeconds;
            }
            const time = `${seconds} s${cpuSeconds === undefined ? '' : `, CPU ${cpuSeconds.toFixed(1)} s`}`;
            process.stdout.write(`\n▶ ${step.name} (${time})\n${output}${step.afterRun?.() ?? ''}`);
            if (error) {
                process.stdout.write(`could not run ${step.command[0]}: ${error.message}\n`);
            }
            let failedTests = 0;
            if (step.counts) {
                const counts = step.counts === 'jest' ? countJestTests() : countNodeTests(stdout);
                for (const key of Object.keys(totals)) {
                    totals[key] += counts[key];
                }
                failedTests = counts.failed;
            }
            resolve({
                outcome: status === 0 ? 'passed' : 'FAILED',
                failedTests,
                note: time
            });
        };
        child.on('error', (error) => finish(1, error));
        child.on('close', (status) => finish(status));
    });
}

const wallStarted = Date.now();
outcomes.push(...(await runSteps(steps, { slots, unrunnable, runStep })));
rmSync(scratch, { recursive: true, force: true });

process.stdout.write(
    `\nSummary (${((Date.now() - wallStarted) / 1000).toFixed(1)} s, CPU ${totalCpuSeconds.toFixed(1)} s, ${slots} slots, ${browserWorkers} browser workers)\n`
);
for (const { step, outcome, note } of outcomes) {
    process.stdout.write(`  ${outcome.padEnd(7)} ${step.name} (${note})\n`);
}
const failedSteps = outcomes.filter(({ outcome }) => outcome === 'FAILED');
// A failed step that counts no tests (format, lint, types, build, a missing program) still counts
// as a failure in the closing line, so the line never reads "0 failed" on a red run.
const failedUncountedSteps = failedSteps.filter(({ failedTests }) => !failedTests).length;
const skippedSteps = outcomes.filter(({ outcome }) => outcome === 'skipped');
for (const { note } of skippedSteps.filter(({ empty }) => !empty)) {
    process.stdout.write(`  To run the skipped tests: ${note}\n`);
}
const failed = totals.failed + failedUncountedSteps;
process.stdout.write(
    `tests: ${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped\n`
);
process.exitCode = failedSteps.length > 0 ? 1 : 0;
