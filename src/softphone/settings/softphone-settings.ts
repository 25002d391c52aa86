/**
 * The adapter's settings, as admins set them in Setup → Call Centers (custom sections of the
 * OpenCtiSoftphone call center) and as `getCallCenterSettings` returns them (`/section/item` keys).
 * The parser in call-center-settings.ts validates every value and names the bad one.
 */

import { parseCallDataPopRules, type CallDataPopRule } from '../screenpop/call-data-rules';

/**
 * The call-data pop rules the call center ships (callData/popRules): a record Id the phone system
 * sends pops that record; an account number the IVR collected is searched.
 */
// i18n-exempt: the setting's syntax (keys and verbs), not words
export const DEFAULT_CALL_DATA_POP_RULES = 'RecordId? record; AccountNumber? search';

/**
 * The Disposition__c picklist values the package ships, as the call center's default writes them.
 * Data, not words: the softphone saves them as they are; Translation Workbench translates a
 * picklist's values.
 */
const SHIPPED_DISPOSITIONS =
    'Resolved,Follow-up Required,Callback Requested,Left Voicemail,Wrong Number,Not Interested'; // i18n-exempt: picklist API values

function shippedPopRules(): readonly CallDataPopRule[] {
    const parsed = parseCallDataPopRules(DEFAULT_CALL_DATA_POP_RULES);
    return parsed.ok ? parsed.rules : [];
}

export type ConnectorType = 'simulator' | 'sip' | 'listener';

/** What to pop when nobody matches, or when the caller id is missing or withheld. */
export type FallbackPopAction = 'NewContact' | 'NewLead' | 'NewCase' | 'Search';

/**
 * The agent's status when the softphone loads: LastState is the status the agent last chose in
 * this browser (Offline, Available, or Break with its reason), Available when none is known.
 */
export type InitialAgentState = 'Offline' | 'Available' | 'LastState';

/** Priority: the first object in searchObjects that has exactly one match wins; Search: search page. */
export type MultipleMatchAction = 'Priority' | 'Search';

/** What happens when the Do Not Call check before a call cannot run (the search fails). */
export type DoNotCallCheckFailure = 'Block' | 'Warn';
/** When a screen pop opens: as the call rings, or once the agent answers it. */
export type PopTiming = 'OnRing' | 'OnAnswer';

/**
 * Whose P-Asserted-Identity (and Remote-Party-ID) the SIP connector believes: Off, never;
 * Proxy, only in an INVITE whose last hop (the top Via) is the configured SIP server; Any, from
 * whoever sent it (connector/sipAssertedIdentityTrust).
 */
export type AssertedIdentityTrust = 'Off' | 'Proxy' | 'Any';
/** What a caller's request for privacy (Privacy: id, RPID privacy=full) does (connector/sipPrivacy). */
export type CallerPrivacy = 'Withhold' | 'Show';

export interface SipSettings {
    readonly webSocketUrl: string;
    readonly domain: string;
    readonly outboundProxy?: string;
    readonly registerExpiresSeconds: number;
    readonly iceServers: readonly string[];
    /** Absent: Proxy (the parser always sets it). */
    readonly assertedIdentityTrust?: AssertedIdentityTrust;
    /** Absent: Withhold (the parser always sets it). */
    readonly privacy?: CallerPrivacy;
}

/** The generic listener connector: the listener bridge's WebSocket (see docs/admin-guide.md). */
export interface ListenerSettings {
    readonly webSocketUrl: string;
}

export interface ScreenPopSettings {
    /** sObject API names in priority order, e.g. ['Contact', 'Lead', 'Account']. */
    readonly searchObjects: readonly string[];
    readonly noMatchAction: FallbackPopAction;
    readonly multipleMatchAction: MultipleMatchAction;
    readonly anonymousAction: FallbackPopAction;
    /** When a new-record form opens (OnAnswer keeps it off Answer and Decline while ringing). */
    readonly newRecordPopTiming: PopTiming;
    /** When a matched record or the search page opens. */
    readonly matchPopTiming: PopTiming;
}

/** What the phone system knows about a call, and what the softphone does with it (callData). */
export interface CallDataSettings {
    /** SIP headers read into the call data, each under its key (callData/sipHeaders). */
    readonly sipHeaders: readonly { readonly header: string; readonly key: string }[];
    /** Keys whose values are never shown, logged or passed on (callData/deniedKeys). */
    readonly secretKeys: readonly string[];
    /** Keys the banner and the active call show, with their labels (callData/visibleKeys). */
    readonly visibleKeys: readonly { readonly key: string; readonly label: string }[];
    /** Screen-pop rules on call data, tried before the caller's number (callData/popRules). */
    readonly popRules: readonly CallDataPopRule[];
    /** Keys written to Phone_Call__c fields on the log's create (callData/logFields). */
    readonly logFields: readonly { readonly key: string; readonly field: string }[];
}

export interface SoftphoneSettings {
    readonly connectorType: ConnectorType;
    /** Present (and validated) only when connectorType is 'sip'. */
    readonly sip?: SipSettings;
    /** Present (and validated) only when connectorType is 'listener'. */
    readonly listener?: ListenerSettings;
    /** ISO 3166-1 alpha-2, used to normalise numbers to E.164. */
    readonly defaultCountry: string;
    /**
     * The dial plan: a regular expression of internal numbers (extensions, short codes) that go
     * to the phone system as typed; '' when every number is a phone number.
     */
    readonly internalNumberPattern: string;
    readonly doNotCallCheckFailure: DoNotCallCheckFailure;
    readonly screenPop: ScreenPopSettings;
    readonly mirrorToTask: boolean;
    readonly afterCallWorkSeconds: number;
    readonly dispositionRequired: boolean;
    /** The wrap-up's disposition choices: values of Phone_Call__c.Disposition__c. */
    readonly dispositionValues: readonly string[];
    /** Phone numbers in downloaded diagnostic logs as they are (true) or masked (false). */
    readonly showNumbersInLogs: boolean;
    readonly callData: CallDataSettings;
    /** The agent's status at load (agentStatus/initialState). */
    readonly initialAgentState: InitialAgentState;
    /** Not-ready reasons the agent picks with Break, e.g. ['Lunch', 'Training']; [] = plain Break. */
    readonly breakReasons: readonly string[];
    /**
     * Headless mode (display/headless): the softphone runs unseen and agents work from the
     * softphoneCallBar component; it never opens its panel on ring or click-to-dial.
     */
    readonly headless: boolean;
}

export const defaultSoftphoneSettings: SoftphoneSettings = {
    connectorType: 'simulator',
    defaultCountry: 'US',
    internalNumberPattern: '^\\d{3,5}$',
    // A call to someone who asked not to be called costs more than a call placed a minute later.
    doNotCallCheckFailure: 'Block',
    screenPop: {
        searchObjects: ['Contact', 'Lead', 'Account'],
        noMatchAction: 'NewContact',
        multipleMatchAction: 'Priority',
        anonymousAction: 'NewCase',
        newRecordPopTiming: 'OnAnswer',
        matchPopTiming: 'OnRing'
    },
    mirrorToTask: false,
    afterCallWorkSeconds: 60,
    dispositionRequired: false,
    // The picklist values the package ships (a project rule keeps the call center's default equal).
    dispositionValues: SHIPPED_DISPOSITIONS.split(','),
    showNumbersInLogs: false,
    callData: {
        sipHeaders: [],
        secretKeys: [],
        visibleKeys: [],
        popRules: shippedPopRules(),
        // The package's own fields for what phone systems commonly send.
        logFields: [
            { key: 'Queue', field: 'Queue__c' },
            { key: 'RecordingUrl', field: 'Recording_URL__c' },
            { key: 'DNIS', field: 'Dialled_Number__c' },
            { key: 'RedirectingNumber', field: 'Redirecting_Number__c' }
        ]
    },
    initialAgentState: 'LastState',
    breakReasons: [],
    headless: false
};
