/** @jest-environment jsdom */
import { buttonNamed, fieldLabelled, typeInto } from '../ui/test-support/softphone-fixtures';
import type { CallHandoverView, CallView, SoftphoneViewModel } from '../ui/view-model';
import type { AgentAction } from './tab-protocol';
import { envelope, fullViewModel } from './test-support/tab-messages';
import { TabWorld, type FollowerTab, type LeaderTab } from './test-support/tab-world';

// Transfer, consult and conference clicked in a follower tab run on the leader, which holds the
// calls, like the follower's other call controls (tab-leader-follower.test.ts).

let world: TabWorld;
let leaderTab: LeaderTab;

beforeEach(() => {
    world = new TabWorld();
});

afterEach(() => {
    document.body.replaceChildren();
});

const NONE: CallHandoverView = {
    canTransfer: false,
    canConsult: false,
    canComplete: false,
    canCancelConsult: false,
    canMerge: false,
    canDrop: false,
    canSwap: false
};

function callWith(callId: string, state: CallView['state'], handover: CallHandoverView): CallView {
    return { ...fullViewModel().calls[0]!, callId, state, handover };
}

async function followerShowing(overrides: Partial<SoftphoneViewModel>): Promise<FollowerTab> {
    leaderTab = world.openLeader();
    const tab = await world.openFollower('tab-b');
    leaderTab.leader.publishView(fullViewModel({ wrapUp: undefined, ...overrides }));
    await world.settle();
    return tab;
}

describe("a follower's transfer, consult and conference controls run on the leader", () => {
    it('Transfer now and Consult first, with the target typed or picked from the suggestions', async () => {
        const tab = await followerShowing({
            calls: [
                callWith('call-1', 'connected', { ...NONE, canTransfer: true, canConsult: true })
            ],
            transferSuggestions: [
                { number: '+14155550199', label: 'Ada Lovelace · +1 415-555-0199' }
            ]
        });
        buttonNamed(tab.root, 'Transfer').click();
        typeInto(fieldLabelled<HTMLInputElement>(tab.root, 'Transfer to'), ' 2002 ');
        buttonNamed(tab.root, 'Transfer now').click();
        buttonNamed(tab.root, 'Transfer').click();
        const picker = fieldLabelled<HTMLSelectElement>(tab.root, 'Suggested numbers');
        picker.value = '+14155550199';
        picker.dispatchEvent(new Event('change'));
        buttonNamed(tab.root, 'Consult first').click();
        await world.settle();
        expect(leaderTab.actions.transfer.mock.calls).toEqual([
            ['call-1', '2002', 'blind'],
            ['call-1', '+14155550199', 'consult']
        ]);
    });

    it('Complete transfer, Cancel consult and Conference on the consult call', async () => {
        const consult = callWith('call-2', 'connected', {
            ...NONE,
            live: true,
            canComplete: true,
            canCancelConsult: true,
            canMerge: true,
            consultAbout: 'Maria Lopez'
        });
        const tab = await followerShowing({
            calls: [callWith('call-1', 'held', NONE), consult]
        });
        buttonNamed(tab.root, 'Complete transfer').click();
        buttonNamed(tab.root, 'Cancel consult').click();
        buttonNamed(tab.root, 'Conference').click();
        await world.settle();
        expect(leaderTab.actions.completeConsult).toHaveBeenCalledTimes(1);
        expect(leaderTab.actions.cancelConsult).toHaveBeenCalledTimes(1);
        expect(leaderTab.actions.mergeCalls).toHaveBeenCalledTimes(1);
    });

    it('Swap on the held call', async () => {
        const tab = await followerShowing({
            calls: [
                callWith('call-1', 'held', { ...NONE, canSwap: true }),
                callWith('call-2', 'connected', { ...NONE, live: true })
            ]
        });
        buttonNamed(tab.root, 'Swap').click();
        await world.settle();
        expect(leaderTab.actions.swapCalls).toHaveBeenCalledTimes(1);
        expect(leaderTab.actions.resume).not.toHaveBeenCalled();
    });

    it("dropping one party of the conference names that party's call", async () => {
        const party = { ...NONE, canDrop: true, inConference: true };
        const tab = await followerShowing({
            calls: [callWith('call-1', 'connected', party), callWith('call-2', 'connected', party)],
            conference: { parties: 3 }
        });
        const cards = tab.root.querySelectorAll<HTMLElement>('.softphone-call');
        const second = cards[cards.length - 1]!;
        buttonNamed(second, 'Remove from call').click();
        await world.settle();
        expect(leaderTab.actions.dropParty.mock.calls).toEqual([['call-2']]);
    });
});

describe('the leader runs handover actions from other tabs', () => {
    it.each<[AgentAction, string, unknown[]]>([
        [
            { name: 'transfer', callId: 'c1', target: '2002', mode: 'blind' },
            'transfer',
            ['c1', '2002', 'blind']
        ],
        [
            { name: 'transfer', callId: 'c1', target: '+14155550199', mode: 'consult' },
            'transfer',
            ['c1', '+14155550199', 'consult']
        ],
        [{ name: 'completeConsult' }, 'completeConsult', []],
        [{ name: 'cancelConsult' }, 'cancelConsult', []],
        [{ name: 'mergeCalls' }, 'mergeCalls', []],
        [{ name: 'swapCalls' }, 'swapCalls', []],
        [{ name: 'dropParty', callId: 'c2' }, 'dropParty', ['c2']]
    ])('%j calls %s with the same arguments', async (action, method, args) => {
        leaderTab = world.openLeader();
        world.rawChannel().postMessage(envelope({ kind: 'action', action }, 'tab-b'));
        await world.settle();
        const mock = leaderTab.actions[method as keyof typeof leaderTab.actions];
        expect(mock.mock.calls).toEqual([args]);
        for (const [name, other] of Object.entries(leaderTab.actions)) {
            if (name !== method) {
                expect(other).not.toHaveBeenCalled();
            }
        }
    });

    it.each<[string, unknown]>([
        [
            'a transfer mode that does not exist',
            { name: 'transfer', callId: 'c1', target: '2', mode: 'warm' }
        ],
        ['an empty target', { name: 'transfer', callId: 'c1', target: '', mode: 'blind' }],
        [
            'a target over 40 characters',
            { name: 'transfer', callId: 'c1', target: '1'.repeat(41), mode: 'blind' }
        ],
        ['a transfer without a call', { name: 'transfer', target: '2002', mode: 'blind' }],
        ['a drop without a call', { name: 'dropParty' }],
        ['a merge with a field it does not have', { name: 'mergeCalls', callId: 'c1' }]
    ])('never runs %s, and reports it', async (_label, action) => {
        leaderTab = world.openLeader();
        world.rawChannel().postMessage(envelope({ kind: 'action', action }, 'tab-b'));
        await world.settle();
        for (const mock of Object.values(leaderTab.actions)) {
            expect(mock).not.toHaveBeenCalled();
        }
        expect(leaderTab.problems).toHaveLength(1);
        expect(leaderTab.problems[0]?.reason).toBe('invalid');
    });
});

describe("the leader's handover view as a follower receives it", () => {
    it.each<[string, Partial<SoftphoneViewModel>]>([
        [
            'a transfer progress that does not exist',
            {
                calls: [
                    callWith('call-1', 'connected', {
                        ...NONE,
                        transfer: { target: '2002', progress: 'teleported' as 'trying' }
                    })
                ]
            }
        ],
        [
            'suggestions that are not a list',
            {
                transferSuggestions:
                    'call everyone' as unknown as SoftphoneViewModel['transferSuggestions']
            }
        ],
        ['a conference of a negative size', { conference: { parties: -1 } }]
    ])('is not rendered with %s', async (_label, overrides) => {
        leaderTab = world.openLeader();
        const tab = await world.openFollower('tab-b');
        world
            .rawChannel()
            .postMessage(
                envelope(
                    { kind: 'view', model: fullViewModel({ wrapUp: undefined, ...overrides }) },
                    'tab-a'
                )
            );
        await world.settle();
        expect(tab.root.querySelector('.softphone-call')).toBeNull();
        expect(tab.problems.map((problem) => problem.reason)).toContain('invalid');
    });
});
