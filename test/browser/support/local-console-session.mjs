// Starts the built local console on a free port and opens it in headless Chromium: the harness
// every browser test shares. Screenshots go to test-results/screenshots/.
// A test file's process keeps one Chromium and one console server (per set of server options)
// for all its suites: each suite gets a browser context of its own (its own storage, Web Locks
// and BroadcastChannel, as a fresh profile had), without paying for a browser and a server start
// each time. Both go once the last session closes and no other suite opens one right after.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findSystemProgram } from '../../support/system-programs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const screenshotDir = join(root, 'test-results/screenshots');

export const chromiumFlags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

/**
 * How often a wait in the page checks again. Playwright's default checks on every animation
 * frame, which keeps the page producing frames (CPU) for as long as the wait lasts.
 */
const POLL_MS = 50;

/**
 * Starts `dist/local-console/server.mjs` on a free port (with `serverArgs`, e.g.
 * --cache-static-resources); resolves with its URL and a stop().
 */
export function startLocalConsoleServer(serverArgs = []) {
    return new Promise((resolve, reject) => {
        const server = spawn(
            process.execPath,
            [join(root, 'dist/local-console/server.mjs'), '--port', '0', ...serverArgs],
            {
                cwd: root,
                stdio: ['ignore', 'pipe', 'pipe']
            }
        );
        let output = '';
        // A server starts in well under a second; on a machine busy with other browser files
        // (npm test runs several at once) its first line has been seen to take over 10 s.
        const timeout = setTimeout(() => {
            server.kill();
            reject(new Error(`local console did not start: ${output}`));
        }, 30_000);
        const onData = (chunk) => {
            output += chunk;
            const match = output.match(/Local console: (http:\/\/127\.0\.0\.1:\d+\/)/);
            if (match) {
                clearTimeout(timeout);
                // A process that exits before stopping it (Ctrl-C, process.exit) still does.
                const stop = () => {
                    process.off('exit', stop);
                    server.kill();
                };
                process.on('exit', stop);
                resolve({ url: match[1], stop });
            }
        };
        server.stdout.on('data', onData);
        server.stderr.on('data', (chunk) => (output += chunk));
        server.on('exit', (code) => {
            clearTimeout(timeout);
            reject(new Error(`local console exited with ${code}: ${output}`));
        });
    });
}

/**
 * One thing (a browser, a server) shared by whoever holds it: `acquire()` starts it on first use
 * and resolves with it; `release()` stops it in the background once nobody holds it, unless
 * someone acquires it again within a moment (the next suite of the same file, whose hooks run
 * straight after the previous suite's). A stop that comes early only costs a restart.
 */
function sharedResource(start, stop) {
    let current;
    let holders = 0;
    let idleTimer;
    return {
        acquire() {
            clearTimeout(idleTimer);
            holders += 1;
            current ??= start().catch((error) => {
                current = undefined;
                throw error;
            });
            return current.catch((error) => {
                holders -= 1;
                throw error;
            });
        },
        release() {
            holders -= 1;
            if (holders > 0 || !current) {
                return;
            }
            const stopping = current;
            idleTimer = setTimeout(() => {
                if (holders === 0 && current === stopping) {
                    current = undefined;
                    void stopping.then(stop).catch(() => undefined);
                }
            }, 50);
        }
    };
}

const sharedBrowser = sharedResource(
    () =>
        chromium.launch({
            executablePath: findSystemProgram('chromium'),
            args: chromiumFlags
        }),
    (browser) => browser.close()
);
/** One console server per set of server arguments. */
const sharedServers = new Map();
function sharedServer(serverArgs) {
    const key = JSON.stringify(serverArgs);
    if (!sharedServers.has(key)) {
        sharedServers.set(
            key,
            sharedResource(
                () => startLocalConsoleServer(serverArgs),
                (server) => server.stop()
            )
        );
    }
    return sharedServers.get(key);
}

/**
 * The console plays a fresh org's softphone layout by default, which returns no Do Not Call flag,
 * so every call to a Contact or Lead is refused (dialing/doNotCallCheckFailure Block). Suites
 * that do not test the layout run with one that shows everything (`layout=full`); a suite that
 * does names its own `layout=`.
 */
export function withLayout(query) {
    const params = new URLSearchParams(query);
    return params.has('layout') ? query : [query, 'layout=full'].filter(Boolean).join('&');
}

/**
 * Opens the console (with optional query, e.g. 'setting.wrapUp.afterCallWorkSeconds=0') and
 * waits until the softphone inside it has started (`expectStart: false`: only until it reports
 * itself initialised, for a softphone meant to refuse its settings). `openTab()` opens the console
 * once more in the same browser context: another Salesforce tab, whose softphone follows the
 * first one's. `fakeClock: true` installs Playwright's clock in every page and frame of the
 * context before they load: time still runs as usual, and `session.clock.runFor(ms)` runs the
 * next `ms` of it at once, every timer in it firing in order (a wait a test is not about, such as
 * a countdown's seconds, without spending them).
 */
export async function openLocalConsole({
    query = '',
    expectStart = true,
    serverArgs = [],
    fakeClock = false
} = {}) {
    const servers = sharedServer(serverArgs);
    const held = [servers, sharedBrowser];
    const [serverResult, browserResult] = await Promise.allSettled(
        held.map((resource) => resource.acquire())
    );
    let context;
    let closed = false;
    const close = async () => {
        if (closed) {
            return;
        }
        closed = true;
        await context?.close();
        for (const [index, result] of [serverResult, browserResult].entries()) {
            if (result.status === 'fulfilled') {
                held[index].release();
            }
        }
    };
    try {
        for (const result of [serverResult, browserResult]) {
            if (result.status === 'rejected') {
                throw result.reason;
            }
        }
        context = await browserResult.value.newContext({ viewport: { width: 1400, height: 900 } });
        if (fakeClock) {
            await context.clock.install();
        }
        const url = `${serverResult.value.url}?${withLayout(query)}`;
        const first = await openConsoleTab(await context.newPage(), url, { expectStart });
        return {
            ...first,
            clock: fakeClock ? context.clock : undefined,
            openTab: async () => openConsoleTab(await context.newPage(), url),
            close
        };
    } catch (error) {
        await close();
        throw error;
    }
}

/** Loads the console at `url` in `page` and waits for its softphone: one Salesforce tab. */
export async function openConsoleTab(page, url, { expectStart = true } = {}) {
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(url);
    await page.evaluate(() => window.localConsole.ready);
    if (expectStart) {
        await waitForSoftphone(page);
    } else {
        // A softphone that cannot start (wrong settings) still tells Salesforce it is initialised.
        await page.waitForFunction(() => window.localConsole.utility().initialised, null, {
            polling: POLL_MS,
            timeout: 15_000
        });
    }
    return {
        page,
        pageErrors,
        softphone: () => page.frameLocator('[data-testid="softphone-frame"]'),
        hook: (expression, arg) => page.evaluate(expression, arg),
        async screenshot(name) {
            mkdirSync(screenshotDir, { recursive: true });
            await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
        },
        /** Closes this tab as an agent would (the page's lock and channel go with it). */
        closeTab: () => page.close()
    };
}

/**
 * Waits for the softphone (after a load or a reload) to report itself initialised and to have
 * finished starting: connected (or failed to), showing its sign-in form, following another
 * tab, or unable to start (a wrong setting, shown in the softphone). It reports ready to Salesforce while still connecting, so initialised alone is too early.
 */
export async function waitForSoftphone(page) {
    await page.waitForFunction(
        () => {
            const frame = document.querySelector('[data-testid="softphone-frame"]');
            const root = frame?.contentDocument?.getElementById('softphone-root');
            return (
                window.localConsole.utility().initialised &&
                ['started', 'signing-in', 'following', 'failed'].includes(
                    root?.dataset.softphone ?? ''
                )
            );
        },
        null,
        { polling: POLL_MS, timeout: 15_000 }
    );
}
