import { callDataFieldRefusal, canonicalPhoneCallField } from '../calllog/phone-call-fields';
import { parseCallDataPopRules } from '../screenpop/call-data-rules';
import { parseDialPlan } from '../screenpop/dial-plan';
import { isCallDataKey, isSecretCallDataKey } from '../telephony/call-data';
import type {
    AssertedIdentityTrust,
    CallerPrivacy,
    CallDataSettings,
    ConnectorType,
    DoNotCallCheckFailure,
    FallbackPopAction,
    InitialAgentState,
    ListenerSettings,
    MultipleMatchAction,
    PopTiming,
    SipSettings,
    SoftphoneSettings
} from './softphone-settings';
import { DEFAULT_CALL_DATA_POP_RULES, defaultSoftphoneSettings } from './softphone-settings';

/** A setting an admin got wrong, named the way Setup → Call Centers shows it. */
export interface SettingError {
    /** The `/section/item` key, e.g. `/connector/sipWebSocketUrl`. */
    readonly key: string;
    readonly message: string;
}

export type SettingsResult =
    { ok: true; settings: SoftphoneSettings } | { ok: false; errors: readonly SettingError[] };

const connectorTypes: readonly ConnectorType[] = ['simulator', 'sip', 'listener'];
const fallbackActions: readonly FallbackPopAction[] = [
    'NewContact',
    'NewLead',
    'NewCase',
    'Search'
];
const multipleMatchActions: readonly MultipleMatchAction[] = ['Priority', 'Search'];
const initialAgentStates: readonly InitialAgentState[] = ['Offline', 'Available', 'LastState'];
const doNotCallCheckFailures: readonly DoNotCallCheckFailure[] = ['Block', 'Warn'];
const popTimings: readonly PopTiming[] = ['OnRing', 'OnAnswer'];
const assertedIdentityTrusts: readonly AssertedIdentityTrust[] = ['Off', 'Proxy', 'Any'];
const callerPrivacies: readonly CallerPrivacy[] = ['Withhold', 'Show'];
const sObjectApiName = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const countryCode = /^[A-Z]{2}$/;

/** Reads the values of one settings map, collecting every error instead of stopping at the first. */
class SettingsReader {
    readonly errors: SettingError[] = [];

    constructor(private readonly raw: Readonly<Record<string, unknown>>) {}

    text(key: string, fallback: string): string {
        const value = this.raw[key];
        if (value === undefined || value === null) {
            return fallback;
        }
        if (typeof value !== 'string') {
            this.fail(key, `must be text, got ${typeof value}`);
            return fallback;
        }
        return value.trim();
    }

    oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
        const value = this.text(key, fallback);
        if (value === '') {
            return fallback;
        }
        const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
        if (!match) {
            this.fail(key, `must be one of ${allowed.join(', ')} (got "${shorten(value)}")`);
            return fallback;
        }
        return match;
    }

    integer(key: string, min: number, max: number, fallback: number): number {
        const value = this.text(key, String(fallback));
        if (value === '') {
            return fallback;
        }
        if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
            this.fail(
                key,
                `must be a whole number from ${min} to ${max} (got "${shorten(value)}")`
            );
            return fallback;
        }
        return Number(value);
    }

    flag(key: string, fallback: boolean): boolean {
        const value = this.text(key, String(fallback)).toLowerCase();
        if (value === '') {
            return fallback;
        }
        if (value !== 'true' && value !== 'false') {
            this.fail(key, `must be true or false (got "${shorten(value)}")`);
            return fallback;
        }
        return value === 'true';
    }

    list(key: string, fallback: readonly string[]): string[] {
        const value = this.text(key, fallback.join(','));
        return value
            .split(',')
            .map((part) => part.trim())
            .filter((part) => part !== '');
    }

    fail(key: string, message: string): void {
        this.errors.push({ key, message });
    }
}

function shorten(value: string): string {
    return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** Salesforce's limits for a picklist: 255 characters a value, and far fewer than 1,000 values. */
const MAX_DISPOSITION_LENGTH = 255;
const MAX_DISPOSITIONS = 100;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

function readDispositionValues(reader: SettingsReader, fallback: readonly string[]): string[] {
    const key = '/wrapUp/dispositionValues';
    const values = reader.list(key, fallback);
    if (values.length === 0) {
        return [...fallback];
    }
    const problem =
        values.length > MAX_DISPOSITIONS
            ? `lists ${values.length} values; at most ${MAX_DISPOSITIONS}`
            : values.find((value) => value.length > MAX_DISPOSITION_LENGTH) !== undefined
              ? `has a value longer than ${MAX_DISPOSITION_LENGTH} characters`
              : values.some((value) => CONTROL_CHARACTERS.test(value))
                ? 'has a value with control characters'
                : duplicateOf(values);
    if (problem !== undefined) {
        reader.fail(
            key,
            `must be the Disposition picklist's values, separated by commas: it ${problem}`
        );
        return [...fallback];
    }
    return values;
}

function duplicateOf(values: readonly string[]): string | undefined {
    const seen = new Set<string>();
    for (const value of values) {
        const folded = value.toLowerCase();
        if (seen.has(folded)) {
            return `lists "${shorten(value)}" twice`;
        }
        seen.add(folded);
    }
    return undefined;
}

/** A SIP header name (RFC 3261 token characters), e.g. X-Account-Number or User-to-User. */
const SIP_HEADER_NAME = /^[A-Za-z0-9!%'*+._~-]{1,64}$/;
/** A label shown before a value: short plain text. */
const MAX_LABEL_LENGTH = 40;

/**
 * Reads `a=b, c=d` pairs; `a` alone takes `fallback(a)` as its right side. Each left side is
 * checked by `left`, each right side by `right` (a message names what is wrong, else undefined).
 */
function readPairs(
    reader: SettingsReader,
    key: string,
    fallback: readonly { left: string; right: string }[],
    checks: {
        left: (text: string) => string | undefined;
        right: (text: string) => string | undefined;
        alone: (left: string) => string;
        example: string;
    }
): { left: string; right: string }[] {
    const items = reader.list(
        key,
        fallback.map((pair) => `${pair.left}=${pair.right}`)
    );
    const pairs: { left: string; right: string }[] = [];
    for (const item of items) {
        const at = item.indexOf('=');
        const left = (at < 0 ? item : item.slice(0, at)).trim();
        const right = at < 0 ? checks.alone(left) : item.slice(at + 1).trim();
        const problem = checks.left(left) ?? checks.right(right);
        if (problem !== undefined) {
            reader.fail(key, `"${shorten(item)}": ${problem} (e.g. ${checks.example})`);
            continue;
        }
        if (pairs.some((pair) => pair.left.toLowerCase() === left.toLowerCase())) {
            reader.fail(key, `lists "${shorten(left)}" twice`);
            continue;
        }
        pairs.push({ left, right });
    }
    return pairs;
}

function keyProblem(text: string): string | undefined {
    return isCallDataKey(text)
        ? undefined
        : `"${shorten(text)}" is not a call-data key (1-40 letters, digits or _)`;
}

function readCallDataSettings(
    reader: SettingsReader,
    defaults: CallDataSettings
): CallDataSettings {
    const sipHeaders = readPairs(
        reader,
        '/callData/sipHeaders',
        defaults.sipHeaders.map((each) => ({ left: each.header, right: each.key })),
        {
            left: (text) =>
                SIP_HEADER_NAME.test(text)
                    ? undefined
                    : `"${shorten(text)}" is not a SIP header name`,
            right: keyProblem,
            alone: (header) => header.replace(/[^A-Za-z0-9_]/g, '_'),
            example: 'X-Account-Number=AccountNumber'
        }
    ).map((pair) => ({ header: pair.left, key: pair.right }));
    const secretKeys = reader.list('/callData/deniedKeys', defaults.secretKeys);
    const badSecret = secretKeys.find((each) => !isCallDataKey(each));
    if (badSecret !== undefined) {
        reader.fail('/callData/deniedKeys', keyProblem(badSecret) ?? '');
    }
    const visibleKeys = readPairs(
        reader,
        '/callData/visibleKeys',
        defaults.visibleKeys.map((each) => ({ left: each.key, right: each.label })),
        {
            left: keyProblem,
            right: (label) =>
                label === '' || label.length > MAX_LABEL_LENGTH || CONTROL_CHARACTERS.test(label)
                    ? `the label must be 1-${MAX_LABEL_LENGTH} characters of text`
                    : undefined,
            alone: (key) => key,
            example: 'AccountNumber=Account'
        }
    ).map((pair) => ({ key: pair.left, label: pair.right }));
    const logFields = readPairs(
        reader,
        '/callData/logFields',
        defaults.logFields.map((each) => ({ left: each.key, right: each.field })),
        {
            left: keyProblem,
            right: callDataFieldRefusal,
            alone: () => '',
            example: 'Queue=Queue__c'
        }
    ).map((pair) => ({ key: pair.left, field: canonicalPhoneCallField(pair.right) }));
    const rules = parseCallDataPopRules(
        reader.text('/callData/popRules', DEFAULT_CALL_DATA_POP_RULES)
    );
    if (!rules.ok) {
        reader.fail('/callData/popRules', rules.message);
    }
    const shownSecret = visibleKeys.find((each) => isSecretCallDataKey(each.key, secretKeys));
    if (shownSecret !== undefined) {
        reader.fail(
            '/callData/visibleKeys',
            `shows ${shownSecret.key}, a secret key (callData/deniedKeys or a credential name)`
        );
    }
    return {
        sipHeaders,
        secretKeys,
        visibleKeys,
        popRules: rules.ok ? rules.rules : [],
        logFields
    };
}

/** A reason shows in the status menu as "Break: <reason>": short, printable, no duplicates. */
const MAX_BREAK_REASON_LENGTH = 40;
const MAX_BREAK_REASONS = 20;

function readBreakReasons(reader: SettingsReader, fallback: readonly string[]): string[] {
    const key = '/agentStatus/breakReasons';
    const values = reader.list(key, fallback);
    const problem =
        values.length > MAX_BREAK_REASONS
            ? `lists ${values.length} reasons; at most ${MAX_BREAK_REASONS}`
            : values.find((value) => value.length > MAX_BREAK_REASON_LENGTH) !== undefined
              ? `has a reason longer than ${MAX_BREAK_REASON_LENGTH} characters`
              : values.some((value) => CONTROL_CHARACTERS.test(value))
                ? 'has a reason with control characters'
                : duplicateOf(values);
    if (problem !== undefined) {
        reader.fail(
            key,
            `must be short reasons separated by commas, e.g. Lunch,Training: it ${problem}`
        );
        return [...fallback];
    }
    return values;
}

function readSipSettings(reader: SettingsReader): SipSettings {
    const webSocketUrl = reader.text('/connector/sipWebSocketUrl', '');
    const domain = reader.text('/connector/sipDomain', '');
    const outboundProxy = reader.text('/connector/sipOutboundProxy', '');
    const iceServers = reader.list('/connector/sipIceServers', []);
    checkWebSocketUrl(
        reader,
        '/connector/sipWebSocketUrl',
        webSocketUrl,
        'wss://pbx.example.com:8089/ws'
    );
    // A DNS name: letters, digits, dots and hyphens, at most 253 characters.
    if (!/^[A-Za-z0-9.-]{1,253}$/.test(domain)) {
        reader.fail('/connector/sipDomain', 'must be a domain name such as pbx.example.com');
    }
    // Printable ASCII only: nothing a SIP stack could read as a line break or a header.
    if (outboundProxy !== '' && !/^sips?:[!#-;=?-~]+$/.test(outboundProxy)) {
        reader.fail('/connector/sipOutboundProxy', 'must be a sip: or sips: URI, or empty');
    }
    for (const server of iceServers) {
        if (!/^(stun|stuns|turn|turns):[!#-;=?-~]+$/.test(server)) {
            reader.fail(
                '/connector/sipIceServers',
                `"${shorten(server)}" is not a stun:, stuns:, turn: or turns: URL`
            );
        }
    }
    return {
        webSocketUrl,
        domain,
        ...(outboundProxy === '' ? {} : { outboundProxy }),
        registerExpiresSeconds: reader.integer('/connector/sipRegisterExpires', 60, 3600, 600),
        iceServers,
        assertedIdentityTrust: reader.oneOf(
            '/connector/sipAssertedIdentityTrust',
            assertedIdentityTrusts,
            'Proxy'
        ),
        privacy: reader.oneOf('/connector/sipPrivacy', callerPrivacies, 'Withhold')
    };
}

function readListenerSettings(reader: SettingsReader): ListenerSettings {
    const key = '/connector/listenerUrl';
    const webSocketUrl = reader.text(key, '');
    if (checkWebSocketUrl(reader, key, webSocketUrl, 'wss://cti.example.com/softphone')) {
        const url = new URL(webSocketUrl);
        if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
            reader.fail(
                key,
                'must not hold a user, password, query or fragment: agents enter their token in the softphone'
            );
        }
    }
    return { webSocketUrl };
}

/** Checks a wss:// (or localhost ws://) URL; true when it is one. */
function checkWebSocketUrl(
    reader: SettingsReader,
    key: string,
    value: string,
    example: string
): boolean {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        reader.fail(key, `must be a WebSocket URL such as ${example}`);
        return false;
    }
    const isLocal = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol === 'ws:' && !isLocal) {
        reader.fail(key, 'must use wss:// (unencrypted ws:// is allowed only for localhost)');
        return false;
    }
    if (url.protocol !== 'wss:' && url.protocol !== 'ws:') {
        reader.fail(key, `must start with wss:// (got ${url.protocol}//)`);
        return false;
    }
    return true;
}

/**
 * Validates the flat `/section/item` map that `getCallCenterSettings` returns. Missing items take
 * their safe defaults; wrong ones are all reported, each with its key.
 */
export function parseCallCenterSettings(raw: unknown): SettingsResult {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        return {
            ok: false,
            errors: [{ key: '/', message: 'the call center settings are not a key/value map' }]
        };
    }
    const reader = new SettingsReader(raw as Record<string, unknown>);
    const defaults = defaultSoftphoneSettings;
    const connectorType = reader.oneOf(
        '/connector/connectorType',
        connectorTypes,
        defaults.connectorType
    );
    const sip = connectorType === 'sip' ? readSipSettings(reader) : undefined;
    const listener = connectorType === 'listener' ? readListenerSettings(reader) : undefined;

    // Checked before upper-casing: 'ß'.toUpperCase() is 'SS'.
    const countryText = reader.text('/dialing/defaultCountry', defaults.defaultCountry);
    const defaultCountry = countryText.toUpperCase();
    if (!/^[A-Za-z]{2}$/.test(countryText) || !countryCode.test(defaultCountry)) {
        reader.fail(
            '/dialing/defaultCountry',
            'must be a two-letter country code such as US or GB'
        );
    }

    const internalNumberPattern = reader.text(
        '/dialing/internalNumberPattern',
        defaults.internalNumberPattern
    );
    const dialPlan = parseDialPlan(internalNumberPattern);
    if (!dialPlan.ok) {
        reader.fail('/dialing/internalNumberPattern', dialPlan.message);
    }

    const searchObjects = reader.list('/screenPop/searchObjects', defaults.screenPop.searchObjects);
    const badObject = searchObjects.find((name) => !sObjectApiName.test(name));
    if (badObject !== undefined) {
        reader.fail(
            '/screenPop/searchObjects',
            `"${shorten(badObject)}" is not an object API name`
        );
    }
    if (searchObjects.length === 0) {
        reader.fail('/screenPop/searchObjects', 'must name at least one object, e.g. Contact');
    }

    const settings: SoftphoneSettings = {
        connectorType,
        ...(sip ? { sip } : {}),
        ...(listener ? { listener } : {}),
        defaultCountry,
        internalNumberPattern,
        doNotCallCheckFailure: reader.oneOf(
            '/dialing/doNotCallCheckFailure',
            doNotCallCheckFailures,
            defaults.doNotCallCheckFailure
        ),
        screenPop: {
            searchObjects,
            noMatchAction: reader.oneOf(
                '/screenPop/noMatchAction',
                fallbackActions,
                defaults.screenPop.noMatchAction
            ),
            multipleMatchAction: reader.oneOf(
                '/screenPop/multipleMatchAction',
                multipleMatchActions,
                defaults.screenPop.multipleMatchAction
            ),
            anonymousAction: reader.oneOf(
                '/screenPop/anonymousAction',
                fallbackActions,
                defaults.screenPop.anonymousAction
            ),
            newRecordPopTiming: reader.oneOf(
                '/screenPop/newRecordPopTiming',
                popTimings,
                defaults.screenPop.newRecordPopTiming
            ),
            matchPopTiming: reader.oneOf(
                '/screenPop/matchPopTiming',
                popTimings,
                defaults.screenPop.matchPopTiming
            )
        },
        mirrorToTask: reader.flag('/logging/mirrorToTask', defaults.mirrorToTask),
        afterCallWorkSeconds: reader.integer(
            '/wrapUp/afterCallWorkSeconds',
            0,
            3600,
            defaults.afterCallWorkSeconds
        ),
        dispositionRequired: reader.flag(
            '/wrapUp/dispositionRequired',
            defaults.dispositionRequired
        ),
        dispositionValues: readDispositionValues(reader, defaults.dispositionValues),
        showNumbersInLogs: reader.flag(
            '/diagnostics/showNumbersInLogs',
            defaults.showNumbersInLogs
        ),
        callData: readCallDataSettings(reader, defaults.callData),
        initialAgentState: reader.oneOf(
            '/agentStatus/initialState',
            initialAgentStates,
            defaults.initialAgentState
        ),
        breakReasons: readBreakReasons(reader, defaults.breakReasons)
    };
    return reader.errors.length > 0 ? { ok: false, errors: reader.errors } : { ok: true, settings };
}
