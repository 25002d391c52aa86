import {
    isAttributeValue,
    isPhoneText,
    mergeAttributes,
    parseAttributes,
    parseBridgeMessage
} from './listener-protocol';

const call = {
    type: 'call',
    event: 'ringing',
    callid: 'pbx:1001@site-a',
    ani: '+1 (415) 555-0101',
    dnis: '',
    attributes: { name: 'Maria', orderId: 'A-1' }
};

describe('listener protocol', () => {
    it.each(['+14155550101', '(415) 555-0101', '*86#', '', 'anonymous', 'Private', '415.555.0101'])(
        'takes %p as phone text',
        (value) => expect(isPhoneText(value)).toBe(true)
    );

    it.each(['<script>', 'sip:1001@pbx', '1'.repeat(41), 'anonymous caller', '+1\n415'])(
        'refuses %p as phone text',
        (value) => expect(isPhoneText(value)).toBe(false)
    );

    it('refuses control and direction-changing characters in attribute values', () => {
        expect(isAttributeValue('Gold customer · 3 orders')).toBe(true);
        expect(isAttributeValue('x'.repeat(256))).toBe(true);
        expect(isAttributeValue('x'.repeat(257))).toBe(false);
        expect(isAttributeValue('line\nbreak')).toBe(false);
        expect(isAttributeValue('abc\u202edef')).toBe(false);
    });

    it('limits attributes to 20 well-named pairs', () => {
        const twenty = Object.fromEntries(
            Array.from({ length: 20 }, (_, index) => [`k${index}`, 'v'])
        );
        expect(parseAttributes(twenty).ok).toBe(true);
        expect(parseAttributes({ ...twenty, k20: 'v' })).toEqual({
            ok: false,
            error: 'at most 20 attributes are allowed'
        });
        expect(parseAttributes({ 'a-b': 'v' }).ok).toBe(false);
        expect(parseAttributes({ a: 1 }).ok).toBe(false);
        expect(parseAttributes(['a']).ok).toBe(false);
    });

    it('parses the bridge messages', () => {
        expect(parseBridgeMessage(JSON.stringify(call))).toEqual({ ok: true, value: call });
        expect(
            parseBridgeMessage(
                JSON.stringify({
                    type: 'welcome',
                    version: 1,
                    agent: 'a1',
                    actions: true,
                    calls: [call]
                })
            )
        ).toEqual({
            ok: true,
            value: { type: 'welcome', version: 1, agent: 'a1', actions: true, calls: [call] }
        });
        expect(
            parseBridgeMessage(
                JSON.stringify({ type: 'actionResult', requestId: 'r1', ok: true, callid: 'c-1' })
            )
        ).toEqual({
            ok: true,
            value: { type: 'actionResult', requestId: 'r1', ok: true, callid: 'c-1' }
        });
        expect(
            parseBridgeMessage(
                JSON.stringify({ type: 'actionResult', requestId: 'r1', ok: false, message: 'No' })
            )
        ).toEqual({
            ok: true,
            value: { type: 'actionResult', requestId: 'r1', ok: false, message: 'No' }
        });
    });

    it.each([
        [new ArrayBuffer(2), 'the bridge sent a binary frame'],
        ['{', 'the bridge sent text that is not JSON'],
        ['[]', 'the bridge sent JSON that is not an object'],
        ['{"type":"x"}', 'the bridge sent a message of an unknown type'],
        [
            JSON.stringify({ type: 'welcome', version: 2, agent: 'a', actions: true, calls: [] }),
            'the bridge speaks protocol version 2, not 1'
        ],
        [
            JSON.stringify({ ...call, event: 'held' }),
            'call.event must be ringing, answered or ended'
        ],
        [JSON.stringify({ ...call, callid: '' }), 'call.callid is not a valid call id'],
        [JSON.stringify({ ...call, dnis: 5 }), 'call.dnis is not a phone number'],
        [
            JSON.stringify({ ...call, attributes: { k: 'a\u0000' } }),
            'call.attribute k is not text of at most 256 characters'
        ],
        [
            JSON.stringify({ type: 'actionResult', requestId: 'r 1', ok: true }),
            'actionResult.requestId is not a request id'
        ],
        [
            JSON.stringify({ type: 'actionResult', requestId: 'r1', ok: false }),
            'actionResult needs ok: true, or ok: false and a message'
        ]
    ])('refuses %p', (data, error) => {
        expect(parseBridgeMessage(data)).toEqual({ ok: false, error });
    });

    it('takes names of Object.prototype members as ordinary attribute names', () => {
        const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
        const sent = `{"type":"call","event":"ringing","callid":"c-1","ani":"","dnis":"","attributes":{${names
            .map((name) => `"${name}":"${name} value"`)
            .join(',')}}}`;
        const parsed = parseBridgeMessage(sent);
        if (!parsed.ok || parsed.value.type !== 'call') {
            throw new Error(`not parsed: ${JSON.stringify(parsed)}`);
        }
        const { attributes } = parsed.value;
        expect(Object.keys(attributes)).toEqual(names);
        for (const name of names) {
            expect(Object.hasOwn(attributes, name)).toBe(true);
            expect(attributes[name]).toBe(`${name} value`);
        }
        expect(Object.getPrototypeOf(attributes)).toBeNull();
        // Nothing inherited reads as an attribute that was not sent.
        expect(parseAttributes({})).toEqual({ ok: true, value: {} });
        const empty = parseAttributes({});
        expect(empty.ok && empty.value['constructor']).toBeUndefined();
    });

    it('merges attribute updates within 20 names, whatever they are called', () => {
        const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v']));
        const merged = mergeAttributes(twenty, { k0: 'new', constructor: 'x', toString: 'y' });
        expect(Object.keys(merged)).toHaveLength(20);
        expect(merged['k0']).toBe('new');
        expect(Object.hasOwn(merged, 'constructor')).toBe(false);
        expect(mergeAttributes({ toString: 'a' }, { toString: 'b' })).toEqual({ toString: 'b' });
    });

    it('leaves bad calls and calls beyond the newest 1,000 out of a welcome, and counts them', () => {
        const welcome = (calls: unknown[]) =>
            parseBridgeMessage(
                JSON.stringify({ type: 'welcome', version: 1, agent: 'a1', actions: false, calls })
            );
        const bad = { ...call, callid: 'bad', ani: '<script>' };
        const tooMany = {
            ...call,
            callid: 'many',
            attributes: {
                ...Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']))
            }
        };
        expect(welcome([bad, call, tooMany])).toEqual({
            ok: true,
            value: {
                type: 'welcome',
                version: 1,
                agent: 'a1',
                actions: false,
                calls: [call],
                droppedCalls: 2
            }
        });
        const many = Array.from({ length: 1001 }, (_, index) => ({ ...call, callid: `c${index}` }));
        const parsed = welcome(many);
        expect(parsed.ok && parsed.value.type === 'welcome' && parsed.value.calls.length).toBe(
            1000
        );
        expect(parsed).toMatchObject({
            value: {
                droppedCalls: 1,
                calls: expect.arrayContaining([expect.objectContaining({ callid: 'c1000' })])
            }
        });
        expect(welcome([call])).toEqual({
            ok: true,
            value: { type: 'welcome', version: 1, agent: 'a1', actions: false, calls: [call] }
        });
    });
});
