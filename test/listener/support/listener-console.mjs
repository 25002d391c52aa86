// The listener end to end in a browser: the built bridge, the local console with the softphone
// set to connectorType=listener, and the driver the browser tests use. Shared by the listener
// browser suites.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findSystemProgram } from '../../support/system-programs.mjs';
import { browserTestOptions } from '../../browser/support/browser-test.mjs';
import {
    chromiumFlags,
    screenshotDir,
    startLocalConsoleServer,
    withLayout
} from '../../browser/support/local-console-session.mjs';
import { softphoneDriver } from '../../browser/support/softphone-driver.mjs';
import { root, startBridge } from './listener-bridge-process.mjs';

const staticResource = join(root, 'force-app/main/default/staticresources/softphone');

/** Whether the built softphone has the listener sign-in form these suites drive. */
function softphoneHasListenerWiring() {
    const scripts = [];
    const walk = (dir) => {
        for (const name of readdirSync(dir)) {
            const path = join(dir, name);
            if (statSync(path).isDirectory()) {
                walk(path);
            } else if (name.endsWith('.js')) {
                scripts.push(path);
            }
        }
    };
    try {
        walk(staticResource);
    } catch {
        return false;
    }
    return scripts.some((path) => readFileSync(path, 'utf8').includes('Listener token'));
}

/** node:test options: skipped (saying why) without Chromium or the softphone's listener form. */
export function listenerBrowserTestOptions() {
    const browser = browserTestOptions();
    if (browser.skip) {
        return browser;
    }
    if (!softphoneHasListenerWiring()) {
        return {
            skip: 'the built softphone has no listener sign-in form yet (wire connectorType=listener in src/softphone/main.ts)'
        };
    }
    return browser;
}

/**
 * Starts a bridge and opens the console with the softphone on it; `settings` adds call-center
 * overrides (`setting.<section>.<item>` → value). close() stops everything.
 */
export async function openListenerConsole(settings = {}) {
    const bridge = await startBridge();
    const server = await startLocalConsoleServer();
    const profile = mkdtempSync(join(tmpdir(), 'softphone-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: findSystemProgram('chromium'),
        args: chromiumFlags,
        viewport: { width: 1400, height: 900 }
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    const query = new URLSearchParams({
        'setting.connector.connectorType': 'listener',
        'setting.connector.listenerUrl': bridge.wsUrl,
        ...settings
    });
    await page.goto(`${server.url}?${withLayout(query)}`);
    await page.evaluate(() => window.localConsole.ready);
    const session = {
        page,
        softphone: () => page.frameLocator('[data-testid="softphone-frame"]'),
        hook: (expression, arg) => page.evaluate(expression, arg)
    };
    const phone = softphoneDriver(session);
    return {
        bridge,
        page,
        pageErrors,
        session,
        phone,
        /** The agent becomes Available once the connector is connected: polls the Status field. */
        async waitForAgentState(state, timeoutMs = 10_000) {
            const deadline = Date.now() + timeoutMs;
            let current = await phone.agentState();
            while (current !== state) {
                if (Date.now() > deadline) {
                    assert.equal(current, state);
                }
                await new Promise((resolve) => setTimeout(resolve, 100));
                current = await phone.agentState();
            }
        },
        async screenshot(name) {
            mkdirSync(screenshotDir, { recursive: true });
            await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
        },
        async close() {
            await context.close();
            server.stop();
            await bridge.stop();
            rmSync(profile, { recursive: true, force: true });
        }
    };
}
