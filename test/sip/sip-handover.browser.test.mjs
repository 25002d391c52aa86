// Transfer, consult and conference over SIP end to end: the real SipConnector (JsSIP, WebRTC)
// in headless Chromium, registered with a local Kamailio; sipp plays the transferee (REFER,
// 202, NOTIFYs with sipfrag) and the consult target. The conference's second party is another
// Chromium page registered as its own SIP user, whose microphone is a steady tone: real audio
// flows, and the test measures it in the agent's mixer and at that far end.
// Skipped (with the install command) when a program is missing, unless REQUIRE_SYSTEM_TESTS=1.
import assert from 'node:assert/strict';
import { after, afterEach, before, it } from 'node:test';
import {
    findMessage,
    findMessages,
    headerOf,
    reapLeftovers,
    startKamailio,
    startSipp
} from './sip-rig.mjs';
import { sipSuite } from './sip-suite.mjs';
import { bundleSipTestPage, openSipTestPage } from './sip-test-page.mjs';

const agent = { user: 'agent', password: 'not-checked-locally', displayName: 'Test Agent' };
const party = { user: '2002', password: 'not-checked-locally', displayName: 'Second Party' };
/** RMS above which audio counts as heard (the tone is ~0.35, silence 0). */
const AUDIBLE = 0.01;
const measured = [];

sipSuite('Transfer, consult and conference over SIP (Kamailio, sipp)', { timeout: 180_000 }, () => {
    let kamailio;
    let browser;

    before(async () => {
        kamailio = await startKamailio();
        browser = await openSipTestPage({ script: await bundleSipTestPage() });
        const outcome = await browser.call('start', {
            webSocketUrl: kamailio.webSocketUrl,
            domain: '127.0.0.1',
            ...agent
        });
        assert.equal(outcome.ok, true, outcome.error);
    });

    after(async () => {
        if (browser) {
            await browser.call('disconnect').catch(() => undefined);
            await browser.close();
        }
        await kamailio?.stop();
        process.stdout.write(
            `\nConference audio (RMS, loudest over 2 s)\n  ${measured.join('\n  ')}\n`
        );
        const leftovers = await reapLeftovers(browser?.processGroups ?? []);
        assert.deepEqual(leftovers, [], 'processes the test started were still running');
    });

    /** The events since `from`, without the page's timestamps. */
    async function eventsSince(page, from) {
        return (await page.events()).slice(from).map((event) => {
            const copy = { ...event };
            delete copy.at;
            return copy;
        });
    }

    async function ok(outcome, what) {
        const result = await outcome;
        assert.equal(result.ok, true, `${what}: ${result.error}`);
        return result.value;
    }

    async function sippPassed(run) {
        const result = await run.done;
        assert.equal(result.code, 0, `sipp failed:\n${result.errors}\n${result.stdout}`);
        return result;
    }

    /**
     * The sipp runs a test started, stopped when it ends whatever happened (a no-op once done),
     * and the calls a failed test left up: the next test starts with no call.
     */
    const started = [];
    afterEach(async () => {
        await Promise.all(started.splice(0).map((run) => run.stop()));
        for (const callId of (await browser?.call('liveCallIds')) ?? []) {
            await browser.call('hangup', callId);
        }
    });

    async function sipp(options) {
        const run = await startSipp({ kamailio, ...options });
        started.push(run);
        return run;
    }

    /** sipp calls the agent with `scenario`; the page answers. Resolves with the call id. */
    async function answeredCall(scenario, keys = {}) {
        const from = (await browser.events()).length;
        const caller = await sipp({ scenario, service: agent.user, keys });
        const incoming = await browser.waitForEvent({ type: 'incoming' }, { from });
        await ok(browser.call('answer', incoming.callId), 'answer');
        await browser.waitForEvent({ type: 'answered', callId: incoming.callId }, { from });
        return { caller, callId: incoming.callId, from };
    }

    it('blind transfer: REFER with Refer-To, NOTIFY 100 then 200, the agent’s leg ends transferred', async () => {
        const { caller, callId, from } = await answeredCall('uac-call-transfer.xml', {
            final: '200 OK'
        });
        await ok(browser.call('blindTransfer', callId, '555 0100 300'), 'blindTransfer');
        await browser.waitForEvent({ type: 'ended', callId }, { from });

        const result = await sippPassed(caller);
        const refer = findMessage(result.messages, { direction: 'received', method: 'REFER' });
        assert.equal(headerOf(refer, 'Refer-To'), '<sip:5550100300@127.0.0.1>');
        assert.match(headerOf(refer, 'Referred-By') ?? '', /^<sip:agent@127\.0\.0\.1>/);
        const notifies = findMessages(result.messages, { direction: 'sent', method: 'NOTIFY' });
        assert.deepEqual(
            notifies.map((notify) => notify.text.trim().split('\n').at(-1).trim()),
            ['SIP/2.0 100 Trying', 'SIP/2.0 200 OK']
        );
        // The browser answered both NOTIFYs, and hung up only after the final one.
        assert.equal(
            findMessages(result.messages, { direction: 'received', status: 200 }).length,
            3
        );
        const bye = findMessage(result.messages, { direction: 'received', method: 'BYE' });
        assert.ok(bye.at >= notifies[1].at, 'the BYE came before the final NOTIFY');
        const target = '5550100300';
        assert.deepEqual((await eventsSince(browser, from)).slice(2), [
            { type: 'transfer', callId, target, progress: 'trying' },
            { type: 'transfer', callId, target, progress: 'accepted' },
            { type: 'ended', callId, reason: 'transferred', message: `Transferred to ${target}.` }
        ]);
    });

    it('blind transfer to a busy target: the NOTIFY says 486, the call stays with the agent', async () => {
        const { caller, callId, from } = await answeredCall('uac-call-transfer.xml', {
            final: '486 Busy Here'
        });
        await ok(browser.call('blindTransfer', callId, '5550100486'), 'blindTransfer');
        await browser.waitForEvent({ type: 'transfer', callId, progress: 'failed' }, { from });
        assert.deepEqual(await browser.call('liveCallIds'), [callId]);
        await ok(browser.call('hangup', callId), 'hangup');

        await sippPassed(caller);
        const target = '5550100486';
        assert.deepEqual((await eventsSince(browser, from)).slice(2), [
            { type: 'transfer', callId, target, progress: 'trying' },
            {
                type: 'transfer',
                callId,
                target,
                progress: 'failed',
                reason: 'busy',
                message: 'SIP 486 Busy Here'
            },
            { type: 'ended', callId, reason: 'local-hangup' }
        ]);
    });

    it('refused transfer: 403 to the REFER, the request fails with the PBX’s words, the call stays', async () => {
        const { caller, callId, from } = await answeredCall('uac-call-transfer-refused.xml');
        const transfer = await browser.call('blindTransfer', callId, '5550100300');
        assert.equal(transfer.ok, false);
        assert.equal(
            transfer.error,
            'The phone system refused to transfer the call to 5550100300 (SIP 403 Forbidden).'
        );
        assert.deepEqual(await browser.call('liveCallIds'), [callId]);
        await ok(browser.call('hangup', callId), 'hangup');
        await sippPassed(caller);
        assert.deepEqual((await eventsSince(browser, from)).slice(2), [
            { type: 'ended', callId, reason: 'local-hangup' }
        ]);
    });

    it('consult transfer: hold, consult call, REFER with Replaces naming the consult dialog', async () => {
        const gateway = await sipp({ scenario: 'uas-answer-wait-bye.xml', uas: true });
        const { caller, callId, from } = await answeredCall('uac-call-consult.xml', {
            final: '200 OK'
        });
        const consultId = await ok(
            browser.call('startConsult', callId, '5550100300'),
            'startConsult'
        );
        await browser.waitForEvent({ type: 'held', callId }, { from });
        await browser.waitForEvent({ type: 'answered', callId: consultId }, { from });

        await ok(browser.call('completeConsult', callId, consultId), 'completeConsult');
        await browser.waitForEvent({ type: 'ended', callId }, { from });
        await browser.waitForEvent({ type: 'ended', callId: consultId }, { from });

        const [transferee, target] = [await sippPassed(caller), await sippPassed(gateway)];
        const refer = findMessage(transferee.messages, { direction: 'received', method: 'REFER' });
        const referTo = headerOf(refer, 'Refer-To');
        const match = referTo.match(/^<sip:5550100300@127\.0\.0\.1\?Replaces=([^>]+)>$/);
        assert.ok(match, `Refer-To without Replaces: ${referTo}`);
        const [replacedCallId, ...params] = decodeURIComponent(match[1]).split(';');
        const consultInvite = findMessage(target.messages, {
            direction: 'received',
            method: 'INVITE'
        });
        const consultOk = findMessage(target.messages, { direction: 'sent', status: 200 });
        const tag = (header) => header.match(/;tag=([^;>\s]+)/)[1];
        assert.equal(replacedCallId, headerOf(consultInvite, 'Call-ID'));
        assert.deepEqual(params.sort(), [
            `from-tag=${tag(headerOf(consultInvite, 'From'))}`,
            `to-tag=${tag(headerOf(consultOk, 'To'))}`
        ]);
        assert.deepEqual(
            findMessages(transferee.messages, { direction: 'sent', method: 'NOTIFY' }).length,
            2
        );
        const events = await eventsSince(browser, from);
        const transferred = { reason: 'transferred', message: 'Transferred to 5550100300.' };
        assert.deepEqual(
            events.filter((event) => event.type === 'ended' || event.type === 'transfer'),
            [
                { type: 'transfer', callId, target: '5550100300', progress: 'trying' },
                { type: 'transfer', callId, target: '5550100300', progress: 'accepted' },
                { type: 'ended', callId, ...transferred },
                { type: 'ended', callId: consultId, ...transferred }
            ]
        );
    });

    it('consult transfer the target declines: NOTIFY 603, both calls stay as they were', async () => {
        const gateway = await sipp({ scenario: 'uas-answer-wait-bye.xml', uas: true });
        const { caller, callId, from } = await answeredCall('uac-call-consult.xml', {
            final: '603 Declined'
        });
        const consultId = await ok(
            browser.call('startConsult', callId, '5550100302'),
            'startConsult'
        );
        await browser.waitForEvent({ type: 'answered', callId: consultId }, { from });
        await ok(browser.call('completeConsult', callId, consultId), 'completeConsult');
        const failed = await browser.waitForEvent(
            { type: 'transfer', callId, progress: 'failed' },
            { from }
        );
        assert.equal(failed.reason, 'refused');
        assert.equal(failed.message, 'SIP 603 Declined');
        assert.deepEqual((await browser.call('liveCallIds')).sort(), [callId, consultId].sort());

        await ok(browser.call('hangup', consultId), 'hang up the consult call');
        await ok(browser.call('hangup', callId), 'hang up the caller');
        await sippPassed(gateway);
        await sippPassed(caller);
        const ends = (await eventsSince(browser, from)).filter((event) => event.type === 'ended');
        assert.deepEqual(ends, [
            { type: 'ended', callId: consultId, reason: 'local-hangup' },
            { type: 'ended', callId, reason: 'local-hangup' }
        ]);
    });

    it('consult target hangs up: the consult call ends, cancel resumes the held caller', async () => {
        const gateway = await sipp({
            scenario: 'uas-answer-bye.xml',
            uas: true,
            pauseMs: 300
        });
        const { caller, callId, from } = await answeredCall('uac-call-conference.xml');
        const consultId = await ok(
            browser.call('startConsult', callId, '5550100301'),
            'startConsult'
        );
        await browser.waitForEvent({ type: 'ended', callId: consultId }, { from });
        assert.deepEqual(await browser.call('liveCallIds'), [callId]);
        await sippPassed(gateway);

        await ok(browser.call('cancelConsult', callId, consultId), 'cancelConsult');
        await ok(browser.call('hangup', callId), 'hangup');
        await sippPassed(caller);
        const events = (await eventsSince(browser, from)).filter(
            (event) => event.callId === callId || event.type === 'ended'
        );
        assert.deepEqual(events.slice(2), [
            { type: 'held', callId },
            { type: 'ended', callId: consultId, reason: 'remote-hangup' },
            { type: 'resumed', callId },
            { type: 'ended', callId, reason: 'local-hangup' }
        ]);
    });

    it('conference mixed in the browser: each party hears the others, measured in the mix and at the far end', async () => {
        const partyPage = await browser.openAnotherPage();
        try {
            await ok(
                partyPage.call('start', {
                    webSocketUrl: kamailio.webSocketUrl,
                    domain: '127.0.0.1',
                    ...party,
                    tone: 660,
                    autoAnswer: true
                }),
                'party registers'
            );
            const { caller, callId, from } = await answeredCall('uac-call-conference.xml');
            const partyId = await ok(
                browser.call('startConsult', callId, party.user),
                'startConsult'
            );
            await browser.waitForEvent({ type: 'answered', callId: partyId }, { from });

            await ok(browser.call('mergeCalls', callId, partyId), 'mergeCalls');
            const conference = await browser.waitForEvent({ type: 'conference' }, { from });
            assert.deepEqual(conference.callIds, [callId, partyId]);

            // The second party's tone crosses a real WebRTC path into the agent's mixer.
            const levels = await browser.call('conferenceLevels', 2000);
            assert.ok(levels.from[partyId] > AUDIBLE, `party's audio: ${JSON.stringify(levels)}`);
            // The agent hears the party; the sipp caller hears the agent and the party; the
            // party hears the agent (the sipp caller sends no audio: it has no media path).
            assert.ok(levels.agent > AUDIBLE, `agent hears: ${JSON.stringify(levels)}`);
            assert.ok(levels.heardBy[callId] > AUDIBLE, `caller hears: ${JSON.stringify(levels)}`);
            assert.ok(levels.heardBy[partyId] > AUDIBLE, `party hears: ${JSON.stringify(levels)}`);
            assert.ok(
                levels.heardBy[callId] > levels.heardBy[partyId],
                `the caller hears more than the agent alone: ${JSON.stringify(levels)}`
            );
            // Measured at the far end: the party's page plays the mix the agent sends it.
            const heardAtParty = await partyPage.call('remoteLevel', 2000);
            const rounded = (value) => Number(value.toFixed(3));
            measured.push(
                `party's far end into the mix: ${rounded(levels.from[partyId])}`,
                `the agent hears: ${rounded(levels.agent)}`,
                `the sipp caller hears (agent + party): ${rounded(levels.heardBy[callId])}`,
                `the party hears (agent + caller), in the mix: ${rounded(levels.heardBy[partyId])}`,
                `the party hears, measured on its page: ${rounded(heardAtParty)}`
            );
            assert.ok(heardAtParty > AUDIBLE, `the party's page heard ${heardAtParty}`);

            await ok(browser.call('dropParty', partyId), 'dropParty');
            await browser.waitForEvent({ type: 'ended', callId: partyId }, { from });
            assert.equal(await browser.call('conferenceDetails'), null);
            await ok(browser.call('hangup', callId), 'hangup');
            await sippPassed(caller);
            const events = (await eventsSince(browser, from)).filter(
                (event) => event.type === 'conference' || event.type === 'ended'
            );
            assert.deepEqual(events, [
                { type: 'conference', callIds: [callId, partyId] },
                { type: 'ended', callId: partyId, reason: 'local-hangup' },
                { type: 'conference', callIds: [callId] },
                { type: 'ended', callId, reason: 'local-hangup' }
            ]);
            assert.deepEqual(browser.pageErrors, []);
        } finally {
            await partyPage.call('disconnect').catch(() => undefined);
        }
    });
});
