import {
    DETAIL_LIMITS,
    REDACTED,
    clipText,
    escapeUnsafeCharacters,
    isCredentialKey,
    isIdKey,
    isPhoneNumberKey,
    redactCredentialsInText,
    sanitizeDetails
} from './redact';

const masked = { showNumbers: false };
const shown = { showNumbers: true };

describe('credential keys', () => {
    it.each([
        'password',
        'Password',
        'sipPassword',
        'sip_password',
        'passwd',
        'pwd',
        'pass',
        'accessToken',
        'refresh_token',
        'token',
        'clientSecret',
        'authorization',
        'Authorization',
        'proxyAuthorization',
        'credentials',
        'Credential__c',
        'apiKey',
        'api-key',
        'privateKey',
        'cookie',
        'sessionId',
        'sid',
        'ha1',
        'auth'
    ])('%s is a credential', (key) => {
        expect(isCredentialKey(key)).toBe(true);
    });

    it.each(['callId', 'from', 'author', 'passengers', 'state', 'side'])('%s is not', (key) => {
        expect(isCredentialKey(key)).toBe(false);
    });

    it('never stores a credential value, at any depth, whatever its type', () => {
        const secret = 'hunter2-SECRET';
        const details = sanitizeDetails(
            {
                password: secret,
                nested: { deeper: { accessToken: secret }, list: [{ clientSecret: secret }] },
                credentials: { user: 'bob', password: secret },
                authorization: ['Bearer', secret],
                sid: 12345,
                sessionId: null,
                note: `password=${secret} and Authorization: Bearer ${secret}`,
                url: `wss://bob:${secret}@pbx.example.com/ws`,
                uri: `sip:bob:${secret}@pbx.example.com`,
                json: `{"sipPassword":"${secret}"}`
            },
            shown
        );
        const text = JSON.stringify(details);
        expect(text).not.toContain('hunter2');
        expect(details).toMatchObject({
            password: REDACTED,
            nested: { deeper: { accessToken: REDACTED }, list: [{ clientSecret: REDACTED }] },
            credentials: REDACTED,
            authorization: REDACTED,
            sid: REDACTED,
            sessionId: REDACTED
        });
    });

    it.each([
        ['Authorization: Bearer abc.def-123', 'Authorization: [redacted] [redacted]'],
        ['token=abc&x=1', 'token=[redacted]&x=1'],
        ["password: 'a b c' done", 'password: [redacted] done'],
        ['wss://bob:pw@pbx/ws', 'wss://bob:[redacted]@pbx/ws'],
        ['sip:alice:secret@pbx.example.com', 'sip:alice:[redacted]@pbx.example.com'],
        ['sip:+14155550101@pbx.example.com', 'sip:+14155550101@pbx.example.com'],
        ['the tokenizer ran', 'the tokenizer ran']
    ])('redacts credentials in text: %s', (text, redacted) => {
        expect(redactCredentialsInText(text)).toBe(redacted);
    });
});

describe('phone numbers', () => {
    it.each(['from', 'to', 'number', 'phoneNumber', 'From_Number__c', 'callerId', 'MobilePhone'])(
        '%s is a number field',
        (key) => {
            expect(isPhoneNumberKey(key)).toBe(true);
        }
    );

    it.each(['id', 'callId', 'requestId', 'Provider_Call_Id__c', 'recordIds', 'request_id'])(
        '%s is an id field',
        (key) => {
            expect(isIdKey(key)).toBe(true);
        }
    );

    it.each(['valid', 'paid', 'fromName', 'android'])('%s is not an id field', (key) => {
        expect(isIdKey(key)).toBe(false);
    });

    it('masks number fields (text or numbers) and numbers in text unless allowed', () => {
        const input = {
            from: '+14155550101',
            to: 4155550199,
            dialledNumber: 'sip:12345@pbx',
            callId: 'sim-4155550101',
            message: 'Could not reach +1 415 555 0101.'
        };
        expect(sanitizeDetails(input, masked)).toEqual({
            from: '+1••••••0101',
            to: '••••••0199',
            dialledNumber: 'sip:•••45@pbx',
            callId: 'sim-••••••0101',
            message: 'Could not reach +1••••••0101.'
        });
        expect(sanitizeDetails(input, shown)).toEqual({ ...input, to: 4155550199 });
    });

    it('masks numbers in error messages', () => {
        expect(sanitizeDetails({ error: new Error('Busy: 4155550101') }, masked)).toEqual({
            error: { name: 'Error', message: 'Busy: ••••••0101' }
        });
    });
});

describe('bounds and hostile values', () => {
    it('clips long text and says how long it was', () => {
        const details = sanitizeDetails({ name: 'x'.repeat(10_240) }, masked);
        const name = details?.name as string;
        expect(name.length).toBeLessThanOrEqual(DETAIL_LIMITS.maxStringLength + 20);
        expect(name).toMatch(/… \(10240 chars\)$/);
    });

    it('does not split a surrogate pair when clipping', () => {
        const clipped = clipText(`${'a'.repeat(8)}😀😀`, 10);
        expect(clipped.startsWith(`${'a'.repeat(8)}…`)).toBe(true);
        expect(clipped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    });

    it('escapes control, bidi and invisible characters', () => {
        expect(escapeUnsafeCharacters('a\u0000b\nc\u202Eevil\u2066d\u200be\u0085')).toBe(
            'a\\u0000b\\u000ac\\u202eevil\\u2066d\\u200be\\u0085'
        );
        expect(sanitizeDetails({ fromName: '\u202Eevil\r\n' }, masked)).toEqual({
            fromName: '\\u202eevil\\u000d\\u000a'
        });
    });

    it('keeps markup as inert text (the log is text, never HTML)', () => {
        const markup = '<img src=x onerror="window.__pwned=1">';
        expect(sanitizeDetails({ fromName: markup }, masked)).toEqual({ fromName: markup });
    });

    it('describes cycles, deep nesting, long arrays and many keys instead of following them', () => {
        const cycle: Record<string, unknown> = { a: 1 };
        cycle.self = cycle;
        const deep = { l1: { l2: { l3: { l4: { l5: 'too deep' } } } } };
        const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
        const details = sanitizeDetails(
            { cycle, deep, list: Array.from({ length: 25 }, (_, i) => i), many },
            masked
        );
        expect(details?.cycle).toEqual({ a: 1, self: '[circular]' });
        expect(details?.deep).toEqual({ l1: { l2: { l3: '[object]' } } });
        expect((details?.list as unknown[]).length).toBe(DETAIL_LIMITS.maxItems + 1);
        expect((details?.list as unknown[])[DETAIL_LIMITS.maxItems]).toBe('… 5 more');
        expect(Object.keys(details?.many as object)).toHaveLength(DETAIL_LIMITS.maxKeys + 1);
    });

    it('survives getters and proxies that throw', () => {
        const throwing = {
            get boom(): string {
                throw new Error('getter');
            },
            fine: 1
        };
        const proxy = new Proxy(
            {},
            {
                ownKeys() {
                    throw new Error('ownKeys');
                }
            }
        );
        expect(sanitizeDetails({ throwing, proxy }, masked)).toEqual({
            throwing: { boom: '[unreadable]', fine: 1 },
            proxy: '[unreadable]'
        });
    });

    it('turns odd values into JSON data', () => {
        const details = sanitizeDetails(
            {
                nan: NaN,
                inf: -Infinity,
                big: 12n,
                symbol: Symbol('s'),
                fn: () => 1,
                date: new Date(Date.UTC(2026, 0, 15)),
                badDate: new Date(NaN),
                missing: undefined,
                list: [undefined, null]
            },
            masked
        );
        expect(details).toEqual({
            nan: 'NaN',
            inf: '-Infinity',
            big: '12',
            symbol: 'Symbol(s)',
            fn: '[function]',
            date: '2026-01-15T00:00:00.000Z',
            badDate: 'Invalid Date',
            list: [null, null]
        });
        expect(JSON.parse(JSON.stringify(details))).toEqual(details);
    });

    it('keeps a __proto__ key as data and pollutes no prototype', () => {
        const input = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"x": 1}}');
        const details = sanitizeDetails(input, masked);
        expect(Object.getPrototypeOf(details)).toBe(Object.prototype);
        expect(Object.prototype.hasOwnProperty.call(details, '__proto__')).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(JSON.stringify(details)).toBe(
            '{"__proto__":{"polluted":true},"constructor":{"x":1}}'
        );
    });

    it('copies: later changes to the caller’s object do not reach the log', () => {
        const source = { state: 'ringing', nested: { n: 1 } };
        const details = sanitizeDetails(source, masked);
        source.state = 'ended';
        source.nested.n = 2;
        expect(details).toEqual({ state: 'ringing', nested: { n: 1 } });
        expect(Object.isFrozen(details)).toBe(true);
    });

    it('wraps a non-object detail and ignores none', () => {
        expect(sanitizeDetails(undefined, masked)).toBeUndefined();
        expect(sanitizeDetails(null, masked)).toBeUndefined();
        expect(sanitizeDetails('call 4155550101', masked)).toEqual({ value: 'call ••••••0101' });
        expect(sanitizeDetails([1], masked)).toEqual({ value: [1] });
    });
});
