import type { CallEndReason } from '../telephony/connector';
import type { CallDirection, CallOutcome } from './call-model';
import { outcomeFor } from './call-outcome';

const allReasons: readonly CallEndReason[] = [
    'local-hangup',
    'remote-hangup',
    'declined',
    'busy',
    'no-answer',
    'cancelled',
    'voicemail',
    'unreachable',
    'failed',
    'connection-lost'
];

/** The documented table: [reason, answered, unanswered inbound, unanswered outbound]. */
const table: readonly [CallEndReason, CallOutcome, CallOutcome, CallOutcome][] = [
    ['local-hangup', 'Connected', 'Rejected', 'No Answer'],
    ['remote-hangup', 'Connected', 'Missed', 'No Answer'],
    ['cancelled', 'Connected', 'Missed', 'No Answer'],
    ['declined', 'Connected', 'Rejected', 'Rejected'],
    ['busy', 'Connected', 'Busy', 'Busy'],
    ['no-answer', 'Connected', 'Missed', 'No Answer'],
    ['voicemail', 'Voicemail', 'Voicemail', 'Voicemail'],
    ['unreachable', 'Connected', 'Failed', 'Failed'],
    ['failed', 'Dropped', 'Failed', 'Failed'],
    ['connection-lost', 'Dropped', 'Missed', 'Failed']
];

describe('outcomeFor', () => {
    it('covers every end reason in the table', () => {
        expect(table.map(([reason]) => reason).sort()).toEqual([...allReasons].sort());
    });

    describe.each(table)('%s', (reason, answered, inbound, outbound) => {
        it.each<[CallDirection]>([['Inbound'], ['Outbound']])(
            `answered %s call → ${answered}`,
            (direction) => {
                expect(outcomeFor(direction, true, reason)).toBe(answered);
            }
        );

        it(`unanswered inbound → ${inbound}`, () => {
            expect(outcomeFor('Inbound', false, reason)).toBe(inbound);
        });

        it(`unanswered outbound → ${outbound}`, () => {
            expect(outcomeFor('Outbound', false, reason)).toBe(outbound);
        });
    });

    it('maps the headline cases', () => {
        expect(outcomeFor('Inbound', true, 'local-hangup')).toBe('Connected');
        expect(outcomeFor('Inbound', false, 'cancelled')).toBe('Missed');
        expect(outcomeFor('Inbound', false, 'declined')).toBe('Rejected');
        expect(outcomeFor('Outbound', false, 'busy')).toBe('Busy');
        expect(outcomeFor('Outbound', false, 'no-answer')).toBe('No Answer');
        expect(outcomeFor('Outbound', false, 'voicemail')).toBe('Voicemail');
        expect(outcomeFor('Outbound', false, 'unreachable')).toBe('Failed');
        expect(outcomeFor('Outbound', true, 'connection-lost')).toBe('Dropped');
    });
});
