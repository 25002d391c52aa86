import {
    afterNavigation,
    noCallRecords,
    recordLabel,
    sameRecordId,
    withAwaited,
    withRelated,
    withSeen
} from './call-records';

const MARIA = { recordId: '003000000000001AAA', objectType: 'Contact', recordName: 'Maria' };
const KEVIN = { recordId: '003000000000002AAA', objectType: 'Contact' };
const NEW_LEAD = { recordId: '00Q000000000009AAA', objectType: 'Lead', recordName: 'New' };

describe('call records', () => {
    it('compares Ids exactly, or by the 15-character form', () => {
        expect(sameRecordId('003000000000001AAA', '003000000000001')).toBe(true);
        expect(sameRecordId('003000000000001', '003000000000001AAA')).toBe(true);
        expect(sameRecordId('003000000000001AAA', '003000000000001AAB')).toBe(false);
        expect(sameRecordId('003000000000001', '003000000000002')).toBe(false);
    });

    it('keeps each record once, in the order seen, filling in a name that came later', () => {
        const seen = withSeen(noCallRecords, [KEVIN, MARIA, { ...MARIA, recordName: 'Other' }]);
        expect(seen.seen).toEqual([KEVIN, MARIA]);
        const named = withSeen(seen, [{ ...KEVIN, recordName: 'Kevin' }]);
        expect(named.seen).toEqual([{ ...KEVIN, recordName: 'Kevin' }, MARIA]);
        expect(withSeen(named, [MARIA])).toBe(named);
    });

    it('relates a record, which is then seen and no longer awaited', () => {
        const awaiting = withAwaited(noCallRecords, { kind: 'search' });
        expect(withRelated(awaiting, MARIA)).toEqual({ seen: [MARIA], related: MARIA });
        // A call already related awaits nothing.
        const related = withRelated(noCallRecords, MARIA);
        expect(withAwaited(related, { kind: 'search' })).toBe(related);
    });

    it('relates the new record of the popped type, not one of another type or already seen', () => {
        const awaiting = withAwaited(withSeen(noCallRecords, [MARIA]), {
            kind: 'newRecord',
            entityName: 'Lead'
        });
        expect(afterNavigation(awaiting, MARIA).relate).toBeUndefined();
        expect(afterNavigation(awaiting, KEVIN).relate).toBeUndefined();
        expect(afterNavigation(awaiting, NEW_LEAD, '00Q000000000009').relate).toBeUndefined();
        const led = afterNavigation(awaiting, NEW_LEAD, MARIA.recordId);
        expect(led.relate).toEqual(NEW_LEAD);
        expect(led.records).toEqual({ seen: [MARIA, NEW_LEAD], related: NEW_LEAD });
    });

    it('relates a match opened from the search page, and only while nothing is related', () => {
        const awaiting = withAwaited(withSeen(noCallRecords, [MARIA, KEVIN]), { kind: 'search' });
        expect(afterNavigation(awaiting, NEW_LEAD).relate).toBeUndefined();
        const led = afterNavigation(awaiting, KEVIN);
        expect(led.relate).toEqual(KEVIN);
        expect(afterNavigation(led.records, MARIA).relate).toBeUndefined();
        expect(afterNavigation(noCallRecords, MARIA)).toEqual({
            records: { seen: [MARIA] }
        });
    });

    it('names a record with its object, or its Id when it has no name', () => {
        expect(recordLabel(MARIA)).toBe('Maria (Contact)');
        expect(recordLabel({ ...KEVIN, recordName: '  ' })).toBe('003000000000002AAA (Contact)');
    });
});
