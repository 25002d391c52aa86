/** @jest-environment jsdom */
import type { CallerPopOutcome } from '../app/inbound-screen-pop';
import { normalisePhoneNumber } from '../screenpop/phone-number';
import {} from '../ui/test-support/softphone-fixtures';
import { numberToSearch } from './tab-leader';
import { CONTACT_ID, envelope } from './test-support/tab-messages';
import {
    DEFAULT_COUNTRY,
    STATE,
    TabLmsHost,
    TabWorld,
    type FollowerTab,
    type LeaderTab,
    postedOf
} from './test-support/tab-world';

const MARIA = { recordId: CONTACT_ID, objectType: 'Contact', recordName: 'Maria Lopez' };
const caller = (number: string) => normalisePhoneNumber(number, DEFAULT_COUNTRY);

const ping = (requestId: string) => ({ version: 1, type: 'ping', requestId, payload: {} });

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
