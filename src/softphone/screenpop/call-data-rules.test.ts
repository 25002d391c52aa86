import { toCallData } from '../telephony/call-data';
import { decideCallDataPops, parseCallDataPopRules, type CallDataPopRule } from './call-data-rules';

function rules(text: string): readonly CallDataPopRule[] {
    const parsed = parseCallDataPopRules(text);
    if (!parsed.ok) {
        throw new Error(parsed.message);
    }
    return parsed.rules;
}

function data(pairs: Record<string, string>) {
    return toCallData(Object.entries(pairs)).data;
}

const ACCOUNT_ID = '001000000000001AAA';

describe('parseCallDataPopRules', () => {
    it('reads an empty setting as no rules', () => {
        expect(parseCallDataPopRules(' ; ')).toEqual({ ok: true, rules: [] });
    });

    it.each([
        [
            'RecordId? record',
            'RecordId',
            { kind: 'present' },
            { kind: 'record', sourceKey: 'RecordId' }
        ],
        [
            'AccountNumber? search',
            'AccountNumber',
            { kind: 'present' },
            { kind: 'search', sourceKey: 'AccountNumber' }
        ],
        [
            'Queue = Billing Support search AccountNumber',
            'Queue',
            { kind: 'equals', value: 'Billing Support' },
            { kind: 'search', sourceKey: 'AccountNumber' }
        ],
        [
            'Queue=Billing FLOW Billing_Call_Screen',
            'Queue',
            { kind: 'equals', value: 'Billing' },
            { kind: 'flow', flowName: 'Billing_Call_Screen' }
        ]
    ])('reads "%s"', (text, key, condition, action) => {
        const [rule] = rules(text);
        expect(rule).toEqual({ text, key, condition, action });
    });

    it('compiles a matches condition anchored to the whole value', () => {
        const [rule] = rules('CaseNumber~\\d{8} search');
        expect(rule?.condition).toEqual({ kind: 'matches', pattern: /^(?:\d{8})$/ });
    });

    it.each([
        ['Queue', 'must be <Key>? or <Key>=<value>'],
        ['Queue? pop', 'must be <Key>? or <Key>=<value>'],
        ['Que-ue? search', '"Que-ue" is not a call-data key'],
        ['Queue= search', 'needs a value after ='],
        ['Queue~(\\d+)+ search', 'must not repeat a group'],
        ['Queue~( search', 'is not a regular expression'],
        [`Queue~${'a'.repeat(201)} search`, 'longer than 200'],
        ['Queue? flow', 'flow needs the API name'],
        ['Queue? flow Bad__Name', 'flow needs the API name'],
        ['Queue? search Acc-No', '"Acc-No" is not a call-data key']
    ])('refuses "%s", naming the rule', (text, message) => {
        const parsed = parseCallDataPopRules(`RecordId? record; ${text}`);
        expect(parsed.ok).toBe(false);
        expect(parsed.ok ? '' : parsed.message).toContain(`rule "${text.slice(0, 57)}`);
        expect(parsed.ok ? '' : parsed.message).toContain(message);
    });

    it('refuses more than 20 rules', () => {
        const parsed = parseCallDataPopRules(Array(21).fill('A? search').join(';'));
        expect(parsed).toEqual({ ok: false, message: 'lists 21 rules; at most 20' });
    });
});

describe('decideCallDataPops', () => {
    const setting = rules(
        'RecordId? record; Queue=billing flow Billing_Call_Screen; CaseNumber~\\d{8} search; AccountNumber? search'
    );

    it.each<[string, Record<string, string>, unknown[]]>([
        ['no data: nothing (the caller number decides)', {}, []],
        [
            'a record Id pops that record',
            { RecordId: ACCOUNT_ID },
            [{ kind: 'record', rule: 'RecordId? record', recordId: ACCOUNT_ID }]
        ],
        ['a value that is no Salesforce Id falls through', { RecordId: 'not-an-id' }, []],
        [
            'key equals (any case) pops the flow with every pair as a String argument',
            { Queue: 'Billing', AccountNumber: '10442' },
            [
                {
                    kind: 'flow',
                    rule: 'Queue=billing flow Billing_Call_Screen',
                    flowName: 'Billing_Call_Screen',
                    flowArgs: [
                        { name: 'Queue', type: 'String', value: 'Billing' },
                        { name: 'AccountNumber', type: 'String', value: '10442' }
                    ]
                },
                { kind: 'search', rule: 'AccountNumber? search', searchString: '10442' }
            ]
        ],
        ['another queue does not match', { Queue: 'Sales' }, []],
        [
            'key matches searches with its value',
            { CaseNumber: '00001026' },
            [{ kind: 'search', rule: 'CaseNumber~\\d{8} search', searchString: '00001026' }]
        ],
        ['a value the pattern does not match falls through', { CaseNumber: '1026' }, []],
        ['a search value shorter than 3 characters falls through', { AccountNumber: '12' }, []]
    ])('%s', (_name, pairs, expected) => {
        expect(decideCallDataPops(data(pairs), setting)).toEqual(expected);
    });

    it('has nothing to decide without call data', () => {
        expect(decideCallDataPops(undefined, setting)).toEqual([]);
    });

    it('treats prototype names as ordinary keys', () => {
        expect(decideCallDataPops(data({}), rules('constructor? search'))).toEqual([]);
        expect(
            decideCallDataPops(data({ constructor: 'Gold' }), rules('constructor? search'))
        ).toEqual([{ kind: 'search', rule: 'constructor? search', searchString: 'Gold' }]);
    });

    it('skips a record or search rule whose source key is missing', () => {
        expect(decideCallDataPops(data({ Queue: 'x' }), rules('Queue? record RecordId'))).toEqual(
            []
        );
    });
});
