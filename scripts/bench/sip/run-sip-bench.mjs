/* global window, document */
// `npm run bench:sip`: the softphone on the SIP connector in the local console (headless
// Chromium, fake microphone), registered with a test Kamailio on loopback, sipp calling it and
// being called by it, and the console's Open CTI answering at a real org's pace (a search takes
// --search-delay ms, 150 by default: host.delayMs.searchAndScreenPop). Prints, as medians and
// maxima over --calls calls each (20 by default), every row of issue 14's table with its budget:
// - inbound, from the INVITE leaving sipp (sipp's message trace): the ringing call shown, the
//   searchAndScreenPop request received by the host, the record popped (the host's receipt of
//   screenPop), and from the Answer click to the 200 OK reaching sipp (the agent clicks
//   --answer-after ms after the ring shows, 400 by default: a person's reaction; 0 at once);
// - outbound, from the Call click on the keypad and from an LWC's LMS dial: "Calling…" shown and
//   the INVITE reaching sipp (a busy UAS, 486);
// - blind transfer, from the click on Transfer now to the REFER reaching sipp;
// - on the connector's test page (handover-bench.mjs): the transfer request → REFER, and the
//   merge request → the mixed audio running (the mix lives in the softphone's frame, out of
//   the bench's reach there);
// - re-registration over --restarts Kamailio restarts (20 by default; outages of 0.5–8 s): from
//   the restarted Kamailio accepting connections to the softphone showing Connected.
// Host times are the console's own receipt of each Open CTI request (activity().receivedAt, on
// performance.timeOrigin); page times are performance.now() on the wall clock; sipp's come from
// its -trace_msg file. All read the same system clock. Take the figures on an idle machine.
// Writes test-results/bench/sip/ JSON too. Exit code 1 when a program is missing or a call
// fails; timings are results, never failures.
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    findMessage,
    missingSipPrograms,
    sipInstallCommand,
    startKamailio,
    startSipp
} from '../../../test/sip/sip-rig.mjs';
import { openSipSoftphone, signIn } from '../../../test/sip/softphone-session.mjs';
import { installBenchDriver } from '../page-driver.mjs';
import { writeReport } from '../report-table.mjs';
import { summarise } from '../statistics.mjs';
import { installSipBenchDriver } from './sip-page-driver.mjs';
import { buildForBench } from '../build-for-bench.mjs';
import { benchHandover } from './handover-bench.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const reportDir = join(root, 'test-results/bench/sip');

/** --name=value command-line options (whole numbers), else the environment, else `fallback`. */
function option(name, environment, fallback) {
    const argument = process.argv.find((each) => each.startsWith(`--${name}=`));
    const text = argument?.slice(name.length + 3) ?? process.env[environment];
    if (text === undefined) {
        return fallback;
    }
    if (!/^\d+$/.test(text)) {
        throw new Error(`--${name} must be a whole number (got "${text}")`);
    }
    return Number(text);
}

const CALLS = option('calls', 'SIP_BENCH_CALLS', 20);
const RESTARTS = option('restarts', 'SIP_BENCH_RESTARTS', 20);
const SEARCH_DELAY_MS = option('search-delay', 'SIP_BENCH_SEARCH_DELAY_MS', 150);
// How long the agent takes to click Answer once the call shows as ringing: a person reacts in
// no less than about 300 ms (the softphone prepares the answer meanwhile); 0 clicks at once.
const ANSWER_AFTER_MS = option('answer-after', 'SIP_BENCH_ANSWER_AFTER_MS', 400);
// The first calls start the fake microphone and warm the JIT: measured but not counted.
const WARM_UP = 2;
const AGENT = { user: 'agent1', password: 'secret' };

const startedAt = new Date();
const progress = (line) =>
    process.stdout.write(`[bench:sip ${Math.round((Date.now() - startedAt) / 1000)}s] ${line}\n`);

/**
 * Runs `step(index)` until CALLS samples were counted after WARM_UP calls; returns the samples
 * and how many were discarded (a step returns null for a sample it cannot trust).
 */
async function repeat(label, session, step) {
    const samples = [];
    let discarded = 0;
    for (let index = -WARM_UP; samples.length < CALLS; index += 1) {
        if (discarded > CALLS) {
            throw new Error(`${label}: more than ${CALLS} samples discarded`);
        }
        const sample = await step(index);
        if (index >= 0 && sample === null) {
            discarded += 1;
        } else if (index >= 0) {
            samples.push(sample);
            if (samples.length % 5 === 0 || samples.length === CALLS) {
                progress(`${label}: ${samples.length}/${CALLS}`);
            }
        }
        // Close the screen pop's tab, clear the console's logs, wait for an idle softphone.
        await session.page.evaluate(() => {
            window.benchDriver.closeTabs();
            window.benchDriver.clearConsoleLogs();
        });
        await session.page.evaluate(() => window.benchDriver.settle(30));
    }
    return { samples, discarded };
}

/** Resolves with sipp's result; a failed scenario is an error (the figures would be wrong). */
async function passed(run) {
    const result = await run.done;
    if (result.code !== 0) {
        throw new Error(`sipp failed (${result.code}):\n${result.errors}\n${result.stdout}`);
    }
    return result;
}

/** The console's Open CTI log: each request's method and receipt time (epoch ms). */
async function hostRequests(session) {
    const activity = await session.page.evaluate(() => window.localConsole.activity());
    return activity
        .filter((entry) => entry.kind === 'opencti' && typeof entry.receivedAt === 'number')
        .map((entry) => ({ method: entry.method, receivedAt: entry.receivedAt }));
}

/** One inbound call: sipp calls the agent, the page answers at once, sipp hangs up. */
async function inboundCall(session, kamailio) {
    await session.page.evaluate((delay) => window.sipBench.armInbound(delay), ANSWER_AFTER_MS);
    const caller = await startSipp({
        scenario: 'uac-call-softphone.xml',
        kamailio,
        service: AGENT.user,
        pauseMs: 100
    });
    const page = await session.page.evaluate(() => window.sipBench.inboundResult());
    const result = await passed(caller);
    await finishWrapUp(session);
    const host = await hostRequests(session);
    const search = host.find((each) => each.method === 'searchAndScreenPop');
    const pop = host.find((each) => each.method === 'screenPop');
    const invite = findMessage(result.messages, { direction: 'sent', method: 'INVITE' });
    const ok = findMessage(result.messages, { direction: 'received', status: 200 });
    // sipp stamps a message after sending it: when it is descheduled in between (a loaded
    // machine), the stamp comes after the softphone already showed the call. Not a sample.
    if (page.ringingAt <= invite.at || !search || !pop) {
        return null;
    }
    return {
        ringing: page.ringingAt - invite.at,
        searchReceived: search.receivedAt - invite.at,
        popped: pop.receivedAt - invite.at,
        answerToOk: ok.at - page.answeredAt
    };
}

/** A number for outbound call `index` that nobody in the sample data has. */
function outboundNumber(index) {
    return `+1415555${String(1000 + index + WARM_UP).slice(-4)}`;
}

/** One outbound call to a busy sipp UAS (486), dialled by `dial`, then Done in the wrap-up. */
async function outboundCall(session, kamailio, dial) {
    const callee = await startSipp({ scenario: 'uas-busy.xml', kamailio, uas: true });
    const page = await dial();
    const result = await passed(callee);
    await finishWrapUp(session);
    const invite = findMessage(result.messages, { direction: 'received', method: 'INVITE' });
    return { calling: page.callingAt - page.clickedAt, invite: invite.at - page.clickedAt };
}

/** Kamailio stopped for 0.5–8 s and started again on the same ports: ms until Connected. */
async function restart(session, kamailio, index) {
    const ports = {
        sipPort: kamailio.sipPort,
        wsPort: kamailio.wsPort,
        gatewayPort: kamailio.gatewayPort
    };
    await kamailio.stop();
    await session.page.evaluate(() => window.sipBench.connectionShown('Reconnecting…', 15_000));
    // Outages of different lengths: the reconnection schedule's phase differs each time.
    await new Promise((resolve) => setTimeout(resolve, 500 + ((index * 1733) % 7500)));
    const next = await startKamailio(ports);
    const back = Date.now();
    const connectedAt = await session.page.evaluate(() =>
        window.sipBench.connectionShown('Connected', 30_000)
    );
    return { kamailio: next, ms: connectedAt - back };
}

/** One blind transfer: sipp calls, the agent answers at once, then clicks Transfer now. */
async function transferCall(session, kamailio) {
    await session.page.evaluate(() => window.sipBench.armInbound());
    const caller = await startSipp({
        scenario: 'uac-call-transfer.xml',
        kamailio,
        service: AGENT.user,
        keys: { final: '200 OK' }
    });
    await session.page.evaluate(() => window.sipBench.inboundResult());
    const { clickedAt } = await session.page.evaluate(
        (target) => window.sipBench.transferClick(target),
        // A phone number: normalised and checked for Do Not Call like a dial, then REFERred.
        '+14155550300'
    );
    const result = await passed(caller);
    await finishWrapUp(session);
    const refer = findMessage(result.messages, { direction: 'received', method: 'REFER' });
    return { clickToRefer: refer.at - clickedAt };
}

async function finishWrapUp(session) {
    const frame = session.phone.frame;
    await frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
    await session.phone.button('Done').click();
    await frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
}

const COLUMNS = ['From → to', 'n', 'Median', 'Max', 'Budget (median)', ''];

function formatRows(rows) {
    const ms = (value) => `${value.toFixed(1)} ms`;
    const cells = rows.map(({ figure, stats, budgetMs }) => [
        figure,
        String(stats.n),
        ms(stats.median),
        ms(stats.max),
        budgetMs === undefined ? '—' : `≤ ${budgetMs} ms`,
        budgetMs === undefined ? '' : stats.median <= budgetMs ? 'within' : 'OVER'
    ]);
    const widths = COLUMNS.map((title, index) =>
        Math.max(title.length, ...cells.map((line) => line[index].length))
    );
    const line = (values) =>
        `| ${values.map((value, index) => value.padEnd(widths[index])).join(' | ')} |`;
    return [
        line(COLUMNS),
        `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
        ...cells.map(line)
    ].join('\n');
}

async function main() {
    const missing = missingSipPrograms();
    if (missing.length > 0) {
        process.stderr.write(
            `not installed: ${missing.join(', ')}. Install with: ${sipInstallCommand}\n`
        );
        return 1;
    }
    buildForBench(progress);
    let kamailio;
    let session;
    const stop = async () => {
        await session?.close();
        await kamailio?.stop();
    };
    // Ctrl-C: stop the browser, the console and Kamailio rather than leave them running.
    process.once('SIGINT', () => void stop().then(() => process.exit(130)));
    try {
        kamailio = await startKamailio();
        session = await openSipSoftphone({
            kamailio,
            settings: {
                'setting.wrapUp.afterCallWorkSeconds': '0',
                'host.delayMs.searchAndScreenPop': String(SEARCH_DELAY_MS)
            }
        });
        await signIn(session, AGENT);
        await session.page.evaluate(installBenchDriver);
        await session.page.evaluate(installSipBenchDriver);
        // As in `npm run bench`: the console's workspace and tools re-render in full on every
        // Open CTI call and LMS message; take them out of layout (their buttons still work).
        await session.page.evaluate(() => {
            for (const id of ['workspace', 'tools', 'console-status']) {
                document.getElementById(id).style.display = 'none';
            }
        });
        progress(
            `Kamailio ${kamailio.webSocketUrl}, ${CALLS} calls each (+${WARM_UP} warm-up), ` +
                `${RESTARTS} restarts, searches answered after ${SEARCH_DELAY_MS} ms, Answer clicked ${ANSWER_AFTER_MS} ms after the ring shows`
        );
        const loadBefore = loadavg()[0];
        const { samples: inbound, discarded } = await repeat('inbound', session, () =>
            inboundCall(session, kamailio)
        );
        const { samples: keypad } = await repeat('keypad dial', session, (index) =>
            outboundCall(session, kamailio, () =>
                session.page.evaluate(
                    (number) => window.sipBench.keypadDial(number),
                    outboundNumber(index)
                )
            )
        );
        const { samples: lms } = await repeat('LMS dial', session, (index) =>
            outboundCall(session, kamailio, () =>
                session.page.evaluate(
                    ([number, requestId]) => window.sipBench.lmsDial(number, requestId),
                    [outboundNumber(index), `bench-sip-dial-${index}`]
                )
            )
        );
        const { samples: transfers } = await repeat('transfer', session, () =>
            transferCall(session, kamailio)
        );
        const handover = await benchHandover({ kamailio, calls: CALLS, warmUp: WARM_UP, progress });
        const restarts = [];
        for (let index = 0; index < RESTARTS; index += 1) {
            const result = await restart(session, kamailio, index);
            kamailio = result.kamailio;
            restarts.push(result.ms);
            progress(
                `restart ${index + 1}/${RESTARTS}: registered ${Math.round(result.ms)} ms after`
            );
        }
        // The Do Not Call check is a search: its host time is part of the dial budget.
        const dialBudget = 50 + SEARCH_DELAY_MS;
        const of = (samples, key) => summarise(samples.map((sample) => sample[key]));
        const rows = [
            { figure: 'INVITE → ringing shown', stats: of(inbound, 'ringing'), budgetMs: 20 },
            {
                figure: 'INVITE → searchAndScreenPop received by the host',
                stats: of(inbound, 'searchReceived'),
                budgetMs: 20
            },
            { figure: 'INVITE → the record popped', stats: of(inbound, 'popped') },
            {
                figure: `Answer click (${ANSWER_AFTER_MS} ms after the ring) → 200 OK at the caller`,
                stats: of(inbound, 'answerToOk'),
                budgetMs: 30
            },
            {
                figure: 'Keypad Call click → "Calling…" shown',
                stats: of(keypad, 'calling'),
                budgetMs: 20
            },
            {
                figure: `Keypad Call click → INVITE at the far end (50 ms + ${SEARCH_DELAY_MS} ms DNC search)`,
                stats: of(keypad, 'invite'),
                budgetMs: dialBudget
            },
            {
                figure: 'LMS dial → "Calling…" shown',
                stats: of(lms, 'calling'),
                budgetMs: 20
            },
            {
                figure: `LMS dial → INVITE at the far end (50 ms + ${SEARCH_DELAY_MS} ms DNC search)`,
                stats: of(lms, 'invite'),
                budgetMs: dialBudget
            },
            {
                figure: 'Blind transfer: Transfer now click → REFER at sipp',
                stats: summarise(transfers.map((sample) => sample.clickToRefer))
            },
            {
                figure: 'Blind transfer on the connector: request → REFER at sipp',
                stats: summarise(handover.transferToRefer)
            },
            {
                figure: 'Merge: request → mixed audio running (caller and agent hear the party)',
                stats: summarise(handover.mergeToAudible)
            },
            {
                figure: '  of which the merge request resolved (held call resumed, mixer built)',
                stats: summarise(handover.mergeResolved)
            }
        ];
        process.stdout.write(`\n${formatRows(rows)}\n\n`);
        const reRegistration = restarts.length > 0 ? summarise(restarts) : undefined;
        if (reRegistration) {
            process.stdout.write(
                `${formatRows([
                    {
                        figure: `Server back → registered, over ${restarts.length} restarts (budget: the slowest)`,
                        stats: reRegistration,
                        budgetMs: undefined
                    }
                ])}\n` +
                    `Slowest ${reRegistration.max.toFixed(0)} ms: ${reRegistration.max <= 5000 ? 'within' : 'OVER'} the 5000 ms budget.\n\n`
            );
        }
        process.stdout.write(
            `${cpus().length} CPUs, load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}` +
                (discarded > 0
                    ? `; ${discarded} inbound call(s) redone: sipp stamped the INVITE after the softphone showed it (sipp descheduled between send and stamp), or the host saw no search`
                    : '') +
                '\n'
        );
        const path = writeReport(reportDir, {
            startedAt: startedAt.toISOString(),
            machine: { cpus: cpus().length, loadavg: loadavg() },
            calls: CALLS,
            warmUp: WARM_UP,
            searchDelayMs: SEARCH_DELAY_MS,
            answerAfterMs: ANSWER_AFTER_MS,
            discardedInbound: discarded,
            rows,
            reRegistration,
            samples: { inbound, keypad, lms, transfers, handover, restarts }
        });
        process.stdout.write(`Report: ${path}\n`);
        return 0;
    } finally {
        await stop();
    }
}

main().then(
    (code) => process.exit(code),
    (error) => {
        process.stderr.write(`bench:sip failed: ${error.stack ?? error}\n`);
        process.exit(1);
    }
);
