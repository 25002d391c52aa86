import type { EndedCall } from '../calls/ended-call';
import { callBackNumber, missedCallNotice, recordPhonesOf } from './missed-calls';

const MISSED: EndedCall = {
    id: 'c1',
    direction: 'Inbound',
    from: '+14155550101',
    to: '+14155550100',
    state: 'ended',
    startedAt: 1000,
    endedAt: 31_000,
    outcome: 'Missed',
    endReason: 'remote-hangup',
    durationSeconds: 0,
    muted: false
};
const RECORD_PHONES = [
    { field: 'Phone', number: '(415) 555-0101' },
    { field: 'MobilePhone', number: '(415) 555-0151' }
];

describe('missedCallNotice', () => {
    it("offers to call the caller's number back", () => {
        expect(missedCallNotice(MISSED, 'Maria Lopez', RECORD_PHONES)).toEqual({
            id: 'missed-call-c1',
            message: 'Missed call from Maria Lopez.',
            callBack: '+14155550101'
        });
    });

    it("calls a caller known only by a name back on the matched record's first phone", () => {
        const notice = missedCallNotice({ ...MISSED, from: 'alice' }, 'Alice Chen', RECORD_PHONES);
        expect(notice).toEqual({
            id: 'missed-call-c1',
            message: 'Missed call from Alice Chen.',
            callBack: '(415) 555-0101'
        });
    });

    it('says there is no number to call back for a name without a record phone', () => {
        expect(missedCallNotice({ ...MISSED, from: ' alice ' }, 'alice')).toEqual({
            id: 'missed-call-c1',
            message: 'Missed call from alice. No number to call back.'
        });
    });

    it('uses the number called for an outbound call nobody answered', () => {
        const notice = missedCallNotice(
            { ...MISSED, direction: 'Outbound', from: '', to: '+14155550199' },
            '+1 415 555 0199'
        );
        expect(notice.callBack).toBe('+14155550199');
    });
});

describe('callBackNumber', () => {
    it("is the party's number, else the record's first phone, else none", () => {
        expect(callBackNumber(' +14155550101 ', RECORD_PHONES)).toBe('+14155550101');
        expect(callBackNumber('reception', RECORD_PHONES)).toBe('(415) 555-0101');
        expect(callBackNumber('reception')).toBeUndefined();
        expect(callBackNumber('')).toBeUndefined();
    });
});

describe('recordPhonesOf', () => {
    it("is the related record's phones from the screen pop, when there are any", () => {
        const contact = { recordId: '003000000000001AAA', objectType: 'Contact' };
        const records = { seen: [contact], phones: { [contact.recordId]: RECORD_PHONES } };
        expect(recordPhonesOf(records, contact)).toBe(RECORD_PHONES);
        expect(recordPhonesOf(records, undefined)).toBeUndefined();
        expect(recordPhonesOf(undefined, contact)).toBeUndefined();
        expect(recordPhonesOf({ seen: [] }, contact)).toBeUndefined();
    });
});
