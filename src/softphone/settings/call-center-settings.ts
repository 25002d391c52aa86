import { callDataFieldRefusal, canonicalPhoneCallField } from '../calllog/phone-call-fields';
import { label } from '../i18n';
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
            this.fail(key, label('Softphone_Setting_Not_Text', typeof value));
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
            this.fail(key, label('Softphone_Setting_One_Of', allowed.join(', '), shorten(value)));
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
            this.fail(key, label('Softphone_Setting_Whole_Number', min, max, shorten(value)));
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
            this.fail(key, label('Softphone_Setting_True_False', shorten(value)));
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
            ? label('Softphone_Setting_Too_Many_Values', values.length, MAX_DISPOSITIONS)
            : values.find((value) => value.length > MAX_DISPOSITION_LENGTH) !== undefined
              ? label('Softphone_Setting_Value_Too_Long', MAX_DISPOSITION_LENGTH)
              : values.some((value) => CONTROL_CHARACTERS.test(value))
                ? label('Softphone_Setting_Value_Control')
                : duplicateOf(values);
    if (problem !== undefined) {
        reader.fail(key, label('Softphone_Setting_Dispositions', problem));
        return [...fallback];
    }
    return values;
}

function duplicateOf(values: readonly string[]): string | undefined {
    const seen = new Set<string>();
    for (const value of values) {
        const folded = value.toLowerCase();
        if (seen.has(folded)) {
            return label('Softphone_Setting_Listed_Twice', shorten(value));
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
            reader.fail(
                key,
                label('Softphone_Setting_Pair', shorten(item), problem, checks.example)
            );
            continue;
        }
        if (pairs.some((pair) => pair.left.toLowerCase() === left.toLowerCase())) {
            reader.fail(key, label('Softphone_Setting_Listed_Twice', shorten(left)));
            continue;
        }
        pairs.push({ left, right });
    }
    return pairs;
}

function keyProblem(text: string): string | undefined {
    return isCallDataKey(text)
        ? undefined
        : label('Softphone_Setting_Not_Call_Data_Key', shorten(text));
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
                    : label('Softphone_Setting_Not_Sip_Header', shorten(text)),
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
            right: (text) =>
                text === '' || text.length > MAX_LABEL_LENGTH || CONTROL_CHARACTERS.test(text)
                    ? label('Softphone_Setting_Bad_Label', MAX_LABEL_LENGTH)
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
            label('Softphone_Setting_Secret_Shown', shownSecret.key)
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
            ? label('Softphone_Setting_Too_Many_Reasons', values.length, MAX_BREAK_REASONS)
            : values.find((value) => value.length > MAX_BREAK_REASON_LENGTH) !== undefined
              ? label('Softphone_Setting_Reason_Too_Long', MAX_BREAK_REASON_LENGTH)
              : values.some((value) => CONTROL_CHARACTERS.test(value))
                ? label('Softphone_Setting_Reason_Control')
                : duplicateOf(values);
    if (problem !== undefined) {
        reader.fail(key, label('Softphone_Setting_Break_Reasons', problem));
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
        reader.fail('/connector/sipDomain', label('Softphone_Setting_Sip_Domain'));
    }
    // Printable ASCII only: nothing a SIP stack could read as a line break or a header.
    if (outboundProxy !== '' && !/^sips?:[!#-;=?-~]+$/.test(outboundProxy)) {
        reader.fail('/connector/sipOutboundProxy', label('Softphone_Setting_Sip_Proxy'));
    }
    for (const server of iceServers) {
        if (!/^(stun|stuns|turn|turns):[!#-;=?-~]+$/.test(server)) {
            reader.fail(
                '/connector/sipIceServers',
                label('Softphone_Setting_Ice_Server', shorten(server))
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
            reader.fail(key, label('Softphone_Setting_Listener_Url_Secret'));
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
        reader.fail(key, label('Softphone_Setting_WebSocket_Url', example));
        return false;
    }
    const isLocal = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol === 'ws:' && !isLocal) {
        reader.fail(key, label('Softphone_Setting_Wss_Only'));
        return false;
    }
    if (url.protocol !== 'wss:' && url.protocol !== 'ws:') {
        reader.fail(key, label('Softphone_Setting_Wss_Scheme', url.protocol));
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
            errors: [{ key: '/', message: label('Softphone_Setting_Not_A_Map') }]
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
        reader.fail('/dialing/defaultCountry', label('Softphone_Setting_Country'));
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
            label('Softphone_Setting_Not_Object_Name', shorten(badObject))
        );
    }
    if (searchObjects.length === 0) {
        reader.fail('/screenPop/searchObjects', label('Softphone_Setting_No_Object'));
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
        breakReasons: readBreakReasons(reader, defaults.breakReasons),
        headless: reader.flag('/display/headless', defaults.headless)
    };
    return reader.errors.length > 0 ? { ok: false, errors: reader.errors } : { ok: true, settings };
}
