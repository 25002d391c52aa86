// The SIP connector end to end: the real SipConnector (JsSIP, WebRTC) in headless Chromium,
// registered over WebSocket with a local Kamailio, called by and calling sipp.
// Skipped (with the install command) when a program is missing, unless REQUIRE_SYSTEM_TESTS=1.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
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
const timings = [];

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

function timing(name, ms) {
    timings.push(`${name}: ${ms.toFixed(1)} ms`);
}

sipSuite('SipConnector in Chromium against Kamailio and sipp', { timeout: 120_000 }, () => {
    let kamailio;
    let browser;

    before(async () => {
        kamailio = await startKamailio();
        timing('Kamailio start → WebSocket port open', kamailio.startupMs);
        browser = await openSipTestPage({ script: await bundleSipTestPage() });
    });

    after(async () => {
        if (browser) {
            // Unregister first, so Kamailio keeps no contact of a closed browser.
            await browser.call('disconnect').catch(() => undefined);
            await browser.close();
        }
        await kamailio?.stop();
        process.stdout.write(`\nSIP timings (not asserted)\n  ${timings.join('\n  ')}\n`);
        const leftovers = await reapLeftovers(browser?.processGroups ?? []);
        assert.deepEqual(leftovers, [], 'processes the test started were still running');
    });

    /** The events since `from`, without the page's timestamps. */
    async function eventsSince(from) {
        return (await browser.events()).slice(from).map((event) => {
            const copy = { ...event };
            delete copy.at;
            return copy;
        });
    }

    it('registers over WebSocket', async () => {
        const outcome = await browser.call('start', {
            webSocketUrl: kamailio.webSocketUrl,
            domain: '127.0.0.1',
            ...agent
        });
        assert.equal(outcome.ok, true, outcome.error);
        timing('connect() → registered', outcome.endedAt - outcome.startedAt);
        assert.deepEqual(await eventsSince(0), [
            { type: 'connection', status: 'connecting' },
            { type: 'connection', status: 'connected' }
        ]);
    });

    /** sipp calls the agent, the page answers, sipp hangs up; returns the timings. */
    async function takeCall() {
        const from = (await browser.events()).length;
        const sipp = await startSipp({
            scenario: 'uac-call-agent.xml',
            kamailio,
            service: agent.user,
            pauseMs: 300
        });
        const incoming = await browser.waitForEvent({ type: 'incoming' }, { from });
        assert.equal(incoming.from, '+14155550199');
        assert.equal(incoming.fromName, 'Ada Lovelace');
        assert.equal(incoming.to, agent.user);

        const answer = await browser.call('answer', incoming.callId);
        assert.equal(answer.ok, true, answer.error);
        await browser.waitForEvent({ type: 'ended', callId: incoming.callId }, { from });

        const result = await sipp.done;
        assert.equal(result.code, 0, `sipp failed:\n${result.errors}\n${result.stdout}`);
        assert.deepEqual(await eventsSince(from), [
            {
                type: 'incoming',
                callId: incoming.callId,
                from: '+14155550199',
                fromName: 'Ada Lovelace',
                to: agent.user
            },
            { type: 'answered', callId: incoming.callId },
            { type: 'ended', callId: incoming.callId, reason: 'remote-hangup' }
        ]);
        const invite = findMessage(result.messages, { direction: 'sent', method: 'INVITE' });
        const ok = findMessage(result.messages, { direction: 'received', status: 200 });
        return {
            inviteToIncoming: incoming.at - invite.at,
            answerToOk: ok.at - answer.startedAt,
            microphone: await browser.lastMicrophoneMs()
        };
    }

    it('takes a call from sipp: asserted caller id, answer, the caller hangs up', async () => {
        const cold = await takeCall();
        timing('inbound INVITE (sipp) → incoming event (page)', cold.inviteToIncoming);
        timing('answer() → 200 OK at sipp, first call', cold.answerToOk);
        timing('  of which getUserMedia (fake device start-up)', cold.microphone);
        const warm = await takeCall();
        timing('inbound INVITE (sipp) → incoming event (page), second call', warm.inviteToIncoming);
        timing('answer() → 200 OK at sipp, second call', warm.answerToOk);
        timing('  of which getUserMedia', warm.microphone);
    });

    it('announces a caller with hostile From and P-Asserted-Identity as unknown, and declines', async () => {
        const from = (await browser.events()).length;
        const sipp = await startSipp({
            scenario: 'uac-malformed-caller.xml',
            kamailio,
            service: agent.user
        });
        const incoming = await browser.waitForEvent({ type: 'incoming' }, { from });
        assert.equal(incoming.from, '');
        assert.equal(incoming.fromName, undefined);

        const decline = await browser.call('decline', incoming.callId);
        assert.equal(decline.ok, true, decline.error);

        const result = await sipp.done;
        assert.equal(result.code, 0, `sipp failed:\n${result.errors}\n${result.stdout}`);
        assert.deepEqual(await eventsSince(from), [
            { type: 'incoming', callId: incoming.callId, from: '', to: agent.user },
            { type: 'ended', callId: incoming.callId, reason: 'declined' }
        ]);
    });

    it('stops ringing when the caller gives up: ended cancelled', async () => {
        const from = (await browser.events()).length;
        const sipp = await startSipp({
            scenario: 'uac-cancel.xml',
            kamailio,
            service: agent.user,
            pauseMs: 200
        });
        const incoming = await browser.waitForEvent({ type: 'incoming' }, { from });
        assert.equal(incoming.from, '+14155550142');
        await browser.waitForEvent({ type: 'ended', callId: incoming.callId }, { from });

        const result = await sipp.done;
        assert.equal(result.code, 0, `sipp failed:\n${result.errors}\n${result.stdout}`);
        assert.deepEqual(await eventsSince(from), [
            {
                type: 'incoming',
                callId: incoming.callId,
                from: '+14155550142',
                fromName: 'Impatient Caller',
                to: agent.user
            },
            { type: 'ended', callId: incoming.callId, reason: 'cancelled' }
        ]);
    });

    it('calls a number: ringing, answered, the agent hangs up', async () => {
        const from = (await browser.events()).length;
        const sipp = await startSipp({
            scenario: 'uas-answer-wait-bye.xml',
            kamailio,
            uas: true
        });
        const dial = await browser.call('dial', '+1 (555) 010-0200');
        assert.equal(dial.ok, true, dial.error);
        const callId = dial.value;
        const ringing = await browser.waitForEvent({ type: 'remoteRinging', callId }, { from });
        const answered = await browser.waitForEvent({ type: 'answered', callId }, { from });

        const hangup = await browser.call('hangup', callId);
        assert.equal(hangup.ok, true, hangup.error);

        const result = await sipp.done;
        assert.equal(result.code, 0, `sipp failed:\n${result.errors}\n${result.stdout}`);
        assert.deepEqual(await eventsSince(from), [
            { type: 'remoteRinging', callId },
            { type: 'answered', callId },
            { type: 'ended', callId, reason: 'local-hangup' }
        ]);
        const invite = findMessage(result.messages, {
            direction: 'received',
            method: 'INVITE'
        });
        assert.match(invite.firstLine, /^INVITE sip:\+15550100200@127\.0\.0\.1 SIP\/2\.0$/);
        const ringingSent = findMessage(result.messages, { direction: 'sent', status: 180 });
        const okSent = findMessage(result.messages, { direction: 'sent', status: 200 });
        timing('dial() → INVITE at sipp', invite.at - dial.startedAt);
        timing('  of which getUserMedia', await browser.lastMicrophoneMs());
        timing('180 sent (sipp) → remoteRinging event (page)', ringing.at - ringingSent.at);
        timing('200 sent (sipp) → answered event (page)', answered.at - okSent.at);
    });

    it('calls a number whose far end hangs up: ended remote-hangup', async () => {
        const from = (await browser.events()).length;
        const sipp = await startSipp({
            scenario: 'uas-answer-bye.xml',
            kamailio,
            uas: true,
            pauseMs: 200
        });
        const dial = await browser.call('dial', '5550100201');
        assert.equal(dial.ok, true, dial.error);
        const callId = dial.value;
        await browser.waitForEvent({ type: 'ended', callId }, { from });

        const result = await sipp.done;
        assert.equal(result.code, 0, `sipp failed:\n${result.errors}\n${result.stdout}`);
        assert.deepEqual(await eventsSince(from), [
            { type: 'remoteRinging', callId },
            { type: 'answered', callId },
            { type: 'ended', callId, reason: 'remote-hangup' }
        ]);
    });

    it('sends DTMF by SIP INFO when RTP tones cannot go, then holds and resumes', async () => {
        const from = (await browser.events()).length;
        const logsFrom = (await browser.logs()).length;
        const sipp = await startSipp({
            scenario: 'uas-answer-hold-dtmf.xml',
            kamailio,
            uas: true
        });
        const dial = await browser.call('dial', '5550100101');
        assert.equal(dial.ok, true, dial.error);
        const callId = dial.value;
        await browser.waitForEvent({ type: 'answered', callId }, { from });

        // telephone-event is negotiated, but with no media path (sipp has no ICE or DTLS)
        // Chromium's RTCDTMFSender cannot insert tones: the connector falls back to SIP INFO.
        // The INFOs go one by one (JsSIP waits between tones): the scenario wants both before
        // the hold re-INVITE.
        const dtmf = await browser.call('sendDtmf', callId, '1#');
        assert.equal(dtmf.ok, true, dtmf.error);
        await sipp.waitForMessages({ direction: 'received', method: 'INFO' }, { count: 2 });
        for (const action of ['hold', 'resume', 'hangup']) {
            const outcome = await browser.call(action, callId);
            assert.equal(outcome.ok, true, `${action}: ${outcome.error}`);
        }

        const result = await sipp.done;
        assert.equal(result.code, 0, `sipp failed:\n${result.errors}\n${result.stdout}`);
        const infos = findMessages(result.messages, { direction: 'received', method: 'INFO' });
        assert.deepEqual(
            infos.map((info) => [headerOf(info, 'Content-Type'), dtmfSignal(info)]),
            [
                ['application/dtmf-relay', '1'],
                ['application/dtmf-relay', '#']
            ]
        );
        assert.deepEqual(await browser.page.evaluate(() => window.sipTest.rtpTones), []);
        const logs = (await browser.logs()).slice(logsFrom).map((log) => log.message);
        assert.ok(logs.includes('No RTP channel for tones; sending DTMF by SIP INFO.'));
        const [, hold, resume] = findMessages(result.messages, {
            direction: 'received',
            method: 'INVITE'
        });
        assert.deepEqual(mediaDirections(hold), ['sendonly']);
        assert.deepEqual(mediaDirections(resume), ['sendrecv']);
        assert.deepEqual(await eventsSince(from), [
            { type: 'remoteRinging', callId },
            { type: 'answered', callId },
            { type: 'held', callId },
            { type: 'resumed', callId },
            { type: 'ended', callId, reason: 'local-hangup' }
        ]);
    });

    it('calls a busy number: ended busy', async () => {
        const from = (await browser.events()).length;
        const sipp = await startSipp({ scenario: 'uas-busy.xml', kamailio, uas: true });
        const dial = await browser.call('dial', '5550100486');
        assert.equal(dial.ok, true, dial.error);
        const callId = dial.value;
        await browser.waitForEvent({ type: 'ended', callId }, { from });

        const result = await sipp.done;
        assert.equal(result.code, 0, `sipp failed:\n${result.errors}\n${result.stdout}`);
        assert.deepEqual(await eventsSince(from), [
            { type: 'remoteRinging', callId },
            { type: 'ended', callId, reason: 'busy', message: 'SIP 486 Busy Here' }
        ]);
        assert.deepEqual(await browser.call('liveCallIds'), []);
        assert.deepEqual(browser.pageErrors, []);
    });
});
