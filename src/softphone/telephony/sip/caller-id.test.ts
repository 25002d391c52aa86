import {
    callerIdFrom,
    callerNumber,
    maxCallerNameLength,
    parseIdentityHeader,
    sanitiseDisplayName
} from './caller-id';

describe('callerIdFrom', () => {
    it('prefers the number and name of P-Asserted-Identity', () => {
        expect(
            callerIdFrom({
                assertedIdentity: '"Ada Lovelace" <sip:+14155550199@pbx.example.com;user=phone>',
                fromDisplayName: 'Front Desk',
                fromUser: '1000'
            })
        ).toEqual({ from: '+14155550199', fromName: 'Ada Lovelace' });
    });

    it('takes a tel: URI and keeps From’s name when the asserted identity has none', () => {
        expect(
            callerIdFrom({
                assertedIdentity: '<tel:+1-415-555-0199;phone-context=example.com>',
                fromDisplayName: 'Ada',
                fromUser: 'anonymous'
            })
        ).toEqual({ from: '+14155550199', fromName: 'Ada' });
    });

    it('falls back to From when there is no asserted identity', () => {
        expect(callerIdFrom({ fromDisplayName: 'Grace Hopper', fromUser: '4155550100' })).toEqual({
            from: '4155550100',
            fromName: 'Grace Hopper'
        });
    });

    it('falls back to From when the asserted identity is malformed', () => {
        expect(
            callerIdFrom({
                assertedIdentity: '"Bob <b>" <sip:+1-555-<script>@evil',
                fromDisplayName: 'Bob',
                fromUser: '+15550001111'
            })
        ).toEqual({ from: '+15550001111', fromName: 'Bob' });
    });

    it('gives from "" and no name for hostile headers all round', () => {
        expect(
            callerIdFrom({
                assertedIdentity: '<javascript:alert(1)>',
                fromDisplayName: '<img src=x onerror=alert(1)>',
                fromUser: '<script>'
            })
        ).toEqual({ from: '' });
    });

    it('gives from "" for an absent or withheld caller, keeping a harmless name', () => {
        expect(callerIdFrom({})).toEqual({ from: '' });
        expect(callerIdFrom({ fromDisplayName: 'Anonymous', fromUser: 'anonymous' })).toEqual({
            from: '',
            fromName: 'Anonymous'
        });
    });
});

describe('callerNumber', () => {
    it.each([
        ['+1 (415) 555-0199', '+14155550199'],
        ['415.555.0199', '4155550199'],
        ['*86#', '*86#'],
        ['alice', 'alice'],
        ['agent.7_x-1', 'agent.7_x-1'],
        ['1001', '1001']
    ])('keeps %p as %p', (user, expected) => {
        expect(callerNumber(user)).toBe(expected);
    });

    it.each([
        undefined,
        '',
        'anonymous',
        'Restricted',
        '<script>',
        'a b',
        '+',
        '1'.repeat(33),
        'x'.repeat(33),
        'ab\u0000c',
        '++1415'
    ])('rejects %p', (user) => {
        expect(callerNumber(user)).toBe('');
    });
});

describe('sanitiseDisplayName', () => {
    it('removes markup, control and bidi characters and collapses spaces', () => {
        expect(sanitiseDisplayName('  Ada\u0007 <b>Love</b>lace\u202E  ')).toBe('Ada Love lace');
        expect(sanitiseDisplayName('<script>alert(1)</script>Eve')).toBe('alert(1) Eve');
        expect(sanitiseDisplayName('a < b')).toBe('a b');
    });

    it('caps the length by characters, never splitting an emoji', () => {
        const name = sanitiseDisplayName('😀'.repeat(100)) ?? '';
        expect(Array.from(name)).toHaveLength(maxCallerNameLength);
        expect(name.endsWith('😀')).toBe(true);
    });

    it('gives undefined for nothing left', () => {
        expect(sanitiseDisplayName(undefined)).toBeUndefined();
        expect(sanitiseDisplayName(' <i></i>\u0000 ')).toBeUndefined();
    });
});

describe('parseIdentityHeader', () => {
    it.each([
        [
            '"Ada \\"The Countess\\"" <sip:+1415@pbx>',
            { displayName: 'Ada "The Countess"', user: '+1415' }
        ],
        ['Ada <sips:ada@pbx:5061;transport=tls>', { displayName: 'Ada', user: 'ada' }],
        ['<sip:1001;npdi@pbx>', { user: '1001' }],
        ['sip:1001@pbx;tag=abc', { user: '1001' }],
        ['<tel:+14155550199>, <sip:+14155550199@pbx>', { user: '+14155550199' }],
        ['<sip:%2B1415@pbx>', { user: '+1415' }]
    ])('reads %p', (header, expected) => {
        expect(parseIdentityHeader(header)).toEqual(expected);
    });

    it.each([
        '"unterminated <sip:1@pbx>',
        '"Ada" sip:1@pbx',
        '<sip:1@pbx',
        '<http://example.com>',
        '<sip:pbx.example.com>',
        '<sip:%E0%A4%A@pbx>',
        `<sip:${'1'.repeat(600)}@pbx>`
    ])('refuses %p', (header) => {
        expect(parseIdentityHeader(header)).toBeUndefined();
    });
});
