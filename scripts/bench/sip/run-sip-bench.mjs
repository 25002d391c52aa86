/* global window, document */
// `npm run bench:sip`: the softphone on the SIP connector in the local console (headless
// Chromium, fake microphone), registered with a test Kamailio on loopback, and sipp calling it
// and being called by it. Builds, then prints the median (and spread) over 20 calls of:
// - inbound, from the INVITE leaving sipp: the softphone showing the ringing call, its
//   screen-pop request (searchAndScreenPop) reaching the console, and the 200 OK reaching sipp
//   (the agent answers the moment the call shows: the driver clicks Answer inside the page);
// - outbound, from the click on the console's LMS Send (an LWC's `dial`) to the INVITE
//   reaching sipp;
// - blind transfer, from the click on Transfer now to the REFER reaching sipp;
// - on the connector's test page (handover-bench.mjs): the transfer request → REFER, and the
//   merge request → the mixed audio running (the mix lives in the softphone's frame, out of
//   the bench's reach there).
// Page times are wall-clock (performance.now() moved onto Date.now()), sipp's come from its
// message trace; both read the same system clock. Writes test-results/bench/sip/ JSON too.
// Exit code 1 when a program is missing or a call fails; timings are results, never failures.
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
const CALLS = Number(process.env.SIP_BENCH_CALLS ?? 20);
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

/** One inbound call: sipp calls the agent, the page answers at once, sipp hangs up. */
async function inboundCall(session, kamailio) {
    await session.page.evaluate(() => window.sipBench.armInbound());
    const caller = await startSipp({
        scenario: 'uac-call-softphone.xml',
        kamailio,
        service: AGENT.user,
        pauseMs: 100
    });
    const page = await session.page.evaluate(() => window.sipBench.inboundResult());
    const result = await passed(caller);
    await finishWrapUp(session);
    const invite = findMessage(result.messages, { direction: 'sent', method: 'INVITE' });
    const ok = findMessage(result.messages, { direction: 'received', status: 200 });
    // sipp stamps a message after sending it: when it is descheduled in between (a loaded
    // machine), the stamp comes after the softphone already showed the call. Not a sample.
    if (page.ringingAt <= invite.at) {
        return null;
    }
    return {
        ringing: page.ringingAt - invite.at,
        screenPopRequest: page.screenPopAt - invite.at,
        ok: ok.at - invite.at,
        answerToOk: ok.at - page.answeredAt
    };
}

/** One outbound call: an LMS dial to a busy sipp UAS (486), then Done in the wrap-up. */
async function outboundCall(session, kamailio, index) {
    const callee = await startSipp({ scenario: 'uas-busy.xml', kamailio, uas: true });
    const page = await session.page.evaluate(
        ([number, requestId]) => window.sipBench.lmsDial(number, requestId),
        [`+1415555${String(1000 + index + WARM_UP).slice(-4)}`, `bench-sip-dial-${index}`]
    );
    const result = await passed(callee);
    await finishWrapUp(session);
    const invite = findMessage(result.messages, { direction: 'received', method: 'INVITE' });
    return { clickToInvite: invite.at - page.clickedAt };
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
        '5550100300'
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

const COLUMNS = ['Figure', 'Calls', 'Median', 'p90', 'Min', 'Max'];

function formatRows(rows) {
    const ms = (value) => `${value.toFixed(1)} ms`;
    const cells = rows.map(({ figure, stats }) => [
        figure,
        String(stats.n),
        ms(stats.median),
        ms(stats.p90),
        ms(stats.min),
        ms(stats.max)
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
            settings: { 'setting.wrapUp.afterCallWorkSeconds': '0' }
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
            `Kamailio ${kamailio.webSocketUrl}, ${CALLS} calls each way (+${WARM_UP} warm-up)`
        );
        const loadBefore = loadavg()[0];
        const { samples: inbound, discarded } = await repeat('inbound', session, () =>
            inboundCall(session, kamailio)
        );
        const { samples: outbound } = await repeat('outbound', session, (index) =>
            outboundCall(session, kamailio, index)
        );
        const { samples: transfers } = await repeat('transfer', session, () =>
            transferCall(session, kamailio)
        );
        const handover = await benchHandover({ kamailio, calls: CALLS, warmUp: WARM_UP, progress });
        const rows = [
            {
                figure: 'Inbound: INVITE leaves sipp → ringing shown',
                stats: summarise(inbound.map((sample) => sample.ringing))
            },
            {
                figure: 'Inbound: INVITE leaves sipp → screen-pop request issued',
                stats: summarise(inbound.map((sample) => sample.screenPopRequest))
            },
            {
                figure: 'Inbound: INVITE leaves sipp → 200 OK at sipp (answered on sight)',
                stats: summarise(inbound.map((sample) => sample.ok))
            },
            {
                figure: '  of which Answer click → 200 OK at sipp',
                stats: summarise(inbound.map((sample) => sample.answerToOk))
            },
            {
                figure: 'Outbound: LMS dial click → INVITE at sipp',
                stats: summarise(outbound.map((sample) => sample.clickToInvite))
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
        process.stdout.write(
            `${cpus().length} CPUs, load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}` +
                (discarded > 0
                    ? `; ${discarded} inbound call(s) redone: sipp stamped the INVITE after the softphone showed it (sipp descheduled between send and stamp)`
                    : '') +
                '\n'
        );
        const path = writeReport(reportDir, {
            startedAt: startedAt.toISOString(),
            machine: { cpus: cpus().length, loadavg: loadavg() },
            calls: CALLS,
            warmUp: WARM_UP,
            discardedInbound: discarded,
            rows,
            samples: { inbound, outbound, transfers, handover }
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
