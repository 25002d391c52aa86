/** @jest-environment jsdom */
/**
 * A script of the softphone's origin that is no softphone opens the tabs' channel and forges
 * messages (issue 15, finding 5). Same-origin scripts are trusted to do what the agent can do,
 * validated; what must never come back is a secret: the connector's sign-in or an unmasked log.
 */
import { LOG_FILE_TYPE } from '../diagnostics/log-download';
import type { FakeBroadcastChannel } from './test-support/fake-broadcast-channel';
import { envelope, fullViewModel } from './test-support/tab-messages';
import { TabWorld, type LeaderTab } from './test-support/tab-world';

const SECRET = { user: 'agent1', password: 'hunter2-s3cret' };
const FORGER = 'forger';

/** The forging page: a raw channel that keeps everything it hears. */
function forgingPage(world: TabWorld): { channel: FakeBroadcastChannel; heard: unknown[] } {
    const channel = world.rawChannel();
    const heard: unknown[] = [];
    channel.addEventListener('message', (event) => heard.push(event.data));
    return { channel, heard };
}

let world: TabWorld;
let leaderTab: LeaderTab;

beforeEach(() => {
    world = new TabWorld();
    leaderTab = world.openLeader();
    leaderTab.leader.keepCredentialsForHandover(SECRET);
    leaderTab.leader.publishView(fullViewModel());
});

afterEach(() => {
    document.body.replaceChildren();
});

describe('a forging same-origin page on the tabs’ channel', () => {
    it('gets the view in answer to a hello, and never the credentials', async () => {
        const { channel, heard } = forgingPage(world);
        channel.postMessage(envelope({ kind: 'hello', visible: true, activeAt: 0 }, FORGER));
        await world.settle();
        expect(heard.map((data) => (data as { kind: string }).kind)).toEqual(['view']);
        expect(JSON.stringify(heard)).not.toContain(SECRET.password);
        expect(JSON.stringify(world.network.posted)).not.toContain(SECRET.password);
    });

    it('gets the credentials by no message it can send', async () => {
        const { channel, heard } = forgingPage(world);
        for (const kind of ['hello', 'activity', 'leader', 'bye', 'signingIn', 'refreshView']) {
            channel.postMessage(envelope({ kind, visible: true, activeAt: 0 }, FORGER));
        }
        channel.postMessage(envelope({ kind: 'logFileRequest', requestId: 'log-1' }, FORGER));
        channel.postMessage(envelope({ kind: 'handover', values: { ask: 'please' } }, FORGER));
        await world.settle();
        expect(heard.length).toBeGreaterThan(0);
        expect(JSON.stringify(heard)).not.toContain(SECRET.password);
    });

    it('hears the credentials only when the leader’s tab goes, posted once', async () => {
        const { channel, heard } = forgingPage(world);
        channel.postMessage(envelope({ kind: 'hello', visible: true, activeAt: 0 }, FORGER));
        await world.settle();
        leaderTab.leader.handOver();
        await world.settle();
        const handovers = heard.filter((data) => (data as { kind: string }).kind === 'handover');
        expect(handovers).toEqual([
            { kind: 'handover', values: SECRET, protocol: 2, from: leaderTab.tabId }
        ]);
    });

    it('no handover is posted when no tab follows, or when there is no sign-in', async () => {
        leaderTab.leader.handOver();
        await world.settle();
        const other = world.openLeader({ tabId: 'other-leader' });
        await world.openFollower('tab-b');
        other.leader.handOver();
        other.leader.keepCredentialsForHandover({});
        other.leader.handOver();
        await world.settle();
        expect(
            world.network.posted.map((posted) => (posted.data as { kind: string }).kind)
        ).not.toContain('handover');
    });

    it('gets the log with every phone number masked, even where the admin shows numbers', async () => {
        leaderTab.services.logFile.mockReturnValue({
            filename: 'softphone-log.txt',
            text: '2026-01-01T00:00:00.000Z info call.started {"from":"+14155550101"}',
            type: LOG_FILE_TYPE
        });
        const { channel, heard } = forgingPage(world);
        channel.postMessage(envelope({ kind: 'logFileRequest', requestId: 'log-1' }, FORGER));
        await world.settle();
        expect(heard).toEqual([
            {
                kind: 'logFile',
                requestId: 'log-1',
                file: {
                    filename: 'softphone-log.txt',
                    text: '2026-01-01T00:00:00.000Z info call.started {"from":"+1••••••0101"}',
                    type: LOG_FILE_TYPE
                },
                protocol: 2,
                from: leaderTab.tabId,
                to: FORGER
            }
        ]);
    });

    it('places a call with a forged dial as the agent’s click would (trusted, validated)', async () => {
        const { channel } = forgingPage(world);
        channel.postMessage(
            envelope({ kind: 'action', action: { name: 'dial', number: '+14155550101' } }, FORGER)
        );
        await world.settle();
        expect(leaderTab.actions.dial.mock.calls).toEqual([['+14155550101']]);
    });

    it.each<[string, unknown]>([
        ['with a record to relate (not an agent click)', { recordId: '003000000000001' }],
        ['with a number too long for the contract', { number: '1'.repeat(41) }],
        ['with an empty number', { number: '' }],
        ['with a number that is not text', { number: 14155550101 }]
    ])('drops a forged dial %s', async (_label, change) => {
        const { channel } = forgingPage(world);
        channel.postMessage(
            envelope(
                {
                    kind: 'action',
                    action: { name: 'dial', number: '+14155550101', ...(change as object) }
                },
                FORGER
            )
        );
        await world.settle();
        expect(leaderTab.actions.dial).not.toHaveBeenCalled();
        expect(leaderTab.problems.map((problem) => problem.reason)).toEqual(['invalid']);
    });

    it('cannot sign the softphone in as another agent once it runs', async () => {
        const { channel } = forgingPage(world);
        const signedIn = jest.fn();
        // The sign-in the softphone started with came from its own form.
        void leaderTab.leader.signInFromAnyTab().then(signedIn);
        leaderTab.leader.endSignIn();
        channel.postMessage(
            envelope({ kind: 'signIn', values: { user: 'mallory', password: 'x' } }, FORGER)
        );
        await world.settle();
        expect(signedIn).not.toHaveBeenCalled();
    });

    it('cannot hand a follower another agent’s sign-in that outlives the next leader', async () => {
        const b = await world.openFollower('tab-b');
        const { channel } = forgingPage(world);
        channel.postMessage(envelope({ kind: 'handover', values: { user: 'mallory' } }, FORGER));
        await world.settle();
        // The leader that takes over announces itself; the forged values are dropped.
        world.openLeader({ tabId: 'next-leader' });
        await world.settle();
        expect((await b.follower.stop()).credentials).toBeUndefined();
    });
});
