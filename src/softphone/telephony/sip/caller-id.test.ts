import {
    callerIdFrom,
    defaultCallerIdPolicy,
    type CallerId,
    type CallerIdPolicy,
    callerNumber,
    maxCallerNameLength,
    parseIdentityHeader,
    sanitiseDisplayName
} from './caller-id';
import type { RawCallerIdentity } from './sip-user-agent';

const server: CallerIdPolicy = {
    assertedIdentityTrust: 'Proxy',
    privacy: 'Withhold',
    serverHosts: ['pbx.example.com', '127.0.0.1']
};

// One row per case: what the INVITE carried, the policy's changes, and the caller id that results.
const cases: [string, RawCallerIdentity, Partial<CallerIdPolicy>, CallerId][] = [
    [
        'a caller known by a name (an extension on the PBX)',
        { fromHeader: '<sip:alice@pbx.example.com>;tag=1' },
        {},
        { from: 'alice', source: 'From' }
    ],
    [
        'a named extension with a display name',
        { fromHeader: '"Front Desk" <sip:reception@pbx.example.com>;tag=9' },
        {},
        { from: 'reception', fromName: 'Front Desk', source: 'From' }
    ],
    [
        'a From number with ;phone-context= and visual separators',
        { fromHeader: '<sip:+1-415-555-0101;phone-context=+1@pbx.example.com>;tag=2' },
        {},
        { from: '+14155550101', source: 'From' }
    ],
    [
        'a From number with ;isub=',
        { fromHeader: '"Ada" <sip:+14155550101;isub=1@pbx.example.com>;tag=3' },
        {},
        { from: '+14155550101', fromName: 'Ada', source: 'From' }
    ],
    [
        'the same number in P-Asserted-Identity, parsed the same way',
        {
            assertedIdentity: '<sip:+1-415-555-0101;phone-context=+1@pbx.example.com>',
            fromHeader: '<sip:1000@pbx.example.com>;tag=4',
            viaHost: 'pbx.example.com'
        },
        {},
        { from: '+14155550101', source: 'P-Asserted-Identity' }
    ],
    [
        'P-Asserted-Identity from the configured server: its number and name win',
        {
            assertedIdentity: '"Ada Lovelace" <sip:+14155550199@pbx.example.com;user=phone>',
            fromDisplayName: 'Front Desk',
            fromUser: '1000',
            viaHost: 'PBX.example.com'
        },
        {},
        { from: '+14155550199', fromName: 'Ada Lovelace', source: 'P-Asserted-Identity' }
    ],
    [
        'a tel: asserted identity keeps From’s name when it has none',
        {
            assertedIdentity: '<tel:+1-415-555-0199;phone-context=example.com>',
            fromDisplayName: 'Ada',
            fromUser: 'anonymous',
            viaHost: '[127.0.0.1]'
        },
        {},
        { from: '+14155550199', fromName: 'Ada', source: 'P-Asserted-Identity' }
    ],
    [
        'P-Asserted-Identity from another hop is not believed (Proxy)',
        {
            assertedIdentity: '<sip:+14155550000@evil.example.org>',
            fromHeader: '<sip:+14155550101@pbx.example.com>',
            viaHost: 'evil.example.org'
        },
        {},
        { from: '+14155550101', source: 'From' }
    ],
    [
        'P-Asserted-Identity with no Via host is not believed (Proxy)',
        { assertedIdentity: '<tel:+14155550000>', fromUser: '+14155550101' },
        {},
        { from: '+14155550101', source: 'From' }
    ],
    [
        'P-Asserted-Identity is never believed with Off',
        {
            assertedIdentity: '<tel:+14155550000>',
            fromUser: '+14155550101',
            viaHost: 'pbx.example.com'
        },
        { assertedIdentityTrust: 'Off' },
        { from: '+14155550101', source: 'From' }
    ],
    [
        'P-Asserted-Identity from anyone with Any',
        { assertedIdentity: '<tel:+14155550000>', fromUser: '+14155550101' },
        { assertedIdentityTrust: 'Any' },
        { from: '+14155550000', source: 'P-Asserted-Identity' }
    ],
    [
        'Remote-Party-ID when there is no asserted identity',
        {
            remotePartyId: '"Grace" <sip:+1 415 555 0102@pbx.example.com>;party=calling;screen=yes',
            fromUser: '1000',
            viaHost: '127.0.0.1'
        },
        {},
        { from: '+14155550102', fromName: 'Grace', source: 'Remote-Party-ID' }
    ],
    [
        'a Remote-Party-ID of the called party is not the caller',
        {
            remotePartyId: '<sip:+14155550102@pbx.example.com>;party=called',
            fromUser: '1000',
            viaHost: '127.0.0.1'
        },
        {},
        { from: '1000', source: 'From' }
    ],
    [
        'Privacy: id withholds the number and the name',
        {
            assertedIdentity: '"Ada" <tel:+14155550199>',
            privacy: 'id',
            fromHeader: '"Ada" <sip:+14155550199@pbx.example.com>',
            viaHost: '127.0.0.1'
        },
        {},
        { from: '', source: 'privacy' }
    ],
    [
        'Privacy: header;user (several values) withholds too',
        { privacy: 'header; user', fromUser: '+14155550199' },
        {},
        { from: '', source: 'privacy' }
    ],
    [
        'Privacy: none withholds nothing',
        { privacy: 'none', fromUser: '+14155550199' },
        {},
        { from: '+14155550199', source: 'From' }
    ],
    [
        'Remote-Party-ID privacy=full withholds',
        {
            remotePartyId: '<sip:+14155550102@pbx>;party=calling;privacy=full',
            fromUser: '+14155550102'
        },
        {},
        { from: '', source: 'privacy' }
    ],
    [
        'Privacy: id is shown when the setting says Show',
        {
            assertedIdentity: '"Ada" <tel:+14155550199>',
            privacy: 'id',
            viaHost: '127.0.0.1'
        },
        { privacy: 'Show' },
        { from: '+14155550199', fromName: 'Ada', source: 'P-Asserted-Identity' }
    ],
    [
        'From when there is no asserted identity',
        { fromDisplayName: 'Grace Hopper', fromUser: '4155550100' },
        {},
        { from: '4155550100', fromName: 'Grace Hopper', source: 'From' }
    ],
    [
        'From when the asserted identity is malformed',
        {
            assertedIdentity: '"Bob <b>" <sip:+1-555-<script>@evil',
            fromDisplayName: 'Bob',
            fromUser: '+15550001111',
            viaHost: '127.0.0.1'
        },
        {},
        { from: '+15550001111', fromName: 'Bob', source: 'From' }
    ],
    [
        'hostile headers all round',
        {
            assertedIdentity: '<javascript:alert(1)>',
            fromDisplayName: '<img src=x onerror=alert(1)>',
            fromUser: '<script>',
            viaHost: '127.0.0.1'
        },
        {},
        { from: '', source: 'none' }
    ],
    ['nothing at all', {}, {}, { from: '', source: 'none' }],
    [
        'a withheld caller keeps a harmless name',
        { fromHeader: '"Anonymous" <sip:anonymous@anonymous.invalid>;tag=5' },
        {},
        { from: '', fromName: 'Anonymous', source: 'none' }
    ],
    [
        'a malformed From header',
        { fromHeader: '"unterminated <sip:1@pbx>' },
        {},
        { from: '', source: 'none' }
    ]
];

describe('callerIdFrom', () => {
    it.each(cases)('%s', (_name, raw, policy, expected) => {
        expect(callerIdFrom(raw, { ...server, ...policy })).toEqual(expected);
    });

    it('trusts the configured server by default, and knows no server without one', () => {
        expect(defaultCallerIdPolicy.assertedIdentityTrust).toBe('Proxy');
        expect(
            callerIdFrom({ assertedIdentity: '<tel:+14155550000>', fromUser: '1000', viaHost: 'x' })
        ).toEqual({ from: '1000', source: 'From' });
    });
});

describe('callerNumber', () => {
    it.each([
        ['+1 (415) 555-0199', '+14155550199'],
        ['415.555.0199', '4155550199'],
        ['*86#', '*86#'],
        ['alice', 'alice'],
        ['agent.7_x-1', 'agent.7_x-1'],
        ['1001', '1001'],
        ['+1-415-555-0101;phone-context=+1', '+14155550101'],
        ['+14155550101;isub=1', '+14155550101'],
        ['5550101;phone-context=example.com', '5550101'],
        ['1001;ext=22', '1001']
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
        '++1415',
        '0000',
        'Blocked'
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
            { displayName: 'Ada "The Countess"', user: '+1415', params: {} }
        ],
        ['Ada <sips:ada@pbx:5061;transport=tls>', { displayName: 'Ada', user: 'ada', params: {} }],
        ['<sip:1001;npdi@pbx>', { user: '1001;npdi', params: {} }],
        ['sip:1001@pbx;tag=abc', { user: '1001', params: { tag: 'abc' } }],
        ['<sip:1001:secret@pbx>', { user: '1001', params: {} }],
        [
            '<tel:+14155550199;isub=2>;party=calling;privacy="off", <sip:+1@pbx>',
            { user: '+14155550199;isub=2', params: { party: 'calling', privacy: 'off' } }
        ],
        ['<sip:%2B1415@pbx>', { user: '+1415', params: {} }]
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
