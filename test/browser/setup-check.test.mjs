// Check setup in the local console: each check passes when the org and the browser are right,
// and each one the console can break shows fail or warning with its fix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { softphoneAxeViolations } from './support/axe.mjs';
import { browserTestOptions } from './support/browser-test.mjs';
import { consolePerSuite, reloadSoftphone } from './support/console-suite.mjs';
import { sendAsLwc } from './support/lms-panel.mjs';
import { waitForRecords } from './support/softphone-driver.mjs';

/** The Check setup panel as the admin scrolls through it: its top, then its end. */
async function screenshotPanel(session, panel, name) {
    await panel.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await session.screenshot(`${name}-top`);
    await panel.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await session.screenshot(`${name}-end`);
}

/** Opens Check setup from the diagnostics area and waits for its results. */
async function openCheckSetup(session) {
    const frame = session.softphone();
    await frame.getByRole('button', { name: 'Check setup' }).click();
    const panel = frame.getByRole('region', { name: 'Check setup' });
    await frame.locator('section[data-setup-check="done"]').waitFor();
    return panel;
}

async function statusOf(panel, id) {
    return panel.locator(`[data-check="${id}"]`).getAttribute('data-status');
}

async function textOf(panel, id) {
    return panel.locator(`[data-check="${id}"]`).innerText();
}

describe('Check setup with a fresh org layout', browserTestOptions(), () => {
    let session;

    consolePerSuite({ query: 'layout=fresh-org' }, (opened) => ({ session } = opened));

    it('warns the admin at start that the Outbound section lacks Do Not Call, naming the Setup page', async () => {
        const notice = session
            .softphone()
            .getByText('For admins: the softphone layout is missing what the softphone needs');
        await notice.waitFor();
        const text = await notice.innerText();
        assert.match(text, /Outbound: add Contact Do Not Call, Lead Do Not Call/);
        assert.match(text, /Setup → Softphone Layouts/);
    });

    it('fails the layout with its fix, runs the write test on request, and copies the report', async () => {
        const panel = await openCheckSetup(session);
        assert.equal(await statusOf(panel, 'layout'), 'fail');
        assert.match(
            await textOf(panel, 'layout'),
            /Outbound section: add Contact, Lead with the Do Not Call field/
        );
        assert.equal(await statusOf(panel, 'write'), 'not-run');
        assert.equal(await statusOf(panel, 'settings'), 'pass');
        assert.equal(await statusOf(panel, 'lms'), 'warn');
        await screenshotPanel(session, panel, 'setup-check-fresh-org');
        assert.deepEqual(await softphoneAxeViolations(session), []);

        await panel.getByRole('button', { name: 'Run write test' }).click();
        await panel.locator('[data-check="write"][data-status="pass"]').waitFor();
        const [test] = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((r) => String(r.Provider_Call_Id__c).startsWith('SETUP-CHECK-TEST-'))
        ).then((all) =>
            all.filter((r) => String(r.Provider_Call_Id__c).startsWith('SETUP-CHECK-TEST-'))
        );
        assert.match(test.Notes__c, /Check setup/);
        assert.match(await textOf(panel, 'write'), /Delete the test record/);

        await panel.getByRole('button', { name: 'Copy results' }).click();
        const report = panel.getByRole('textbox', { name: /Copied|copy it/ });
        await report.waitFor();
        const text = await report.inputValue();
        assert.match(text, /^Open CTI Softphone: Check setup/);
        assert.match(text, /\[Fail\] Softphone layout: /);
        assert.match(text, /\[Pass\] Saving calls \(Phone Call create\)/);

        await panel.getByRole('button', { name: 'Close' }).click();
        await panel.waitFor({ state: 'hidden' });
        const focused = await session.softphone().locator(':focus').innerText();
        assert.equal(focused, 'Check setup');
    });
});

describe('Check setup when everything is in place', browserTestOptions(), () => {
    let session;

    consolePerSuite({ query: 'layout=full' }, (opened) => ({ session } = opened));

    it('passes every check the org can answer once a component has spoken and notifications are allowed', async () => {
        await session.page.context().grantPermissions(['notifications']);
        await sendAsLwc(session, {
            version: 1,
            type: 'ping',
            requestId: 'lwc-ping-setup',
            payload: {}
        });
        const panel = await openCheckSetup(session);
        await panel.getByRole('button', { name: 'Run write test' }).click();
        await panel.locator('[data-check="write"][data-status="pass"]').waitFor();
        for (const id of [
            'settings',
            'layout',
            'write',
            'lms',
            'storage',
            'tabs',
            'notifications'
        ]) {
            assert.equal(await statusOf(panel, id), 'pass', `${id}: ${await textOf(panel, id)}`);
        }
        assert.equal(
            await session.softphone().getByText('For admins: the softphone layout').count(),
            0
        );
        await screenshotPanel(session, panel, 'setup-check-all-pass');
        assert.deepEqual(await softphoneAxeViolations(session), []);
    });
});

describe('Check setup when the console breaks each check', browserTestOptions(), () => {
    let session;

    consolePerSuite(
        { query: 'fault.layout=error&fault.saveLogFailureRate=100&lms.echo=false' },
        (opened) => ({ session } = opened)
    );

    it('shows each failure with its fix', async () => {
        // The browser of a locked-down desktop: no IndexedDB, Web Locks, BroadcastChannel or
        // Notification in the softphone's frame.
        await session.page.context().addInitScript(() => {
            if (window.top === window) {
                return;
            }
            for (const name of ['indexedDB', 'BroadcastChannel', 'Notification']) {
                Object.defineProperty(window, name, { value: undefined, configurable: true });
            }
            Object.defineProperty(Navigator.prototype, 'locks', {
                get: () => undefined,
                configurable: true
            });
        });
        await reloadSoftphone(session);
        const panel = await openCheckSetup(session);
        await panel.getByRole('button', { name: 'Run write test' }).click();
        await panel.locator('[data-check="write"][data-status="fail"]').waitFor();
        const expected = {
            layout: ['warn', /could not be read .*Softphone Layout Assignment/s],
            write: ['fail', /Permission Set Assignments/],
            lms: ['fail', /did not come back on the channel/],
            storage: ['fail', /memory only/],
            tabs: ['warn', /Not available in this browser: Web Locks, BroadcastChannel\./],
            notifications: ['warn', /offers no notifications/]
        };
        for (const [id, [status, text]] of Object.entries(expected)) {
            assert.equal(await statusOf(panel, id), status, id);
            assert.match(await textOf(panel, id), text, id);
        }
        await screenshotPanel(session, panel, 'setup-check-failures');
        assert.deepEqual(await softphoneAxeViolations(session), []);
    });
});

describe(
    'Check setup for SIP behind the org’s Content Security Policy',
    browserTestOptions(),
    () => {
        let session;

        consolePerSuite(
            {
                query: 'setting.connector.connectorType=sip&setting.connector.sipWebSocketUrl=wss%3A%2F%2Fpbx.example.com%3A8089%2Fws&setting.connector.sipDomain=pbx.example.com'
            },
            (opened) => ({ session } = opened)
        );

        it('names the exact Trusted URL to add, from the sign-in form', async () => {
            // Salesforce serves the adapter page with the org's CSP: connect-src lists only the
            // org's own origins and its CSP Trusted Sites.
            await session.page.context().route('**/apex/**', async (route) => {
                const response = await route.fetch();
                await route.fulfill({
                    response,
                    headers: {
                        ...response.headers(),
                        'content-security-policy': "frame-ancestors 'self'; connect-src 'self'"
                    }
                });
            });
            await reloadSoftphone(session);
            const panel = await openCheckSetup(session);
            await panel.locator('[data-check="websocket"]').waitFor();
            assert.equal(await statusOf(panel, 'websocket'), 'fail');
            assert.match(
                await textOf(panel, 'websocket'),
                /New Trusted URL: URL wss:\/\/pbx\.example\.com:8089,/
            );
            assert.notEqual(await statusOf(panel, 'microphone'), null);
            await screenshotPanel(session, panel, 'setup-check-sip-csp');
            assert.deepEqual(await softphoneAxeViolations(session), []);
        });
    }
);

describe('Check setup when a call center setting is wrong', browserTestOptions(), () => {
    let session;

    consolePerSuite(
        { query: 'setting.connector.connectorType=carrier-pigeon' },
        (opened) => ({ session } = opened)
    );

    it('is offered under the startup error and fails the settings with the setting named', async () => {
        const panel = await openCheckSetup(session);
        assert.equal(await statusOf(panel, 'settings'), 'fail');
        const text = await textOf(panel, 'settings');
        assert.match(text, /\/connector\/connectorType/);
        assert.match(text, /Fix: Setup → Call Centers/);
        assert.equal(await statusOf(panel, 'lms'), 'fail');
        await screenshotPanel(session, panel, 'setup-check-bad-setting');
        assert.deepEqual(await softphoneAxeViolations(session), []);
    });
});
