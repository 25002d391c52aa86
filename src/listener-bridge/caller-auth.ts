import type { IncomingHttpHeaders } from 'node:http';
import { listenerSignature, sameSecret } from './constant-time';

/** How far a signed request's timestamp may be from the bridge's clock. */
export const timestampWindowSeconds = 300;

export type CallerAuthResult =
    | { ok: true; method: 'bearer' }
    | { ok: true; method: 'signature'; signature: string }
    | { ok: false; error: string };

export interface CallerAuthOptions {
    readonly secret: string;
    /** Refuse `Authorization: Bearer` and accept only signed requests. */
    readonly requireSignature: boolean;
    /** Unix time in seconds. */
    readonly nowSeconds: number;
    /**
     * False when the request came over plain HTTP from another computer: the Bearer secret
     * would have crossed the network in clear, so it is refused (signatures still work).
     */
    readonly bearerAllowed: boolean;
}

const signaturePattern = /^(?:sha256=)?([0-9a-fA-F]{64})$/;

/**
 * Authenticates the phone system: `Authorization: Bearer <shared secret>`, or
 * `X-Listener-Timestamp: <unix seconds>` with `X-Listener-Signature: sha256=<hex>` where hex is
 * HMAC-SHA256(secret, "<timestamp>.<payload>") and the payload is the raw body of a POST or the
 * raw query string (after "?") of a GET. Comparisons take constant time.
 */
export function authenticateCaller(
    headers: IncomingHttpHeaders,
    payload: string,
    options: CallerAuthOptions
): CallerAuthResult {
    const timestamp = single(headers['x-listener-timestamp']);
    const signature = single(headers['x-listener-signature']);
    if (timestamp !== undefined || signature !== undefined) {
        return checkSignature(timestamp, signature, payload, options);
    }
    const authorization = single(headers.authorization);
    if (authorization === undefined) {
        return {
            ok: false,
            error: options.requireSignature
                ? 'missing signature: send X-Listener-Timestamp and X-Listener-Signature'
                : 'missing credentials: send Authorization: Bearer <secret>, or X-Listener-Timestamp and X-Listener-Signature'
        };
    }
    if (options.requireSignature) {
        return {
            ok: false,
            error: 'this bridge accepts signed requests only: send X-Listener-Timestamp and X-Listener-Signature'
        };
    }
    if (!options.bearerAllowed) {
        return {
            ok: false,
            error: 'the Bearer secret is accepted only over https or from this computer: sign the request (X-Listener-Timestamp and X-Listener-Signature) or use https'
        };
    }
    const bearer = /^Bearer +(\S+) *$/i.exec(authorization);
    if (!bearer?.[1]) {
        return { ok: false, error: 'the Authorization header must be "Bearer <secret>"' };
    }
    return sameSecret(bearer[1], options.secret)
        ? { ok: true, method: 'bearer' }
        : { ok: false, error: 'wrong shared secret' };
}

function checkSignature(
    timestamp: string | undefined,
    signature: string | undefined,
    payload: string,
    options: CallerAuthOptions
): CallerAuthResult {
    if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) {
        return { ok: false, error: 'X-Listener-Timestamp must be the Unix time in seconds' };
    }
    if (Math.abs(options.nowSeconds - Number(timestamp)) > timestampWindowSeconds) {
        return {
            ok: false,
            error: `X-Listener-Timestamp is more than ${timestampWindowSeconds} s from the bridge's clock (check the phone system's clock)`
        };
    }
    const hex = signaturePattern.exec(signature ?? '')?.[1];
    if (hex === undefined) {
        return {
            ok: false,
            error: 'X-Listener-Signature must be sha256= followed by 64 hexadecimal digits'
        };
    }
    const expected = listenerSignature(options.secret, timestamp, payload);
    return sameSecret(hex.toLowerCase(), expected)
        ? { ok: true, method: 'signature', signature: expected }
        : { ok: false, error: 'X-Listener-Signature does not match the request' };
}

function single(value: string | string[] | undefined): string | undefined {
    return Array.isArray(value) ? value[0] : value;
}
