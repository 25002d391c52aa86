/**
 * The diagnostic log's one redaction policy, as a table (issue 15, finding 6): every gap found
 * is a row, with what the log keeps of it.
 */
import { sanitizeDetails, sanitizeText } from './redact';
import { isCredentialKey, normaliseKey, REDACTION_POLICY } from './redaction-policy';

const masked = { showNumbers: false };
const shown = { showNumbers: true };
const R = REDACTION_POLICY.marker;

describe('credential keys: the value is never stored', () => {
    it.each([
        'passcode',
        'pin',
        'sipPin',
        'voicemail_pin',
        'pw',
        'agentPw',
        'key',
        'apiKey',
        'signingKey',
        'signature',
        'X-Listener-Signature',
        'sig',
        'secret',
        'password',
        'token',
        'auth',
        'digestAuth',
        'credential',
        'apikey',
        'otp',
        'Passcode__c'
    ])('%s', (key) => {
        expect(isCredentialKey(key)).toBe(true);
        expect(sanitizeDetails({ [key]: 'hunter2 4155550101' }, shown)).toEqual({ [key]: R });
    });

    it.each(['callId', 'author', 'spin_rate', 'keyboardLayout', 'pinned', 'state'])(
        '%s is no credential key',
        (key) => {
            expect(isCredentialKey(key)).toBe(false);
        }
    );

    it('compares keys without case, separators and a __c suffix', () => {
        expect(normaliseKey('Sip_Pass-Code.x__c')).toBe('sippasscodex');
    });
});

describe('credentials in text', () => {
    it.each([
        ['passcode=1234', `passcode=${R}`],
        ['pin: 9876 next', `pin: ${R} next`],
        ['pw=abc&x=1', `pw=${R}&x=1`],
        ['key=abc', `key=${R}`],
        ['signature=sha256=abcdef', `signature=${R}`],
        ['{"sipPin":"4321","user":"a"}', `{"sipPin":${R},"user":"a"}`],
        // An escaped quote does not end the value early.
        ['{"token":"abc\\"SECRET"}', `{"token":${R}}`],
        ["{'token':'abc\\'SECRET'}", `{'token':${R}}`],
        // JSON inside JSON.
        ['{\\"token\\":\\"abc\\\\\\"SECRET\\"}', `{\\"token\\":${R}}`],
        // URL-encoded.
        ['q=1&token%3DSECRET%26next%3D2', `q=1&token%3D${R}%26next%3D2`],
        ['body=%22token%22%3A%22SECRET%22%2C', `body=%22token%22%3A${R}%2C`],
        ['x=password=SECRET', `x=password=${R}`],
        ['Authorization: Bearer abc.def', `Authorization: ${R} ${R}`],
        ['wss://agent:SECRET@pbx.example.com', `wss://agent:${R}@pbx.example.com`],
        ['settingKey is fine, key less text stays', 'settingKey is fine, key less text stays']
    ])('%s → %s', (text, expected) => {
        expect(sanitizeText(text, shown)).toBe(expected);
        expect(sanitizeText(text, shown)).not.toContain('SECRET');
    });
});

describe('phone numbers: masked wherever they stand', () => {
    it.each([
        ['Call from +1 (415) 555-0101', 'Call from +1••••••0101'],
        // Inside call ids.
        ['callid=pbx-4155550101-a', 'callid=pbx-••••••0101-a'],
        ['4155550101@pbx.example.com', '••••••0101@pbx.example.com'],
        // Glued to letters.
        ['ext4155550101', 'ext••••••0101'],
        ['tel4155550101x', 'tel••••••0101x'],
        // Digits of other scripts.
        ['from ٤١٥٥٥٥٠١٠١', 'from ••••••٠١٠١'],
        ['from ４１５５５５０１０１', 'from ••••••０１０１'],
        ['+٤٤٢٠٧٩٤٦٠٩٥٨', '+٤•••••••٠٩٥٨'],
        // Kept: record Ids, ISO dates, short runs.
        ['Contact 003000000000001AAA popped', 'Contact 003000000000001AAA popped'],
        ['Contact 0035g00000AbCdEAAZ', 'Contact 0035g00000AbCdEAAZ'],
        ['at 2026-01-15T12:00:00.000Z', 'at 2026-01-15T12:00:00.000Z'],
        ['retry 3 of 5 after 12345 ms', 'retry 3 of 5 after 12345 ms']
    ])('%s → %s', (text, expected) => {
        expect(sanitizeText(text, masked)).toBe(expected);
        expect(sanitizeText(text, shown)).toBe(text);
    });

    it('masks the numbers inside a call id field, and keeps a record Id field whole', () => {
        expect(
            sanitizeDetails(
                {
                    callId: 'sip-4155550101@pbx',
                    providerCallId: '٤١٥٥٥٥٠١٠١',
                    recordId: '003000000000001',
                    from: '٤١٥٥٥٥٠١٠١'
                },
                masked
            )
        ).toEqual({
            callId: 'sip-••••••0101@pbx',
            providerCallId: '••••••٠١٠١',
            recordId: '003000000000001',
            from: '••••••٠١٠١'
        });
    });
});
