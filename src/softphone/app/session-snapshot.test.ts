import type { Call } from '../calls/call-model';
import { droppedByReload, parseSessionSnapshot } from './session-snapshot';

const connected: Call = {
    id: 'sim-1',
    direction: 'Inbound',
    from: '+14155550101',
    to: '',
    state: 'connected',
    startedAt: 1_000,
    answeredAt: 2_000,
    muted: false
};

const snapshot = {
    version: 1,
    agentState: 'Busy',
    liveCalls: [connected],
    unstoredCalls: [
        {
            ...connected,
            id: 'sim-0',
            state: 'ended',
            endedAt: 900,
            outcome: 'Connected',
            endReason: 'local-hangup',
            durationSeconds: 3
        }
    ],
    callerNames: { 'sim-1': 'Maria Lopez' },
    recentCalls: [],
    lastAliveAt: 32_000
};

describe('parseSessionSnapshot', () => {
    it('reads what the softphone wrote', () => {
        expect(parseSessionSnapshot(JSON.stringify(snapshot))).toEqual(snapshot);
    });

    it("reads a recent call's record, and refuses one that is not a record", () => {
        const recent = {
            callId: 'sim-0',
            direction: 'Inbound',
            number: '(415) 555-0101',
            endedAt: 900,
            outcome: 'Connected',
            durationSeconds: 3,
            record: { recordId: '003000000000001AAA', objectType: 'Contact' }
        };
        const withRecord = { ...snapshot, recentCalls: [recent] };
        expect(parseSessionSnapshot(JSON.stringify(withRecord))).toEqual(withRecord);
        const bad = { ...snapshot, recentCalls: [{ ...recent, record: { recordId: 7 } }] };
        expect(parseSessionSnapshot(JSON.stringify(bad))).toBeUndefined();
    });

    it('reads the wrap-up draft as typed', () => {
        const inWrapUp = {
            ...snapshot,
            agentState: 'AfterCallWork',
            liveCalls: [],
            wrapUpCallId: 'sim-0',
            wrapUpDraft: { remoteLabel: 'Ada', disposition: 'Resolved', notes: 'n'.repeat(32_768) }
        };
        expect(parseSessionSnapshot(JSON.stringify(inWrapUp))).toEqual(inWrapUp);
    });

    it.each([
        ['nothing stored', null],
        ['not JSON', '{'],
        ['another version', JSON.stringify({ ...snapshot, version: 2 })],
        ['an unknown agent state', JSON.stringify({ ...snapshot, agentState: 'Lunch' })],
        [
            'a live call without a start',
            JSON.stringify({ ...snapshot, liveCalls: [{ ...connected, startedAt: 'x' }] })
        ],
        [
            'an unstored call with an unknown outcome',
            JSON.stringify({
                ...snapshot,
                unstoredCalls: [{ ...snapshot.unstoredCalls[0], outcome: '<b>' }]
            })
        ],
        ['a huge text', 'x'.repeat(300_000)],
        [
            'a wrap-up draft with notes longer than the field',
            JSON.stringify({
                ...snapshot,
                wrapUpCallId: 'sim-0',
                wrapUpDraft: { remoteLabel: 'Ada', disposition: '', notes: 'n'.repeat(32_769) }
            })
        ],
        [
            'a wrap-up draft without its label',
            JSON.stringify({
                ...snapshot,
                wrapUpCallId: 'sim-0',
                wrapUpDraft: { disposition: 'Resolved', notes: '' }
            })
        ]
    ])('ignores %s', (_case, text) => {
        expect(parseSessionSnapshot(text)).toBeUndefined();
    });
});

describe('droppedByReload', () => {
    it('logs an answered call as Dropped with its talk time up to the last sign of life', () => {
        expect(droppedByReload(connected, 32_000)).toMatchObject({
            state: 'ended',
            outcome: 'Dropped',
            endedAt: 32_000,
            durationSeconds: 30
        });
    });

    it('logs an unanswered inbound call as Missed and an outbound one as No Answer', () => {
        const ringing: Call = { ...connected, state: 'ringing', answeredAt: undefined };
        expect(droppedByReload(ringing, 5_000)).toMatchObject({
            outcome: 'Missed',
            durationSeconds: 0
        });
        expect(droppedByReload({ ...ringing, direction: 'Outbound' }, 5_000).outcome).toBe(
            'No Answer'
        );
    });
});
