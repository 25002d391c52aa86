import {
    callDataLimits,
    isCallData,
    isSecretCallDataKey,
    toCallData,
    withoutSecrets
} from './call-data';

describe('toCallData', () => {
    it('keeps valid pairs trimmed, in order, in a map without a prototype', () => {
        const { data, rejected } = toCallData([
            ['Queue', ' Billing '],
            ['__proto__', 'x'],
            ['Empty', '  ']
        ]);
        expect(Object.getPrototypeOf(data)).toBeNull();
        expect(Object.entries(data)).toEqual([
            ['Queue', 'Billing'],
            ['__proto__', 'x']
        ]);
        expect(rejected).toEqual([]);
        expect(Object.isFrozen(data)).toBe(true);
    });

    it.each<[string, [string, unknown]]>([
        ['a key with other characters', ['X-Queue', 'Billing']],
        ['a key too long', ['K'.repeat(41), 'v']],
        ['a value that is not text', ['Queue', 42]],
        ['a value too long', ['Queue', 'v'.repeat(257)]],
        ['a value with a line break', ['Queue', 'a\r\nb']],
        ['a value with a direction override', ['Queue', 'a\u202eb']]
    ])('leaves out %s, naming the key only', (_name, pair) => {
        const { data, rejected } = toCallData([pair]);
        expect(Object.keys(data)).toEqual([]);
        expect(rejected).toHaveLength(1);
        expect(rejected.join()).not.toContain('Billing');
    });

    it(`keeps the first ${callDataLimits.count} pairs and the first value of a key`, () => {
        const pairs = Array.from({ length: 25 }, (_, index) => [`K${index}`, 'v'] as const);
        const { data, rejected } = toCallData([['K0', 'first'], ...pairs]);
        expect(Object.keys(data)).toHaveLength(callDataLimits.count);
        expect(data['K0']).toBe('first');
        expect(rejected).toEqual(['K20', 'K21', 'K22', 'K23', 'K24']);
    });
});

describe('secret call data', () => {
    it.each([
        ['CardPin', [], true],
        ['api_token', [], true],
        ['CardNumber', ['card-number'], true],
        ['cardnumber', ['CardNumber'], true],
        ['AccountNumber', ['CardNumber'], false],
        ['Queue', [], false]
    ])('%s with deny-list %j is secret: %s', (key, denied, secret) => {
        expect(isSecretCallDataKey(key, denied)).toBe(secret);
    });

    it('drops secret keys', () => {
        const { data } = toCallData([
            ['Queue', 'Billing'],
            ['CardNumber', '4111111111111111'],
            ['VoicePin', '1234']
        ]);
        expect(withoutSecrets(data, ['CardNumber'])).toEqual({ Queue: 'Billing' });
    });
});

describe('isCallData', () => {
    it.each<[string, unknown, boolean]>([
        ['call data', { Queue: 'Billing' }, true],
        ['an empty map', {}, true],
        ['null', null, false],
        ['an array', ['Billing'], false],
        ['a number value', { Queue: 1 }, false],
        ['a bad key', { 'X-Queue': 'Billing' }, false],
        [
            'too many pairs',
            Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`K${i}`, 'v'])),
            false
        ]
    ])('%s: %s', (_name, value, expected) => {
        expect(isCallData(value)).toBe(expected);
    });
});
