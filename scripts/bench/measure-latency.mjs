// Call-path latencies, each span timed inside the console page (page-driver.mjs) from the
// moment the console posts to the moment it sees the result, with the console's logs cleared
// before every iteration (outside the span) so its own panel rendering stays out of the way.
import { scaled } from './bench-scale.mjs';
import { summarise } from './statistics.mjs';

export const ITERATIONS = scaled(100);
const WARM_UP = 5;
const KNOWN_CALLER = '+14155550101'; // Contact Maria Lopez: one match, an SOBJECT pop
const DIALLED = '+14155550102';

async function repeat(session, label, progress, step) {
    const samples = [];
    for (let index = -WARM_UP; index < ITERATIONS; index += 1) {
        await session.drive('clearConsoleLogs');
        const sample = await step(index);
        if (index >= 0) {
            samples.push(sample);
        }
        await session.drive('settle', 30);
        if (index >= 0 && ((index + 1) % 25 === 0 || index + 1 === ITERATIONS)) {
            progress(`${label}: ${index + 1}/${ITERATIONS}`);
        }
    }
    return samples;
}

/**
 * Simulated inbound call from a known caller: the console posts the simulator message; "ringing"
 * is the first DOM change showing the incoming call in the softphone (MutationObserver), the
 * screen pop request is the softphone's first searchAndScreenPop reaching the console.
 */
export async function measureInbound(session, progress) {
    const samples = await repeat(session, 'inbound call', progress, () =>
        session.drive('inboundCall', KNOWN_CALLER)
    );
    return {
        ringing: summarise(samples.map((sample) => sample.ringing)),
        screenPopRequest: summarise(samples.map((sample) => sample.screenPopRequest))
    };
}

/**
 * An LWC's LMS `dial` (number only: with a recordId the softphone first reads Do Not Call with
 * a search, a Salesforce round trip): from the console's publish to the softphone showing
 * "Calling…" and to its callStarted event reaching the console (the LWC side).
 */
export async function measureLmsDial(session, progress) {
    const samples = await repeat(session, 'LMS dial', progress, (index) =>
        session.drive('lmsDial', DIALLED, `bench-dial-${index}`)
    );
    return {
        delivered: summarise(samples.map((sample) => sample.delivered)),
        calling: summarise(samples.map((sample) => sample.calling)),
        callStarted: summarise(samples.map((sample) => sample.callStarted))
    };
}
