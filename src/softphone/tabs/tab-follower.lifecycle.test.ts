/** @jest-environment jsdom */
import { buttonNamed, fieldLabelled, visibleText } from '../ui/test-support/softphone-fixtures';
import { askForCredentials } from '../ui/credentials-form';
import { HANDOVER_WAIT_MS } from './tab-follower';
import { fullViewModel } from './test-support/tab-messages';
import { T0, TabWorld, type LeaderTab, postedOf, memoryStorage } from './test-support/tab-world';

const SESSION_KEY = 'open-cti-softphone.session';

let world: TabWorld;
let leaderTab: LeaderTab;

beforeEach(() => {
    world = new TabWorld();
});

afterEach(() => {
    document.body.replaceChildren();
});

describe('mirroredSessionStorage', () => {
    it('writes through to storage and sends every write to the followers', async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b');
        const storage = memoryStorage();
        const mirrored = leaderTab.leader.mirroredSessionStorage(storage);
        mirrored.setItem(SESSION_KEY, '{"n":1}');
        mirrored.setItem(SESSION_KEY, '{"n":2}');
        expect(storage.values.get(SESSION_KEY)).toBe('{"n":2}');
        expect(mirrored.getItem(SESSION_KEY)).toBe('{"n":2}');
        expect(mirrored.getItem('other')).toBeNull();
        await world.settle();
        expect(postedOf(world, 'session').map((data) => data.json)).toEqual(['{"n":1}', '{"n":2}']);
        mirrored.removeItem(SESSION_KEY);
        expect(storage.values.has(SESSION_KEY)).toBe(false);
        await expect(b.follower.stop()).resolves.toMatchObject({ session: '{"n":2}' });
    });

    it('still mirrors when the browser blocks session storage', async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b');
        const mirrored = leaderTab.leader.mirroredSessionStorage(undefined);
        mirrored.setItem(SESSION_KEY, '{"n":3}');
        expect(mirrored.getItem(SESSION_KEY)).toBeNull();
        expect(() => mirrored.removeItem(SESSION_KEY)).not.toThrow();
        await world.settle();
        await expect(b.follower.stop()).resolves.toMatchObject({ session: '{"n":3}' });
    });
});

describe('TabFollower.stop', () => {
    it("hands over the last session, and the credentials of the leader's handover", async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b');
        const mirrored = leaderTab.leader.mirroredSessionStorage(undefined);
        mirrored.setItem(SESSION_KEY, 'first');
        mirrored.setItem(SESSION_KEY, 'last');
        leaderTab.leader.keepCredentialsForHandover({ token: 'old' });
        leaderTab.leader.keepCredentialsForHandover({ token: 'new' });
        await world.settle();
        expect(postedOf(world, 'handover')).toEqual([]);
        leaderTab.leader.handOver();
        await world.settle();
        await world.scheduler.advance(30_000);
        expect(await b.follower.stop()).toEqual({
            heardFromLeader: true,
            takenOverAt: T0 + 30_000,
            session: 'last',
            credentials: { token: 'new' }
        });
    });

    it('forgets a handover once another tab has taken over and leads', async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b');
        leaderTab.leader.keepCredentialsForHandover({ token: 'secret' });
        leaderTab.leader.handOver();
        await world.settle();
        world.openLeader({ tabId: 'tab-c-leader' });
        await world.settle();
        expect((await b.follower.stop()).credentials).toBeUndefined();
    });

    it("does not take other followers' messages for a leader's", async () => {
        const b = await world.openFollower('tab-b');
        await world.openFollower('tab-c');
        await world.settle();
        expect((await b.follower.stop()).heardFromLeader).toBe(false);
    });

    it('hands over nothing when no leader was ever heard', async () => {
        const b = await world.openFollower('tab-b');
        expect(await b.follower.stop()).toEqual({ heardFromLeader: false, takenOverAt: T0 });
    });

    it('stops following: LMS unsubscribed, console unlistened, view gone, no more messages', async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b');
        await b.follower.stop();
        expect(b.lms.unsubscribed).toEqual([{ id: 'subscription-1' }]);
        expect(b.console.unlisten).toHaveBeenCalledTimes(1);
        expect(b.root.dataset.tabRole).toBeUndefined();
        const postedBefore = world.network.posted.length;

        b.page.use('focus');
        leaderTab.leader.showPanelEverywhere();
        await world.settle();
        expect(b.showPanel).not.toHaveBeenCalled();
        expect(world.network.posted.length).toBe(postedBefore + 1);
    });

    it('works without a console to listen to', async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b', { listenToConsole: false });
        await expect(b.follower.stop()).resolves.toMatchObject({ takenOverAt: T0 });
        expect(b.errors).toEqual([]);
    });
});

describe('a takeover', () => {
    it('the follower that takes over leads the remaining followers', async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b');
        const c = await world.openFollower('tab-c');
        leaderTab.leader.stop();
        leaderTab.bus.close();

        await b.follower.stop();
        const next = world.openLeader({ tabId: 'tab-b-leader' });
        await world.settle();
        expect(next.leader.followerIds).toEqual(['tab-c']);
        next.leader.publishView(fullViewModel({ agentState: 'Available', calls: [] }));
        await world.settle();
        expect(fieldLabelled<HTMLSelectElement>(c.root, 'Status').value).toBe('Available');
    });
});

describe('TabFollower.awaitHandover (this tab just got the lock)', () => {
    const signIn = {
        prompt: {
            title: 'Sign in to your phone system',
            explanation: 'Kept in memory only.',
            fields: [{ name: 'token', label: 'Token', secret: true }]
        },
        ask: askForCredentials
    };

    it("waits for the leader's handover still on its way, then takes it over", async () => {
        const b = await world.openFollower('tab-b', { signIn });
        leaderTab = world.openLeader();
        await world.settle();
        leaderTab.leader.keepCredentialsForHandover({ token: 'secret' });
        // The leader's tab goes: its pagehide posts the handover, and the browser grants this
        // tab the lock before the message is delivered (the two are not ordered).
        leaderTab.leader.handOver();
        let waited = false;
        const waiting = b.follower.awaitHandover().then(() => {
            waited = true;
        });
        await Promise.resolve();
        expect(waited).toBe(false);
        await world.settle();
        await waiting;
        expect(world.scheduler.pendingTimers).toBe(0);
        expect((await b.follower.stop()).credentials).toEqual({ token: 'secret' });
    });

    it('gives up after a short wait when no handover comes (the leader crashed)', async () => {
        const b = await world.openFollower('tab-b', { signIn });
        leaderTab = world.openLeader();
        await world.settle();
        let waited = false;
        const waiting = b.follower.awaitHandover().then(() => {
            waited = true;
        });
        await world.scheduler.advance(HANDOVER_WAIT_MS - 1);
        expect(waited).toBe(false);
        await world.scheduler.advance(1);
        await waiting;
        expect(waited).toBe(true);
        expect((await b.follower.stop()).credentials).toBeUndefined();
    });

    it('does not wait when the handover is already here', async () => {
        const b = await world.openFollower('tab-b', { signIn });
        leaderTab = world.openLeader();
        await world.settle();
        leaderTab.leader.keepCredentialsForHandover({ token: 'secret' });
        leaderTab.leader.handOver();
        await world.settle();
        await b.follower.awaitHandover();
        expect(world.scheduler.pendingTimers).toBe(0);
    });

    it('does not wait when no sign-in is needed or no leader was ever heard', async () => {
        const alone = await world.openFollower('tab-alone', { signIn });
        await alone.follower.awaitHandover();
        const b = await world.openFollower('tab-b');
        leaderTab = world.openLeader();
        await world.settle();
        await b.follower.awaitHandover();
        expect(world.scheduler.pendingTimers).toBe(0);
    });
});

describe('signing in from any tab', () => {
    const prompt = {
        title: 'Sign in to your phone system',
        explanation: 'Kept in memory only.',
        fields: [
            { name: 'user', label: 'SIP user' },
            { name: 'password', label: 'SIP password', secret: true }
        ]
    };
    const signIn = { prompt, ask: askForCredentials };

    function submit(root: HTMLElement, user: string, password: string): void {
        (root.querySelector('input[name="user"]') as HTMLInputElement).value = user;
        (root.querySelector('input[name="password"]') as HTMLInputElement).value = password;
        root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    }

    it("shows the leader's sign-in form in a follower, and the follower's answer signs in", async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b', { signIn });
        const signedIn = leaderTab.leader.signInFromAnyTab();
        await world.settle();
        expect(visibleText(b.root)).toContain('Sign in to your phone system');
        submit(b.root, 'agent1', 's3cret');
        await world.settle();
        await expect(signedIn).resolves.toEqual({ user: 'agent1', password: 's3cret' });
        // Back to waiting for the leader's softphone, the form gone.
        expect(b.root.querySelector('form')).toBeNull();
        expect(visibleText(b.root)).toContain(
            'Waiting for the softphone in another Salesforce tab'
        );
    });

    it('asks a tab that opens meanwhile too, with the reason the last sign-in failed', async () => {
        leaderTab = world.openLeader();
        void leaderTab.leader.signInFromAnyTab('Wrong password for agent1');
        await world.settle();
        const c = await world.openFollower('tab-c', { signIn });
        expect(visibleText(c.root)).toContain('Wrong password for agent1');
    });

    it("ignores a follower's answer once the leader's own form answered", async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b', { signIn });
        const fromOtherTabs = jest.fn();
        void leaderTab.leader.signInFromAnyTab().then(fromOtherTabs);
        await world.settle();
        leaderTab.leader.endSignIn();
        submit(b.root, 'agent1', 'late');
        await world.settle();
        expect(fromOtherTabs).not.toHaveBeenCalled();
    });

    it('replaces the form with the softphone when the leader signed in elsewhere', async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b', { signIn });
        void leaderTab.leader.signInFromAnyTab();
        await world.settle();
        leaderTab.leader.endSignIn();
        leaderTab.leader.publishView(fullViewModel());
        await world.settle();
        expect(b.root.querySelector('form')).toBeNull();
        expect(buttonNamed(b.root, 'Hang up')).toBeDefined();
        // A late submit of the abandoned form would find no form; none is sent either way.
        expect(postedOf(world, 'signIn')).toEqual([]);
    });

    it('shows no form in a follower whose connector needs no sign-in', async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b');
        void leaderTab.leader.signInFromAnyTab();
        await world.settle();
        expect(b.root.querySelector('form')).toBeNull();
    });
});

describe('showOtherVersion', () => {
    it('tells the agent to reload, with dialing blocked', async () => {
        const b = await world.openFollower('tab-b');
        b.follower.showOtherVersion();
        const text = visibleText(b.root);
        expect(text).toContain(
            'Another Salesforce tab runs a different version of the softphone. Reload every Salesforce tab to use the new version.'
        );
        expect(text).toContain('Reload this tab to use the softphone.');
        const alert = b.root.querySelector('.softphone-alerts [role="alert"]');
        expect(alert?.textContent).toContain('different version');
        expect(buttonNamed(b.root, 'Call').disabled).toBe(true);
    });
});
