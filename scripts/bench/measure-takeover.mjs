/* global document */
// Leader tab closes → another tab's softphone leads and is connected: a second console page in
// the same browser profile follows the first; the bench closes the leading tab and times, in
// wall-clock milliseconds, until the follower's softphone says it started as the leader. A new
// tab is opened each round to be the next follower.
import { scaled } from './bench-scale.mjs';
import { summarise } from './statistics.mjs';

export const TAKEOVERS = scaled(10);

/** Resolves (in the page) with Date.now() once its softphone leads and has started. */
function leadingSince() {
    return new Promise((resolve) => {
        const check = () => {
            const frame = document.querySelector('[data-testid="softphone-frame"]');
            const root = frame?.contentDocument?.getElementById('softphone-root');
            if (root?.dataset.tabRole === 'leader' && root.dataset.softphone === 'started') {
                resolve(Date.now());
                return;
            }
            setTimeout(check, 5);
        };
        check();
    });
}

export async function measureTakeover(session, progress) {
    const samples = [];
    let leader = session;
    for (let round = 0; round < TAKEOVERS; round += 1) {
        const follower = await session.openTab();
        const role = await follower.page.evaluate(
            () =>
                document
                    .querySelector('[data-testid="softphone-frame"]')
                    ?.contentDocument?.getElementById('softphone-root')?.dataset.tabRole
        );
        if (role !== 'follower') {
            throw new Error(`a second tab's softphone is ${role}, not a follower`);
        }
        const led = follower.page.evaluate(leadingSince);
        const closedAt = Date.now();
        await leader.closeTab();
        samples.push((await led) - closedAt);
        leader = follower;
    }
    progress(`takeover: ${TAKEOVERS} leader tabs closed`);
    return { takeover: summarise(samples) };
}
