// Call data from the generic listener (issue 21): the phone system's extra pairs drive the
// screen pop (an account number the IVR collected pops the account; a Billing call with no number
// pops a screen flow with the pairs as its arguments), show in the softphone as the admin marks
// them, and land on the Phone_Call__c. Runs the built bridge and softphone like
// listener-softphone.browser.test.mjs.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { findSystemProgram } from '../support/system-programs.mjs';
import { browserTestOptions } from '../browser/support/browser-test.mjs';
import {
    chromiumFlags,
    screenshotDir,
    startLocalConsoleServer,
    waitForSoftphone
} from '../browser/support/local-console-session.mjs';
import { SAMPLE, softphoneDriver, waitForRecords } from '../browser/support/softphone-driver.mjs';
import { TOKENS, getEvent, root, sign, startBridge } from './support/listener-bridge-process.mjs';

const staticResource = join(root, 'force-app/main/default/staticresources/softphone');

/** Whether the built softphone has the listener sign-in form this test drives. */
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

function options() {
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

describe('call data from the listener connector in the local console', options(), () => {
    let bridge;
    let server;
    let context;
    let profile;
    let page;
    let session;
    let phone;
    const pageErrors = [];

    before(async () => {
        bridge = await startBridge();
        server = await startLocalConsoleServer();
        profile = mkdtempSync(join(tmpdir(), 'softphone-chromium-'));
        context = await chromium.launchPersistentContext(profile, {
            executablePath: findSystemProgram('chromium'),
            args: chromiumFlags,
            viewport: { width: 1400, height: 900 }
        });
        page = context.pages()[0] ?? (await context.newPage());
        page.on('pageerror', (error) => pageErrors.push(error));
        const query = new URLSearchParams({
            'setting.connector.connectorType': 'listener',
            'setting.connector.listenerUrl': bridge.wsUrl,
            'setting.wrapUp.afterCallWorkSeconds': '0',
            'setting.callData.popRules':
                'AccountNumber? search; Queue=Billing flow Billing_Call_Screen',
            'setting.callData.visibleKeys': 'Queue=Queue, AccountNumber=Account'
        });
        await page.goto(`${server.url}?${query}`);
        await page.evaluate(() => window.localConsole.ready);
        session = {
            page,
            softphone: () => page.frameLocator('[data-testid="softphone-frame"]'),
            hook: (expression, arg) => page.evaluate(expression, arg)
        };
        phone = softphoneDriver(session);
    });

    after(async () => {
        await context?.close();
        server?.stop();
        await bridge?.stop();
        if (profile) {
            rmSync(profile, { recursive: true, force: true });
        }
    });

    /** The agent becomes Available once the connector is connected: poll the Status field. */
    async function waitForAgentState(state, timeoutMs = 10_000) {
        const deadline = Date.now() + timeoutMs;
        let current = await phone.agentState();
        while (current !== state) {
            if (Date.now() > deadline) {
                assert.equal(current, state);
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
            current = await phone.agentState();
        }
    }

    async function screenshot(name) {
        mkdirSync(screenshotDir, { recursive: true });
        await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
    }

    async function signIn() {
        const frame = phone.frame;
        await frame.getByLabel('Agent id', { exact: true }).waitFor({ timeout: 15_000 });
        await frame.getByLabel('Agent id', { exact: true }).fill('agent1');
        await frame.getByLabel('Listener token', { exact: true }).fill(TOKENS.agent1);
        await phone.button('Connect').click();
        await waitForSoftphone(page);
        await waitForAgentState('Available');
    }

    async function callEvent(fields) {
        const query = new URLSearchParams({ agent: 'agent1', ...fields }).toString();
        const sent = await getEvent(bridge, query, sign(query));
        assert.equal(sent.status, 200);
    }

    it('an account number in the extra pairs pops the account; the log has the queue and the data', async () => {
        await signIn();
        const [account] = (await session.hook(() => window.localConsole.records('Account'))).filter(
            (record) => record.AccountNumber === '10442'
        );
        await callEvent({
            type: 'ringing',
            callid: 'pbx-data-1',
            ani: SAMPLE.unknownNumber,
            dnis: '+18005550142',
            AccountNumber: '10442',
            Queue: 'Support',
            RecordingUrl: 'https://recordings.example.com/pbx-data-1.wav',
            Branch: 'Oakland'
        });
        await page.waitForFunction(
            (id) => window.localConsole.openTabs().some((tab) => tab.active && tab.recordId === id),
            account.Id
        );
        const details = phone.frame.locator('.softphone-call__details').first();
        await details.getByText('10442').waitFor();
        assert.match(
            (await details.innerText()).replace(/\s+/g, ' '),
            /Queue:? ?Support.*Account:? ?10442/
        );
        await screenshot('listener-call-data-01-account-popped');

        await callEvent({ type: 'answered', callid: 'pbx-data-1' });
        await phone.waitForCallState('Connected');
        await callEvent({ type: 'ended', callid: 'pbx-data-1' });
        const [log] = await waitForRecords(session, 'Phone_Call__c', (records) =>
            records.some((record) => record.Provider_Call_Id__c === 'pbx-data-1')
        );
        assert.equal(log.Queue__c, 'Support');
        assert.equal(log.Dialled_Number__c, '+18005550142');
        assert.equal(log.Recording_URL__c, 'https://recordings.example.com/pbx-data-1.wav');
        assert.equal(log.Account__c, account.Id);
        assert.deepEqual(JSON.parse(log.Call_Data__c), {
            AccountNumber: '10442',
            Branch: 'Oakland'
        });
    });

    it('a Billing call without an account number pops the screen flow with the call data', async () => {
        await callEvent({
            type: 'ringing',
            callid: 'pbx-data-2',
            ani: SAMPLE.unknownNumber,
            Queue: 'Billing',
            Reason: 'Invoice'
        });
        // Offered during the last call's wrap-up: the pop waits for the answer (as for any caller).
        await callEvent({ type: 'answered', callid: 'pbx-data-2' });
        await page.waitForFunction(() =>
            window.localConsole.openTabs().some((tab) => tab.active && tab.kind === 'flow')
        );
        const flow = (await session.hook(() => window.localConsole.openTabs())).find(
            (tab) => tab.kind === 'flow'
        );
        assert.equal(flow.flowDevName, 'Billing_Call_Screen');
        assert.deepEqual(flow.flowArgs, [
            { name: 'Queue', type: 'String', value: 'Billing' },
            { name: 'Reason', type: 'String', value: 'Invoice' }
        ]);
        await screenshot('listener-call-data-02-flow-popped');
        await callEvent({ type: 'ended', callid: 'pbx-data-2' });
        assert.deepEqual(pageErrors, []);
    });
});
