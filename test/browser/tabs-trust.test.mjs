// A forging page of the softphone's origin on the tabs' BroadcastChannel (issue 15, finding 5).
// The agent signs in with the listener connector (real credentials: an agent id and a listener
// token) in one Salesforce tab; a second tab follows. Another page of the same origin, which is
// no softphone, opens the channel and forges hello, dial, logFileRequest and signIn. Same-origin
// scripts are trusted to do what the agent can do (validated), but nothing secret comes back on
// request: the token crosses the channel only when the leader's tab goes, to the tab that takes
// over (SECURITY.md).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { findSystemProgram } from '../support/system-programs.mjs';
import {
    TOKENS,
    getEvent,
    sign,
    startBridge
} from '../listener/support/listener-bridge-process.mjs';
import { browserTestOptions } from './support/browser-test.mjs';
import {
    chromiumFlags,
    openConsoleTab,
    screenshotDir,
    startLocalConsoleServer,
    withLayout
} from './support/local-console-session.mjs';
import { SAMPLE, softphoneDriver } from './support/softphone-driver.mjs';

const TAB_CHANNEL = 'open-cti-softphone.tabs';
const TAB_PROTOCOL = 2;

function softphoneRoot(tab) {
    return tab.page.evaluate(() => {
        const frame = document.querySelector('[data-testid="softphone-frame"]');
        const root = frame?.contentDocument?.getElementById('softphone-root');
        return { role: root?.dataset.tabRole, state: root?.dataset.softphone };
    });
}

async function waitFor(check, what, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await check();
        if (value) {
            return value;
        }
        assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/** The forging page: opens the channel and keeps all it hears in window.heard. */
async function openForger(context, url) {
    const page = await context.newPage();
    // Any document of the origin will do: the console's 404 page is one.
    await page.goto(`${url}not-a-softphone`);
    await page.evaluate((name) => {
        window.heard = [];
        window.forged = new BroadcastChannel(name);
        window.forged.onmessage = (event) => window.heard.push(event.data);
    }, TAB_CHANNEL);
    return {
        page,
        post: (body) =>
            page.evaluate(
                ([message]) => window.forged.postMessage(message),
                [{ ...body, protocol: TAB_PROTOCOL, from: 'forger' }]
            ),
        heard: () => page.evaluate(() => window.heard),
        async waitForKind(kind) {
            return waitFor(
                async () => (await this.heard()).find((message) => message.kind === kind),
                `a forged request's "${kind}" answer`
            );
        }
    };
}

describe('a forging same-origin page on the tabs’ channel', browserTestOptions(), () => {
    let bridge;
    let server;
    let context;
    let profile;
    let leaderTab;
    let followerTab;
    let forger;

    before(async () => {
        bridge = await startBridge();
        server = await startLocalConsoleServer();
        profile = mkdtempSync(join(tmpdir(), 'softphone-chromium-'));
        context = await chromium.launchPersistentContext(profile, {
            executablePath: findSystemProgram('chromium'),
            args: chromiumFlags,
            viewport: { width: 1400, height: 900 }
        });
        const query = new URLSearchParams({
            'setting.connector.connectorType': 'listener',
            'setting.connector.listenerUrl': bridge.wsUrl,
            'setting.wrapUp.afterCallWorkSeconds': '0'
        });
        const url = `${server.url}?${withLayout(query)}`;
        leaderTab = await openConsoleTab(context.pages()[0] ?? (await context.newPage()), url);
        const phone = softphoneDriver(leaderTab);
        await phone.frame.getByLabel('Agent id', { exact: true }).fill('agent1');
        await phone.frame.getByLabel('Listener token', { exact: true }).fill(TOKENS.agent1);
        await phone.button('Connect').click();
        await waitFor(
            async () => (await softphoneRoot(leaderTab)).state === 'started',
            'the signed-in leader'
        );
        await waitFor(async () => (await phone.agentState()) === 'Available', 'Available');
        followerTab = await openConsoleTab(await context.newPage(), url);
        assert.equal((await softphoneRoot(followerTab)).role, 'follower');
        forger = await openForger(context, server.url);
    });

    after(async () => {
        await context?.close();
        server?.stop();
        await bridge?.stop();
        if (profile) {
            rmSync(profile, { recursive: true, force: true });
        }
    });

    async function screenshot(tab, name) {
        mkdirSync(screenshotDir, { recursive: true });
        await tab.page.screenshot({ path: join(screenshotDir, `${name}.png`) });
    }

    it('a forged hello gets the view, never the listener token', async () => {
        await forger.post({ kind: 'hello', visible: true, activeAt: 0 });
        const view = await forger.waitForKind('view');
        assert.equal(view.to, 'forger');
        const heard = JSON.stringify(await forger.heard());
        assert.ok(!heard.includes(TOKENS.agent1), 'the listener token came back to a hello');
        assert.ok(!(await forger.heard()).some((message) => message.kind === 'handover'));
    });

    it('a forged logFileRequest gets the log with phone numbers masked, and no token', async () => {
        // A call puts a caller's number in the leader's log.
        const query = new URLSearchParams({
            ani: SAMPLE.mariaLopez.number,
            dnis: '+14155550100',
            callid: 'pbx-call-trust-1',
            type: 'ringing',
            agent: 'agent1'
        }).toString();
        assert.equal((await getEvent(bridge, query, sign(query))).status, 200);
        await softphoneDriver(leaderTab).frame.getByText('Maria Lopez').first().waitFor();
        await forger.post({ kind: 'logFileRequest', requestId: 'forged-log-1' });
        const answer = await forger.waitForKind('logFile');
        assert.equal(answer.requestId, 'forged-log-1');
        const text = answer.file.text;
        assert.match(text, /pbx-call-trust-1|call\./, 'the log has the call in it');
        assert.ok(!text.includes(TOKENS.agent1), 'the token is in the log');
        const digits = SAMPLE.mariaLopez.number.replace(/\D/g, '');
        assert.ok(!text.replace(/\D/g, ' ').includes(digits), 'a caller number is unmasked');
        const ended = await getEvent(bridge, {
            callid: 'pbx-call-trust-1',
            type: 'ended',
            agent: 'agent1'
        });
        assert.equal(ended.status, 200);
    });

    it('a forged dial reaches the dialer as an agent click would; an action with extra fields is dropped', async () => {
        const before = (await forger.heard()).length;
        // Not an action the agent can click: refused by the tab protocol, before any handler.
        await forger.post({
            kind: 'action',
            action: { name: 'setAgentState', state: 'Break', reason: 'forged' }
        });
        await forger.post({ kind: 'action', action: { name: 'dial', number: 'not a number' } });
        // The dial reaches the dialer, which refuses the number and says so in the view.
        const view = await waitFor(async () => {
            const views = (await forger.heard())
                .slice(before)
                .filter((message) => message.kind === 'view');
            return views.find((message) => message.model.dialAttempt?.status === 'refused');
        }, "the dialer's answer");
        assert.equal(view.model.dialAttempt.number, 'not a number');
        assert.ok(view.model.dialAttempt.message.length > 0);
        assert.deepEqual(view.model.calls, []);
        // Messages from one page arrive in order: the forged status change came first, and was dropped.
        assert.equal(view.model.agentState, 'Available');
        assert.equal(await softphoneDriver(leaderTab).agentState(), 'Available');
        await screenshot(leaderTab, 'tabs-trust-01-forged-dial-refused-by-dialer');
    });

    it('a forged signIn does not replace the signed-in session', async () => {
        await forger.post({ kind: 'signIn', values: { agent: 'agent2', token: TOKENS.agent2 } });
        // A call to agent1 still rings in the leader's softphone: it is still signed in as agent1.
        const query = new URLSearchParams({
            ani: SAMPLE.mariaLopez.number,
            dnis: '+14155550100',
            callid: 'pbx-call-trust-2',
            type: 'ringing',
            agent: 'agent1'
        }).toString();
        const rang = await getEvent(bridge, query, sign(query));
        assert.deepEqual([rang.status, rang.body], [200, { ok: true, delivered: 1 }]);
        const toAgent2 = new URLSearchParams({
            ani: SAMPLE.mariaLopez.number,
            dnis: '+14155550100',
            callid: 'pbx-call-trust-3',
            type: 'ringing',
            agent: 'agent2'
        }).toString();
        const none = await getEvent(bridge, toAgent2, sign(toAgent2));
        assert.equal(none.body.delivered ?? 0, 0, 'a softphone signed in as agent2');
        assert.equal((await softphoneRoot(leaderTab)).state, 'started');
        const ended = await getEvent(bridge, {
            callid: 'pbx-call-trust-2',
            type: 'ended',
            agent: 'agent1'
        });
        assert.equal(ended.status, 200);
    });

    it('the token crosses the channel once, when the leader’s tab goes, and the next tab signs in with it', async () => {
        assert.ok(!(await forger.heard()).some((message) => message.kind === 'handover'));
        await leaderTab.closeTab();
        await waitFor(async () => {
            const root = await softphoneRoot(followerTab);
            return root.role === 'leader' && root.state === 'started';
        }, 'the takeover');
        const follower = softphoneDriver(followerTab);
        await waitFor(async () => (await follower.agentState()) === 'Available', 'Available');
        assert.equal(await follower.frame.getByLabel('Agent id', { exact: true }).count(), 0);
        const handovers = (await forger.heard()).filter((message) => message.kind === 'handover');
        assert.equal(handovers.length, 1);
        await screenshot(followerTab, 'tabs-trust-02-takeover-without-sign-in');
    });
});
