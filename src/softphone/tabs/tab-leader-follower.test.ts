/** @jest-environment jsdom */
import type { CallerPopOutcome } from '../app/inbound-screen-pop';
import { normalisePhoneNumber } from '../screenpop/phone-number';
import {
    buttonNamed,
    choose,
    fieldLabelled,
    queryButton,
    typeInto,
    visibleText
} from '../ui/test-support/softphone-fixtures';
import { askForCredentials } from '../ui/credentials-form';
import { label } from '../i18n';
import { HANDOVER_WAIT_MS } from './tab-follower';
import { numberToSearch } from './tab-leader';
import type { AgentAction, TabMessage } from './tab-protocol';
import { CONTACT_ID, envelope, fullViewModel } from './test-support/tab-messages';
import {
    DEFAULT_COUNTRY,
    LOG_FILE,
    STATE,
    T0,
    TabLmsHost,
    TabWorld,
    type FollowerTab,
    type LeaderTab
} from './test-support/tab-world';

const SESSION_KEY = 'open-cti-softphone.session';
const MARIA = { recordId: CONTACT_ID, objectType: 'Contact', recordName: 'Maria Lopez' };
const caller = (number: string) => normalisePhoneNumber(number, DEFAULT_COUNTRY);

const ping = (requestId: string) => ({ version: 1, type: 'ping', requestId, payload: {} });

/** The messages that went onto the network, as the tabs read them, of some kinds. */
function postedOf(world: TabWorld, ...kinds: string[]): Record<string, unknown>[] {
    return world.network.posted
        .map((posted) => posted.data as Record<string, unknown>)
        .filter((data) => kinds.includes(String(data.kind)));
}

function memoryStorage() {
    const values = new Map<string, string>();
    return {
        values,
        getItem: (key: string) => values.get(key) ?? null,
        setItem: (key: string, value: string) => void values.set(key, value),
        removeItem: (key: string) => void values.delete(key)
    };
}

/** A screen pop the test settles by hand. */
function deferredPop() {
    let resolve: (outcome: CallerPopOutcome) => void = () => undefined;
    const promise = new Promise<CallerPopOutcome>((done) => {
        resolve = done;
    });
    return { promise, resolve };
}

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

describe('LMS messages across tabs', () => {
    let b: FollowerTab;
    let c: FollowerTab;

    beforeEach(async () => {
        leaderTab = world.openLeader();
        await leaderTab.bridge.start();
        b = await world.openFollower('tab-b');
        c = await world.openFollower('tab-c');
    });

    it("a follower's LWC command runs on the leader's commands, with the same arguments", async () => {
        b.lms.send({ version: 1, type: 'hangup', requestId: 'req-1', payload: { callId: 'c1' } });
        b.lms.send({
            version: 1,
            type: 'dial',
            requestId: 'req-2',
            payload: { number: '+14155550101', recordId: CONTACT_ID, objectType: 'Contact' }
        });
        b.lms.send({ version: 1, type: 'mute', requestId: 'req-3', payload: { muted: true } });
        await world.settle();
        expect(leaderTab.controls.hangup.mock.calls).toEqual([['c1']]);
        expect(leaderTab.controls.dial.mock.calls).toEqual([
            ['+14155550101', { recordId: CONTACT_ID, objectType: 'Contact' }]
        ]);
        expect(leaderTab.controls.mute.mock.calls).toEqual([[true, undefined]]);
        // A command that worked has no answer.
        expect(b.lms.published).toEqual([]);
    });

    it('answers a ping in the tab that sent it only', async () => {
        leaderTab.state = { ...STATE, agentState: 'Busy' };
        b.lms.send(ping('req-7'));
        await world.settle();
        expect(b.lms.types()).toEqual(['pong', 'state']);
        expect(b.lms.published.map((event) => event.requestId)).toEqual(['req-7', 'req-7']);
        expect(b.lms.payloadsOf('state')).toEqual([{ ...STATE, agentState: 'Busy' }]);
        expect(c.lms.published).toEqual([]);
        expect(leaderTab.lms.published).toEqual([]);
    });

    it('answers a failed command with an error event in its own tab', async () => {
        leaderTab.controls.hangup.mockResolvedValueOnce({
            ok: false,
            code: 'NO_CALL',
            message: 'There is no call to hang up'
        });
        c.lms.send({ version: 1, type: 'hangup', requestId: 'req-4', payload: {} });
        c.lms.send({ version: 1, type: 'dial', requestId: 'req-5', payload: {} });
        await world.settle();
        expect(c.lms.payloadsOf('error')).toEqual([
            { code: 'NO_CALL', message: 'There is no call to hang up', inResponseTo: 'hangup' },
            {
                code: 'MISSING_FIELD',
                message: 'missing field "payload.number"',
                inResponseTo: 'dial'
            }
        ]);
        expect(leaderTab.controls.dial).not.toHaveBeenCalled();
        expect(b.lms.published).toEqual([]);
    });

    it("does not forward the softphone's own events echoed on a follower's channel", async () => {
        b.lms.send({ version: 1, type: 'state', payload: STATE });
        await world.settle();
        expect(postedOf(world, 'lmsMessage')).toEqual([]);
    });

    it('reaches every follower with the leader events no one asked for, and only those', async () => {
        await leaderTab.bridge.publishState({ ...STATE, agentState: 'Break' });
        await leaderTab.bridge.publishState(STATE, 'req-9');
        await world.settle();
        expect(leaderTab.lms.types()).toEqual(['state', 'state']);
        for (const tab of [b, c]) {
            expect(tab.lms.published).toEqual([
                {
                    version: 1,
                    type: 'state',
                    payload: { ...STATE, agentState: 'Break' }
                }
            ]);
        }
    });

    it("keeps the answer to the leader tab's unreadable command in the leader tab", async () => {
        leaderTab.lms.send({ version: 1, type: 'dial', payload: {} });
        await world.settle();
        expect(leaderTab.lms.types()).toEqual(['error']);
        expect(b.lms.published).toEqual([]);
        expect(c.lms.published).toEqual([]);
    });

    it('keeps the methods of a host that is a class instance', async () => {
        const classHost = new TabLmsHost();
        const relaying = leaderTab.leader.relayingLmsHost(classHost);
        await relaying.subscribe({
            channelName: 'Softphone_Message__c',
            listener: () => undefined
        });
        expect(classHost.listener).toBeDefined();
        await relaying.unsubscribe?.({ subscription: { id: 'subscription-1' } });
        expect(classHost.unsubscribed).toEqual([{ id: 'subscription-1' }]);
    });

    it("keeps the leader host's subscribe and unsubscribe", async () => {
        expect(leaderTab.lms.listener).toBeDefined();
        await leaderTab.bridge.stop();
        expect(leaderTab.lms.unsubscribed).toEqual([{ id: 'subscription-1' }]);
    });

    it('reports an event the leader cannot publish through onLmsError', async () => {
        leaderTab.state = { ...STATE, agentState: 'Asleep' as 'Busy' };
        b.lms.send(ping('req-8'));
        await world.settle();
        expect(b.lms.types()).toEqual(['pong']);
        expect(leaderTab.services.onLmsError).toHaveBeenCalledTimes(1);
        expect(leaderTab.services.onLmsError.mock.calls[0]?.[0]).toContain('payload.agentState');
    });

    it('relays an invalid event from a hostile tab to no LWC, and says so', async () => {
        world
            .rawChannel()
            .postMessage(
                envelope({ kind: 'lmsEvent', message: { version: 1, type: 'state' } }, 'evil')
            );
        await world.settle();
        expect(b.lms.published).toEqual([]);
        expect(b.errors).toEqual([
            expect.stringMatching(/^Lightning message channel: missing field "payload"/)
        ]);
    });

    it('drops LWC commands while the leader runs no softphone', async () => {
        leaderTab.detach();
        b.lms.send(ping('req-1'));
        await world.settle();
        expect(b.lms.published).toEqual([]);
    });
});

describe('screen pops go to the tab the agent works in', () => {
    let b: FollowerTab;
    let c: FollowerTab;
    const local = {
        pop: jest.fn<Promise<CallerPopOutcome>, [unknown]>(() =>
            Promise.resolve({ ok: true, callerName: 'popped here' })
        )
    };

    beforeEach(async () => {
        local.pop.mockClear();
        leaderTab = world.openLeader({ visibility: 'hidden' });
        b = await world.openFollower('tab-b');
        c = await world.openFollower('tab-c');
        await world.scheduler.advance(1000);
        b.page.use('pointerdown');
        await world.scheduler.advance(1000);
        c.page.use('keydown');
        await world.settle();
    });

    const popVia = (callerId = caller('+14155550101')) =>
        leaderTab.leader.routeScreenPops(local).pop(callerId);

    it('pops in the visible follower used last and returns its record and caller name', async () => {
        c.popper.pop.mockResolvedValueOnce({ ok: true, related: MARIA, callerName: 'Maria Lopez' });
        const popping = popVia();
        await world.settle();
        await expect(popping).resolves.toEqual({
            ok: true,
            related: MARIA,
            callerName: 'Maria Lopez'
        });
        expect(c.popper.pop.mock.calls).toEqual([[caller('+14155550101')]]);
        expect(b.popper.pop).not.toHaveBeenCalled();
        expect(local.pop).not.toHaveBeenCalled();
        expect(world.scheduler.pendingTimers).toBe(0);
    });

    it('asks the follower to pop at the moment the leader asks, and says when it waits', async () => {
        c.popper.pop.mockResolvedValueOnce({ ok: true, waitsForAnswer: true });
        const ringing = leaderTab.leader.routeScreenPops(local).pop(caller('+14155550101'), 'ring');
        await world.settle();
        await expect(ringing).resolves.toEqual({ ok: true, waitsForAnswer: true });
        expect(postedOf(world, 'popRequest')[0]).toMatchObject({ moment: 'ring' });
        expect(c.popper.pop.mock.calls).toEqual([[caller('+14155550101'), 'ring']]);
    });

    it('follows the agent: a click in another tab makes that one pop', async () => {
        await world.scheduler.advance(500);
        b.page.use('focus');
        await world.settle();
        const popping = popVia();
        await world.settle();
        await popping;
        expect(b.popper.pop).toHaveBeenCalledTimes(1);
        expect(c.popper.pop).not.toHaveBeenCalled();
    });

    it('a visible tab beats one the agent used later but hid', async () => {
        c.page.document.setVisibility('hidden');
        await world.settle();
        const popping = popVia();
        await world.settle();
        await popping;
        expect(b.popper.pop).toHaveBeenCalledTimes(1);
        expect(c.popper.pop).not.toHaveBeenCalled();
    });

    it('pops in the leader itself when the agent works there', async () => {
        await world.scheduler.advance(500);
        leaderTab.page.document.setVisibility('visible');
        const popped = await popVia();
        expect(popped).toEqual({ ok: true, callerName: 'popped here' });
        expect(local.pop.mock.calls).toEqual([[caller('+14155550101')]]);
        expect(postedOf(world, 'popRequest')).toEqual([]);
    });

    it("returns the follower's failure without popping again here", async () => {
        c.popper.pop.mockResolvedValueOnce({
            ok: false,
            step: 'search',
            message: 'Search is not available'
        });
        const popping = popVia();
        await world.settle();
        await expect(popping).resolves.toEqual({
            ok: false,
            step: 'search',
            message: 'Search is not available'
        });
        expect(local.pop).not.toHaveBeenCalled();
    });

    it('returns a record the follower popped without a name, without one', async () => {
        const related = { recordId: CONTACT_ID, objectType: 'Contact' };
        c.popper.pop.mockResolvedValueOnce({ ok: true, related });
        const popping = popVia();
        await world.settle();
        const popped = await popping;
        expect(popped).toEqual({ ok: true, related });
        expect(popped.ok && popped.related && 'recordName' in popped.related).toBe(false);
    });

    it('cuts a long caller name to what the protocol carries, rather than popping twice', async () => {
        c.popper.pop.mockResolvedValueOnce({ ok: true, callerName: 'M'.repeat(5000) });
        const popping = popVia();
        await world.settle();
        await expect(popping).resolves.toEqual({ ok: true, callerName: 'M'.repeat(1024) });
        expect(local.pop).not.toHaveBeenCalled();
    });

    it('answers a failing pop in the follower as a failure, at once', async () => {
        c.popper.pop.mockRejectedValueOnce(new Error('the host went away'));
        const popping = popVia();
        await world.settle();
        await expect(popping).resolves.toEqual({
            ok: false,
            step: 'search',
            message: 'the host went away'
        });
        expect(local.pop).not.toHaveBeenCalled();
        expect(world.scheduler.pendingTimers).toBe(0);
    });

    it('returns a pop that found nobody as found nobody', async () => {
        const popping = popVia();
        await world.settle();
        await expect(popping).resolves.toEqual({ ok: true });
    });

    it('asks with the number as normalised by the leader; a withheld number as empty', async () => {
        const popping = popVia(caller('(415) 555-0101'));
        await world.settle();
        await popping;
        expect(postedOf(world, 'popRequest')[0]).toMatchObject({ number: '+14155550101' });
        const withheld = popVia(caller('anonymous'));
        await world.settle();
        await withheld;
        expect(postedOf(world, 'popRequest')[1]).toMatchObject({ number: '' });
        expect(c.popper.pop.mock.calls[1]?.[0]).toMatchObject({ kind: 'anonymous' });
        expect(numberToSearch(caller('12'))).toBe('12');
    });

    it('pops here when the chosen tab says bye before answering', async () => {
        const pending = deferredPop();
        c.popper.pop.mockReturnValueOnce(pending.promise);
        const popping = popVia();
        await world.settle();
        expect(c.popper.pop).toHaveBeenCalledTimes(1);

        c.follower.leave();
        await world.settle();
        await expect(popping).resolves.toEqual({ ok: true, callerName: 'popped here' });
        expect(local.pop).toHaveBeenCalledTimes(1);
        expect(world.scheduler.pendingTimers).toBe(0);

        // The tab's late answer changes nothing.
        pending.resolve({ ok: true, related: MARIA });
        await world.settle();
        expect(local.pop).toHaveBeenCalledTimes(1);
    });

    it('pops here when the chosen tab does not answer within 5 s', async () => {
        c.popper.pop.mockReturnValueOnce(new Promise(() => undefined));
        let outcome: CallerPopOutcome | undefined;
        void popVia().then((result) => {
            outcome = result;
        });
        await world.settle();
        await world.scheduler.advance(4999, () => world.settle());
        expect(outcome).toBeUndefined();
        expect(local.pop).not.toHaveBeenCalled();

        await world.scheduler.advance(1, () => world.settle());
        expect(outcome).toEqual({ ok: true, callerName: 'popped here' });
        expect(local.pop).toHaveBeenCalledTimes(1);
    });

    it('ignores a pop result from a tab it did not ask', async () => {
        c.popper.pop.mockReturnValueOnce(new Promise(() => undefined));
        let outcome: CallerPopOutcome | undefined;
        void popVia().then((result) => {
            outcome = result;
        });
        await world.settle();
        const requestId = String(postedOf(world, 'popRequest')[0]?.requestId);
        world
            .rawChannel()
            .postMessage(
                envelope(
                    { kind: 'popResult', requestId, result: { ok: true, related: MARIA } },
                    'tab-b'
                )
            );
        await world.settle();
        expect(outcome).toBeUndefined();
        await world.scheduler.advance(5000, () => world.settle());
        expect(outcome).toEqual({ ok: true, callerName: 'popped here' });
    });

    it('pops here when the leader stops while waiting', async () => {
        c.popper.pop.mockReturnValueOnce(new Promise(() => undefined));
        const popping = popVia();
        await world.settle();
        leaderTab.leader.stop();
        await expect(popping).resolves.toEqual({ ok: true, callerName: 'popped here' });
        expect(world.scheduler.pendingTimers).toBe(0);
    });
});

describe('click-to-dial and panels', () => {
    it('a click-to-dial in a follower dials on the leader and opens only that tab', async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b');
        const c = await world.openFollower('tab-c');
        leaderTab.services.clickToDial.mockImplementation((_payload, showPanelThere) =>
            showPanelThere()
        );
        const payload = { number: '+14155550101', recordId: CONTACT_ID, objectType: 'Contact' };
        b.follower.forwardClickToDial(payload);
        await world.settle();
        expect(leaderTab.services.clickToDial).toHaveBeenCalledTimes(1);
        expect(leaderTab.services.clickToDial.mock.calls[0]?.[0]).toEqual(payload);
        expect(b.showPanel).toHaveBeenCalledTimes(1);
        expect(c.showPanel).not.toHaveBeenCalled();
    });

    it('a click-to-dial without a running softphone is dropped', async () => {
        leaderTab = world.openLeader({ attach: false });
        const b = await world.openFollower('tab-b');
        b.follower.forwardClickToDial({ number: '1' });
        await world.settle();
        expect(leaderTab.services.clickToDial).not.toHaveBeenCalled();
    });

    it('showPanelEverywhere and refreshViewEverywhere reach every follower', async () => {
        leaderTab = world.openLeader();
        const b = await world.openFollower('tab-b');
        const c = await world.openFollower('tab-c');
        leaderTab.leader.showPanelEverywhere();
        leaderTab.leader.refreshViewEverywhere();
        await world.settle();
        for (const tab of [b, c]) {
            expect(tab.showPanel).toHaveBeenCalledTimes(1);
            expect(tab.refreshView).toHaveBeenCalledTimes(1);
        }
    });
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
