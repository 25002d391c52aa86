import type { SessionSnapshot } from '../app/session-snapshot';
import type { Call } from '../calls/call-model';
import { sessionToRestore, type Handover } from './handover';

const T0 = 1_767_225_600_000;

const leadersCall: Call = {
    id: 'sim-7',
    direction: 'Inbound',
    from: '+14155550101',
    to: '+14155550100',
    state: 'connected',
    startedAt: T0 - 60_000,
    answeredAt: T0 - 55_000,
    muted: false
};

/** The session the leader mirrored to the other tabs. */
const leadersSession: SessionSnapshot = {
    version: 1,
    agentState: 'Busy',
    liveCalls: [leadersCall],
    unstoredCalls: [],
    callerNames: { 'sim-7': 'Maria Lopez' },
    recentCalls: [],
    wrapUpCallId: 'sim-6',
    lastAliveAt: T0 - 2000
};

/** This tab's own stored session, from before it reloaded into a follower. */
const ownSession: SessionSnapshot = {
    version: 1,
    agentState: 'Available',
    liveCalls: [{ ...leadersCall, id: 'sim-1', state: 'ringing', answeredAt: undefined }],
    unstoredCalls: [],
    callerNames: {},
    recentCalls: [],
    lastAliveAt: T0 - 600_000
};

const handover = (changes: Partial<Handover> = {}): Handover => ({
    heardFromLeader: true,
    takenOverAt: T0,
    session: JSON.stringify(leadersSession),
    ...changes
});

describe('sessionToRestore', () => {
    it('without a handover (this tab led from the start) restores its own session after a reload', () => {
        expect(sessionToRestore(undefined, ownSession)).toEqual({
            session: ownSession,
            cause: 'reload'
        });
    });

    it('without a handover nor an own session restores nothing', () => {
        const restored = sessionToRestore(undefined, undefined);
        expect(restored).toEqual({ cause: 'reload' });
        expect('session' in restored).toBe(false);
    });

    it('when the leader was never heard from, the own session is the one (the leader handled none)', () => {
        const neverHeard = handover({ heardFromLeader: false });
        expect(sessionToRestore(neverHeard, ownSession)).toEqual({
            session: ownSession,
            cause: 'reload'
        });
        expect(sessionToRestore(neverHeard, undefined)).toEqual({ cause: 'reload' });
    });

    it("after a takeover restores the leader's session, its calls ending when its tab went", () => {
        expect(sessionToRestore(handover({ takenOverAt: T0 }), ownSession)).toEqual({
            session: { ...leadersSession, lastAliveAt: T0 },
            cause: 'takeover'
        });
    });

    it("keeps the leader's lastAliveAt when it is later than the takeover (clocks of two tabs)", () => {
        const restored = sessionToRestore(handover({ takenOverAt: T0 - 10_000 }), ownSession);
        expect(restored.session?.lastAliveAt).toBe(T0 - 2000);
        expect(restored.cause).toBe('takeover');
    });

    it("after a takeover never restores this tab's own session, even without the leader's", () => {
        const withoutSession: Handover = { heardFromLeader: true, takenOverAt: T0 };
        expect(sessionToRestore(withoutSession, ownSession)).toEqual({ cause: 'takeover' });
    });

    it.each<[string, string]>([
        ['not JSON', '{"version":1,'],
        ['JSON of another version', JSON.stringify({ ...leadersSession, version: 2 })],
        ['JSON with a bad live call', JSON.stringify({ ...leadersSession, liveCalls: [{}] })],
        ['an empty string', '']
    ])("restores nothing when the leader's session is %s", (_label, session) => {
        const restored = sessionToRestore(handover({ session }), ownSession);
        expect(restored).toEqual({ cause: 'takeover' });
    });
});
