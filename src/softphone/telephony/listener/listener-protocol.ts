/**
 * The WebSocket protocol between the listener bridge (src/listener-bridge) and the softphone's
 * listener connector, version 1, and the limits both sides enforce on call data. Every message
 * is one JSON object with a `type`.
 *
 *   softphone → bridge   hello   { type, version, agent, token }            first message, once
 *                        action  { type, requestId, action, callid?, number?, digits?, othercallid? }
 *   bridge → softphone   welcome { type, version, agent, actions, calls }   after a good hello
 *                        call    { type, event, callid, ani, dnis, attributes }
 *                        actionResult { type, requestId, ok, callid? | message }
 *
 * `welcome.calls` lists the agent's calls the bridge knows (live ones and those ended in the
 * last minutes), each as the latest call message, so a softphone that reconnects catches up.
 * `welcome.actions` says whether the phone system takes agent actions (a callback URL is set on
 * the bridge); without it, calls are controlled on the agent's phone only.
 * A bad hello closes the socket with a code of listenerCloseCodes.
 */

import { callDataLimits } from '../call-data';

export const listenerProtocolVersion = 1;

export type ListenerCallEventType = 'ringing' | 'answered' | 'ended';

export const listenerCallEventTypes: readonly ListenerCallEventType[] = [
    'ringing',
    'answered',
    'ended'
];

/** What the agent can ask the phone system to do, sent on to the callback URL by the bridge. */
export type ListenerAction =
    | 'answer'
    | 'decline'
    | 'hangup'
    | 'hold'
    | 'resume'
    | 'mute'
    | 'unmute'
    | 'dtmf'
    | 'dial'
    /** Hand `callid` to `number` (blind transfer); a 2xx answer means the call left the agent. */
    | 'transfer'
    /** Place a consult call to `number` about the held `callid`; answered with its `callid`. */
    | 'consult'
    /** Join the held `callid` to the consulted `othercallid` and take the agent out. */
    | 'completeConsult'
    /** Merge the held `callid` and the connected `othercallid` into a conference. */
    | 'conference'
    /** Drop the party `callid` from the conference. */
    | 'drop';

export const listenerActions: readonly ListenerAction[] = [
    'answer',
    'decline',
    'hangup',
    'hold',
    'resume',
    'mute',
    'unmute',
    'dtmf',
    'dial',
    'transfer',
    'consult',
    'completeConsult',
    'conference',
    'drop'
];

export const listenerLimits = {
    phoneTextLength: 40,
    callIdLength: 128,
    agentLength: 64,
    // Extra pairs are call data: its limits (call-data.ts).
    attributeCount: callDataLimits.count,
    attributeKeyLength: callDataLimits.keyLength,
    attributeValueLength: callDataLimits.valueLength,
    tokenLength: 256,
    requestIdLength: 64,
    dtmfLength: 32,
    /** The most calls a welcome lists (the newest); older ones are left out. */
    welcomeCalls: 1000
} as const;

export const listenerCloseCodes = {
    /** The first message was not a valid hello. */
    badHello: 4400,
    /** The agent id and token do not match a token of the bridge. */
    badCredentials: 4401,
    /** No hello within the bridge's time limit. */
    helloTimeout: 4408,
    /** The softphone speaks another protocol version. */
    badVersion: 4426
} as const;

/** Caller and dialled numbers as phone systems send them: digits and dialling punctuation. */
const phoneTextPattern = /^[0-9+*#(). -]*$/;
/** Words phone systems send for a withheld or unknown caller id. */
const withheldWords = /^(anonymous|private|restricted|unknown|unavailable|withheld)$/i;
export const callIdPattern = /^[A-Za-z0-9._:@-]{1,128}$/;
export const agentPattern = /^[A-Za-z0-9._@+-]{1,64}$/;
export const attributeKeyPattern = /^[A-Za-z0-9_]{1,40}$/;
export const requestIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
// Control characters and the invisible or direction-changing ones never belong in call data.
const forbiddenInText = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/** An ani or dnis: up to 40 digits and + * # ( ) . - or spaces, or a withheld word; '' is allowed. */
export function isPhoneText(value: string): boolean {
    return (
        value.length <= listenerLimits.phoneTextLength &&
        (phoneTextPattern.test(value) || withheldWords.test(value))
    );
}

/** An extra pair's value: up to 256 characters, no control or invisible characters. */
export function isAttributeValue(value: string): boolean {
    return value.length <= listenerLimits.attributeValueLength && !forbiddenInText.test(value);
}

export interface ListenerCallMessage {
    readonly type: 'call';
    readonly event: ListenerCallEventType;
    readonly callid: string;
    /** The caller's number ('' when withheld or not sent). */
    readonly ani: string;
    /** The dialled number ('' when not sent). */
    readonly dnis: string;
    /** The extra key=value pairs the phone system sent with the event. */
    readonly attributes: Readonly<Record<string, string>>;
}

export interface ListenerWelcomeMessage {
    readonly type: 'welcome';
    readonly version: number;
    readonly agent: string;
    /** True when the phone system takes agent actions (the bridge has a callback URL). */
    readonly actions: boolean;
    readonly calls: readonly ListenerCallMessage[];
    /**
     * Set by the parser only: how many listed calls were invalid or over the limit and left
     * out (the others still connect the agent).
     */
    readonly droppedCalls?: number;
}

export type ListenerActionResultMessage =
    | {
          readonly type: 'actionResult';
          readonly requestId: string;
          readonly ok: true;
          readonly callid?: string;
      }
    | {
          readonly type: 'actionResult';
          readonly requestId: string;
          readonly ok: false;
          readonly message: string;
      };

export type BridgeMessage =
    ListenerWelcomeMessage | ListenerCallMessage | ListenerActionResultMessage;

export interface ListenerHelloMessage {
    readonly type: 'hello';
    readonly version: number;
    readonly agent: string;
    readonly token: string;
}

export interface ListenerActionMessage {
    readonly type: 'action';
    readonly requestId: string;
    readonly action: ListenerAction;
    /** Every action but dial names its call. */
    readonly callid?: string;
    /** dial, consult: the number to call; transfer: the number or extension to hand it to. */
    readonly number?: string;
    /** dtmf: the tones to send. */
    readonly digits?: string;
    /** completeConsult, conference: the second call (the consult call, the connected call). */
    readonly othercallid?: string;
}

export type SoftphoneMessage = ListenerHelloMessage | ListenerActionMessage;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

type Fields = Readonly<Record<string, unknown>>;

function isFields(value: unknown): value is Fields {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail<T>(error: string): ParseResult<T> {
    return { ok: false, error };
}

/**
 * An empty map of extra pairs. It has no prototype, so that names such as `constructor`,
 * `toString` or `__proto__` are ordinary names, neither found before they are set nor lost.
 */
export function emptyAttributes(): Record<string, string> {
    return Object.create(null) as Record<string, string>;
}

/**
 * The extra pairs of a call after an update: new values replace old ones, and new names are
 * added while there are fewer than 20 (a name already there is always updated).
 */
export function mergeAttributes(
    previous: Readonly<Record<string, string>>,
    update: Readonly<Record<string, string>>
): Record<string, string> {
    const merged = Object.assign(emptyAttributes(), previous);
    for (const [name, value] of Object.entries(update)) {
        if (
            Object.hasOwn(merged, name) ||
            Object.keys(merged).length < listenerLimits.attributeCount
        ) {
            merged[name] = value;
        }
    }
    return merged;
}

/** Validates extra pairs: at most 20, keys [A-Za-z0-9_] up to 40, values text up to 256. */
export function parseAttributes(value: unknown): ParseResult<Record<string, string>> {
    if (!isFields(value)) {
        return fail('attributes must be an object');
    }
    const entries = Object.entries(value);
    if (entries.length > listenerLimits.attributeCount) {
        return fail(`at most ${listenerLimits.attributeCount} attributes are allowed`);
    }
    const attributes = emptyAttributes();
    for (const [key, text] of entries) {
        if (!attributeKeyPattern.test(key)) {
            // i18n-exempt: protocol validation, logged by the softphone and answered to the phone system
            return fail('an attribute key is not 1-40 letters, digits or _');
        }
        if (typeof text !== 'string' || !isAttributeValue(text)) {
            return fail(`attribute ${key} is not text of at most 256 characters`);
        }
        attributes[key] = text;
    }
    return { ok: true, value: attributes };
}

export function parseCallMessage(value: unknown): ParseResult<ListenerCallMessage> {
    if (!isFields(value) || value['type'] !== 'call') {
        return fail('not a call message');
    }
    const { event, callid, ani, dnis } = value;
    if (!listenerCallEventTypes.includes(event as ListenerCallEventType)) {
        // i18n-exempt: protocol validation, logged by the softphone and answered to the phone system
        return fail('call.event must be ringing, answered or ended');
    }
    if (typeof callid !== 'string' || !callIdPattern.test(callid)) {
        return fail('call.callid is not a valid call id');
    }
    if (typeof ani !== 'string' || !isPhoneText(ani)) {
        return fail('call.ani is not a phone number');
    }
    if (typeof dnis !== 'string' || !isPhoneText(dnis)) {
        return fail('call.dnis is not a phone number');
    }
    const attributes = parseAttributes(value['attributes']);
    if (!attributes.ok) {
        return fail(`call.${attributes.error}`);
    }
    return {
        ok: true,
        value: {
            type: 'call',
            event: event as ListenerCallEventType,
            callid,
            ani,
            dnis,
            attributes: attributes.value
        }
    };
}

function parseWelcome(value: Fields): ParseResult<ListenerWelcomeMessage> {
    const { version, agent, actions, calls } = value;
    if (version !== listenerProtocolVersion) {
        // i18n-exempt: protocol validation, logged by the softphone and answered to the phone system
        return fail(`the bridge speaks protocol version ${String(version)}, not 1`);
    }
    if (typeof agent !== 'string' || !agentPattern.test(agent)) {
        return fail('welcome.agent is not an agent id');
    }
    if (typeof actions !== 'boolean') {
        return fail('welcome.actions must be true or false');
    }
    if (!Array.isArray(calls)) {
        return fail('welcome.calls must be a list');
    }
    // A bad or excess call is left out, never the whole welcome: that would keep the agent
    // from connecting for as long as the bridge keeps the call.
    const parsed: ListenerCallMessage[] = [];
    for (const call of calls.slice(-listenerLimits.welcomeCalls)) {
        const result = parseCallMessage(call);
        if (result.ok) {
            parsed.push(result.value);
        }
    }
    const droppedCalls = calls.length - parsed.length;
    return {
        ok: true,
        value: {
            type: 'welcome',
            version,
            agent,
            actions,
            calls: parsed,
            ...(droppedCalls > 0 ? { droppedCalls } : {})
        }
    };
}

function parseActionResult(value: Fields): ParseResult<ListenerActionResultMessage> {
    const { requestId, ok, callid, message } = value;
    if (typeof requestId !== 'string' || !requestIdPattern.test(requestId)) {
        return fail('actionResult.requestId is not a request id');
    }
    if (ok === true) {
        if (callid === undefined) {
            return { ok: true, value: { type: 'actionResult', requestId, ok } };
        }
        if (typeof callid !== 'string' || !callIdPattern.test(callid)) {
            return fail('actionResult.callid is not a valid call id');
        }
        return { ok: true, value: { type: 'actionResult', requestId, ok, callid } };
    }
    if (ok !== false || typeof message !== 'string' || !isAttributeValue(message)) {
        return fail('actionResult needs ok: true, or ok: false and a message');
    }
    return { ok: true, value: { type: 'actionResult', requestId, ok, message } };
}

/** Validates one text frame from the bridge; nothing in it is trusted before this. */
export function parseBridgeMessage(data: unknown): ParseResult<BridgeMessage> {
    if (typeof data !== 'string') {
        return fail('the bridge sent a binary frame');
    }
    let value: unknown;
    try {
        value = JSON.parse(data);
    } catch {
        // i18n-exempt: protocol validation, logged by the softphone and answered to the phone system
        return fail('the bridge sent text that is not JSON');
    }
    if (!isFields(value)) {
        // i18n-exempt: protocol validation, logged by the softphone and answered to the phone system
        return fail('the bridge sent JSON that is not an object');
    }
    switch (value['type']) {
        case 'welcome':
            return parseWelcome(value);
        case 'call':
            return parseCallMessage(value);
        case 'actionResult':
            return parseActionResult(value);
        default:
            return fail('the bridge sent a message of an unknown type');
    }
}
