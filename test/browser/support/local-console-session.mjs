// Starts the built local console on a free port and opens it in headless Chromium: the harness
// every browser test shares. Screenshots go to test-results/screenshots/.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
        const timeout = setTimeout(() => {
            server.kill();
            reject(new Error(`local console did not start: ${output}`));
        }, 10_000);
        const onData = (chunk) => {
            output += chunk;
            const match = output.match(/Local console: (http:\/\/127\.0\.0\.1:\d+\/)/);
            if (match) {
                clearTimeout(timeout);
                resolve({ url: match[1], stop: () => server.kill() });
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
 * itself initialised, for a softphone meant to refuse its settings). `openTab()` opens the console once more in
 * the same browser profile: another Salesforce tab, whose softphone follows the first one's.
 */
export async function openLocalConsole({ query = '', expectStart = true, serverArgs = [] } = {}) {
    const server = await startLocalConsoleServer(serverArgs);
    const profile = mkdtempSync(join(tmpdir(), 'softphone-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: findSystemProgram('chromium'),
        args: chromiumFlags,
        viewport: { width: 1400, height: 900 }
    });
    const url = `${server.url}?${withLayout(query)}`;
    const first = await openConsoleTab(context.pages()[0] ?? (await context.newPage()), url, {
        expectStart
    });
    return {
        ...first,
        openTab: async () => openConsoleTab(await context.newPage(), url),
        async close() {
            await context.close();
            server.stop();
            rmSync(profile, { recursive: true, force: true });
        }
    };
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
        { timeout: 15_000 }
    );
}
