// The agent hands calls on over SIP, in the built softphone in the local console (connectorType
// sip) registered with a local Kamailio; sipp is the caller (the transferee, which answers the
// REFER and reports the target in NOTIFYs) and the consulted party. Checks what the agent sees,
// what sipp receives and what Salesforce logs (Phone_Call__c outcome, target, parent call).
// Skipped (with the install command) when a program is missing, unless REQUIRE_SYSTEM_TESTS=1.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { waitForRecords } from '../browser/support/softphone-driver.mjs';
import {
    findMessage,
    findMessages,
    headerOf,
    reapLeftovers,
    startKamailio,
    startSipp
} from './sip-rig.mjs';
import { sipSuite } from './sip-suite.mjs';
import { openSipSoftphone, signIn } from './softphone-session.mjs';

const agent = { user: 'agent7', password: 'secret' };

sipSuite('the agent transfers and consults over SIP in the softphone', { timeout: 180_000 }, () => {
    let kamailio;
    let session;
    let phone;
    const sipps = new Set();

    before(async () => {
        kamailio = await startKamailio();
        session = await openSipSoftphone({ kamailio });
        phone = session.phone;
        await signIn(session, agent);
    });

    after(async () => {
        await Promise.all([...sipps].map((run) => run.stop()));
        await session?.close();
        await kamailio?.stop();
        const leftovers = await reapLeftovers(session?.processGroups ?? []);
        assert.deepEqual(leftovers, [], 'processes the test started were still running');
    });

    async function sipp(options) {
        const run = await startSipp({ kamailio, ...options });
        sipps.add(run);
        void run.done.then(() => sipps.delete(run));
        return run;
    }

    async function assertSippPassed(run) {
        const result = await run.done;
        assert.equal(result.code, 0, `sipp failed:\n${result.errors}\n${result.stdout}`);
        return result;
    }

    async function finishWrapUp() {
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
        await phone.button('Done').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
    }

    /** sipp calls the agent with `scenario`; the agent answers. */
    async function answerCallFrom(scenario, keys = {}) {
        const caller = await sipp({ scenario, service: agent.user, keys });
        await phone.frame.getByText('Incoming call').first().waitFor();
        await phone.answer();
        return caller;
    }

    /** Opens Transfer on the call, types `target` and presses `choice`. */
    async function transferTo(target, choice, screenshot) {
        await phone.button('Transfer').first().click();
        await phone.frame.getByLabel('Transfer to', { exact: true }).fill(target);
        if (screenshot) {
            await session.screenshot(screenshot);
        }
        await phone.button(choice).click();
    }

    it('transfers a caller blind: REFER, NOTIFY 100 then 200, logged Transferred to the target', async () => {
        const caller = await answerCallFrom('uac-call-transfer.xml', { final: '200 OK' });
        await transferTo('+1 415 555 0300', 'Transfer now', 'sip-transfer-01-blind-target');
        await finishWrapUp();
        const result = await assertSippPassed(caller);

        const refer = findMessage(result.messages, { direction: 'received', method: 'REFER' });
        assert.equal(headerOf(refer, 'Refer-To'), '<sip:+14155550300@127.0.0.1>');
        assert.equal(
            findMessages(result.messages, { direction: 'sent', method: 'NOTIFY' }).length,
            2
        );
        const [record] = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((call) => call.Ended__c)
        );
        assert.equal(record.Outcome__c, 'Transferred');
        // The target as sent: normalised like a dialled number (and checked for Do Not Call).
        assert.equal(record.Transfer_Target__c, '+14155550300');
        assert.equal(record.Direction__c, 'Inbound');
    });

    it('keeps the caller when the target is busy: the failure is shown, the agent hangs up', async () => {
        const before = (await session.hook(() => window.localConsole.records('Phone_Call__c')))
            .length;
        const caller = await answerCallFrom('uac-call-transfer.xml', { final: '486 Busy Here' });
        await transferTo('+14155550486', 'Transfer now');
        await phone.frame
            .getByText(/Transfer failed/)
            .first()
            .waitFor();
        await phone.waitForCallState('Connected');
        await session.screenshot('sip-transfer-02-target-busy');
        await phone.hangupAndWrapUp();
        await assertSippPassed(caller);
        const records = await waitForRecords(
            session,
            'Phone_Call__c',
            (all) => all.length === before + 1 && all.at(-1).Ended__c
        );
        assert.equal(records.at(-1).Outcome__c, 'Connected');
        assert.equal(records.at(-1).Transfer_Target__c ?? null, null);
    });

    it('consults, then completes: REFER with Replaces, both calls logged Transferred, the consult linked to its parent', async () => {
        const before = (await session.hook(() => window.localConsole.records('Phone_Call__c')))
            .length;
        const target = await sipp({ scenario: 'uas-answer-wait-bye.xml', uas: true });
        const caller = await answerCallFrom('uac-call-consult.xml', { final: '200 OK' });
        await transferTo('+14155550300', 'Consult first');
        await phone.button('Complete transfer').waitFor();
        await phone.frame
            .getByText(/Consult call about/)
            .first()
            .waitFor();
        await session.screenshot('sip-transfer-03-consulting');
        await phone.button('Complete transfer').click();
        await finishWrapUp();
        const [transferee, consulted] = [
            await assertSippPassed(caller),
            await assertSippPassed(target)
        ];

        const refer = findMessage(transferee.messages, { direction: 'received', method: 'REFER' });
        const consultInvite = findMessage(consulted.messages, {
            direction: 'received',
            method: 'INVITE'
        });
        const replaces = decodeURIComponent(
            headerOf(refer, 'Refer-To').match(/\?Replaces=([^>]+)>$/)?.[1] ?? ''
        );
        assert.equal(replaces.split(';')[0], headerOf(consultInvite, 'Call-ID'));
        const records = await waitForRecords(
            session,
            'Phone_Call__c',
            (all) =>
                all.length === before + 2 &&
                all.slice(before).every((call) => call.Ended__c) &&
                all.slice(before).some((call) => call.Parent_Call__c)
        );
        const calls = records.slice(before);
        const parent = calls.find((call) => !call.Parent_Call__c);
        const consult = calls.find((call) => call.Parent_Call__c);
        assert.equal(parent.Outcome__c, 'Transferred');
        assert.equal(parent.Transfer_Target__c, '+14155550300');
        assert.equal(consult.Outcome__c, 'Transferred');
        assert.equal(consult.Parent_Call__c, parent.Id);
        assert.equal(consult.Direction__c, 'Outbound');
    });

    it('consults, then makes a conference and drops the consulted party', async () => {
        const before = (await session.hook(() => window.localConsole.records('Phone_Call__c')))
            .length;
        const target = await sipp({ scenario: 'uas-answer-wait-bye.xml', uas: true });
        const caller = await answerCallFrom('uac-call-conference.xml');
        await transferTo('+14155550301', 'Consult first');
        await phone.button('Conference').click();
        await phone.frame.getByText('Conference (3)').first().waitFor();
        await session.screenshot('sip-transfer-04-conference');
        await phone.button('Remove from call').last().click();
        await assertSippPassed(target);
        await phone.frame.getByText('Conference (3)').waitFor({ state: 'detached' });
        await phone.hangupAndWrapUp();
        await assertSippPassed(caller);
        const records = await waitForRecords(
            session,
            'Phone_Call__c',
            (all) => all.length === before + 2 && all.slice(before).every((call) => call.Ended__c)
        );
        const calls = records.slice(before);
        const parent = calls.find((call) => !call.Parent_Call__c);
        const consult = calls.find((call) => call.Parent_Call__c);
        assert.equal(consult?.Parent_Call__c, parent?.Id, JSON.stringify(calls));
        // Each call records the other party of the conference.
        assert.match(parent.Conference_Parties__c ?? '', /4155550301/, JSON.stringify(calls));
        assert.match(consult.Conference_Parties__c ?? '', /4155550199/);
    });
});
