// `npm test`: every check the project has, in the order a failure is cheapest to find, then one
// summary. Tests that need a system program are skipped (with the command that installs it) when
// the program is missing, unless REQUIRE_SYSTEM_TESTS=1 (CI), where a skip is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    findSystemProgram,
    systemPrograms,
    systemTestsRequired
} from '../test/support/system-programs.mjs';

const bin = (name) => join('node_modules', '.bin', name);
const jestResults = join(mkdtempSync(join(tmpdir(), 'jest-results-')), 'results.json');
/** test/listener's test files: the browser ones (*.browser.test.mjs) or the others. */
const listenerTests = (browser) =>
    existsSync('test/listener')
        ? readdirSync('test/listener')
              .filter((name) => name.endsWith('.test.mjs'))
              .filter((name) => name.endsWith('.browser.test.mjs') === browser)
              .map((name) => join('test/listener', name))
        : [];

const steps = [
    {
        name: 'format (prettier --check)',
        command: [bin('prettier'), '--check', '--log-level', 'warn', '.']
    },
    { name: 'lint (eslint)', command: [bin('eslint'), '--max-warnings', '0', '.'] },
    { name: 'types (tsc --noEmit)', command: [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'] },
    {
        name: 'build (static resource + local console + listener bridge)',
        command: ['node', 'scripts/build.mjs']
    },
    {
        name: 'import cycles (madge)',
        command: [bin('madge'), '--circular', '--extensions', 'ts', '--warning', 'src/']
    },
    { name: 'metadata checks', command: ['node', 'scripts/checks/run-metadata-checks.mjs'] },
    { name: 'script tests (node --test)', command: ['node', '--test', 'scripts/'], counts: 'node' },
    {
        // The coverage thresholds (per folder) live in jest.config.js.
        name: 'unit + LWC tests with coverage gate (jest)',
        command: [
            bin('jest'),
            '--ci',
            '--silent',
            '--coverage',
            '--coverageReporters=text-summary',
            '--json',
            `--outputFile=${jestResults}`
        ],
        counts: 'jest'
    },
    {
        name: 'browser tests (headless Chromium)',
        command: ['node', '--test', '--test-concurrency=1', 'test/browser/'],
        counts: 'node',
        needs: 'chromium',
        onlyIf: 'test/browser'
    },
    {
        name: 'agent journey tests (headless Chromium)',
        command: ['node', '--test', '--test-concurrency=1', 'test/journeys/'],
        counts: 'node',
        needs: 'chromium',
        onlyIf: 'test/journeys'
    },
    {
        name: 'listener bridge tests (node --test)',
        command: ['node', '--test', ...listenerTests(false)],
        counts: 'node',
        onlyIf: 'test/listener'
    },
    {
        name: 'listener browser tests (headless Chromium)',
        command: ['node', '--test', '--test-concurrency=1', ...listenerTests(true)],
        counts: 'node',
        needs: 'chromium',
        onlyIf: 'test/listener'
    },
    {
        name: 'SIP tests (Kamailio + sipp + headless Chromium)',
        command: ['node', '--test', '--test-concurrency=1', 'test/sip/'],
        counts: 'node',
        needs: ['chromium', 'kamailio', 'sipp'],
        onlyIf: 'test/sip'
    }
];

const totals = { passed: 0, failed: 0, skipped: 0 };
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

for (const step of steps) {
    if (step.onlyIf && !existsSync(step.onlyIf)) {
        outcomes.push({
            step,
            outcome: 'skipped',
            note: `nothing in ${step.onlyIf} yet`,
            empty: true
        });
        continue;
    }
    const missing = [step.needs ?? []].flat().filter((name) => !findSystemProgram(name));
    if (missing.length > 0) {
        const install = missing.map((name) => systemPrograms[name].install).join(' && ');
        const outcome = systemTestsRequired ? 'FAILED' : 'skipped';
        outcomes.push({ step, outcome, note: `${missing.join(', ')} not installed: ${install}` });
        continue;
    }
    process.stdout.write(`\n▶ ${step.name}\n`);
    const started = Date.now();
    const result = spawnSync(step.command[0], step.command.slice(1), {
        stdio: step.counts === 'node' ? ['ignore', 'pipe', 'inherit'] : 'inherit',
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
    });
    if (step.counts === 'node') {
        process.stdout.write(result.stdout || '');
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    let failedTests = 0;
    if (step.counts) {
        const counts =
            step.counts === 'jest' ? countJestTests() : countNodeTests(result.stdout || '');
        for (const key of Object.keys(totals)) {
            totals[key] += counts[key];
        }
        failedTests = counts.failed;
    }
    const outcome = result.status === 0 ? 'passed' : 'FAILED';
    outcomes.push({ step, outcome, failedTests, note: `${seconds} s` });
}
rmSync(jestResults, { force: true });

process.stdout.write('\nSummary\n');
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
