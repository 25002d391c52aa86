import type { ScreenPopSettings } from '../settings/softphone-settings';
import { normalisePhoneNumber, type PhoneNumberResult } from './phone-number';
import { decideScreenPop, type Match } from './screen-pop-rules';

const SETTINGS: ScreenPopSettings = {
    searchObjects: ['Contact', 'Lead', 'Account'],
    noMatchAction: 'NewContact',
    multipleMatchAction: 'Priority',
    anonymousAction: 'NewCase',
    newRecordPopTiming: 'OnAnswer',
    matchPopTiming: 'OnRing'
};

const CALLER = normalisePhoneNumber('(415) 555-2671', 'US');
const MOBILE_CALLER = normalisePhoneNumber('07911 123456', 'GB');
const ANONYMOUS = normalisePhoneNumber('anonymous', 'US');
const SHORT = normalisePhoneNumber('12', 'US');
const UNPARSABLE = normalisePhoneNumber('555-0100', 'US');
const REJECTED = normalisePhoneNumber('<b>1</b>', 'US');

const contact1: Match = { recordId: '003000000000001', objectType: 'Contact', name: 'Ada' };
const contact2: Match = { recordId: '003000000000002', objectType: 'Contact', name: 'Alan' };
const lead1: Match = { recordId: '00Q000000000001', objectType: 'Lead', name: 'Grace' };
const account1: Match = { recordId: '001000000000001', objectType: 'Account', name: 'Acme' };
const opportunity1: Match = { recordId: '006000000000001', objectType: 'Opportunity' };

function decide(
    callerId: PhoneNumberResult,
    matches: readonly Match[],
    settings: Partial<ScreenPopSettings> = {},
    searchString?: string
) {
    return decideScreenPop(
        { callerId, matches, ...(searchString === undefined ? {} : { searchString }) },
        { ...SETTINGS, ...settings }
    );
}

describe('decideScreenPop: matches', () => {
    it('pops the only match', () => {
        expect(decide(CALLER, [lead1])).toEqual({
            kind: 'record',
            rule: 'singleMatch',
            recordId: lead1.recordId,
            objectType: 'Lead'
        });
    });

    it('pops the only match even for an object outside searchObjects', () => {
        expect(decide(CALLER, [opportunity1])).toMatchObject({
            kind: 'record',
            recordId: opportunity1.recordId
        });
    });

    it('Priority: pops the first object in searchObjects with exactly one match', () => {
        expect(decide(CALLER, [account1, lead1])).toEqual({
            kind: 'record',
            rule: 'priorityMatch',
            recordId: lead1.recordId,
            objectType: 'Lead'
        });
    });

    it('Priority: skips an object with several matches for the next with exactly one', () => {
        expect(decide(CALLER, [contact1, contact2, account1])).toMatchObject({
            kind: 'record',
            recordId: account1.recordId
        });
    });

    it('Priority: ignores objects not in searchObjects and compares names case-insensitively', () => {
        expect(
            decide(CALLER, [opportunity1, lead1], { searchObjects: ['opportunity_x', 'lead'] })
        ).toMatchObject({ kind: 'record', recordId: lead1.recordId });
        expect(decide(CALLER, [opportunity1, contact1, contact2])).toEqual({
            kind: 'search',
            rule: 'multipleMatches',
            searchString: '+14155552671'
        });
    });

    it('Priority without a single match anywhere: the search page with the text that matched', () => {
        expect(decide(CALLER, [contact1, contact2], {}, '(415) 555-2671')).toEqual({
            kind: 'search',
            rule: 'multipleMatches',
            searchString: '(415) 555-2671'
        });
    });

    it('Search: the search page even when one object has a single match', () => {
        expect(decide(CALLER, [contact1, lead1], { multipleMatchAction: 'Search' })).toEqual({
            kind: 'search',
            rule: 'multipleMatches',
            searchString: '+14155552671'
        });
    });

    it('several matches but nothing to search: a new Case rather than a blank screen', () => {
        expect(decide(SHORT, [contact1, contact2], { multipleMatchAction: 'Search' })).toEqual({
            kind: 'newRecord',
            rule: 'multipleMatches',
            entityName: 'Case',
            defaultFieldValues: { Origin: 'Phone', SuppliedPhone: '12' }
        });
    });
});

describe('decideScreenPop: no match', () => {
    it('NewContact prefills Phone with E.164', () => {
        expect(decide(CALLER, [])).toEqual({
            kind: 'newRecord',
            rule: 'noMatch',
            entityName: 'Contact',
            defaultFieldValues: { Phone: '+14155552671' }
        });
    });

    it('NewContact prefills MobilePhone for a mobile number', () => {
        expect(decide(MOBILE_CALLER, [])).toMatchObject({
            entityName: 'Contact',
            defaultFieldValues: { MobilePhone: '+447911123456' }
        });
    });

    it('NewLead prefills Phone', () => {
        expect(decide(CALLER, [], { noMatchAction: 'NewLead' })).toEqual({
            kind: 'newRecord',
            rule: 'noMatch',
            entityName: 'Lead',
            defaultFieldValues: { Phone: '+14155552671' }
        });
    });

    it('NewCase prefills SuppliedPhone and Origin', () => {
        expect(decide(CALLER, [], { noMatchAction: 'NewCase' })).toEqual({
            kind: 'newRecord',
            rule: 'noMatch',
            entityName: 'Case',
            defaultFieldValues: { Origin: 'Phone', SuppliedPhone: '+14155552671' }
        });
    });

    it('Search pops the search page for the number', () => {
        expect(decide(CALLER, [], { noMatchAction: 'Search' })).toEqual({
            kind: 'search',
            rule: 'noMatch',
            searchString: '+14155552671'
        });
    });

    it('Search with a number too short to search: a new Case', () => {
        expect(decide(SHORT, [], { noMatchAction: 'Search' })).toEqual({
            kind: 'newRecord',
            rule: 'noMatch',
            entityName: 'Case',
            defaultFieldValues: { Origin: 'Phone', SuppliedPhone: '12' }
        });
    });

    it('a number that could not be normalised is prefilled and searched as its digits', () => {
        expect(decide(UNPARSABLE, [])).toMatchObject({
            entityName: 'Contact',
            defaultFieldValues: { Phone: '5550100' }
        });
        expect(decide(UNPARSABLE, [], { noMatchAction: 'Search' })).toMatchObject({
            kind: 'search',
            searchString: '5550100'
        });
    });

    it('a rejected number (markup) prefills nothing', () => {
        expect(decide(REJECTED, [])).toEqual({
            kind: 'newRecord',
            rule: 'noMatch',
            entityName: 'Contact',
            defaultFieldValues: {}
        });
    });

    it('an international number that does not validate keeps its + in the form and the search', () => {
        const international = normalisePhoneNumber('+15550100999', 'US');
        expect(decide(international, [], { noMatchAction: 'NewCase' })).toMatchObject({
            defaultFieldValues: { SuppliedPhone: '+15550100999' }
        });
        expect(decide(international, [], { noMatchAction: 'Search' })).toMatchObject({
            searchString: '+15550100999'
        });
    });

    it('a caller known by a SIP name is searched by it but never put in a phone field', () => {
        const alice = normalisePhoneNumber('alice', 'US');
        expect(decide(alice, [], { noMatchAction: 'Search' })).toMatchObject({
            kind: 'search',
            searchString: 'alice'
        });
        expect(decide(alice, [], { noMatchAction: 'NewCase' })).toEqual({
            kind: 'newRecord',
            rule: 'noMatch',
            entityName: 'Case',
            defaultFieldValues: { Origin: 'Phone' }
        });
        expect(decide(alice, [contact1])).toMatchObject({ kind: 'record' });
    });

    it('pops one match of a number that could not be normalised', () => {
        expect(decide(UNPARSABLE, [contact1])).toMatchObject({ kind: 'record' });
    });
});

describe('decideScreenPop: missing or withheld caller id', () => {
    it('NewCase: a Case with Origin only (no number)', () => {
        expect(decide(ANONYMOUS, [])).toEqual({
            kind: 'newRecord',
            rule: 'anonymous',
            entityName: 'Case',
            defaultFieldValues: { Origin: 'Phone' }
        });
    });

    it.each([
        ['NewContact', 'Contact'],
        ['NewLead', 'Lead']
    ] as const)('%s: a blank %s', (anonymousAction, entityName) => {
        expect(decide(ANONYMOUS, [], { anonymousAction })).toEqual({
            kind: 'newRecord',
            rule: 'anonymous',
            entityName,
            defaultFieldValues: {}
        });
    });

    it('Search: nothing to search, so a new Case', () => {
        expect(decide(ANONYMOUS, [], { anonymousAction: 'Search' })).toEqual({
            kind: 'newRecord',
            rule: 'anonymous',
            entityName: 'Case',
            defaultFieldValues: { Origin: 'Phone' }
        });
    });

    it('ignores matches for an anonymous caller', () => {
        expect(decide(ANONYMOUS, [contact1])).toMatchObject({ rule: 'anonymous' });
    });
});

describe('decideScreenPop: never a blank screen', () => {
    const callers = [CALLER, MOBILE_CALLER, ANONYMOUS, SHORT, UNPARSABLE, REJECTED];
    const matchSets: Match[][] = [[], [contact1], [contact1, contact2], [opportunity1, lead1]];
    const actions = ['NewContact', 'NewLead', 'NewCase', 'Search'] as const;

    it('always yields a record, a new record or a searchable string', () => {
        for (const callerId of callers) {
            for (const matches of matchSets) {
                for (const action of actions) {
                    for (const multipleMatchAction of ['Priority', 'Search'] as const) {
                        const decision = decide(callerId, matches, {
                            noMatchAction: action,
                            anonymousAction: action,
                            multipleMatchAction
                        });
                        if (decision.kind === 'search') {
                            expect(decision.searchString.length).toBeGreaterThanOrEqual(3);
                        } else if (decision.kind === 'record') {
                            expect(decision.recordId).not.toBe('');
                        } else if (decision.kind === 'newRecord') {
                            expect(['Contact', 'Lead', 'Case']).toContain(decision.entityName);
                        } else {
                            throw new Error(`decideScreenPop never pops a ${decision.kind}`);
                        }
                    }
                }
            }
        }
    });
});
