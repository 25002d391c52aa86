// The softphone end to end over SIP: the built softphone in the local console with
// connectorType=sip, registered over WebSocket with a local Kamailio (loopback only, config in
// test/sip/kamailio.cfg), called by sipp over UDP and calling sipp UAS scenarios. Checks what
// the agent sees, what Salesforce gets (screen pop, Phone_Call__c) and what sipp receives.
// Skipped (with the install command) when a program is missing, unless REQUIRE_SYSTEM_TESTS=1.
// Every process it starts (Kamailio, sipp, the local console, Chromium) is stopped by the test;
// the last hook checks that none is left.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { SAMPLE, waitForRecords } from '../browser/support/softphone-driver.mjs';
import {
    findMessage,
    findMessages,
    headerOf,
    reapLeftovers,
    startKamailio,
    startSipp
} from './sip-rig.mjs';
import { sipSuite } from './sip-suite.mjs';
import {
    connectionHeader,
    openSipSoftphone,
    signIn,
    waitForConnection
} from './softphone-session.mjs';

const agent = { user: 'agent1', password: 'secret' };
const maria = SAMPLE.mariaLopez;

/** The Signal of an application/dtmf-relay INFO body. */
function dtmfSignal(info) {
    return info.text.match(/^Signal=(.+)$/m)?.[1].trim();
}

/** The a=sendrecv / sendonly / recvonly / inactive lines of a message's SDP. */
function mediaDirections(message) {
    return [...message.text.matchAll(/^a=(sendrecv|sendonly|recvonly|inactive)\s*$/gm)].map(
        (match) => match[1]
    );
}

function assertTimes(record) {
    for (const field of ['Started__c', 'Ended__c']) {
        assert.ok(!Number.isNaN(Date.parse(record[field])), `${field}: ${record[field]}`);
    }
    assert.ok(Date.parse(record.Ended__c) >= Date.parse(record.Started__c));
}

sipSuite('the softphone over SIP in the local console', { timeout: 180_000 }, () => {
    let kamailio;
    let session;
    let phone;
    const sipps = new Set();

    before(async () => {
        kamailio = await startKamailio();
        session = await openSipSoftphone({
            kamailio,
            settings: {
                'setting.callData.sipHeaders': 'X-Queue=Queue',
                'setting.callData.visibleKeys': 'Queue=Queue',
                // A search answers at an org's pace: a dial's INVITE is made (and held) while
                // its Do Not Call check runs.
                'host.delayMs.searchAndScreenPop': '300'
            }
        });
        phone = session.phone;
    });

    after(async () => {
        // Whatever happened: every sipp, the browser, the console and Kamailio, by PID.
        await Promise.all([...sipps].map((run) => run.stop()));
        await session?.close();
        await kamailio?.stop();
        const leftovers = await reapLeftovers(session?.processGroups ?? []);
        assert.deepEqual(leftovers, [], 'processes the test started were still running');
    });

    /** Starts a sipp run that the after hook stops if the test does not get to. */
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

    /** Closes the wrap-up form (afterCallWorkSeconds 0: it stays until Done). */
    async function finishWrapUp() {
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor();
        await phone.button('Done').click();
        await phone.frame.getByRole('heading', { name: 'Wrap up' }).waitFor({ state: 'detached' });
    }

    /** The Phone_Call__c records, waiting until one more than `before` has ended. */
    async function nextEndedRecord(before) {
        const records = await waitForRecords(
            session,
            'Phone_Call__c',
            (all) => all.filter((record) => record.Ended__c).length === before + 1
        );
        return records.filter((record) => record.Ended__c).at(-1);
    }

    async function endedRecordCount() {
        const records = await session.hook(() => window.localConsole.records('Phone_Call__c'));
        return records.filter((record) => record.Ended__c).length;
    }

    /** Dials `number` on the softphone's keypad. */
    async function dialFromKeypad(number) {
        await phone.frame.getByLabel('Phone number', { exact: true }).fill(number);
        await phone.button('Call').click();
    }

    /**
     * sipp calls the agent as +14155550101; the softphone rings and pops Maria Lopez, the
     * agent answers, sipp hangs up after `pauseMs`. Returns sipp's result.
     */
    async function takeMariasCall(screenshotPrefix) {
        const caller = await sipp({
            scenario: 'uac-call-softphone.xml',
            service: agent.user,
            pauseMs: 1500
        });
        await phone.frame.getByText('Incoming call').first().waitFor();
        await phone.frame.getByText('Maria Lopez').first().waitFor();
        await session.page.waitForFunction(
            (id) => window.localConsole.openTabs().some((tab) => tab.active && tab.recordId === id),
            maria.id
        );
        // The X-Queue header, shown as the admin marked it (callData/visibleKeys).
        await phone.frame
            .locator('.softphone-call__details')
            .getByText('Billing')
            .first()
            .waitFor();
        if (screenshotPrefix) {
            await session.screenshot(`${screenshotPrefix}-ringing`);
        }
        await phone.answer();
        const result = await assertSippPassed(caller);
        await finishWrapUp();
        return result;
    }

    it('signs in with the SIP user and password and registers over WebSocket', async () => {
        await session.screenshot('sip-01-sign-in');
        await signIn(session, agent);
        assert.deepEqual(await connectionHeader(session), ['Connected', 'SIP (127.0.0.1)']);
        assert.equal(await phone.agentState(), 'Available');
        // The password never reaches Salesforce (the console's Open CTI log).
        const activity = JSON.stringify(await session.hook(() => window.localConsole.activity()));
        assert.ok(!activity.includes(agent.password), 'the password reached Open CTI');
        await session.screenshot('sip-02-registered');
    });

    it('takes a call from sipp: rings, pops Maria Lopez, answered, logs one Phone_Call__c', async () => {
        const result = await takeMariasCall('sip-03');
        const records = await waitForRecords(session, 'Phone_Call__c', (all) =>
            all.some((record) => record.Ended__c)
        );
        assert.equal(records.length, 1);
        const [record] = records;
        assert.equal(record.Direction__c, 'Inbound');
        assert.equal(record.From_Number__c, maria.number);
        // The number called: sipp calls the agent's address of record, sip:agent1@….
        assert.equal(record.To_Number__c, agent.user);
        assert.equal(record.Outcome__c, 'Connected');
        assert.equal(record.Contact__c, maria.id);
        assertTimes(record);
        assert.ok(Date.parse(record.Answered__c) >= Date.parse(record.Started__c));
        assert.ok(Date.parse(record.Ended__c) >= Date.parse(record.Answered__c));
        assert.ok(record.Duration_Seconds__c >= 1, `duration ${record.Duration_Seconds__c}`);
        assert.match(record.Provider_Call_Id__c, /^sip-/);
        // Call data from the INVITE's headers (issue 21).
        assert.equal(record.Queue__c, 'Billing');
        assert.equal(record.Redirecting_Number__c, '+14155550000');
        // sipp saw the softphone ring, answer, and confirm the caller's BYE.
        assert.ok(findMessage(result.messages, { direction: 'received', status: 180 }));
        assert.ok(findMessage(result.messages, { direction: 'received', status: 200 }));
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal(await endedRecordCount(), 1, 'a second Phone_Call__c appeared');
    });

    it('dials from the keypad to a sipp UAS that answers: outcome Connected', async () => {
        const before = await endedRecordCount();
        const callee = await sipp({ scenario: 'uas-answer-wait-bye.xml', uas: true });
        await dialFromKeypad('(415) 555-0102');
        await phone.waitForCallState('Connected');
        await phone.button('Hang up').click();
        await finishWrapUp();
        const result = await assertSippPassed(callee);
        const invite = findMessage(result.messages, {
            direction: 'received',
            method: 'INVITE'
        });
        assert.match(invite.firstLine, /^INVITE sip:\+14155550102@127\.0\.0\.1 SIP\/2\.0$/);
        const record = await nextEndedRecord(before);
        assert.equal(record.Direction__c, 'Outbound');
        assert.equal(record.To_Number__c, '+14155550102');
        assert.equal(record.Outcome__c, 'Connected');
        assertTimes(record);
        assert.ok(Date.parse(record.Answered__c) >= Date.parse(record.Started__c));
    });

    it('refuses a Do Not Call number with nothing on the wire: sipp gets only the next, allowed dial', async () => {
        const before = await endedRecordCount();
        const callee = await sipp({ scenario: 'uas-busy.xml', uas: true });
        await dialFromKeypad(SAMPLE.robertHayes.number);
        await phone.frame
            .getByText('Robert Hayes has asked not to be called (Do Not Call)')
            .first()
            .waitFor();
        await session.screenshot('sip-03-do-not-call-refused');
        assert.equal(await phone.frame.locator('.softphone-call').count(), 0);
        // The INVITE made during the check was cancelled before it left: the same UAS gets the
        // next dial's INVITE as its first and only one.
        await dialFromKeypad('+14155550486');
        await finishWrapUp();
        const result = await assertSippPassed(callee);
        const invites = findMessages(result.messages, { direction: 'received', method: 'INVITE' });
        assert.deepEqual(
            invites.map((invite) => invite.firstLine),
            ['INVITE sip:+14155550486@127.0.0.1 SIP/2.0']
        );
        assert.equal(
            findMessages(result.messages, { direction: 'received', method: 'CANCEL' }).length,
            0
        );
        const record = await nextEndedRecord(before);
        assert.equal(record.To_Number__c, '+14155550486');
        assert.equal(record.Outcome__c, 'Busy');
        assert.equal(await endedRecordCount(), before + 1);
    });

    it('dials by LMS to a busy sipp UAS (486): outcome Busy', async () => {
        const before = await endedRecordCount();
        const callee = await sipp({ scenario: 'uas-busy.xml', uas: true });
        await session.page.getByTestId('lms-message').fill(
            JSON.stringify({
                version: 1,
                type: 'dial',
                requestId: 'sip-busy-1',
                payload: { number: '+14155550486' }
            })
        );
        await session.page.getByTestId('lms-send').click();
        await finishWrapUp();
        await assertSippPassed(callee);
        const record = await nextEndedRecord(before);
        assert.equal(record.Direction__c, 'Outbound');
        assert.equal(record.To_Number__c, '+14155550486');
        assert.equal(record.Outcome__c, 'Busy');
        assert.equal(record.Answered__c, undefined);
        assertTimes(record);
    });

    it('gives up on a sipp UAS that rings and never answers: CANCEL, outcome No Answer', async () => {
        const before = await endedRecordCount();
        const callee = await sipp({ scenario: 'uas-ring-until-cancel.xml', uas: true });
        await dialFromKeypad('+14155550180');
        await callee.waitForMessages({ direction: 'sent', status: 180 });
        await phone.frame.getByText('Calling…').first().waitFor();
        await session.screenshot('sip-04-calling');
        await phone.button('Hang up').click();
        await finishWrapUp();
        const result = await assertSippPassed(callee);
        assert.ok(findMessage(result.messages, { direction: 'received', method: 'CANCEL' }));
        assert.ok(findMessage(result.messages, { direction: 'sent', status: 487 }));
        const record = await nextEndedRecord(before);
        assert.equal(record.Direction__c, 'Outbound');
        assert.equal(record.Outcome__c, 'No Answer');
        assert.equal(record.Answered__c, undefined);
    });

    it('sends keypad tones, holds and resumes: sipp sees INFO and sendonly/sendrecv re-INVITEs', async () => {
        const before = await endedRecordCount();
        const callee = await sipp({ scenario: 'uas-answer-hold-dtmf.xml', uas: true });
        await dialFromKeypad('+14155550177');
        await phone.waitForCallState('Connected');

        await phone.button('Keypad').click();
        const tones = phone.frame.getByRole('group', { name: 'Keypad tones' });
        await tones.getByRole('button', { name: '1', exact: true }).click();
        await tones.getByRole('button', { name: '#', exact: true }).click();
        // No media path to sipp: the connector falls back to SIP INFO, one request a tone.
        const infos = await callee.waitForMessages(
            { direction: 'received', method: 'INFO' },
            { count: 2 }
        );
        assert.deepEqual(
            infos.map((info) => [headerOf(info, 'Content-Type'), dtmfSignal(info)]),
            [
                ['application/dtmf-relay', '1'],
                ['application/dtmf-relay', '#']
            ]
        );

        await phone.button('Hold').click();
        await phone.waitForCallState('On hold');
        await session.screenshot('sip-05-on-hold');
        await phone.button('Resume').click();
        await phone.waitForCallState('Connected');
        await phone.button('Hang up').click();
        await finishWrapUp();

        const result = await assertSippPassed(callee);
        const [, hold, resume] = findMessages(result.messages, {
            direction: 'received',
            method: 'INVITE'
        });
        assert.deepEqual(mediaDirections(hold), ['sendonly']);
        assert.deepEqual(mediaDirections(resume), ['sendrecv']);
        const answers = findMessages(result.messages, { direction: 'sent', status: 200 });
        assert.deepEqual(
            answers.map((answer) => mediaDirections(answer)).filter((d) => d.length > 0),
            [['sendrecv'], ['recvonly'], ['sendrecv']]
        );
        const record = await nextEndedRecord(before);
        assert.equal(record.Outcome__c, 'Connected');
    });

    it('re-registers by itself after Kamailio restarts, and the next call works', async () => {
        const before = await endedRecordCount();
        const ports = {
            sipPort: kamailio.sipPort,
            wsPort: kamailio.wsPort,
            gatewayPort: kamailio.gatewayPort
        };
        await kamailio.stop();
        await waitForConnection(session, 'Reconnecting…');
        await session.screenshot('sip-06-reconnecting');
        // The new Kamailio has no registrations (nothing is kept on disk).
        kamailio = await startKamailio(ports);
        const restarted = Date.now();
        await waitForConnection(session, 'Connected', 30_000);
        const reRegisteredMs = Date.now() - restarted;
        assert.deepEqual(await connectionHeader(session), ['Connected', 'SIP (127.0.0.1)']);
        assert.equal(await phone.agentState(), 'Available');
        process.stdout.write(`\nRe-registered ${reRegisteredMs} ms after Kamailio restarted\n`);

        await takeMariasCall();
        const record = await nextEndedRecord(before);
        assert.equal(record.Direction__c, 'Inbound');
        assert.equal(record.From_Number__c, maria.number);
        assert.equal(record.Outcome__c, 'Connected');
        assert.equal(record.Contact__c, maria.id);
        // One log for the one call: nothing logged twice across the restart.
        assert.equal(await endedRecordCount(), before + 1);
        assert.deepEqual(session.pageErrors, []);
    });

    /**
     * sipp calls the agent with the identity `keys` (uac-caller-identity.xml) and gives up after
     * ringing; resolves with the Phone_Call__c logged for the missed call, once sipp passed.
     */
    async function missedCallFrom(keys, { seen, screenshot }) {
        const before = await endedRecordCount();
        const caller = await sipp({
            scenario: 'uac-caller-identity.xml',
            service: agent.user,
            pauseMs: 2000,
            keys: { identity: 'X-Identity-Case: none', privacy: 'X-Privacy-Case: none', ...keys }
        });
        await phone.frame.getByText('Incoming call').first().waitFor();
        await phone.frame.getByText(seen, { exact: true }).first().waitFor();
        await session.screenshot(screenshot);
        await assertSippPassed(caller);
        return nextEndedRecord(before);
    }

    /** The searchParams of every searchAndScreenPop the softphone asked the host for so far. */
    async function searchesMade() {
        const activity = await session.hook(() => window.localConsole.activity());
        return activity
            .filter((entry) => entry.kind === 'opencti' && entry.method === 'searchAndScreenPop')
            .map((entry) => entry.args?.[0]?.searchParams ?? entry.args?.searchParams);
    }

    it('a caller known by a name (From: <sip:alice@…>) rings as alice, is searched and logged as alice', async () => {
        const record = await missedCallFrom(
            { from: '"Front Desk" <sip:alice@127.0.0.1>' },
            { seen: 'alice', screenshot: 'sip-07-named-caller' }
        );
        assert.equal(record.Direction__c, 'Inbound');
        assert.equal(record.From_Number__c, 'alice');
        assert.equal(record.Outcome__c, 'Missed');
        assert.ok((await searchesMade()).includes('alice'), 'no search for alice');
    });

    it('a From user with ;phone-context= and separators is read as the number: pops Maria Lopez', async () => {
        const record = await missedCallFrom(
            { from: '<sip:+1-415-555-0101;phone-context=+1@127.0.0.1>' },
            { seen: 'Maria Lopez', screenshot: 'sip-08-parameterised-from' }
        );
        assert.equal(record.From_Number__c, maria.number);
        assert.equal(record.Contact__c, maria.id);
        assert.equal(record.Outcome__c, 'Missed');
    });

    it('a caller who asked for privacy (Privacy: id) is withheld: no search, no number logged', async () => {
        const searches = (await searchesMade()).length;
        const record = await missedCallFrom(
            {
                from: '"Maria" <sip:+14155550101@127.0.0.1>',
                identity: 'P-Asserted-Identity: <sip:+14155550101@127.0.0.1>',
                privacy: 'Privacy: id'
            },
            { seen: 'Withheld number', screenshot: 'sip-09-private-caller' }
        );
        assert.equal(record.From_Number__c, undefined);
        assert.equal(record.Contact__c, undefined);
        assert.equal((await searchesMade()).length, searches, 'a private caller was searched');
    });

    it('ends a call dropped with the WebSocket toward the caller: sipp gets a BYE once Kamailio is back', async () => {
        const before = await endedRecordCount();
        const caller = await sipp({
            scenario: 'uac-call-dropped.xml',
            service: agent.user,
            timeoutSeconds: 20
        });
        await phone.frame.getByText('Maria Lopez').first().waitFor();
        await phone.answer();
        await phone.waitForCallState('Connected');
        const ports = {
            sipPort: kamailio.sipPort,
            wsPort: kamailio.wsPort,
            gatewayPort: kamailio.gatewayPort
        };
        await kamailio.stop();
        await waitForConnection(session, 'Reconnecting…');
        await finishWrapUp();
        const dropped = await nextEndedRecord(before);
        assert.equal(dropped.Outcome__c, 'Dropped');
        await session.screenshot('sip-10-dropped');
        kamailio = await startKamailio(ports);
        const restarted = Date.now();
        // sipp passes only once it received the BYE (its scenario waits for it, up to its
        // -recv_timeout) and answered it; it may finish before a trace poll would see it.
        const result = await assertSippPassed(caller);
        const byes = findMessages(result.messages, { direction: 'received', method: 'BYE' });
        assert.equal(byes.length, 1);
        // The bound the SIP guide states: the BYE within 5 s of the server's return.
        const byeAfterMs = byes[0].at - restarted;
        assert.ok(byeAfterMs <= 5000, `BYE ${byeAfterMs} ms after Kamailio restarted`);
        process.stdout.write(
            `\nBYE for the dropped call ${byeAfterMs} ms after Kamailio restarted\n`
        );
        await waitForConnection(session, 'Connected', 10_000);
        assert.equal(await endedRecordCount(), before + 1);
        assert.deepEqual(session.pageErrors, []);
    });
});
