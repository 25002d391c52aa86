import type { Call } from '../calls/call-model';
import { noHandoverSupport } from '../telephony/call-handover';
import {
    MAX_TRANSFER_SUGGESTIONS,
    toHandoverView,
    transferSuggestions
} from './handover-view-builder';
import { phonesOf } from './call-records';

const all = { blindTransfer: true, consultTransfer: true, conference: true };
const describe_ = (call: Call) => (call.direction === 'Inbound' ? 'Ada' : call.to);
const format = (raw: string) => `f${raw}`;

function call(overrides: Partial<Call> = {}): Call {
    return {
        id: 'c1',
        direction: 'Inbound',
        from: '+14155550101',
        to: '',
        state: 'connected',
        startedAt: 0,
        answeredAt: 1,
        muted: false,
        ...overrides
    };
}

describe('toHandoverView', () => {
    it('offers transfer and consult on a single connected call', () => {
        const only = call();
        expect(toHandoverView(only, [only], all, describe_, format)).toEqual({
            canTransfer: true,
            canConsult: true,
            canComplete: false,
            canCancelConsult: false,
            canMerge: false,
            canDrop: false,
            canSwap: false
        });
    });

    it('offers nothing on a ringing call, and nothing at all without support', () => {
        const ringing = call({ state: 'ringing' });
        expect(toHandoverView(ringing, [ringing], all, describe_, format)).toBeUndefined();
        const only = call();
        expect(toHandoverView(only, [only], noHandoverSupport, describe_, format)).toBeUndefined();
    });

    it('marks a consult: Live, complete, cancel, conference; the held call swaps', () => {
        const parent = call({ state: 'held', heldAt: 2 });
        const consult = call({
            id: 'c2',
            direction: 'Outbound',
            to: '201',
            consultOf: 'c1',
            transfer: { kind: 'consult', target: '201', progress: 'failed', reason: 'busy' }
        });
        const calls = [parent, consult];
        expect(toHandoverView(consult, calls, all, describe_, format)).toMatchObject({
            live: true,
            canComplete: true,
            canCancelConsult: true,
            canMerge: true,
            consultAbout: 'Ada',
            transfer: { target: 'f201', progress: 'failed', reason: 'busy' }
        });
        expect(toHandoverView(parent, calls, all, describe_, format)).toMatchObject({
            canSwap: true,
            canComplete: false
        });
    });

    it('offers Drop on conference parties', () => {
        const a = call({ conference: true });
        const b = call({ id: 'c2', conference: true });
        expect(toHandoverView(a, [a, b], all, describe_, format)).toMatchObject({
            canDrop: true,
            inConference: true,
            canTransfer: false
        });
    });
});

describe('transferSuggestions', () => {
    it('lists recent numbers once each, newest first, named when known', () => {
        const recent = (number: string, name?: string) => ({
            callId: number,
            direction: 'Inbound' as const,
            number,
            ...(name === undefined ? {} : { name }),
            endedAt: 0,
            outcome: 'Connected' as const,
            durationSeconds: 0
        });
        expect(
            transferSuggestions([recent('201', 'Grace'), recent(''), recent('201'), recent('202')])
        ).toEqual([
            { number: '201', label: 'Grace · 201' },
            { number: '202', label: '202' }
        ]);
        expect(
            transferSuggestions(
                [recent('(415) 555-0151')],
                [
                    {
                        name: 'Maria Lopez',
                        phones: [
                            { field: 'Phone', number: '+1 415 555 0101' },
                            { field: 'MobilePhone', number: '(415) 555-0151' },
                            { field: 'PersonHomePhone', number: '(415) 555-0152' }
                        ]
                    }
                ]
            )
        ).toEqual([
            { number: '+1 415 555 0101', label: 'Maria Lopez · Phone +1 415 555 0101' },
            { number: '(415) 555-0151', label: 'Maria Lopez · Mobile (415) 555-0151' },
            { number: '(415) 555-0152', label: 'Maria Lopez · Home (415) 555-0152' }
        ]);
        // Written as the calls show numbers, the record's phone and a recent call are one.
        expect(
            transferSuggestions(
                [recent('(415) 555-0101', 'Maria Lopez')],
                [{ name: 'Maria Lopez', phones: [{ field: 'Phone', number: '+1 415 555 0101' }] }],
                (number) => (number === '+1 415 555 0101' ? '(415) 555-0101' : number)
            )
        ).toEqual([{ number: '(415) 555-0101', label: 'Maria Lopez · Phone (415) 555-0101' }]);
        const many = Array.from({ length: 15 }, (_, index) => recent(String(100 + index)));
        expect(transferSuggestions(many)).toHaveLength(MAX_TRANSFER_SUGGESTIONS);
    });
});

describe('phonesOf', () => {
    it('keeps the phone fields with digits', () => {
        expect(
            phonesOf({
                Name: 'Maria',
                Phone: ' +1 415 555 0101 ',
                MobilePhone: '',
                Fax: '555',
                DoNotCall: false
            })
        ).toEqual([{ field: 'Phone', number: '+1 415 555 0101' }]);
        expect(phonesOf(undefined)).toEqual([]);
    });
});
