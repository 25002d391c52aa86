import type {
    ListenerActionMessage,
    ListenerHelloMessage,
    ParseResult
} from '../softphone/telephony/listener/listener-protocol';
import {
    agentPattern,
    callIdPattern,
    isPhoneText,
    listenerActions,
    listenerLimits,
    requestIdPattern
} from '../softphone/telephony/listener/listener-protocol';

type Fields = Readonly<Record<string, unknown>>;

function parseJsonObject(data: string): Fields | undefined {
    try {
        const value: unknown = JSON.parse(data);
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? (value as Fields)
            : undefined;
    } catch {
        return undefined;
    }
}

/** The softphone's first message. The token is only checked for shape here. */
export function parseHello(data: string): ParseResult<ListenerHelloMessage> {
    const value = parseJsonObject(data);
    if (!value || value['type'] !== 'hello') {
        return { ok: false, error: 'the first message must be a hello' };
    }
    const { version, agent, token } = value;
    if (typeof version !== 'number') {
        return { ok: false, error: 'hello.version is missing' };
    }
    if (typeof agent !== 'string' || !agentPattern.test(agent)) {
        return { ok: false, error: 'hello.agent is not an agent id' };
    }
    if (typeof token !== 'string' || token === '' || token.length > listenerLimits.tokenLength) {
        return { ok: false, error: 'hello.token is not a token' };
    }
    return { ok: true, value: { type: 'hello', version, agent, token } };
}

export type ActionParseResult =
    { ok: true; value: ListenerActionMessage } | { ok: false; requestId?: string; error: string };

/** An agent action; a bad one names what is wrong (with its request id when it has one). */
export function parseAction(data: string): ActionParseResult {
    const value = parseJsonObject(data);
    if (!value || value['type'] !== 'action') {
        return { ok: false, error: 'not an action message' };
    }
    const { requestId, action, callid, number, digits, othercallid } = value;
    if (typeof requestId !== 'string' || !requestIdPattern.test(requestId)) {
        return { ok: false, error: 'action.requestId is not a request id' };
    }
    const bad = (error: string): ActionParseResult => ({ ok: false, requestId, error });
    const known = listenerActions.find((name) => name === action);
    if (!known) {
        return bad(`unknown action (known: ${listenerActions.join(', ')})`);
    }
    if (known === 'dial') {
        if (typeof number !== 'string' || !/\d/.test(number) || !isPhoneText(number)) {
            return bad('dial needs a number of up to 40 digits, spaces and + * # ( ) . -');
        }
        return { ok: true, value: { type: 'action', requestId, action: known, number } };
    }
    if (typeof callid !== 'string' || !callIdPattern.test(callid)) {
        return bad(`${known} needs the callid of the call`);
    }
    if (known === 'transfer' || known === 'consult') {
        if (typeof number !== 'string' || !/\d/.test(number) || !isPhoneText(number)) {
            return bad(`${known} needs a number of up to 40 digits, spaces and + * # ( ) . -`);
        }
        return { ok: true, value: { type: 'action', requestId, action: known, callid, number } };
    }
    if (known === 'completeConsult' || known === 'conference') {
        if (
            typeof othercallid !== 'string' ||
            !callIdPattern.test(othercallid) ||
            othercallid === callid
        ) {
            return bad(`${known} needs the othercallid of the second call`);
        }
        return {
            ok: true,
            value: { type: 'action', requestId, action: known, callid, othercallid }
        };
    }
    if (known === 'dtmf') {
        if (typeof digits !== 'string' || !/^[0-9*#A-D]{1,32}$/.test(digits)) {
            return bad('dtmf needs 1-32 digits of 0-9, *, # and A-D');
        }
        return { ok: true, value: { type: 'action', requestId, action: known, callid, digits } };
    }
    return { ok: true, value: { type: 'action', requestId, action: known, callid } };
}
