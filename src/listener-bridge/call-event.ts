import type {
    ListenerCallEventType,
    ListenerCallMessage
} from '../softphone/telephony/listener/listener-protocol';
import {
    agentPattern,
    attributeKeyPattern,
    callIdPattern,
    emptyAttributes,
    isAttributeValue,
    isPhoneText,
    listenerCallEventTypes,
    listenerLimits
} from '../softphone/telephony/listener/listener-protocol';

/** A validated call event from the phone system, for one agent. */
export interface CallEvent {
    readonly agent: string;
    readonly message: ListenerCallMessage;
}

export type CallEventResult = { ok: true; event: CallEvent } | { ok: false; error: string };

/** The parameters every request may carry; any other name is an extra pair. */
const reservedNames = ['ani', 'dnis', 'callid', 'type', 'agent'] as const;
type ReservedName = (typeof reservedNames)[number];

const phoneRule = 'a phone number: up to 40 digits, spaces and + * # ( ) . -, or anonymous';

/**
 * Validates the parameters of a call event (already decoded to name/value pairs, repeated names
 * kept) and names the first bad one. Reserved names are matched without regard to case
 * (`ANI` is `ani`); extra names keep their case.
 */
export function parseCallEvent(pairs: readonly (readonly [string, string])[]): CallEventResult {
    const reserved: Partial<Record<ReservedName, string>> = {};
    const attributes = emptyAttributes();
    const seen = new Set<string>();
    for (const [rawName, value] of pairs) {
        const lower = rawName.toLowerCase();
        const name = (reservedNames as readonly string[]).includes(lower) ? lower : rawName;
        if (seen.has(name)) {
            return fail(`${describe(name)} is given more than once`);
        }
        seen.add(name);
        if ((reservedNames as readonly string[]).includes(name)) {
            reserved[name as ReservedName] = value;
            continue;
        }
        if (!attributeKeyPattern.test(name)) {
            return fail(
                `extra parameter names must be 1-40 letters, digits or _ (${JSON.stringify(name.slice(0, 40))} is not)`
            );
        }
        if (!isAttributeValue(value)) {
            return fail(
                `extra parameter "${name}" must be at most ${listenerLimits.attributeValueLength} characters, without control characters`
            );
        }
        if (Object.keys(attributes).length >= listenerLimits.attributeCount) {
            return fail(`too many extra parameters: at most ${listenerLimits.attributeCount}`);
        }
        attributes[name] = value;
    }

    const { callid, type, agent } = reserved;
    const ani = (reserved.ani ?? '').trim();
    const dnis = (reserved.dnis ?? '').trim();
    if (callid === undefined || callid === '') {
        return fail('callid is missing');
    }
    if (!callIdPattern.test(callid)) {
        return fail('callid must be 1-128 letters, digits or . _ : @ -');
    }
    if (type === undefined || type === '') {
        return fail('type is missing');
    }
    const eventType = listenerCallEventTypes.find((known) => known === type.toLowerCase());
    if (!eventType) {
        return fail('type must be ringing, answered or ended');
    }
    if (agent === undefined || agent === '') {
        return fail('agent is missing');
    }
    if (!agentPattern.test(agent)) {
        return fail('agent must be 1-64 letters, digits or . _ @ + -');
    }
    if (!isPhoneText(ani)) {
        return fail(`ani must be ${phoneRule}`);
    }
    if (!isPhoneText(dnis)) {
        return fail(`dnis must be ${phoneRule}`);
    }
    return {
        ok: true,
        event: {
            agent,
            message: {
                type: 'call',
                event: eventType as ListenerCallEventType,
                callid,
                ani,
                dnis,
                attributes
            }
        }
    };
}

function describe(name: string): string {
    return (reservedNames as readonly string[]).includes(name)
        ? name
        : `parameter ${JSON.stringify(name.slice(0, 40))}`;
}

function fail(error: string): CallEventResult {
    return { ok: false, error };
}
