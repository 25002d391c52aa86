// Two Salesforce tabs with the SIP connector: the sign-in form shows in both, the agent answers
// in either, and only the leading tab registers; the other follows it. When the leading tab
// closes, the follower registers with the sign-in the leader handed over (kept in memory),
// without asking the agent again, and takes the next call.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';
import { reapLeftovers, startKamailio, startSipp } from './sip-rig.mjs';
import { sipSuite } from './sip-suite.mjs';
import {
    connectionHeader,
    openSipSoftphone,
    signIn,
    waitForConnection
} from './softphone-session.mjs';

const agent = { user: 'agent1', password: 'secret' };

function tabRole(tab) {
    return tab.page.evaluate(
        () =>
            document
                .querySelector('[data-testid="softphone-frame"]')
                ?.contentDocument?.getElementById('softphone-root')?.dataset.tabRole
    );
}

sipSuite('one SIP registration for several tabs', { timeout: 180_000 }, () => {
    let kamailio;
    let session;
    let second;
    const sipps = new Set();

    before(async () => {
        kamailio = await startKamailio();
        session = await openSipSoftphone({ kamailio });
    });

    after(async () => {
        await Promise.all([...sipps].map((run) => run.stop()));
        await session?.close();
        await kamailio?.stop();
        const leftovers = await reapLeftovers(session?.processGroups ?? []);
        assert.deepEqual(leftovers, [], 'processes the test started were still running');
    });

    /** sipp calls the agent; `answerIn` answers; resolves once sipp hung up and passed. */
    async function callAgent(answerIn, alsoRinging = []) {
        const run = await startSipp({
            kamailio,
            scenario: 'uac-call-softphone.xml',
            service: agent.user,
            pauseMs: 1000
        });
        sipps.add(run);
        for (const tab of [answerIn, ...alsoRinging]) {
            await tab.phone.button('Answer').first().waitFor();
        }
        await answerIn.phone.answer();
        const result = await run.done;
        sipps.delete(run);
        assert.equal(result.code, 0, `sipp failed:\n${result.errors}\n${result.stdout}`);
        await answerIn.phone.button('Done').click();
    }

    it('signs in once, from either tab: the second tab follows the registered one', async () => {
        // Both tabs ask while nobody signed in; the agent answers in the second one.
        second = await session.openTab();
        await session.phone.frame.getByLabel('SIP user', { exact: true }).waitFor();
        await signIn(second, agent);
        await waitForConnection(session, 'Connected');
        assert.equal(await tabRole(session), 'leader');
        assert.equal(await tabRole(second), 'follower');
        assert.deepEqual(await connectionHeader(session), ['Connected', 'SIP (127.0.0.1)']);
        assert.deepEqual(await connectionHeader(second), [
            'Connected',
            'SIP (127.0.0.1) · through another tab'
        ]);
        assert.equal(await second.phone.frame.getByLabel('SIP password').count(), 0);
        assert.equal(await session.phone.frame.getByLabel('SIP password').count(), 0);
        await second.screenshot('sip-tabs-01-signed-in-from-the-second-tab');
    });

    it('rings in both tabs, is answered in the follower, and is logged once', async () => {
        await callAgent(second, [session]);
        const [record] = await waitForRecords(
            session,
            'Phone_Call__c',
            (all) => all.filter((each) => each.Ended__c).length === 1
        );
        assert.equal(record.Outcome__c, 'Connected');
        assert.equal(record.From_Number__c, SAMPLE.mariaLopez.number);
        const elsewhere = await second.hook(() => window.localConsole.records('Phone_Call__c'));
        assert.deepEqual(elsewhere, []);
    });

    it('registers from the other tab, with no new sign-in, when the leading tab closes', async () => {
        const closedAt = Date.now();
        await session.closeTab();
        await waitForConnection(second, 'Connected');
        const deadline = Date.now() + 15_000;
        while ((await tabRole(second)) !== 'leader') {
            assert.ok(Date.now() < deadline, 'the second tab never took over');
            await second.page.waitForTimeout(50);
        }
        // Now leading, the tab registers itself (it may show Connecting… for a moment).
        await waitForConnection(second, 'Connected');
        assert.deepEqual(await connectionHeader(second), ['Connected', 'SIP (127.0.0.1)']);
        process.stdout.write(`\nSIP takeover: ${Date.now() - closedAt} ms\n`);
        assert.equal(await second.phone.frame.getByLabel('SIP password').count(), 0);
        await callAgent(second);
        const records = await waitForRecords(second, 'Phone_Call__c', (all) =>
            all.some((each) => each.Ended__c)
        );
        assert.equal(records.length, 1);
        assert.equal(records[0].Outcome__c, 'Connected');
        assert.deepEqual(second.pageErrors, []);
    });
});
