/** @jest-environment jsdom */
import {
    buttonNamed,
    choose,
    fieldLabelled,
    queryButton,
    typeInto,
    visibleText
} from '../ui/test-support/softphone-fixtures';
import { label } from '../i18n';
import type { AgentAction, TabMessage } from './tab-protocol';
import { CONTACT_ID, envelope, fullViewModel } from './test-support/tab-messages';
import {
    LOG_FILE,
    T0,
    TabWorld,
    type FollowerTab,
    type LeaderTab,
    memoryStorage
} from './test-support/tab-world';

const SESSION_KEY = 'open-cti-softphone.session';

let world: TabWorld;
let leaderTab: LeaderTab;

beforeEach(() => {
    world = new TabWorld();
});

afterEach(() => {
    document.body.replaceChildren();
});

describe('a follower joining', () => {
    it('waits for the leader, showing why it cannot dial, until a leader appears', async () => {
        const tab = await world.openFollower('tab-b');
        expect(tab.root.dataset.tabRole).toBe('follower');
        expect(tab.root.dataset.softphone).toBe('following');
        expect(visibleText(tab.root)).toContain(
            'Waiting for the softphone in another Salesforce tab'
        );

        // A leader appears (the previous one's tab closed): the follower says hello again.
        leaderTab = world.openLeader();
        await world.settle();
        expect(leaderTab.leader.followerIds).toEqual(['tab-b']);
    });

    it("gets the leader's last view and session in answer to its hello, never the credentials", async () => {
        leaderTab = world.openLeader();
        const storage = memoryStorage();
        leaderTab.leader.publishView(fullViewModel({ agentState: 'Break' }));
        leaderTab.leader.mirroredSessionStorage(storage).setItem(SESSION_KEY, '{"s":1}');
        leaderTab.leader.keepCredentialsForHandover({ username: 'agent', password: 's3cret' });
        await world.settle();

        const tab = await world.openFollower('tab-b');
        const welcome = world.network.posted
            .map((posted) => posted.data as TabMessage)
            .filter((message) => message.to === 'tab-b');
        expect(welcome.map((message) => message.kind)).toEqual(['view', 'session']);
        expect(JSON.stringify(world.network.posted)).not.toContain('s3cret');
        expect(visibleText(tab.root)).toContain('Simulator · through another tab');
        expect(fieldLabelled<HTMLSelectElement>(tab.root, 'Status').value).toBe('Break');

        const handover = await tab.follower.stop();
        expect(handover).toEqual({ heardFromLeader: true, takenOverAt: T0, session: '{"s":1}' });
    });

    it('gets nothing addressed to it when the leader has nothing to share yet', async () => {
        leaderTab = world.openLeader();
        leaderTab.leader.keepCredentialsForHandover({});
        await world.settle();
        const tab = await world.openFollower('tab-b');
        expect(world.network.posted.filter((posted) => 'to' in (posted.data as object))).toEqual(
            []
        );
        expect(leaderTab.leader.followerIds).toEqual(['tab-b']);
        expect(visibleText(tab.root)).toContain('Waiting for the softphone');
    });

    it('renders every view the leader publishes, and ignores an invalid one from another tab', async () => {
        leaderTab = world.openLeader();
        const tab = await world.openFollower('tab-b');
        leaderTab.leader.publishView(fullViewModel({ agentState: 'Busy' }));
        await world.settle();
        expect(fieldLabelled<HTMLSelectElement>(tab.root, 'Status').value).toBe('Busy');

        world
            .rawChannel()
            .postMessage(
                envelope(
                    { kind: 'view', model: { ...fullViewModel(), agentState: 'Hacked' } },
                    'evil'
                )
            );
        await world.settle();
        expect(fieldLabelled<HTMLSelectElement>(tab.root, 'Status').value).toBe('Busy');
        expect(tab.problems.map((problem) => problem.reason)).toEqual(['invalid']);
    });

    it('a hello refreshes what the leader knows of the tab, and a bye forgets it', async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b');
        await world.openFollower('tab-c');
        expect(leaderTab.leader.followerIds).toEqual(['tab-b', 'tab-c']);
        b.follower.leave();
        await world.settle();
        expect(leaderTab.leader.followerIds).toEqual(['tab-c']);
    });
});

describe("a follower's buttons run on the leader", () => {
    async function followerShowing(model = fullViewModel()): Promise<FollowerTab> {
        leaderTab = world.openLeader();
        const tab = await world.openFollower('tab-b');
        leaderTab.leader.publishView(model);
        await world.settle();
        return tab;
    }

    it('Hang up, Hold, Mute and tones on the live call', async () => {
        const tab = await followerShowing(fullViewModel({ wrapUp: undefined }));
        buttonNamed(tab.root, 'Hang up').click();
        buttonNamed(tab.root, 'Hold').click();
        buttonNamed(tab.root, 'Mute').click();
        const toggle = buttonNamed(tab.root, 'Keypad');
        toggle.click();
        const pad = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
        buttonNamed(pad as HTMLElement, '#').click();
        await world.settle();
        expect(leaderTab.actions.hangup.mock.calls).toEqual([['call-1']]);
        expect(leaderTab.actions.hold.mock.calls).toEqual([['call-1']]);
        expect(leaderTab.actions.setMuted.mock.calls).toEqual([['call-1', true]]);
        expect(leaderTab.actions.sendDtmf.mock.calls).toEqual([['call-1', '#']]);
    });

    it('Resume on a held call', async () => {
        const call = { ...fullViewModel().calls[0]!, state: 'held' as const };
        const tab = await followerShowing(fullViewModel({ calls: [call], wrapUp: undefined }));
        buttonNamed(tab.root, 'Resume').click();
        await world.settle();
        expect(leaderTab.actions.resume.mock.calls).toEqual([['call-1']]);
    });

    it('Answer and Decline on a ringing call', async () => {
        const ringing = {
            ...fullViewModel().calls[0]!,
            callId: 'ring-2',
            state: 'ringing' as const,
            answeredAt: undefined
        };
        const tab = await followerShowing(
            fullViewModel({ calls: [ringing], wrapUp: undefined, canDial: true })
        );
        buttonNamed(tab.root, 'Answer').click();
        buttonNamed(tab.root, 'Decline').click();
        await world.settle();
        expect(leaderTab.actions.answer.mock.calls).toEqual([['ring-2']]);
        expect(leaderTab.actions.decline.mock.calls).toEqual([['ring-2']]);
    });

    it('the agent state, and dialing from the keypad', async () => {
        const tab = await followerShowing(
            fullViewModel({ calls: [], wrapUp: undefined, canDial: true })
        );
        choose(fieldLabelled<HTMLSelectElement>(tab.root, 'Status'), 'Break');
        typeInto(fieldLabelled<HTMLInputElement>(tab.root, 'Phone number'), '+1 415 555 0132');
        buttonNamed(tab.root, 'Call').click();
        await world.settle();
        expect(leaderTab.actions.setAgentState.mock.calls).toEqual([['Break']]);
        expect(leaderTab.actions.dial.mock.calls).toEqual([['+1 415 555 0132']]);
    });

    it('saving and completing wrap-up, and dismissing an error', async () => {
        const tab = await followerShowing(fullViewModel({ calls: [] }));
        choose(fieldLabelled<HTMLSelectElement>(tab.root, 'Disposition'), 'Resolved');
        typeInto(fieldLabelled<HTMLTextAreaElement>(tab.root, 'Notes'), 'Sent the quote');
        buttonNamed(tab.root, 'Save').click();
        const error = tab.root.querySelector('.softphone-alerts [role="alert"]');
        buttonNamed(error as HTMLElement, 'Dismiss').click();
        leaderTab.leader.publishView(
            fullViewModel({
                calls: [],
                wrapUp: { ...fullViewModel().wrapUp!, disposition: 'Resolved' }
            })
        );
        await world.settle();
        buttonNamed(tab.root, 'Done').click();
        await world.settle();
        expect(leaderTab.actions.saveWrapUp.mock.calls).toEqual([
            ['call-0', { disposition: 'Resolved', notes: 'Sent the quote' }]
        ]);
        // Every pick and keystroke reached the leader as the draft.
        expect(leaderTab.actions.editWrapUp.mock.calls).toEqual([
            ['call-0', { disposition: 'Resolved', notes: '' }],
            ['call-0', { disposition: 'Resolved', notes: 'Sent the quote' }]
        ]);
        expect(leaderTab.actions.dismissError.mock.calls).toEqual([['e1']]);
        expect(leaderTab.actions.completeWrapUp).toHaveBeenCalledTimes(1);
    });

    it('logging the wrap-up call to another record', async () => {
        const tab = await followerShowing(fullViewModel({ calls: [] }));
        const wrapUp = tab.root.querySelector('.softphone-wrapup') as HTMLElement;
        choose(fieldLabelled<HTMLSelectElement>(wrapUp, 'Log this call to'), '0015g00000AcMeRAAZ');
        await world.settle();
        expect(leaderTab.actions.relateCall.mock.calls).toEqual([['call-0', '0015g00000AcMeRAAZ']]);
    });

    it('simulating an inbound call', async () => {
        const tab = await followerShowing(fullViewModel({ calls: [], wrapUp: undefined }));
        typeInto(fieldLabelled(tab.root, 'Caller number'), '+44 20 7946 0018');
        typeInto(fieldLabelled(tab.root, 'Caller name (optional)'), 'Ada Lovelace');
        buttonNamed(tab.root, 'Simulate inbound call').click();
        await world.settle();
        expect(leaderTab.actions.simulateIncoming.mock.calls).toEqual([
            [{ from: '+44 20 7946 0018', fromName: 'Ada Lovelace' }]
        ]);
    });

    it("a recent call's record opens in the tab where the agent clicked, not the leader's", async () => {
        leaderTab = world.openLeader();
        const openRecord = jest.fn<void, [string]>();
        const tab = await world.openFollower('tab-b', { openRecord });
        const plain = await world.openFollower('tab-c');
        leaderTab.leader.publishView(
            fullViewModel({
                calls: [],
                wrapUp: undefined,
                recentCalls: [
                    {
                        callId: 'r1',
                        direction: 'Inbound',
                        number: '(415) 555-0101',
                        name: 'Maria Lopez',
                        endedAt: T0,
                        outcome: 'Connected',
                        durationSeconds: 4,
                        record: { recordId: '003000000000001AAA', objectType: 'Contact' }
                    }
                ]
            })
        );
        await world.settle();
        buttonNamed(tab.root, 'Recent calls').click();
        buttonNamed(tab.root, 'Maria Lopez').click();
        expect(openRecord.mock.calls).toEqual([['003000000000001AAA']]);
        expect(leaderTab.actions.openRecord).not.toHaveBeenCalled();
        // A tab that cannot open records shows the name without a link.
        buttonNamed(plain.root, 'Recent calls').click();
        expect(queryButton(plain.root, 'Maria Lopez')).toBeUndefined();
    });

    it("Download logs saves the leader's log in that tab only", async () => {
        const tab = await followerShowing();
        const other = await world.openFollower('tab-c');
        buttonNamed(tab.root, label('Softphone_Download_Logs')).click();
        await world.settle();
        expect(leaderTab.services.logFile).toHaveBeenCalledTimes(1);
        expect(tab.saveLogFile.mock.calls).toEqual([[LOG_FILE]]);
        expect(other.saveLogFile).not.toHaveBeenCalled();
        expect(leaderTab.actions.downloadLogs).not.toHaveBeenCalled();
    });

    it('a log file it did not ask for is not saved', async () => {
        const tab = await followerShowing();
        world
            .rawChannel()
            .postMessage(envelope({ kind: 'logFile', requestId: 'log-1', file: LOG_FILE }, 'x'));
        await world.settle();
        expect(tab.saveLogFile).not.toHaveBeenCalled();
    });
});

describe('the leader runs actions from other tabs', () => {
    it.each<[AgentAction, string, unknown[]]>([
        [{ name: 'dial', number: '+14155550101' }, 'dial', ['+14155550101']],
        [{ name: 'answer', callId: 'c1' }, 'answer', ['c1']],
        [{ name: 'decline', callId: 'c1' }, 'decline', ['c1']],
        [{ name: 'hangup', callId: 'c1' }, 'hangup', ['c1']],
        [{ name: 'hold', callId: 'c1' }, 'hold', ['c1']],
        [{ name: 'resume', callId: 'c1' }, 'resume', ['c1']],
        [{ name: 'setMuted', callId: 'c1', muted: false }, 'setMuted', ['c1', false]],
        [{ name: 'sendDtmf', callId: 'c1', digit: '7' }, 'sendDtmf', ['c1', '7']],
        [{ name: 'setAgentState', state: 'Offline' }, 'setAgentState', ['Offline']],
        [
            { name: 'saveWrapUp', callId: 'c1', disposition: 'Sale', notes: 'n' },
            'saveWrapUp',
            ['c1', { disposition: 'Sale', notes: 'n' }]
        ],
        [
            { name: 'editWrapUp', callId: 'c1', disposition: 'Sale', notes: 'n' },
            'editWrapUp',
            ['c1', { disposition: 'Sale', notes: 'n' }]
        ],
        [{ name: 'completeWrapUp' }, 'completeWrapUp', []],
        [
            { name: 'relateCall', callId: 'c1', recordId: CONTACT_ID },
            'relateCall',
            ['c1', CONTACT_ID]
        ],
        [{ name: 'dismissError', id: 'e9' }, 'dismissError', ['e9']],
        [{ name: 'simulateIncoming', from: '555' }, 'simulateIncoming', [{ from: '555' }]],
        [
            { name: 'simulateIncoming', from: '555', fromName: 'Bo' },
            'simulateIncoming',
            [{ from: '555', fromName: 'Bo' }]
        ]
    ])('%j calls %s with the same arguments', async (action, method, args) => {
        leaderTab = world.openLeader();
        world.rawChannel().postMessage(envelope({ kind: 'action', action }, 'tab-b'));
        await world.settle();
        const mock = leaderTab.actions[method as keyof typeof leaderTab.actions];
        expect(mock.mock.calls).toEqual([args]);
        const others = Object.entries(leaderTab.actions).filter(([name]) => name !== method);
        for (const [, other] of others) {
            expect(other).not.toHaveBeenCalled();
        }
    });

    it.each<[string, unknown]>([
        ['an unknown action', { name: 'deleteAllCalls' }],
        ['a state that does not exist', { name: 'setAgentState', state: 'Hacked' }],
        ['a call id of the wrong type', { name: 'hangup', callId: 42 }],
        ['a number over 40 characters', { name: 'dial', number: '1'.repeat(41) }],
        ['an empty number', { name: 'dial', number: '' }],
        ['a field the action does not have', { name: 'hangup', callId: 'c1', force: true }],
        ['no action at all', undefined]
    ])('never runs %s, and reports it', async (_label, action) => {
        leaderTab = world.openLeader();
        world.rawChannel().postMessage(envelope({ kind: 'action', action }, 'tab-b'));
        await world.settle();
        for (const mock of Object.values(leaderTab.actions)) {
            expect(mock).not.toHaveBeenCalled();
        }
        expect(leaderTab.problems).toHaveLength(1);
        expect(leaderTab.problems[0]?.reason).toBe('invalid');
        expect(leaderTab.problems[0]?.detail).toMatch(/^action/);
    });

    it('drops actions while its softphone is not running, and after it stopped', async () => {
        leaderTab = world.openLeader({ attach: false });
        const post = () =>
            world
                .rawChannel()
                .postMessage(envelope({ kind: 'action', action: { name: 'completeWrapUp' } }));
        post();
        await world.settle();
        expect(leaderTab.actions.completeWrapUp).not.toHaveBeenCalled();

        const detach = leaderTab.leader.attach(leaderTab.services);
        post();
        await world.settle();
        expect(leaderTab.actions.completeWrapUp).toHaveBeenCalledTimes(1);

        detach();
        post();
        await world.settle();
        expect(leaderTab.actions.completeWrapUp).toHaveBeenCalledTimes(1);
    });

    it('detaching an older softphone does not detach the one running now', async () => {
        leaderTab = world.openLeader({ attach: false });
        const detachOld = leaderTab.leader.attach({ ...leaderTab.services });
        leaderTab.leader.attach(leaderTab.services);
        detachOld();
        world
            .rawChannel()
            .postMessage(envelope({ kind: 'action', action: { name: 'completeWrapUp' } }));
        await world.settle();
        expect(leaderTab.actions.completeWrapUp).toHaveBeenCalledTimes(1);
    });

    it('stops listening to other tabs once stopped', async () => {
        leaderTab = world.openLeader();
        leaderTab.leader.stop();
        await world.openFollower('tab-b');
        world
            .rawChannel()
            .postMessage(envelope({ kind: 'action', action: { name: 'completeWrapUp' } }));
        await world.settle();
        expect(leaderTab.leader.followerIds).toEqual([]);
        expect(leaderTab.actions.completeWrapUp).not.toHaveBeenCalled();
    });

    it("forwards the local console's simulator messages to the leader", async () => {
        leaderTab = world.openLeader();
        const tab = await world.openFollower('tab-b');
        tab.console.forward?.({ type: 'simulate', from: '+14155550101' });
        await world.settle();
        expect(leaderTab.services.simulatorMessage.mock.calls).toEqual([
            [{ type: 'simulate', from: '+14155550101' }]
        ]);
    });
});
