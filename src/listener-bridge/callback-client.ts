import type { ListenerAction } from '../softphone/telephony/listener/listener-protocol';
import { callIdPattern, isAttributeValue } from '../softphone/telephony/listener/listener-protocol';
import { listenerSignature } from './constant-time';

/** An agent's action, as the bridge POSTs it (JSON) to the phone system's callback URL. */
export interface CallbackAction {
    readonly action: ListenerAction;
    readonly agent: string;
    readonly callid?: string;
    readonly number?: string;
    readonly digits?: string;
    readonly othercallid?: string;
}

export type CallbackResult = { ok: true; callid?: string } | { ok: false; message: string };

export interface CallbackClientOptions {
    readonly url: URL;
    readonly secret: string;
    readonly timeoutMs?: number;
    /** Unix time in seconds. */
    readonly nowSeconds?: () => number;
    readonly fetch?: typeof fetch;
}

/** The most of a phone system's answer the bridge reads; the rest is dropped unread. */
export const maxAnswerBytes = 4096;

const describeAction: Readonly<Record<ListenerAction, string>> = {
    answer: 'answer the call',
    decline: 'decline the call',
    hangup: 'hang up the call',
    hold: 'hold the call',
    resume: 'resume the call',
    mute: 'mute the call',
    unmute: 'unmute the call',
    dtmf: 'send the tones',
    dial: 'place the call',
    transfer: 'transfer the call',
    consult: 'place the consult call',
    completeConsult: 'complete the transfer',
    conference: 'merge the calls',
    drop: 'drop the party'
};

/**
 * Sends agent actions to the phone system, signed like the phone system signs its events:
 * `X-Listener-Timestamp` and `X-Listener-Signature: sha256=HMAC-SHA256(secret,
 * "<timestamp>.<body>")`. A 2xx answer accepts the action; a dial's or a consult's answer must
 * be JSON with the new call's `callid`. Redirects are not followed.
 */
export class CallbackClient {
    private readonly timeoutMs: number;
    private readonly nowSeconds: () => number;
    private readonly fetchImpl: typeof fetch;

    constructor(private readonly options: CallbackClientOptions) {
        this.timeoutMs = options.timeoutMs ?? 5000;
        this.nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
        this.fetchImpl = options.fetch ?? globalThis.fetch;
    }

    async send(action: CallbackAction): Promise<CallbackResult> {
        const body = JSON.stringify(action);
        const timestamp = String(this.nowSeconds());
        const what = describeAction[action.action];
        let response: Response;
        try {
            response = await this.fetchImpl(this.options.url, {
                method: 'POST',
                redirect: 'error',
                signal: AbortSignal.timeout(this.timeoutMs),
                headers: {
                    'content-type': 'application/json',
                    'user-agent': 'open-cti-listener-bridge',
                    'x-listener-timestamp': timestamp,
                    'x-listener-signature': `sha256=${listenerSignature(this.options.secret, timestamp, body)}`
                },
                body
            });
        } catch {
            return { ok: false, message: `Could not reach the phone system to ${what}.` };
        }
        const text = await readText(response);
        if (!response.ok) {
            const detail = phoneSystemMessage(text);
            return {
                ok: false,
                message: `The phone system refused to ${what}${detail ? `: ${detail}` : ''} (HTTP ${response.status}).`
            };
        }
        if (action.action !== 'dial' && action.action !== 'consult') {
            return { ok: true };
        }
        const callid = jsonField(text, 'callid');
        return callid !== undefined && callIdPattern.test(callid)
            ? { ok: true, callid }
            : {
                  ok: false,
                  message: 'The phone system accepted the call but sent no valid callid.'
              };
    }
}

/**
 * Reads at most `maxAnswerBytes` of the answer as text and drops the rest unread (the
 * connection is closed): a phone system that answers megabytes costs the bridge 4 KB.
 */
async function readText(response: Response): Promise<string> {
    const reader = response.body?.getReader();
    if (!reader) {
        return '';
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
        while (size < maxAnswerBytes) {
            const { done, value } = await reader.read();
            if (done) {
                break;
            }
            chunks.push(value);
            size += value.byteLength;
        }
    } catch {
        // A broken or timed-out answer: keep what came.
    } finally {
        reader.cancel().catch(() => undefined);
    }
    return Buffer.concat(chunks).subarray(0, maxAnswerBytes).toString('utf8');
}

function jsonField(text: string, name: string): string | undefined {
    try {
        const value: unknown = JSON.parse(text);
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
            const field = (value as Record<string, unknown>)[name];
            return typeof field === 'string' ? field : undefined;
        }
    } catch {
        // Not JSON: no field.
    }
    return undefined;
}

/** The phone system's own words (`message` or `error` of a JSON answer), when they are plain text. */
function phoneSystemMessage(text: string): string | undefined {
    const message = jsonField(text, 'message') ?? jsonField(text, 'error');
    const trimmed = message?.trim().slice(0, 200);
    return trimmed && isAttributeValue(trimmed) ? trimmed : undefined;
}
