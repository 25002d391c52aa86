// The built softphone in the local console, set to the SIP connector against a test Kamailio:
// the browser tests' harness (local console server, waitForSoftphone, softphoneDriver) in a
// Chromium with a fake microphone, which openLocalConsole does not start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
    openConsoleTab,
    startLocalConsoleServer,
    withLayout
} from '../browser/support/local-console-session.mjs';
import { softphoneDriver } from '../browser/support/softphone-driver.mjs';
import { childProcessGroups, sipPrograms } from './sip-rig.mjs';
import { sipChromiumFlags } from './sip-test-page.mjs';

/** The console URL parameters that point the softphone at `kamailio` (plus `extra`). */
export function sipConsoleQuery(kamailio, extra = {}) {
    return new URLSearchParams({
        'setting.connector.connectorType': 'sip',
        'setting.connector.sipWebSocketUrl': kamailio.webSocketUrl,
        'setting.connector.sipDomain': '127.0.0.1',
        ...extra
    }).toString();
}

/**
 * Starts the local console and opens it in headless Chromium with the softphone on the SIP
 * connector; resolves once the softphone initialised (it then shows its sign-in form). The
 * session has what the browser tests' softphoneDriver needs (page, softphone(), hook()), the
 * driver as `phone`, the Chromium process groups (`processGroups`, for the leftover check),
 * openTab() (another tab of the browser) and close(). Whatever was started is stopped again
 * when opening fails.
 */
export async function openSipSoftphone({ kamailio, settings = {} }) {
    const server = await startLocalConsoleServer();
    const profile = mkdtempSync(join(tmpdir(), 'softphone-sip-chromium-'));
    let context;
    const close = async () => {
        await context?.close();
        server.stop();
        rmSync(profile, { recursive: true, force: true });
    };
    try {
        const groupsBefore = new Set(childProcessGroups());
        context = await chromium.launchPersistentContext(profile, {
            executablePath: sipPrograms().chromium,
            args: sipChromiumFlags,
            viewport: { width: 1400, height: 900 }
        });
        const processGroups = childProcessGroups().filter((group) => !groupsBefore.has(group));
        const url = `${server.url}?${withLayout(sipConsoleQuery(kamailio, settings))}`;
        const first = await openTab(context.pages()[0] ?? (await context.newPage()), url);
        return {
            ...first,
            processGroups,
            close,
            /** The console in another tab of the same browser: its softphone follows the first. */
            openTab: async () => openTab(await context.newPage(), url)
        };
    } catch (error) {
        await close();
        throw error;
    }
}

async function openTab(page, url) {
    const tab = await openConsoleTab(page, url);
    return { ...tab, phone: softphoneDriver(tab) };
}

/** The softphone header's connection badge and connector label, e.g. ['Connected', 'SIP (…)']. */
export async function connectionHeader(session) {
    const header = session.phone.frame.locator('.softphone-header__connection');
    return [
        (await header.locator('.slds-badge').innerText()).trim(),
        (await header.locator('.softphone-header__connector').innerText()).trim()
    ];
}

/** Waits for the header's connection badge to read `label` (e.g. 'Connected'). */
export async function waitForConnection(session, label, timeoutMs = 15_000) {
    await session.phone.frame
        .locator('.softphone-header__connection .slds-badge', { hasText: label })
        .waitFor({ timeout: timeoutMs });
}

/** Fills the SIP sign-in form, presses Connect and waits until the softphone is registered. */
export async function signIn(session, { user, password }) {
    const frame = session.phone.frame;
    await frame.getByLabel('SIP user', { exact: true }).waitFor({ timeout: 15_000 });
    await frame.getByLabel('SIP user', { exact: true }).fill(user);
    await frame.getByLabel('SIP password', { exact: true }).fill(password);
    await session.phone.button('Connect').click();
    await waitForConnection(session, 'Connected');
}
