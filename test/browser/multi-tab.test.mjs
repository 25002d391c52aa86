// Several Salesforce tabs in one browser: one softphone (the leader) runs the connector and the
// call log, the others follow it. Each console page plays one Salesforce tab; they share the
// browser profile, hence the Web Lock and the BroadcastChannel. Each page is its own in-memory
// org, so "logged once" means one record across every tab's org.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserTestOptions } from './support/browser-test.mjs';
import { openLocalConsole, waitForSoftphone } from './support/local-console-session.mjs';
import { lmsEventsFromSoftphone, sendAsLwc } from './support/lms-panel.mjs';
import { SAMPLE, softphoneDriver, waitForRecords } from './support/softphone-driver.mjs';

const SARAH_AND_KEVIN_MILLER = '+15105550121';
const JAMES_CHEN = { id: '003000000000002AAA', name: 'James Chen', e164: '+14155550102' };

/** The softphone root's data attributes: its tab role and how far it started. */
function softphoneRoot(tab) {
    return tab.page.evaluate(() => {
        const frame = document.querySelector('[data-testid="softphone-frame"]');
        const root = frame?.contentDocument?.getElementById('softphone-root');
        return { role: root?.dataset.tabRole, state: root?.dataset.softphone };
    });
}

async function waitForRole(tab, role, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const root = await softphoneRoot(tab);
        if (root.role === role && (role !== 'leader' || root.state === 'started')) {
            return;
        }
        assert.ok(
            Date.now() < deadline,
            `the softphone never became ${role}: ${JSON.stringify(root)}`
        );
        await tab.page.waitForTimeout(50);
    }
}

async function records(tab, type) {
    return tab.hook((t) => window.localConsole.records(t), type);
}

async function phoneCallsIn(tabs) {
    const all = [];
    for (const tab of tabs) {
        all.push(...(await records(tab, 'Phone_Call__c')));
    }
    return all;
}

/** A click in the console's workspace: Salesforce's navigation event marks the tab as used. */
async function workIn(tab) {
    await tab.page.locator('[data-testid="workspace-tab"][data-tab-id="home"]').click();
}

async function openRecordTabs(tab) {
    const tabs = await tab.hook(() => window.localConsole.openTabs());
    return tabs.filter((each) => each.kind === 'record').map((each) => each.recordId);
}

describe('one softphone across several Salesforce tabs', browserTestOptions(), () => {
    let first;
    let second;
    let third;
    let phoneA;
    let phoneB;

    before(async () => {
        session = await openLocalConsole();
        first = session;
        second = await first.openTab();
        phoneA = softphoneDriver(first);
        phoneB = softphoneDriver(second);
    });
    // Closing the first tab's session closes the browser, whichever tabs are still open.
    let session;
    after(async () => session?.close());

    it('lets the first tab lead and the next one follow, showing the same softphone', async () => {
        assert.deepEqual(await softphoneRoot(first), { role: 'leader', state: 'started' });
        assert.deepEqual(await softphoneRoot(second), { role: 'follower', state: 'following' });
        await phoneB.frame.getByText(/Simulator · through another tab/).waitFor();
        assert.equal(await phoneB.agentState(), 'Available');
        await second.screenshot('40-follower-tab');
    });

    it('dials a click-to-dial from the follower tab through the leader and logs it once', async () => {
        await second.page.locator('[data-testid="workspace-tab"][data-tab-id="home"]').click();
        await second.page.getByTestId('list-Contact').getByText(JAMES_CHEN.name).click();
        await second.page
            .getByTestId('record-title')
            .filter({ hasText: JAMES_CHEN.name })
            .waitFor();
        await second.page.getByTestId('click-to-dial').first().click();
        await phoneB.waitForCallState('Connected');
        await phoneA.waitForCallState('Connected');
        await second.screenshot('41-follower-tab-on-a-call');
        // The agent works the call from the follower tab: hang up, disposition, notes, done.
        await phoneB.hangupAndWrapUp({ disposition: 'Resolved', notes: 'Asked from tab two' });
        const [logged] = await waitForRecords(first, 'Phone_Call__c', (all) => all.length === 1);
        assert.equal(logged.Contact__c, JAMES_CHEN.id);
        assert.equal(logged.Direction__c, 'Outbound');
        assert.equal(logged.Disposition__c, 'Resolved');
        assert.equal(logged.Notes__c, 'Asked from tab two');
        assert.equal((await records(second, 'Phone_Call__c')).length, 0);
    });

    it("answers an LWC's dial in the follower tab, in that tab", async () => {
        await sendAsLwc(second, {
            version: 1,
            type: 'dial',
            requestId: 'tab-two-dial',
            payload: { number: '(415) 555-0102' }
        });
        await phoneB.waitForCallState('Connected');
        const started = await lmsEventsFromSoftphone(second, 'callStarted');
        assert.ok(started.some((event) => event.payload.call.to === JAMES_CHEN.e164));
        // Every tab's components hear the call; the answer to a bad command only its sender's.
        assert.ok(
            (await lmsEventsFromSoftphone(first, 'callStarted')).some(
                (event) => event.payload.call.to === JAMES_CHEN.e164
            )
        );
        await phoneB.hangupAndWrapUp();
        await sendAsLwc(second, {
            version: 1,
            type: 'dial',
            requestId: 'tab-two-bad',
            payload: {}
        });
        const deadline = Date.now() + 10_000;
        while (
            !(await lmsEventsFromSoftphone(second, 'error')).some(
                (event) => event.requestId === 'tab-two-bad'
            )
        ) {
            assert.ok(Date.now() < deadline, 'the bad dial was never answered in tab two');
            await second.page.waitForTimeout(50);
        }
        const errorsInFirst = await lmsEventsFromSoftphone(first, 'error');
        assert.ok(!errorsInFirst.some((event) => event.requestId === 'tab-two-bad'));
        await waitForRecords(first, 'Phone_Call__c', (all) => all.length === 2);
    });

    it('rings in every tab but pops the record once, in the tab the agent used last', async () => {
        await workIn(second);
        const before = await phoneCallsIn([first, second]);
        await second.page.getByTestId('sim-known').click();
        await phoneA.frame.getByText('Incoming call').first().waitFor();
        await phoneB.frame.getByText('Incoming call').first().waitFor();
        const deadline = Date.now() + 10_000;
        while (!(await openRecordTabs(second)).includes(SAMPLE.mariaLopez.id)) {
            assert.ok(Date.now() < deadline, 'Maria Lopez never popped in tab two');
            await second.page.waitForTimeout(50);
        }
        assert.ok(!(await openRecordTabs(first)).includes(SAMPLE.mariaLopez.id));
        // The record the follower popped names the caller in both softphones.
        await phoneA.frame.getByText('Maria Lopez').first().waitFor();
        await phoneB.frame.getByText('Maria Lopez').first().waitFor();
        await phoneA.answer();
        await phoneA.hangupAndWrapUp();
        const after = await waitForRecords(
            first,
            'Phone_Call__c',
            (all) => all.length === before.length + 1
        );
        assert.equal(after.at(-1).Contact__c, SAMPLE.mariaLopez.id);

        // The agent goes back to the first tab: the next caller pops there.
        await workIn(first);
        await first.page.getByTestId('sim-ambiguous-objects').click();
        await phoneA.frame.getByText('Incoming call').first().waitFor();
        const popped = Date.now() + 10_000;
        while (!(await openRecordTabs(first)).includes('003000000000003AAA')) {
            assert.ok(Date.now() < popped, 'Daniel Kim never popped in tab one');
            await first.page.waitForTimeout(50);
        }
        assert.ok(!(await openRecordTabs(second)).includes('003000000000003AAA'));
        await phoneB.decline();
        await waitForRecords(first, 'Phone_Call__c', (all) => all.length === before.length + 2);
        assert.equal((await records(second, 'Phone_Call__c')).length, 0);
    });

    it('hands the phone to the other tab when the leader tab closes, and goes on logging', async () => {
        third = await first.openTab();
        const phoneC = softphoneDriver(third);
        assert.equal((await softphoneRoot(third)).role, 'follower');
        const closedAt = Date.now();
        await first.closeTab();
        // Tabs queue for the lock: exactly one of the two takes over.
        const deadline = Date.now() + 10_000;
        let roles;
        for (;;) {
            roles = [(await softphoneRoot(second)).role, (await softphoneRoot(third)).role];
            if (roles.includes('leader')) {
                break;
            }
            assert.ok(Date.now() < deadline, `nobody took over: ${roles}`);
            await second.page.waitForTimeout(20);
        }
        const leaderTab = roles[0] === 'leader' ? second : third;
        const followerTab = leaderTab === second ? third : second;
        await waitForRole(leaderTab, 'leader');
        console.log(`# takeover after the leader tab closed: ${Date.now() - closedAt} ms`);
        assert.equal((await softphoneRoot(followerTab)).role, 'follower');
        const leaderPhone = leaderTab === second ? phoneB : phoneC;
        const followerPhone = leaderTab === second ? phoneC : phoneB;
        assert.equal(await leaderPhone.agentState(), 'Available');
        // The new leader rings and logs; the remaining follower sees it.
        await followerTab.page.getByTestId('sim-ambiguous-contacts').click();
        await leaderPhone.button('Decline').first().waitFor();
        await followerPhone.button('Decline').first().waitFor();
        await followerPhone.decline();
        const logged = await waitForRecords(leaderTab, 'Phone_Call__c', (all) =>
            all.some(
                (r) => r.From_Number__c === SARAH_AND_KEVIN_MILLER && r.Outcome__c === 'Rejected'
            )
        );
        assert.equal(
            logged.filter((r) => r.From_Number__c === SARAH_AND_KEVIN_MILLER).length,
            1,
            'one log for the declined call'
        );
        await leaderTab.screenshot('42-tab-after-takeover');
        second = leaderTab;
        third = followerTab;
    });

    it('logs a call cut by closing the leader tab as Dropped, in the tab that takes over', async () => {
        const leaderPhone = softphoneDriver(second);
        await second.page.getByTestId('sim-known').click();
        await leaderPhone.frame.getByText('Incoming call').first().waitFor();
        await leaderPhone.answer();
        await new Promise((resolve) => setTimeout(resolve, 2500));
        await second.closeTab();
        await waitForRole(third, 'leader');
        await waitForSoftphone(third.page);
        const phone = softphoneDriver(third);
        await phone.frame
            .getByText(/tab that ran the softphone was closed during the call with Maria Lopez/)
            .waitFor();
        await third.screenshot('43-call-cut-by-closing-the-leader-tab');
        const dropped = await waitForRecords(third, 'Phone_Call__c', (all) =>
            all.some((r) => r.Outcome__c === 'Dropped')
        );
        const record = dropped.find((r) => r.Outcome__c === 'Dropped');
        assert.equal(record.Contact__c, SAMPLE.mariaLopez.id);
        assert.ok(record.Duration_Seconds__c >= 2, `talk time ${record.Duration_Seconds__c}`);
        assert.equal(dropped.filter((r) => r.Outcome__c === 'Dropped').length, 1);
        assert.deepEqual(third.pageErrors, []);
    });
});
