/**
 * Fuzzing the call-center settings parser with a fixed seed: random settings maps (known keys with
 * good, bad and junk values, plus junk keys) → parseCallCenterSettings never throws, rejects
 * exactly the keys that hold a wrong value (each error names a real key and says what is wrong),
 * and accepts a map only when every value it reads is valid.
 *
 * Values come from pools labelled valid / invalid per key, so the test knows the right verdict
 * without re-implementing the parser. `FUZZ_SEED=<n>` replays another seed.
 */
import { seededRandom } from '../shared/seeded-random';
import { parseCallCenterSettings } from './call-center-settings';
import type { SettingError } from './call-center-settings';

const SEED = Number(process.env.FUZZ_SEED ?? 20260716);
const MAPS = 5000;

const HUGE = 'x'.repeat(10 * 1024);

/** Strings no setting accepts (each key's own pool adds the near misses). */
const HOSTILE: readonly string[] = [
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=1</script>',
    'javascript:alert(1)',
    '\u202Esip',
    '\u0000',
    'a\u0007b',
    '😀😀',
    '__proto__',
    HUGE
];

/** Values of another type than text: every one is "must be text". */
const NOT_TEXT: readonly unknown[] = [
    0,
    60,
    -1,
    NaN,
    Infinity,
    true,
    false,
    {},
    { value: 'sip' },
    [],
    ['sip'],
    12n,
    Symbol('setting'),
    () => 'sip',
    new Date(0)
];

interface KeySpec {
    readonly valid: readonly unknown[];
    readonly invalid: readonly string[];
    /** Absent (or null) is an error: the value has no default. */
    readonly required?: boolean;
    /** Read only when the connector is sip. */
    readonly sipOnly?: boolean;
}

/** Empty or blank text means "use the default" for these. */
const BLANK = ['', '   ', '\t\n'];

const KEYS: Readonly<Record<string, KeySpec>> = {
    '/connector/connectorType': {
        valid: ['simulator', 'sip', 'SIP', ' Simulator ', ...BLANK, null],
        invalid: ['pbx', 'simulator,sip', 'sip\u0000', 'ｓｉｐ', 'sip sip']
    },
    '/connector/sipWebSocketUrl': {
        sipOnly: true,
        required: true,
        valid: [
            'wss://pbx.example.com:8089/ws',
            ' wss://pbx.example.com/ws ',
            'WSS://PBX.EXAMPLE.COM/ws',
            'ws://localhost:8080/ws',
            'ws://127.0.0.1/ws',
            'ws://[::1]:5066'
        ],
        invalid: [
            '',
            'ws://pbx.example.com/ws',
            'https://pbx.example.com',
            'pbx.example.com',
            'wss://',
            'ws://localhost.evil.example/ws'
        ]
    },
    '/connector/sipDomain': {
        sipOnly: true,
        required: true,
        valid: ['pbx.example.com', '10.0.0.1', 'PBX-1.example', ' pbx.example.com ', 'constructor'],
        invalid: ['', 'pbx example', 'pbx.example.com/ws', 'é.example', 'pbx_example.com', HUGE]
    },
    '/connector/sipOutboundProxy': {
        sipOnly: true,
        valid: ['sip:proxy.example.com;transport=ws', 'sips:proxy.example.com', ...BLANK, null],
        invalid: ['proxy.example.com', 'sip:a b', 'sip:<proxy>', 'http://proxy.example.com']
    },
    '/connector/sipRegisterExpires': {
        sipOnly: true,
        valid: ['60', '3600', '600', '0600', ...BLANK, null],
        invalid: ['59', '3601', '-5', '1e3', '10.5', 'ten', '٦٠٠', '9'.repeat(400)]
    },
    '/connector/sipIceServers': {
        sipOnly: true,
        valid: [
            'stun:stun.example.com:3478',
            'stun:a.example.com, turns:b.example.com',
            ' , ',
            ...BLANK,
            null
        ],
        invalid: ['http://stun.example.com', 'stun:a b', 'stun:a.example.com,<b>', 'stun']
    },
    '/dialing/defaultCountry': {
        valid: ['US', 'gb', ' de ', null],
        invalid: ['', ' ', 'USA', 'U', '12', 'U S', '\u202EUS']
    },
    '/screenPop/searchObjects': {
        valid: [
            'Contact',
            'Lead, Contact',
            'Account,Custom_Object__c',
            ' Case ',
            'constructor',
            null
        ],
        invalid: ['', ' , ', '1Contact', 'Contact;Lead', `C${'a'.repeat(80)}`, 'Contact,Lead Lead']
    },
    '/screenPop/noMatchAction': {
        valid: ['NewContact', 'newlead', 'NEWCASE', 'Search', ...BLANK, null],
        invalid: ['Priority', 'PopSomething', 'New Contact']
    },
    '/screenPop/multipleMatchAction': {
        valid: ['Priority', 'search', ...BLANK, null],
        invalid: ['NewContact', 'first', 'Priority,Search']
    },
    '/screenPop/anonymousAction': {
        valid: ['NewCase', 'Search', 'newcontact', ...BLANK, null],
        invalid: ['Nothing', 'Priority']
    },
    '/logging/mirrorToTask': {
        valid: ['true', 'FALSE', ' True ', ...BLANK, null],
        invalid: ['yes', '1', 'tru', 'true false']
    },
    '/wrapUp/afterCallWorkSeconds': {
        valid: ['0', '60', '3600', ...BLANK, null],
        invalid: ['-1', '3601', '1.5', 'sixty', '60s']
    },
    '/wrapUp/dispositionRequired': {
        valid: ['true', 'false', 'TRUE', ...BLANK, null],
        invalid: ['on', 'required', '0']
    }
};

const KNOWN_KEYS = Object.keys(KEYS);

/** Keys the parser does not read: it must ignore them, whatever they hold. */
const JUNK_KEYS: readonly string[] = [
    '__proto__',
    'constructor',
    'prototype',
    '/__proto__/polluted',
    '/connector/connectorType ',
    '/Connector/ConnectorType',
    '/connector/sipPassword',
    '/reqGeneralInfo/reqAdapterUrl',
    '/reqGeneralInfo/reqSoftphoneHeight',
    '<img src=x>',
    '',
    '/',
    HUGE
];

type Label = 'absent' | 'valid' | 'invalid';

interface Draw {
    readonly raw: Record<string, unknown>;
    readonly labels: Readonly<Record<string, Label>>;
}

function drawMap(random: () => number): Draw {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const raw: Record<string, unknown> = {};
    const labels: Record<string, Label> = {};
    const define = (key: string, value: unknown) =>
        Object.defineProperty(raw, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true
        });
    // Half of the maps pick sip, so that the SIP items are read often; two maps in five hold no
    // wrong value at all, so that acceptance is common too.
    const sipBias = random() < 0.5;
    const errorRate = random() < 0.4 ? 0 : 0.05 + random() * 0.4;
    for (const key of KNOWN_KEYS) {
        const spec = KEYS[key] as KeySpec;
        const roll = random();
        if (key === '/connector/connectorType' && sipBias && roll >= errorRate) {
            define(key, pick(['sip', 'SIP', ' sip ']));
            labels[key] = 'valid';
        } else if (roll < errorRate * 0.2 && spec.required) {
            // A required item that is missing, or null, is wrong too.
            if (random() < 0.5) {
                define(key, null);
            }
            labels[key] = 'invalid';
        } else if (roll < errorRate * 0.65) {
            const hostile = HOSTILE;
            define(key, pick([...spec.invalid, ...hostile]));
            labels[key] = 'invalid';
        } else if (roll < errorRate) {
            define(key, pick(NOT_TEXT));
            labels[key] = 'invalid';
        } else if (roll < errorRate + 0.3 && !spec.required) {
            labels[key] = 'absent';
        } else {
            define(key, pick(spec.valid.filter((value) => value !== null || !spec.required)));
            labels[key] = 'valid';
        }
    }
    for (let count = Math.floor(random() * 4); count > 0; count -= 1) {
        define(pick(JUNK_KEYS), pick<unknown>([...HOSTILE, ...NOT_TEXT, 'sip', null]));
    }
    return { raw, labels };
}

/** The connector the parser settles on: sip only when the connectorType value is a valid sip. */
function isSip(draw: Draw): boolean {
    const value = draw.raw['/connector/connectorType'];
    return (
        draw.labels['/connector/connectorType'] === 'valid' &&
        typeof value === 'string' &&
        value.trim().toLowerCase() === 'sip'
    );
}

function expectedErrorKeys(draw: Draw): string[] {
    const sip = isSip(draw);
    return KNOWN_KEYS.filter(
        (key) => draw.labels[key] === 'invalid' && (sip || !(KEYS[key] as KeySpec).sipOnly)
    );
}

function show(raw: Record<string, unknown>): string {
    return Object.entries(raw)
        .map(([key, value]) => {
            const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
            return `${key.slice(0, 40)}=${text.slice(0, 60)}`;
        })
        .join(', ');
}

describe(`parseCallCenterSettings fuzz (seed ${SEED}, ${MAPS} maps)`, () => {
    const random = seededRandom(SEED);
    const draws = Array.from({ length: MAPS }, () => drawMap(random));

    it('never throws, rejects exactly the wrong keys and accepts only all-valid maps', () => {
        const problems: string[] = [];
        let accepted = 0;
        let rejected = 0;
        draws.forEach((draw, index) => {
            let result: ReturnType<typeof parseCallCenterSettings>;
            try {
                result = parseCallCenterSettings(draw.raw);
            } catch (error) {
                problems.push(`#${index} threw ${String(error)}: ${show(draw.raw)}`);
                return;
            }
            const expected = expectedErrorKeys(draw);
            if (result.ok) {
                accepted += 1;
                if (expected.length > 0) {
                    problems.push(`#${index} accepted, wrong: ${expected}: ${show(draw.raw)}`);
                }
                return;
            }
            rejected += 1;
            const got = [...new Set(result.errors.map((error) => error.key))];
            if (got.slice().sort().join() !== expected.slice().sort().join()) {
                problems.push(
                    `#${index} rejected ${got}, expected ${expected}: ${show(draw.raw)} → ${JSON.stringify(result.errors).slice(0, 300)}`
                );
            }
        });
        expect(problems.slice(0, 5)).toEqual([]);
        // Both verdicts must be common, or the test proves little.
        expect(accepted).toBeGreaterThan(MAPS / 20);
        expect(rejected).toBeGreaterThan(MAPS / 2);
    });

    it('names a real key and says what is wrong, briefly, in every error', () => {
        const problems: string[] = [];
        const checkError = (error: SettingError, where: string) => {
            if (!KNOWN_KEYS.includes(error.key)) {
                problems.push(`unknown key ${JSON.stringify(error.key)}: ${where}`);
            }
            if (typeof error.message !== 'string' || error.message.trim() === '') {
                problems.push(`empty message for ${error.key}: ${where}`);
            } else if (error.message.length > 200) {
                problems.push(`message of ${error.message.length} chars: ${where}`);
            }
        };
        draws.forEach((draw, index) => {
            const result = parseCallCenterSettings(draw.raw);
            if (!result.ok) {
                result.errors.forEach((error) => checkError(error, `#${index} ${show(draw.raw)}`));
            }
        });
        expect(problems.slice(0, 5)).toEqual([]);
    });

    it('reports a value of another type than text as such', () => {
        for (const value of NOT_TEXT) {
            const result = parseCallCenterSettings({ '/wrapUp/afterCallWorkSeconds': value });
            expect(result.ok).toBe(false);
            if (!result.ok) {
                expect(result.errors[0]?.key).toBe('/wrapUp/afterCallWorkSeconds');
                expect(result.errors[0]?.message).toMatch(/^must be text, got \w+$/);
            }
        }
    });

    it.each<unknown>([null, undefined, 'sip', 42, [], [['/connector/connectorType', 'sip']]])(
        'rejects %p as a whole, naming the map',
        (raw) => {
            expect(parseCallCenterSettings(raw)).toEqual({
                ok: false,
                errors: [{ key: '/', message: 'the call center settings are not a key/value map' }]
            });
        }
    );

    it('pollutes no prototype', () => {
        const raw = JSON.parse(
            '{"__proto__": {"polluted": true}, "/connector/connectorType": "sip"}'
        ) as unknown;
        parseCallCenterSettings(raw);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.keys(Object.prototype)).toEqual([]);
    });

    // The SIP URI patterns take printable ASCII only: a NUL or a NEL (U+0085) in the outbound
    // proxy or an ICE server must never reach the SIP stack.
    it.each([
        ['/connector/sipOutboundProxy', 'sip:proxy.example.com\u0000'],
        ['/connector/sipIceServers', 'stun:stun.example.com\u0085']
    ])('rejects control characters in %s', (key, value) => {
        const result = parseCallCenterSettings({
            '/connector/connectorType': 'sip',
            '/connector/sipWebSocketUrl': 'wss://pbx.example.com/ws',
            '/connector/sipDomain': 'pbx.example.com',
            [key]: value
        });
        expect(result.ok).toBe(false);
    });

    // A DNS name has at most 253 characters.
    it('rejects a 10 KB SIP domain', () => {
        const result = parseCallCenterSettings({
            '/connector/connectorType': 'sip',
            '/connector/sipWebSocketUrl': 'wss://pbx.example.com/ws',
            '/connector/sipDomain': HUGE
        });
        expect(result.ok).toBe(false);
    });

    // toUpperCase turns some non-ASCII letters into two ASCII ones ('ß' → 'SS', 'ﬀ' → 'FF'):
    // the country is checked before it is upper-cased.
    it.each(['ß', 'ﬀ'])('rejects %p as a country', (value) => {
        expect(parseCallCenterSettings({ '/dialing/defaultCountry': value }).ok).toBe(false);
    });
});
