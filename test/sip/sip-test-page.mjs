// Opens the SIP test page (page/sip-test-page.mjs, bundled with esbuild into a temporary
// directory) in headless Chromium and drives window.sipTest from Node.
import { build, stop as stopEsbuild } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { jssipTrimPlugin } from '../../scripts/jssip-trim-plugin.mjs';
import { chromiumFlags } from '../browser/support/local-console-session.mjs';
import { childProcessGroups, sipPrograms } from './sip-rig.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The browser tests' flags, plus a fake microphone that needs no permission prompt (WebRTC). */
export const sipChromiumFlags = [
    ...chromiumFlags,
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    // The agent has clicked (Answer, Merge) before audio plays; headless has no clicks.
    '--autoplay-policy=no-user-gesture-required'
];

const pageHtml = '<!doctype html><title>SIP test</title><script src="/sip-test-page.js"></script>';

/**
 * Serves the page from a real loopback server: an http://127.0.0.1 origin is a secure context
 * (getUserMedia works), and Chromium's local network access checks let a loopback page open a
 * WebSocket to loopback. (A page fulfilled by Playwright's router has no address space, and
 * its WebSocket to 127.0.0.1 is blocked: ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS.)
 */
function servePage(script) {
    const server = createServer((request, response) => {
        const isScript = request.url === '/sip-test-page.js';
        response.writeHead(200, {
            'content-type': isScript ? 'text/javascript' : 'text/html',
            'cache-control': 'no-store'
        });
        response.end(isScript ? script : pageHtml);
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            resolve({
                origin: `http://127.0.0.1:${server.address().port}`,
                close: () => new Promise((done) => server.close(() => done()))
            });
        });
    });
}

/** Bundles the test page; returns its JavaScript. */
export async function bundleSipTestPage() {
    const outDir = mkdtempSync(join(tmpdir(), 'sip-test-page-'));
    try {
        const outfile = join(outDir, 'sip-test-page.js');
        await build({
            entryPoints: [join(here, 'page/sip-test-page.mjs')],
            outfile,
            bundle: true,
            format: 'iife',
            target: ['chrome109'],
            // JsSIP as the softphone ships it (scripts/build.mjs): the connector's tests run on
            // the parts the build leaves in.
            plugins: [jssipTrimPlugin(join(here, '../..'))],
            logLevel: 'warning'
        });
        return readFileSync(outfile, 'utf8');
    } finally {
        // esbuild keeps a service process running for later builds: the test starts none.
        await stopEsbuild();
        rmSync(outDir, { recursive: true, force: true });
    }
}

/**
 * Launches Chromium on the bundled page. Resolves with the page, `call(name, ...args)` for
 * window.sipTest's controls, `waitForEvent(match)` and close().
 */
export async function openSipTestPage({ script }) {
    const server = await servePage(script);
    const groupsBefore = new Set(childProcessGroups());
    const browser = await chromium.launch({
        executablePath: sipPrograms().chromium,
        args: sipChromiumFlags
    });
    const processGroups = childProcessGroups().filter((group) => !groupsBefore.has(group));
    const controller = await openPageIn(browser, server.origin);
    return {
        ...controller,
        /** Chromium's process groups, for the leftover check (reapLeftovers). */
        processGroups,
        /**
         * Another page (its own browser context, so its own SIP user agent) in the same
         * browser: a second softphone, e.g. a far end with a real media path.
         */
        openAnotherPage: () => openPageIn(browser, server.origin),
        async close() {
            await browser.close();
            await server.close();
        }
    };
}

/** A fresh context and page on the test page; resolves with the page's controls. */
async function openPageIn(browser, origin) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.sipTest !== undefined);
    return {
        page,
        pageErrors,
        /** Calls window.sipTest[name](...args) in the page. */
        call: (name, ...args) =>
            page.evaluate(([method, params]) => window.sipTest[method](...params), [name, args]),
        events: () => page.evaluate(() => window.sipTest.events),
        logs: () => page.evaluate(() => window.sipTest.logs),
        /** The duration of the last getUserMedia (ms). */
        lastMicrophoneMs: () => page.evaluate(() => window.sipTest.microphoneMs.at(-1)),
        /**
         * Waits for the first ConnectorEvent (from index `from` on) whose fields equal `match`'s;
         * resolves with it (plus `at`, the page's Date.now()).
         */
        async waitForEvent(match, { from = 0, timeoutMs = 10_000 } = {}) {
            const handle = await page
                .waitForFunction(
                    ([wanted, start]) =>
                        window.sipTest.events
                            .slice(start)
                            .find((event) =>
                                Object.entries(wanted).every(([key, value]) => event[key] === value)
                            ),
                    [match, from],
                    { timeout: timeoutMs, polling: 5 }
                )
                .catch(async (error) => {
                    const seen = await page.evaluate(() => window.sipTest.events);
                    throw new Error(
                        `No event like ${JSON.stringify(match)}; seen: ${JSON.stringify(seen)}`,
                        { cause: error }
                    );
                });
            return handle.jsonValue();
        }
    };
}
