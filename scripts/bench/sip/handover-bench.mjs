// The transfer and conference rows of `npm run bench:sip`, measured on the SIP connector in
// headless Chromium (the SIP test page, test/sip/page/), registered with the bench's Kamailio:
// - blind transfer: from the transfer request to the REFER reaching sipp (the transferee);
// - merge: from the merge request to the mix being audible — the sipp caller's mix and what the
//   agent hears both carry a second party's tone (a second page registered as its own user,
//   whose audio crosses a real WebRTC path).
// The request is the call into the connector a click on Transfer or Merge makes; the page's
// times are wall-clock (Date.now()), sipp's come from its message trace.
import { findMessage, startSipp } from '../../../test/sip/sip-rig.mjs';
import { bundleSipTestPage, openSipTestPage } from '../../../test/sip/sip-test-page.mjs';

const AGENT = { user: 'bench-agent', password: 'not-checked-locally' };
const PARTY = { user: '2099', password: 'not-checked-locally' };
/** RMS above which the mix counts as audible (the party's tone is ~0.35). */
const AUDIBLE = 0.01;

async function ok(outcome, what) {
    const result = await outcome;
    if (!result.ok) {
        throw new Error(`${what}: ${result.error}`);
    }
    return result;
}

async function passed(run) {
    const result = await run.done;
    if (result.code !== 0) {
        throw new Error(`sipp failed (${result.code}):\n${result.errors}\n${result.stdout}`);
    }
    return result;
}

/** sipp calls the agent's page, which answers; resolves with the sipp run and the call id. */
async function answeredCall(page, kamailio, scenario, keys = {}) {
    const from = (await page.events()).length;
    const caller = await startSipp({ scenario, kamailio, service: AGENT.user, keys });
    const incoming = await page.waitForEvent({ type: 'incoming' }, { from });
    await ok(page.call('answer', incoming.callId), 'answer');
    await page.waitForEvent({ type: 'answered', callId: incoming.callId }, { from });
    return { caller, callId: incoming.callId, from };
}

/** One blind transfer: the request → the REFER at sipp (ms). */
async function blindTransfer(page, kamailio) {
    const { caller, callId, from } = await answeredCall(page, kamailio, 'uac-call-transfer.xml', {
        final: '200 OK'
    });
    const request = await ok(page.call('blindTransfer', callId, '5550100300'), 'transfer');
    await page.waitForEvent({ type: 'ended', callId }, { from });
    const result = await passed(caller);
    const refer = findMessage(result.messages, { direction: 'received', method: 'REFER' });
    return refer.at - request.startedAt;
}

/** One merge: the request → both the caller's mix and the agent's speaker audible (ms). */
async function merge(page, kamailio) {
    const { caller, callId, from } = await answeredCall(page, kamailio, 'uac-call-conference.xml');
    const consult = await ok(page.call('startConsult', callId, PARTY.user), 'consult');
    const partyId = consult.value;
    await page.waitForEvent({ type: 'answered', callId: partyId }, { from });
    const timed = await page.call('timedMerge', callId, partyId, [callId, 'agent'], AUDIBLE);
    await ok(page.call('dropParty', partyId), 'drop party');
    await ok(page.call('hangup', callId), 'hang up');
    await passed(caller);
    return { audible: timed.audibleAt - timed.startedAt, merged: timed.mergedAt - timed.startedAt };
}

/**
 * Runs `calls` (+ `warmUp`) blind transfers and merges against `kamailio`; resolves with the
 * samples in ms: { transferToRefer: [], mergeToAudible: [], mergeResolved: [] }.
 */
export async function benchHandover({ kamailio, calls, warmUp, progress }) {
    const browser = await openSipTestPage({ script: await bundleSipTestPage() });
    let party;
    try {
        const start = { webSocketUrl: kamailio.webSocketUrl, domain: '127.0.0.1' };
        await ok(browser.call('start', { ...start, ...AGENT }), 'the agent registers');
        party = await browser.openAnotherPage();
        await ok(
            party.call('start', { ...start, ...PARTY, tone: 660, autoAnswer: true }),
            'the second party registers'
        );
        const samples = { transferToRefer: [], mergeToAudible: [], mergeResolved: [] };
        for (let index = -warmUp; index < calls; index += 1) {
            const referMs = await blindTransfer(browser, kamailio);
            const merged = await merge(browser, kamailio);
            if (index >= 0) {
                samples.transferToRefer.push(referMs);
                samples.mergeToAudible.push(merged.audible);
                samples.mergeResolved.push(merged.merged);
                if ((index + 1) % 5 === 0 || index + 1 === calls) {
                    progress(`transfer and merge: ${index + 1}/${calls}`);
                }
            }
        }
        return samples;
    } finally {
        await party?.call('disconnect').catch(() => undefined);
        await browser.call('disconnect').catch(() => undefined);
        await browser.close();
    }
}
