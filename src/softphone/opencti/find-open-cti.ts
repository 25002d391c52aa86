import type { OpenCtiApi } from './opencti-api';
import { openCtiNotLoadedMessage, OpenCtiError } from './opencti-error';
import { OpenCtiHost, type OpenCtiHostOptions } from './opencti-host';

/**
 * Finds `sforce.opencti` on the given window (passed in, so tests inject a fake). Only the
 * presence of an object with at least one of the methods we need is checked here; each
 * method is checked again when called, since older API versions lack some of them.
 */
export function findOpenCti(win: unknown): OpenCtiApi | undefined {
    const sforce = readObject(win, 'sforce');
    const opencti = readObject(sforce, 'opencti');
    if (opencti === undefined) {
        return undefined;
    }
    const looksLikeOpenCti = ['notifyInitializationComplete', 'getCallCenterSettings'].some(
        (name) => typeof opencti[name] === 'function'
    );
    return looksLikeOpenCti ? (opencti as OpenCtiApi) : undefined;
}

export type OpenCtiConnection =
    | { readonly ok: true; readonly host: OpenCtiHost }
    | { readonly ok: false; readonly error: OpenCtiError };

/** The host, or an admin-facing error when the Open CTI library is not on the page. */
export function connectOpenCti(win: unknown, options?: OpenCtiHostOptions): OpenCtiConnection {
    const api = findOpenCti(win);
    if (api === undefined) {
        return {
            ok: false,
            error: new OpenCtiError({
                method: 'sforce.opencti',
                reason: 'unavailable',
                message: openCtiNotLoadedMessage()
            })
        };
    }
    return { ok: true, host: new OpenCtiHost(api, options) };
}

function readObject(value: unknown, key: string): Record<string, unknown> | undefined {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
        return undefined;
    }
    const property: unknown = (value as Record<string, unknown>)[key];
    return typeof property === 'object' && property !== null
        ? (property as Record<string, unknown>)
        : undefined;
}
