// `npm run bench`: builds, then measures the figures of issue 7 against their budgets and prints
// one table (also written as JSON to test-results/bench/). Over budget is a result, not a
// failure: the exit code is non-zero only when a figure could not be measured.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSystemProgram, systemPrograms } from '../../test/support/system-programs.mjs';
import { analyseBundle } from './analyse-bundle.mjs';
import { comparePhoneMetadata } from './compare-phone-metadata.mjs';
import { QUICK } from './bench-scale.mjs';
import { openBenchSession } from './bench-session.mjs';
import { formatKb, measureBundleSize } from './measure-bundle-size.mjs';
import { ITERATIONS, measureInbound, measureLmsDial } from './measure-latency.mjs';
import { LOADS, measureLoad } from './measure-load.mjs';
import { LOG_SOAK_CALLS, SAVE_LOG_FAILURE_RATE, measureLogSoak } from './measure-log-soak.mjs';
import { SOAK_CALLS, measureMemorySoak } from './measure-memory-soak.mjs';
import { TAKEOVERS, measureTakeover } from './measure-takeover.mjs';
import { CARD_ITERATIONS, measureRecordPage } from './measure-record-page.mjs';
import { failed, formatTable, informational, judged, writeReport } from './report-table.mjs';
import { buildForBench } from './build-for-bench.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const staticResourceDir = join(root, 'force-app/main/default/staticresources/softphone');
const reportDir = join(root, 'test-results/bench');
// Unknown callers pop a search tab (closed after each call) instead of a New Contact modal.
const SOAK_QUERY = 'setting.screenPop.noMatchAction=Search';

const MS_BUDGET = { load: 150, callPath: 20, takeover: 2000 };
const HEAP_GROWTH_LIMIT_BYTES = 2 * 1024 * 1024;

const startedAt = new Date();
const progress = (line) =>
    process.stdout.write(`[bench ${Math.round((Date.now() - startedAt) / 1000)}s] ${line}\n`);
const ms = (value) => `${value.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;

const openSessions = new Set();
// Ctrl-C: stop the local console servers and browsers rather than leave them running.
process.once('SIGINT', () => {
    Promise.allSettled([...openSessions].map((session) => session.close())).then(() =>
        process.exit(130)
    );
});

/** Runs `measure(session)` in a fresh local console session opened with `query`. */
async function inSession(query, measure, serverArgs = []) {
    const session = await openBenchSession(query, serverArgs);
    openSessions.add(session);
    try {
        const result = await measure(session);
        if (session.pageErrors.length > 0) {
            progress(`${session.pageErrors.length} page error(s): ${session.pageErrors[0]}`);
        }
        return { ...result, pageErrors: session.pageErrors.map(String) };
    } finally {
        openSessions.delete(session);
        await session.close();
    }
}

/** Calls `measure`, turning a throw into an error row; returns its rows. */
async function attempt(figures, details, key, measure, toRows) {
    try {
        details[key] = await measure();
        return toRows(details[key]);
    } catch (error) {
        progress(`${key}: could not measure: ${error.message}`);
        return figures.map((figure) => failed(figure, error));
    }
}

function bundleRows(details) {
    progress('measuring the static resource');
    const rows = measureBundleSize(staticResourceDir);
    details.bundle = rows.map(({ figure, details: size }) => ({ figure, size }));
    return rows;
}

async function bundleWhatIfs(details) {
    progress('what-if builds of the core (esbuild metafile)');
    try {
        details.bundleWhatIfs = await analyseBundle();
    } catch (error) {
        // Context for the size rows, not a figure: note it and go on.
        progress(`what-if builds failed: ${error.message}`);
        return;
    }
    for (const { variant, core, lazyChunk } of details.bundleWhatIfs) {
        progress(
            `  ${variant}: core ${formatKb(core.gzip)} gz` +
                (lazyChunk ? ` + lazy ${formatKb(lazyChunk.gzip)} gz` : '')
        );
    }
    // What the core holds, by src folder and package (minified bytes before gzip).
    progress('core as built, by folder and dependency (minified):');
    for (const { name, bytes } of details.bundleWhatIfs[0].core.contributors) {
        progress(`  ${formatKb(bytes).padStart(9)}  ${name}`);
    }
    // The SIP chunk likewise, JsSIP per file (what scripts/jssip-trim-plugin.mjs left in).
    progress('SIP chunk as built, by folder, dependency and JsSIP file (minified):');
    for (const { name, bytes } of details.bundleWhatIfs[0].core.sipContributors) {
        progress(`  ${formatKb(bytes).padStart(9)}  ${name}`);
    }
    progress('phone-number metadata sets (what each reads differently from "max"):');
    details.phoneMetadata = comparePhoneMetadata();
    for (const { set, raw, gzip, differences } of details.phoneMetadata) {
        progress(
            `  ${set}: ${formatKb(gzip)} gz (${formatKb(raw)} raw), ${differences.length} of the sample numbers read differently`
        );
        for (const difference of differences) {
            progress(
                `    ${difference.number} (${difference.country}): max ${difference.max}, ${set} ${difference[set]}`
            );
        }
    }
}

/**
 * Start-up, warm: the static resource served with versioned URLs the browser caches (as an org
 * serves it), so after the first load only the Visualforce page is fetched again.
 */
async function warmStartRows(details) {
    const figure = `Frame load → notifyInitializationComplete, warm: static resource cached (median of ${LOADS})`;
    return attempt(
        [figure],
        details,
        'warmStart',
        () =>
            inSession('', (session) => measureLoad(session, progress), [
                '--cache-static-resources'
            ]),
        (load) => [
            judged(figure, load.initialised.median, MS_BUDGET.load, ms),
            ...startDetailRows('warm', load)
        ]
    );
}

/**
 * Beside a start's median: its slowest load, and where the median load's time went (the frame's
 * navigation, softphone.js received, the first Open CTI call), to tell the page and the network
 * from the softphone's own start.
 */
function startDetailRows(kind, load) {
    const phase = (name) => load.phases[name].median;
    return [
        informational(
            `Frame load → notifyInitializationComplete, ${kind}: slowest of ${LOADS}`,
            ms(load.initialised.max),
            load.initialised.max
        ),
        informational(
            `  ${kind} start, medians: frame navigation → softphone.js received → first Open CTI call`,
            [phase('navigationStart'), phase('scriptLoaded'), phase('firstOpenCtiCall')]
                .map((value) => (Number.isFinite(value) ? ms(value) : 'n/a'))
                .join(' → '),
            phase('firstOpenCtiCall')
        )
    ];
}

async function latencyRows(details) {
    const loadFigure = `Frame load → notifyInitializationComplete, cold: nothing cached (median of ${LOADS})`;
    const ringFigure = `Inbound call → ringing shown (median of ${ITERATIONS})`;
    const popFigure = `Inbound call → searchAndScreenPop request (median of ${ITERATIONS})`;
    const dialFigure = `LMS dial → "Calling…" shown (median of ${ITERATIONS})`;
    const startedFigure = `LMS dial → callStarted at the LWC side (median of ${ITERATIONS})`;
    return attempt(
        [loadFigure, ringFigure, popFigure, dialFigure],
        details,
        'latency',
        () =>
            inSession('', async (session) => ({
                load: await measureLoad(session, progress),
                inbound: await measureInbound(session, progress),
                lmsDial: await measureLmsDial(session, progress)
            })),
        ({ load, inbound, lmsDial }) => [
            judged(loadFigure, load.initialised.median, MS_BUDGET.load, ms),
            ...startDetailRows('cold', load),
            informational(
                `Frame load → enableClickToDial, before the connector (median of ${LOADS})`,
                ms(load.phases.clickToDialEnabled.median),
                load.phases.clickToDialEnabled.median
            ),
            judged(ringFigure, inbound.ringing.median, MS_BUDGET.callPath, ms),
            judged(popFigure, inbound.screenPopRequest.median, MS_BUDGET.callPath, ms),
            judged(dialFigure, lmsDial.calling.median, MS_BUDGET.callPath, ms),
            informational(startedFigure, ms(lmsDial.callStarted.median), lmsDial.callStarted.median)
        ]
    );
}

/** The record page's real components (issue 16): the card's Call, and the card's refresh. */
async function recordPageRows(details) {
    const dialFigure = `Call on the Click to Dial card → "Calling…" in the softphone (simulator, median of ${CARD_ITERATIONS})`;
    const startedFigure = `Call on the Click to Dial card → callStarted at the console (median of ${CARD_ITERATIONS})`;
    const loggedFigure = `Call logged (callLogged) → Call History card lists it (median of ${CARD_ITERATIONS})`;
    return attempt(
        [dialFigure, startedFigure, loggedFigure],
        details,
        'recordPage',
        () => inSession('', (session) => measureRecordPage(session, progress)),
        ({ calling, callStarted, cardUpdated }) => [
            informational(dialFigure, ms(calling.median), calling.median),
            informational(startedFigure, ms(callStarted.median), callStarted.median),
            informational(loggedFigure, ms(cardUpdated.median), cardUpdated.median)
        ]
    );
}

async function takeoverRows(details) {
    const figure = `Leader tab closed → next tab leads, connected (median of ${TAKEOVERS})`;
    return attempt(
        [figure],
        details,
        'takeover',
        () => inSession('', (session) => measureTakeover(session, progress)),
        ({ takeover }) => [
            judged(figure, takeover.median, MS_BUDGET.takeover, ms),
            informational(
                `Leader tab closed → next tab leads: slowest of ${TAKEOVERS}`,
                ms(takeover.max),
                takeover.max
            )
        ]
    );
}

function memoryRows(soak) {
    const before = soak.before.listeners;
    const after = soak.after.listeners;
    return [
        judged(
            `${SOAK_CALLS} calls: JS heap growth after GC`,
            soak.heapGrowthBytes,
            HEAP_GROWTH_LIMIT_BYTES,
            mb
        ),
        {
            ...judged(
                `${SOAK_CALLS} calls: softphone event listeners (window + DOM)`,
                after.window + after.document,
                before.window + before.document,
                String
            ),
            budget: `steady (${before.window + before.document})`,
            measured: `${before.window + before.document} → ${after.window + after.document}`
        }
    ];
}

function logRows(soak) {
    const figure = `${LOG_SOAK_CALLS} calls, ${SAVE_LOG_FAILURE_RATE} % saveLog failures, ${soak.reloads} reloads`;
    return [
        {
            ...judged(`${figure}: logs lost`, soak.lost, 0, String),
            // Still in the durable outbox when the bench stopped waiting: late, not lost.
            ...(soak.stillQueued > 0
                ? { measured: `${soak.lost} (${soak.stillQueued} still queued)` }
                : {})
        },
        judged(`${figure}: logs doubled`, soak.doubled, 0, String)
    ];
}

async function soakRows(details) {
    progress(`soaks: ${SOAK_CALLS} + ${LOG_SOAK_CALLS} calls in two sessions side by side`);
    const [memory, log] = await Promise.all([
        attempt(
            [`${SOAK_CALLS} calls: JS heap growth`, `${SOAK_CALLS} calls: event listeners`],
            details,
            'memorySoak',
            () => inSession(SOAK_QUERY, (session) => measureMemorySoak(session, progress)),
            memoryRows
        ),
        attempt(
            [`${LOG_SOAK_CALLS} calls with saveLog failures and reloads: logs lost / doubled`],
            details,
            'logSoak',
            () =>
                inSession(
                    `${SOAK_QUERY}&fault.saveLogFailureRate=${SAVE_LOG_FAILURE_RATE}`,
                    (session) => measureLogSoak(session, progress)
                ),
            logRows
        )
    ]);
    return [...memory, ...log];
}

function environment() {
    const chromium = findSystemProgram('chromium');
    return {
        node: process.version,
        chromium: chromium
            ? execFileSync(chromium, ['--version'], {
                  encoding: 'utf8',
                  stdio: ['ignore', 'pipe', 'ignore']
              }).trim()
            : null,
        cpus: cpus().length,
        loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100)
    };
}

async function main() {
    const details = {};
    const env = environment();
    progress(
        `${QUICK ? 'QUICK run (BENCH_QUICK=1): not comparable to the budgets; ' : ''}node ${env.node}, ${env.chromium ?? 'no Chromium'}, ${env.cpus} CPUs, load ${env.loadAverageAtStart.join(' ')}`
    );
    buildForBench(progress);
    const rows = bundleRows(details);
    await bundleWhatIfs(details);
    if (env.chromium === null) {
        rows.push(
            failed(
                'Browser figures',
                new Error(`Chromium is not installed: ${systemPrograms.chromium.install}`)
            )
        );
    } else {
        rows.push(...(await latencyRows(details)));
        rows.push(...(await warmStartRows(details)));
        rows.push(...(await recordPageRows(details)));
        rows.push(...(await takeoverRows(details)));
        rows.push(...(await soakRows(details)));
    }
    const finishedAt = new Date();
    const report = {
        startedAt: startedAt.toISOString(),
        quick: QUICK,
        finishedAt: finishedAt.toISOString(),
        durationSeconds: Math.round((finishedAt - startedAt) / 1000),
        environment: {
            ...env,
            loadAverageAtEnd: loadavg().map((value) => Math.round(value * 100) / 100)
        },
        rows,
        details
    };
    const path = writeReport(reportDir, report);
    process.stdout.write(`\n${formatTable(rows)}\n\n`);
    progress(`written to ${path} (and latest.json)`);
    if (env.loadAverageAtStart[0] > env.cpus) {
        progress(
            `note: the machine was busy (load ${env.loadAverageAtStart[0]} on ${env.cpus} CPUs): timings are inflated`
        );
    }
    if (rows.some((row) => row.result === 'error')) {
        process.exitCode = 1;
    }
}

main().catch((error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
    process.exitCode = 1;
});
