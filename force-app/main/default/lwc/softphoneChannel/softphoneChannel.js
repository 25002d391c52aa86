/**
 * The LWC side of the softphone's LMS message contract (version 1), mirroring the adapter's
 * src/softphone/channel/message-contract.ts and parse-message.ts:
 *
 *   component ──command (requestId required)──▶ softphone
 *   component ◀──event (requestId echoed when it answers a command)── softphone
 *
 * Every message is `{ version: 1, type, requestId?, payload }` on the channel Softphone_Message__c.
 * This module holds the message types, the builders (what the components publish), the validators
 * (what they accept) and a small client with `ping`. It imports no platform module on purpose: the
 * adapter's contract test (src/softphone/channel/lwc-contract.test.ts) imports this very file and
 * checks that it accepts and rejects every example exactly as the adapter does — same error code,
 * same error text — so a shape changed on one side only fails the build.
 *
 * Components wire it to Lightning Message Service themselves (they own the MessageContext):
 *
 *   const client = createSoftphoneClient({
 *       publish: (message) => publish(this.messageContext, SOFTPHONE_CHANNEL, message),
 *       subscribe: (listener) => {
 *           const subscription = subscribe(this.messageContext, SOFTPHONE_CHANNEL, listener, {
 *               scope: APPLICATION_SCOPE
 *           });
 *           return () => unsubscribe(subscription);
 *       }
 *   });
 */

export const CONTRACT_VERSION = 1;

/** LMS channel API name (import it in a component as @salesforce/messageChannel/Softphone_Message__c). */
export const SOFTPHONE_CHANNEL_NAME = 'Softphone_Message__c';

export const COMMAND_TYPES = Object.freeze([
    'dial',
    'answer',
    'hangup',
    'hold',
    'resume',
    'mute',
    'setDisposition',
    'ping',
    'transfer',
    'completeConsult',
    'cancelConsult',
    'conference',
    'dropParty',
    'swap',
    // The call bar's commands (headless mode):
    'decline',
    'setAgentState',
    'sendDtmf',
    'completeWrapUp',
    'getState'
]);

export const EVENT_TYPES = Object.freeze([
    'state',
    'callStarted',
    'callEnded',
    'callLogged',
    'error',
    'pong',
    'transferUpdate',
    'conferenceUpdate'
]);

/** Limits, shared with the field lengths of Phone_Call__c where they meet. */
export const CONTRACT_LIMITS = Object.freeze({
    requestIdMax: 64,
    phoneNumberMax: 40,
    callIdMax: 255,
    textMax: 255,
    dispositionMax: 255,
    notesMax: 32768,
    objectTypeMax: 80,
    errorCodeMax: 64,
    errorMessageMax: 1000,
    versionStringMax: 64,
    dtmfMax: 32,
    listMax: 50
});

export const AGENT_STATES = Object.freeze([
    'Offline',
    'Available',
    'Busy',
    'AfterCallWork',
    'Break'
]);
export const CONNECTION_STATUSES = Object.freeze([
    'disconnected',
    'connecting',
    'connected',
    'reconnecting'
]);
export const CALL_DIRECTIONS = Object.freeze(['Inbound', 'Outbound']);
export const TRANSFER_MODES = Object.freeze(['blind', 'consult']);
export const TRANSFER_PROGRESSES = Object.freeze([
    'requested',
    'trying',
    'ringing',
    'accepted',
    'failed'
]);
export const TRANSFER_FAILURE_REASONS = Object.freeze([
    'busy',
    'no-answer',
    'refused',
    'unreachable',
    'failed'
]);
/** The states an agent (or a component for them) may pick; the others follow from calls. */
export const CHOOSABLE_AGENT_STATES = Object.freeze(['Available', 'Break', 'Offline']);
export const CALL_STATES = Object.freeze(['ringing', 'dialing', 'connected', 'held', 'ended']);
export const CALL_OUTCOMES = Object.freeze([
    'Connected',
    'No Answer',
    'Busy',
    'Voicemail',
    'Failed',
    'Missed',
    'Rejected',
    'Dropped',
    'Transferred'
]);

/** Error codes of a rejected message (the adapter's ContractErrorCode). */
export const CONTRACT_ERROR_CODES = Object.freeze({
    INVALID_MESSAGE: 'INVALID_MESSAGE',
    UNSUPPORTED_VERSION: 'UNSUPPORTED_VERSION',
    UNKNOWN_TYPE: 'UNKNOWN_TYPE',
    MISSING_FIELD: 'MISSING_FIELD',
    INVALID_FIELD: 'INVALID_FIELD'
});

/** How long `ping` waits for the softphone's `pong` by default. */
export const DEFAULT_PING_TIMEOUT_MS = 3000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]+$/;
const PHONE_PATTERN = /^[0-9+().\- ]+$/;
const SALESFORCE_ID_PATTERN = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
const API_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const DTMF_PATTERN = /^[0-9*#A-Da-d]+$/;
const TOKEN_MESSAGE = 'may contain only letters, digits, _ and -';

/** How many issues one error message lists before summarising the rest. */
const MAX_LISTED_ISSUES = 3;

// ---- a tiny schema language ------------------------------------------------------------------
//
// A schema is `{ optional, run(value, issues) → typed }`. `run` appends issues ({ path, kind, … })
// in the order the adapter's schema library reports them, and returns false when the value is not
// of its type (then checks that need the whole object are skipped, as in the adapter). The order
// matters: the first issue decides the error code and the first three are listed in the message.

function schema(run, isOptional = false) {
    return { run, optional: isOptional };
}

function optional(inner) {
    return schema((value, issues) => value === undefined || inner.run(value, issues), true);
}

function typeIssue(expected, value) {
    return { path: [], kind: 'type', expected, received: stringify(value) };
}

function string(...rules) {
    return schema((value, issues) => {
        if (typeof value !== 'string') {
            issues.push(typeIssue('string', value));
            return false;
        }
        // Validation rules all run (each may add an issue) and never untype the value.
        for (const rule of rules) {
            const found = rule(value);
            if (found) {
                issues.push({ path: [], ...found });
            }
        }
        return true;
    });
}

function number(...rules) {
    return schema((value, issues) => {
        if (typeof value !== 'number' || Number.isNaN(value)) {
            issues.push(typeIssue('number', value));
            return false;
        }
        for (const rule of rules) {
            const found = rule(value);
            if (found) {
                issues.push({ path: [], ...found });
            }
        }
        return true;
    });
}

const boolean = schema((value, issues) => {
    if (typeof value !== 'boolean') {
        issues.push(typeIssue('boolean', value));
        return false;
    }
    return true;
});

function literal(expected) {
    return schema((value, issues) => {
        if (value === expected) {
            return true;
        }
        issues.push({
            path: [],
            kind: 'literal',
            expected: stringify(expected),
            received: stringify(value)
        });
        return false;
    });
}

function picklist(options) {
    return schema((value, issues) => {
        if (options.includes(value)) {
            return true;
        }
        issues.push({
            path: [],
            kind: 'picklist',
            choices: options.map(stringify).join(', '),
            received: stringify(value)
        });
        return false;
    });
}

/** A list of `item`s; its rules (e.g. maxLength) run only when every item has its type. */
function array(item, ...rules) {
    return schema((value, issues) => {
        if (!Array.isArray(value)) {
            issues.push(typeIssue('Array', value));
            return false;
        }
        let typed = true;
        // Every index, holes of a sparse list included (they are undefined items).
        for (let index = 0; index < value.length; index++) {
            const found = [];
            if (!item.run(value[index], found)) {
                typed = false;
            }
            for (const issue of found) {
                issue.path.unshift(index);
                issues.push(issue);
            }
        }
        if (typed) {
            for (const rule of rules) {
                const found = rule(value);
                if (found) {
                    issues.push({ path: [], ...found });
                }
            }
        }
        return typed;
    });
}

// Validation rules: return an issue (without path) or null.
function minLength(min) {
    return (value) => {
        return value.length < min ? { kind: 'min_length', requirement: min } : null;
    };
}

function maxLength(max) {
    return (value) => {
        if (value.length <= max) {
            return null;
        }
        return { kind: 'max_length', requirement: max, received: `${value.length}` };
    };
}

function matches(pattern, message) {
    return (value) => {
        return pattern.test(value) ? null : { kind: 'text', message };
    };
}

function satisfies(predicate, message) {
    return (value) => {
        return predicate(value) ? null : { kind: 'text', message };
    };
}

function integer() {
    return (value) => {
        return Number.isInteger(value) ? null : { kind: 'integer' };
    };
}

function minValue(min) {
    return (value) => {
        return value >= min ? null : { kind: 'min_value', requirement: min };
    };
}

/** Runs `entries` in order, then reports the first unknown key, then the object-wide checks. */
function runEntries(value, entries, issues, { strict, checks = [] }) {
    let typed = true;
    for (const key of Object.keys(entries)) {
        const entry = entries[key];
        if (key in value) {
            const found = [];
            if (!entry.run(value[key], found)) {
                typed = false;
            }
            for (const item of found) {
                item.path.unshift(key);
                issues.push(item);
            }
        } else if (!entry.optional) {
            issues.push({ path: [key], kind: 'missing' });
            typed = false;
        }
    }
    if (strict) {
        for (const key in value) {
            if (!Object.prototype.hasOwnProperty.call(entries, key)) {
                issues.push({ path: [key], kind: 'unknown' });
                typed = false;
                break;
            }
        }
    }
    if (typed) {
        for (const [predicate, message] of checks) {
            if (!predicate(value)) {
                issues.push({ path: [], kind: 'text', message });
            }
        }
    }
    return typed;
}

/** A JSON object (never an array or null) with exactly these keys, plus object-wide checks. */
function jsonObject(entries, checks = []) {
    return schema((value, issues) => {
        if (!isRecord(value)) {
            issues.push({ path: [], kind: 'text', message: 'must be an object' });
            return false;
        }
        return runEntries(value, entries, issues, { strict: true, checks });
    });
}

/** The envelope ignores unknown keys (the platform may add some around a message). */
function envelope(entries) {
    return schema((value, issues) => runEntries(value, entries, issues, { strict: false }));
}

// ---- the contract, entry order as in message-contract.ts -------------------------------------

const RequestId = string(
    minLength(1),
    maxLength(CONTRACT_LIMITS.requestIdMax),
    matches(TOKEN_PATTERN, TOKEN_MESSAGE)
);
const PhoneNumber = string(
    minLength(1),
    maxLength(CONTRACT_LIMITS.phoneNumberMax),
    matches(PHONE_PATTERN, 'may contain only digits, spaces and + ( ) - .'),
    satisfies((value) => /[0-9]/.test(value), 'must contain at least one digit')
);
const SalesforceId = string(
    matches(SALESFORCE_ID_PATTERN, 'must be a 15- or 18-character Salesforce Id')
);
const ObjectApiName = string(
    minLength(1),
    maxLength(CONTRACT_LIMITS.objectTypeMax),
    matches(API_NAME_PATTERN, 'must be an object API name such as Contact or Phone_Call__c')
);
const CallId = string(minLength(1), maxLength(CONTRACT_LIMITS.callIdMax));
const textUpTo = (max) => string(maxLength(max));
const Timestamp = number(integer(), minValue(0));

const RelatedRecord = jsonObject({
    recordId: SalesforceId,
    objectType: ObjectApiName,
    recordName: optional(textUpTo(CONTRACT_LIMITS.textMax))
});

const CallSnapshot = jsonObject({
    callId: CallId,
    direction: picklist(CALL_DIRECTIONS),
    state: picklist(CALL_STATES),
    from: textUpTo(CONTRACT_LIMITS.textMax),
    to: textUpTo(CONTRACT_LIMITS.textMax),
    remoteName: optional(textUpTo(CONTRACT_LIMITS.textMax)),
    startedAt: Timestamp,
    answeredAt: optional(Timestamp),
    muted: boolean,
    related: optional(RelatedRecord)
});

const OptionalCallIdPayload = jsonObject({ callId: optional(CallId) });

/** A list of short texts (dispositions, not-ready reasons). */
const TextList = array(textUpTo(CONTRACT_LIMITS.textMax), maxLength(CONTRACT_LIMITS.listMax));

/** After-call work as the call bar shows it: the form's draft and its rules. */
const WrapUpSnapshot = jsonObject({
    callId: CallId,
    remoteLabel: textUpTo(CONTRACT_LIMITS.textMax),
    disposition: textUpTo(CONTRACT_LIMITS.dispositionMax),
    notes: textUpTo(CONTRACT_LIMITS.notesMax),
    dispositionRequired: boolean,
    dispositions: TextList,
    endsAt: optional(Timestamp),
    error: optional(textUpTo(CONTRACT_LIMITS.errorMessageMax))
});

const COMMAND_PAYLOADS = {
    dial: jsonObject(
        {
            number: PhoneNumber,
            recordId: optional(SalesforceId),
            objectType: optional(ObjectApiName),
            recordName: optional(textUpTo(CONTRACT_LIMITS.textMax))
        },
        [
            // The related record travels whole: an Id without its object type cannot be logged to
            // the right lookup, and a name or type without an Id points at nothing.
            [
                (payload) =>
                    (payload.recordId === undefined) === (payload.objectType === undefined),
                'needs recordId and objectType together'
            ],
            [
                (payload) => payload.recordName === undefined || payload.recordId !== undefined,
                'has recordName without recordId'
            ]
        ]
    ),
    answer: OptionalCallIdPayload,
    hangup: OptionalCallIdPayload,
    hold: OptionalCallIdPayload,
    resume: OptionalCallIdPayload,
    mute: jsonObject({ muted: boolean, callId: optional(CallId) }),
    setDisposition: jsonObject({
        callId: CallId,
        disposition: textUpTo(CONTRACT_LIMITS.dispositionMax),
        notes: optional(textUpTo(CONTRACT_LIMITS.notesMax))
    }),
    ping: jsonObject({}),
    transfer: jsonObject({
        target: PhoneNumber,
        mode: picklist(TRANSFER_MODES),
        callId: optional(CallId)
    }),
    completeConsult: jsonObject({}),
    cancelConsult: jsonObject({}),
    conference: jsonObject({}),
    dropParty: jsonObject({ callId: CallId }),
    swap: jsonObject({}),
    // The call bar's commands:
    decline: OptionalCallIdPayload,
    setAgentState: jsonObject(
        {
            state: picklist(CHOOSABLE_AGENT_STATES),
            reason: optional(string(minLength(1), maxLength(CONTRACT_LIMITS.textMax)))
        },
        [
            [
                (payload) => payload.reason === undefined || payload.state === 'Break',
                'has a reason, which only Break takes'
            ]
        ]
    ),
    sendDtmf: jsonObject({
        digits: string(
            minLength(1),
            maxLength(CONTRACT_LIMITS.dtmfMax),
            matches(DTMF_PATTERN, 'may contain only 0-9, *, # and A-D')
        ),
        callId: optional(CallId)
    }),
    completeWrapUp: jsonObject({ callId: CallId }),
    getState: jsonObject({})
};

const EVENT_PAYLOADS = {
    state: jsonObject({
        agentState: picklist(AGENT_STATES),
        connectionStatus: picklist(CONNECTION_STATUSES),
        activeCall: optional(CallSnapshot),
        softphoneVersion: string(minLength(1), maxLength(CONTRACT_LIMITS.versionStringMax)),
        // What the call bar shows besides the active call:
        breakReason: optional(textUpTo(CONTRACT_LIMITS.textMax)),
        breakReasons: optional(TextList),
        waitingCall: optional(CallSnapshot),
        wrapUp: optional(WrapUpSnapshot)
    }),
    callStarted: jsonObject({ call: CallSnapshot }),
    callEnded: jsonObject({
        call: CallSnapshot,
        outcome: picklist(CALL_OUTCOMES),
        durationSeconds: number(integer(), minValue(0))
    }),
    callLogged: jsonObject({
        callId: CallId,
        recordId: SalesforceId,
        relatedRecordId: optional(SalesforceId)
    }),
    error: jsonObject({
        code: string(
            minLength(1),
            maxLength(CONTRACT_LIMITS.errorCodeMax),
            matches(TOKEN_PATTERN, TOKEN_MESSAGE)
        ),
        message: string(minLength(1), maxLength(CONTRACT_LIMITS.errorMessageMax)),
        inResponseTo: optional(picklist(COMMAND_TYPES))
    }),
    pong: jsonObject({}),
    transferUpdate: jsonObject({
        callId: CallId,
        target: textUpTo(CONTRACT_LIMITS.phoneNumberMax),
        progress: picklist(TRANSFER_PROGRESSES),
        reason: optional(picklist(TRANSFER_FAILURE_REASONS))
    }),
    conferenceUpdate: jsonObject({ parties: number(integer(), minValue(0)) })
};

const COMMAND_SCHEMAS = Object.fromEntries(
    COMMAND_TYPES.map((type) => [
        type,
        envelope({
            version: literal(CONTRACT_VERSION),
            type: literal(type),
            requestId: RequestId,
            payload: COMMAND_PAYLOADS[type]
        })
    ])
);

const EVENT_SCHEMAS = Object.fromEntries(
    EVENT_TYPES.map((type) => [
        type,
        envelope({
            version: literal(CONTRACT_VERSION),
            type: literal(type),
            requestId: optional(RequestId),
            payload: EVENT_PAYLOADS[type]
        })
    ])
);

// ---- validators ------------------------------------------------------------------------------

export function isCommandType(value) {
    return typeof value === 'string' && COMMAND_TYPES.includes(value);
}

export function isEventType(value) {
    return typeof value === 'string' && EVENT_TYPES.includes(value);
}

/**
 * Checks a message a component is about to publish.
 * @returns {{ ok: true, message: object } | { ok: false, error: { code: string, message: string, requestId?: string, type?: string } }}
 */
export function validateCommand(input) {
    return validate(input, 'command');
}

/**
 * Checks a message received on the channel before a component acts on it.
 * @returns {{ ok: true, message: object } | { ok: false, error: { code: string, message: string, requestId?: string, type?: string } }}
 */
export function validateEvent(input) {
    return validate(input, 'event');
}

/** The message's requestId if it is a valid one, else undefined (never throws). */
export function readRequestId(input) {
    if (!isRecord(input)) {
        return undefined;
    }
    return isValid(RequestId, input.requestId) ? input.requestId : undefined;
}

function isValid(target, value) {
    const issues = [];
    return target.run(value, issues) && issues.length === 0;
}

function validate(input, kind) {
    if (!isRecord(input)) {
        return failure(
            'INVALID_MESSAGE',
            `message must be an object with version, type and payload (got ${describeValue(input)})`
        );
    }
    const requestId = readRequestId(input);
    const type = input.type;
    const isExpectedKind = kind === 'command' ? isCommandType(type) : isEventType(type);
    // Even a message rejected for its version names a known type, so the answer can say which.
    const knownType = isExpectedKind ? type : undefined;
    const fail = (code, message) => failure(code, message, requestId, knownType);
    if (!('version' in input) || input.version === undefined) {
        return fail('MISSING_FIELD', 'missing field "version"');
    }
    if (input.version !== CONTRACT_VERSION) {
        return fail(
            'UNSUPPORTED_VERSION',
            `unsupported version ${describeValue(input.version)} (expected ${CONTRACT_VERSION})`
        );
    }
    if (type === undefined) {
        return fail('MISSING_FIELD', 'missing field "type"');
    }
    if (typeof type !== 'string') {
        return fail('INVALID_FIELD', `"type" must be a string (got ${describeValue(type)})`);
    }
    if (!isExpectedKind) {
        const other = kind === 'command' ? isEventType(type) : isCommandType(type);
        let message = `unknown type "${clip(type, 40)}"`;
        if (other) {
            message = `"${type}" is ${kind === 'command' ? 'an event, not a command' : 'a command, not an event'}`;
        }
        return fail('UNKNOWN_TYPE', message);
    }
    const schemas = kind === 'command' ? COMMAND_SCHEMAS : EVENT_SCHEMAS;
    const issues = [];
    schemas[type].run(input, issues);
    if (issues.length === 0) {
        return { ok: true, message: cleanEnvelope(input) };
    }
    return { ok: false, error: issuesToError(issues, requestId, type) };
}

/** The accepted message without envelope keys outside the contract (the payload is strict). */
function cleanEnvelope(input) {
    const message = { version: input.version, type: input.type };
    if (input.requestId !== undefined) {
        message.requestId = input.requestId;
    }
    message.payload = JSON.parse(JSON.stringify(input.payload));
    return message;
}

function failure(code, message, requestId, type) {
    const error = { code, message };
    if (requestId !== undefined) {
        error.requestId = requestId;
    }
    if (type !== undefined) {
        error.type = type;
    }
    return { ok: false, error };
}

function issuesToError(issues, requestId, type) {
    // One problem per field: an empty number is "empty", not also "has no digit".
    const seenPaths = new Set();
    const described = [];
    for (const issue of issues) {
        const path = issue.path.join('.');
        if (!seenPaths.has(path)) {
            seenPaths.add(path);
            described.push(describeIssue(issue, clip(path || 'message', 80)));
        }
    }
    const code = described[0].missing ? 'MISSING_FIELD' : 'INVALID_FIELD';
    const listed = described.slice(0, MAX_LISTED_ISSUES).map((issue) => issue.message);
    const rest = described.length - listed.length;
    const summary = rest > 0 ? `; and ${rest} more problem${rest > 1 ? 's' : ''}` : '';
    const message = clip(listed.join('; ') + summary, CONTRACT_LIMITS.errorMessageMax);
    return failure(code, message, requestId, type).error;
}

const EXPECTED_TYPE_WORDS = {
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
    Array: 'a list'
};

function describeIssue(issue, path) {
    switch (issue.kind) {
        case 'missing':
            return { missing: true, message: `missing field "${path}"` };
        case 'unknown':
            return { missing: false, message: `unknown field "${path}"` };
        case 'min_length':
            return {
                missing: false,
                message:
                    issue.requirement === 1
                        ? `"${path}" must not be empty`
                        : `"${path}" is too short (min ${issue.requirement} characters)`
            };
        case 'max_length':
            return {
                missing: false,
                message: `"${path}" is too long (max ${issue.requirement} characters, got ${issue.received})`
            };
        case 'integer':
            return { missing: false, message: `"${path}" must be a whole number` };
        case 'min_value':
            return { missing: false, message: `"${path}" must be at least ${issue.requirement}` };
        case 'literal':
            return {
                missing: false,
                message: `"${path}" must be ${issue.expected} (got ${clip(issue.received, 60)})`
            };
        case 'picklist':
            return {
                missing: false,
                message: `"${path}" must be one of ${issue.choices} (got ${clip(issue.received, 60)})`
            };
        case 'text':
            return { missing: false, message: `"${path}" ${issue.message}` };
        default:
            return {
                missing: false,
                message: `"${path}" must be ${EXPECTED_TYPE_WORDS[issue.expected] || issue.expected} (got ${clip(issue.received, 60)})`
            };
    }
}

/** How a value is named in an issue (the way the adapter's schema library names it). */
function stringify(value) {
    const type = typeof value;
    if (type === 'string') {
        return `"${value}"`;
    }
    if (type === 'number' || type === 'bigint' || type === 'boolean') {
        return `${value}`;
    }
    if (type === 'object' || type === 'function') {
        const prototype = value ? Object.getPrototypeOf(value) : null;
        const name = prototype && prototype.constructor ? prototype.constructor.name : undefined;
        return name ?? 'null';
    }
    return type;
}

/** How a value is named in an envelope error. */
function describeValue(value) {
    if (value === null) {
        return 'null';
    }
    if (Array.isArray(value)) {
        return 'an array';
    }
    if (typeof value === 'string') {
        return `"${clip(value, 40)}"`;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
        return String(value);
    }
    return typeof value;
}

// Quotes a piece of the sender's input in an error message: markup brackets and control or bidi
// characters are replaced, so the message is inert and reads the same wherever it lands.
function clip(text, max) {
    const safe = text
        .replace(/</g, '‹')
        .replace(/>/g, '›')
        .replace(
            // eslint-disable-next-line no-control-regex -- control characters are what it removes
            /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g,
            '\ufffd'
        );
    return safe.length <= max ? safe : `${safe.slice(0, max - 1)}…`;
}

function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---- builders --------------------------------------------------------------------------------

let requestCounter = 0;

/** A new request id: letters, digits and '-', well under the contract's 64 characters. */
export function newRequestId(prefix = 'lwc') {
    requestCounter = (requestCounter + 1) % 1679616; // 36^4: at most four base-36 digits
    const random = Math.floor(Math.random() * 1679616).toString(36);
    const safePrefix =
        String(prefix)
            .replace(/[^A-Za-z0-9_-]/g, '')
            .slice(0, 20) || 'lwc';
    return `${safePrefix}-${Date.now().toString(36)}-${requestCounter.toString(36)}-${random}`;
}

/** Keys whose value is undefined or null are left out: an LMS message must be plain JSON. */
function compact(fields) {
    const payload = {};
    for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined && value !== null) {
            payload[key] = value;
        }
    }
    return payload;
}

function command(type, payload, requestId) {
    return { version: CONTRACT_VERSION, type, requestId: requestId ?? newRequestId(), payload };
}

/** `dial`: number to call; recordId and objectType (together) tie the call to a record. */
export function buildDial(
    { number: phoneNumber, recordId, objectType, recordName } = {},
    requestId
) {
    return command(
        'dial',
        compact({ number: phoneNumber, recordId, objectType, recordName }),
        requestId
    );
}

export function buildAnswer({ callId } = {}, requestId) {
    return command('answer', compact({ callId }), requestId);
}

export function buildHangup({ callId } = {}, requestId) {
    return command('hangup', compact({ callId }), requestId);
}

export function buildHold({ callId } = {}, requestId) {
    return command('hold', compact({ callId }), requestId);
}

export function buildResume({ callId } = {}, requestId) {
    return command('resume', compact({ callId }), requestId);
}

export function buildMute({ muted, callId } = {}, requestId) {
    return command('mute', compact({ muted, callId }), requestId);
}

/** `setDisposition`: an absent disposition is sent as '' (the contract requires the key). */
export function buildSetDisposition({ callId, disposition, notes } = {}, requestId) {
    return command(
        'setDisposition',
        compact({ callId, disposition: disposition ?? '', notes }),
        requestId
    );
}

export function buildPing(requestId) {
    return command('ping', {}, requestId);
}

/** `transfer`: hands the call (the active one without callId) to target, 'blind' or 'consult'. */
export function buildTransfer({ target, mode, callId } = {}, requestId) {
    return command('transfer', compact({ target, mode, callId }), requestId);
}

/** `completeConsult`: the held caller is joined to the consulted party. */
export function buildCompleteConsult(requestId) {
    return command('completeConsult', {}, requestId);
}

/** `cancelConsult`: the consult call ends and the caller is resumed. */
export function buildCancelConsult(requestId) {
    return command('cancelConsult', {}, requestId);
}

/** `conference`: merges the held call and the connected call. */
export function buildConference(requestId) {
    return command('conference', {}, requestId);
}

export function buildDropParty({ callId } = {}, requestId) {
    return command('dropParty', compact({ callId }), requestId);
}

export function buildSwap(requestId) {
    return command('swap', {}, requestId);
}

// The call bar's commands:

export function buildDecline({ callId } = {}, requestId) {
    return command('decline', compact({ callId }), requestId);
}

/** `setAgentState`: Available, Offline, or Break with one of state.breakReasons. */
export function buildSetAgentState({ state, reason } = {}, requestId) {
    return command('setAgentState', compact({ state, reason }), requestId);
}

export function buildSendDtmf({ digits, callId } = {}, requestId) {
    return command('sendDtmf', compact({ digits, callId }), requestId);
}

export function buildCompleteWrapUp({ callId } = {}, requestId) {
    return command('completeWrapUp', compact({ callId }), requestId);
}

/** `getState`: the softphone answers with a `state` event (send it on subscribe). */
export function buildGetState(requestId) {
    return command('getState', {}, requestId);
}

/** Builds any command by type (the local console and tests use this to replay examples). */
export const COMMAND_BUILDERS = Object.freeze({
    dial: buildDial,
    answer: buildAnswer,
    hangup: buildHangup,
    hold: buildHold,
    resume: buildResume,
    mute: buildMute,
    setDisposition: buildSetDisposition,
    ping: (payload, requestId) => buildPing(requestId),
    transfer: buildTransfer,
    completeConsult: (payload, requestId) => buildCompleteConsult(requestId),
    cancelConsult: (payload, requestId) => buildCancelConsult(requestId),
    conference: (payload, requestId) => buildConference(requestId),
    dropParty: buildDropParty,
    swap: (payload, requestId) => buildSwap(requestId),
    decline: buildDecline,
    setAgentState: buildSetAgentState,
    sendDtmf: buildSendDtmf,
    completeWrapUp: buildCompleteWrapUp,
    getState: (payload, requestId) => buildGetState(requestId)
});

// ---- helpers the components share ------------------------------------------------------------

/** The number as the contract accepts it for `dial` (trimmed), or null when it cannot be dialed. */
export function toDialableNumber(raw) {
    if (typeof raw !== 'string') {
        return null;
    }
    const trimmed = raw.trim();
    return isValid(PhoneNumber, trimmed) ? trimmed : null;
}

/** True when the value is a 15- or 18-character Salesforce Id. */
export function isSalesforceId(value) {
    return isValid(SalesforceId, value);
}

/** Compares a 15- and an 18-character Id of the same record as equal. */
export function sameRecordId(left, right) {
    if (!isSalesforceId(left) || !isSalesforceId(right)) {
        return false;
    }
    return left.slice(0, 15) === right.slice(0, 15);
}

/** Clips text to the contract's limit for free text (names, disposition). */
export function clipText(text, max = CONTRACT_LIMITS.textMax) {
    return typeof text === 'string' && text.length > max ? text.slice(0, max) : text;
}

/** 42 → "0:42", 3725 → "1:02:05"; anything else → "". */
export function formatDuration(totalSeconds) {
    if (typeof totalSeconds !== 'number' || !Number.isFinite(totalSeconds) || totalSeconds < 0) {
        return '';
    }
    const seconds = Math.floor(totalSeconds);
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const rest = String(seconds % 60).padStart(2, '0');
    return hours > 0
        ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}`
        : `${minutes}:${rest}`;
}

// ---- client ----------------------------------------------------------------------------------

/**
 * A softphone client over a transport `{ publish(message), subscribe(listener) → unsubscribe }`.
 *
 * - `send(command)` validates and publishes; returns `{ ok, requestId }` or `{ ok: false, error }`
 *   (nothing is published when the command breaks the contract).
 * - `ping({ timeoutMs })` resolves true when the softphone answers with `pong` in time, else false.
 * - `onEvent(listener)` receives every valid event; returns a function that removes the listener.
 * - `dispose()` unsubscribes and settles pending pings with false.
 *
 * Invalid events are dropped (and reported to `options.onInvalidEvent`); commands seen on the
 * channel — ours and other components' — are not events and are ignored silently.
 */
export function createSoftphoneClient(transport, options = {}) {
    // The timer is the point of ping (a softphone that never answers must not hang the caller).
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    const setTimer = options.setTimeout || ((callback, ms) => setTimeout(callback, ms));
    const clearTimer = options.clearTimeout || ((handle) => clearTimeout(handle));
    const listeners = new Set();
    const pendingPings = new Map();
    let disposed = false;

    const settlePing = (requestId, listening) => {
        const pending = pendingPings.get(requestId);
        if (pending) {
            pendingPings.delete(requestId);
            clearTimer(pending.timer);
            pending.resolve(listening);
        }
    };

    const handleMessage = (raw) => {
        if (disposed || (isRecord(raw) && isCommandType(raw.type))) {
            return;
        }
        const result = validateEvent(raw);
        if (!result.ok) {
            if (options.onInvalidEvent) {
                options.onInvalidEvent(result.error);
            }
            return;
        }
        const event = result.message;
        if (event.type === 'pong' && event.requestId !== undefined) {
            settlePing(event.requestId, true);
        }
        for (const listener of [...listeners]) {
            listener(event);
        }
    };

    const unsubscribe = transport.subscribe(handleMessage);

    const send = (message) => {
        if (disposed) {
            return { ok: false, error: { code: 'DISPOSED', message: 'client is disposed' } };
        }
        const checked = validateCommand(message);
        if (!checked.ok) {
            return checked;
        }
        try {
            transport.publish(checked.message);
        } catch (error) {
            const text = error && error.message ? error.message : String(error);
            return { ok: false, error: { code: 'PUBLISH_FAILED', message: text } };
        }
        return { ok: true, requestId: checked.message.requestId };
    };

    const ping = ({ timeoutMs = DEFAULT_PING_TIMEOUT_MS } = {}) =>
        new Promise((resolve) => {
            const message = buildPing();
            const requestId = message.requestId;
            const timer = setTimer(() => settlePing(requestId, false), timeoutMs);
            pendingPings.set(requestId, { resolve, timer });
            if (!send(message).ok) {
                settlePing(requestId, false);
            }
        });

    const onEvent = (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
    };

    const dispose = () => {
        if (disposed) {
            return;
        }
        for (const requestId of [...pendingPings.keys()]) {
            settlePing(requestId, false);
        }
        disposed = true;
        listeners.clear();
        if (typeof unsubscribe === 'function') {
            unsubscribe();
        }
    };

    return { send, ping, onEvent, dispose };
}
