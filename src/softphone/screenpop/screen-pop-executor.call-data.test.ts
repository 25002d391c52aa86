import { toCallData, type CallData } from '../telephony/call-data';
import { parseCallDataPopRules } from './call-data-rules';
import { normalisePhoneNumber } from './phone-number';
import { ScreenPopper, type ScreenPopSearch, type ScreenPopTarget } from './screen-pop-executor';

const ACCOUNT_ID = '001000000000001AAA';
const CONTACT_ID = '003000000000001AAA';
const CUSTOM_ID = 'a01000000000001AAA';
const CALLER = normalisePhoneNumber('(415) 555-2671', 'US');
const RULES =
    'RecordId? record; Queue=Billing flow Billing_Call_Screen; AccountNumber? search; CaseNumber? search';

const accountResult = {
    [ACCOUNT_ID]: { Id: ACCOUNT_ID, Name: 'Bayview Logistics', RecordType: 'Account' }
};
const contactResult = {
    [CONTACT_ID]: { Id: CONTACT_ID, Name: 'Ada Lovelace', RecordType: 'Contact' }
};

/** Answers searches by their text; records what was searched and popped. */
class FakeHost {
    readonly searches: ScreenPopSearch[] = [];
    readonly pops: ScreenPopTarget[] = [];

    constructor(private readonly answers: Readonly<Record<string, unknown>>) {}

    async searchAndScreenPop(args: ScreenPopSearch): Promise<unknown> {
        this.searches.push(args);
        const answer = this.answers[args.searchParams] ?? {};
        if (answer instanceof Error) {
            throw answer;
        }
        return answer;
    }

    async screenPop(args: ScreenPopTarget): Promise<unknown> {
        this.pops.push(args);
        return undefined;
    }
}

function popper(host: FakeHost, matchPopTiming: 'OnRing' | 'OnAnswer' = 'OnRing') {
    const parsed = parseCallDataPopRules(RULES);
    return new ScreenPopper(host, {
        settings: {
            searchObjects: ['Contact', 'Lead', 'Account'],
            noMatchAction: 'NewContact',
            multipleMatchAction: 'Priority',
            anonymousAction: 'NewCase',
            newRecordPopTiming: 'OnAnswer',
            matchPopTiming
        },
        defaultCountry: 'US',
        callDataRules: parsed.ok ? parsed.rules : []
    });
}

function data(pairs: Record<string, string>): CallData {
    return toCallData(Object.entries(pairs)).data;
}

describe('ScreenPopper with call-data rules', () => {
    it('pops the record Id from the data without searching, relating the log to it', async () => {
        const host = new FakeHost({});
        const outcome = await popper(host).pop(CALLER, 'ring', data({ RecordId: ACCOUNT_ID }));
        expect(host.searches).toEqual([]);
        expect(host.pops).toEqual([{ type: 'SOBJECT', params: { recordId: ACCOUNT_ID } }]);
        expect(outcome).toMatchObject({
            ok: true,
            decision: { kind: 'record', rule: 'callData', recordId: ACCOUNT_ID },
            related: { recordId: ACCOUNT_ID, objectType: 'Account' }
        });
    });

    it('pops a record of an object it cannot tell, without relating the log to it', async () => {
        const host = new FakeHost({});
        const outcome = await popper(host).pop(CALLER, 'ring', data({ RecordId: CUSTOM_ID }));
        expect(host.pops).toEqual([{ type: 'SOBJECT', params: { recordId: CUSTOM_ID } }]);
        expect(outcome).toEqual({
            ok: true,
            decision: { kind: 'record', rule: 'callData', recordId: CUSTOM_ID, objectType: '' },
            matches: []
        });
    });

    it('pops the screen flow with the call data as String arguments', async () => {
        const host = new FakeHost({});
        const outcome = await popper(host).pop(
            CALLER,
            'ring',
            data({ Queue: 'Billing', AccountNumber: '10442' })
        );
        expect(host.pops).toEqual([
            {
                type: 'FLOW',
                params: {
                    flowDevName: 'Billing_Call_Screen',
                    flowArgs: [
                        { name: 'Queue', type: 'String', value: 'Billing' },
                        { name: 'AccountNumber', type: 'String', value: '10442' }
                    ]
                }
            }
        ]);
        expect(outcome).toMatchObject({ ok: true, decision: { kind: 'flow', rule: 'callData' } });
    });

    it('searches with the value (inbound, deferred) and pops the one match', async () => {
        const host = new FakeHost({ '10442': accountResult });
        const outcome = await popper(host).pop(CALLER, 'ring', data({ AccountNumber: '10442' }));
        expect(host.searches).toEqual([
            { searchParams: '10442', callType: 'inbound', deferred: true }
        ]);
        expect(host.pops).toEqual([{ type: 'SOBJECT', params: { recordId: ACCOUNT_ID } }]);
        expect(outcome).toMatchObject({
            ok: true,
            decision: { kind: 'record', rule: 'callData', recordId: ACCOUNT_ID },
            related: {
                recordId: ACCOUNT_ID,
                objectType: 'Account',
                recordName: 'Bayview Logistics'
            },
            callerName: 'Bayview Logistics'
        });
    });

    it('tries the next rule, then the caller number, when a value finds no one', async () => {
        const host = new FakeHost({ '+14155552671': contactResult });
        const outcome = await popper(host).pop(
            CALLER,
            'ring',
            data({ AccountNumber: '99999', CaseNumber: '00001026' })
        );
        expect(host.searches.map((search) => search.searchParams)).toEqual([
            '99999',
            '00001026',
            '+14155552671'
        ]);
        expect(host.pops).toEqual([{ type: 'SOBJECT', params: { recordId: CONTACT_ID } }]);
        expect(outcome).toMatchObject({ ok: true, decision: { rule: 'singleMatch' } });
    });

    it('falls through to the caller number when no rule applies', async () => {
        const host = new FakeHost({ '+14155552671': contactResult });
        await popper(host).pop(CALLER, 'ring', data({ Queue: 'Sales' }));
        expect(host.searches.map((search) => search.searchParams)).toEqual(['+14155552671']);
    });

    it('reports a failed search of the value as a failed pop', async () => {
        const host = new FakeHost({ '10442': new Error('Search is down') });
        const outcome = await popper(host).pop(CALLER, 'ring', data({ AccountNumber: '10442' }));
        expect(outcome).toEqual({ ok: false, step: 'search', message: 'Search is down' });
        expect(host.pops).toEqual([]);
    });

    it('waits for the answer when matched pops are timed OnAnswer', async () => {
        const host = new FakeHost({});
        const outcome = await popper(host, 'OnAnswer').pop(
            CALLER,
            'ring',
            data({ RecordId: ACCOUNT_ID })
        );
        expect(outcome).toMatchObject({ ok: true, waitsForAnswer: true });
        expect(host.pops).toEqual([]);
    });
});
