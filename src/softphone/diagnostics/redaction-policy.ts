/**
 * THE redaction policy of the diagnostic log: one place that says which values are credentials
 * and which digits are phone numbers. redact.ts and mask-phone-number.ts apply it; the admin
 * guide (docs/admin-guide.md, "Diagnostic log") describes it in the admin's terms. Change it
 * here, and its table-driven tests (redact.test.ts, mask-phone-number.test.ts) say what moved.
 *
 * Credentials — never stored, whatever the admin's setting:
 * - a key is compared lower-cased without `_`, `-`, `.`, spaces and a `__c` suffix
 *   (`sip_Password__c` → `sippassword`);
 * - it is a credential key when it equals one of `exactKeys`, contains one of `keyParts`, or
 *   ends with one of `keySuffixes` (`voicemailPin`, `sipPw`, `signingKey`);
 * - in an object, such a key's value becomes `[redacted]` whatever its type;
 * - in text, `key=value`, `key: value`, `"key":"value"` (escaped quotes included),
 *   `\"key\":\"value\"` (JSON inside JSON) and URL-encoded `key%3Dvalue` / `%22key%22%3A%22…`
 *   have the value replaced, as do `Bearer …` / `Basic …` and passwords inside URLs
 *   (`wss://user:secret@host`, `sip:alice:secret@host`).
 *
 * Phone numbers — masked unless the admin sets "phone numbers in logs" (showNumbersInLogs):
 * - a run of digits (any script's decimal digits: `٤١٥…`, `４１５…`) with at most two spaces,
 *   dots, dashes or brackets between them, and an optional leading `+`, is a number, wherever
 *   it stands: alone, glued to letters (`ext4155550101`) or inside an id (`sim-4155550101`,
 *   `4155550101@pbx`);
 * - in text it is masked from `minDigitsInText` digits on; in a number field (`from`, `to`,
 *   `…Number`, `…Phone`, `callerId`…) from `minDigitsInNumberFields`;
 * - masking keeps the last digits (see `keepLast`) and, for a `+` number of 10 digits or more,
 *   the first (the country hint): `+14155550101` → `+1••••••0101`;
 * - kept as they are: ISO dates (`2026-01-15…`) and Salesforce record Ids (15 or 18 letters and
 *   digits, with at least one letter, or the whole value of an id field such as `recordId`),
 *   because they tie the log to records and are no one's phone number.
 */
export const REDACTION_POLICY = {
    marker: '[redacted]',
    credentials: {
        exactKeys: ['pwd', 'pass', 'pw', 'pin', 'key', 'sid', 'ha1', 'auth', 'sig', 'otp'],
        keyParts: [
            'password',
            'passwd',
            'passphrase',
            'passcode',
            'secret',
            'token',
            'authorization',
            'authorisation',
            'credential',
            'apikey',
            'privatekey',
            'accesskey',
            'signature',
            'cookie',
            'sessionid',
            'pincode'
        ],
        keySuffixes: ['pin', 'pw', 'key', 'auth']
    },
    phoneNumbers: {
        maskCharacter: '•',
        minDigitsInText: 7,
        minDigitsInNumberFields: 4,
        /** Digits kept at the end, by the number's digit count (the first row that fits). */
        keepLast: [
            { fromDigits: 10, keep: 4 },
            { fromDigits: 7, keep: 3 },
            { fromDigits: 4, keep: 2 },
            { fromDigits: 0, keep: 0 }
        ]
    }
} as const;

/** How keys are compared: `sip_Password__c` → `sippassword`. */
export function normaliseKey(key: string): string {
    return key
        .toLowerCase()
        .replace(/__c$/, '')
        .replace(/[^a-z0-9]/g, '');
}

/** Whether a key (of an object, or named in text) holds a credential, by the policy. */
export function isCredentialKey(key: string): boolean {
    const normalised = normaliseKey(key);
    const { exactKeys, keyParts, keySuffixes } = REDACTION_POLICY.credentials;
    return (
        (exactKeys as readonly string[]).includes(normalised) ||
        keyParts.some((part) => normalised.includes(part)) ||
        keySuffixes.some((suffix) => normalised.endsWith(suffix))
    );
}
