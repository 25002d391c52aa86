/**
 * Why an Open CTI call did not give a result:
 * - failed: Salesforce answered `success: false` (errors carry its messages);
 * - timeout: the callback never came within the host's timeout;
 * - threw: the library threw synchronously (e.g. it rejected the arguments);
 * - unavailable: the library or the method is missing (not loaded, or an older API version);
 * - unexpected: Salesforce answered success but without the value the method must return.
 */
import { label } from '../i18n';
export type OpenCtiErrorReason = 'failed' | 'timeout' | 'threw' | 'unavailable' | 'unexpected';

/** Shown to admins when `sforce.opencti` is missing from the adapter page. */
export function openCtiNotLoadedMessage(): string {
    return label('Softphone_Pop_Open_Cti_Not_Loaded');
}

export class OpenCtiError extends Error {
    override readonly name = 'OpenCtiError';
    /** The `sforce.opencti` method, e.g. 'saveLog'. */
    readonly method: string;
    readonly reason: OpenCtiErrorReason;
    /** Salesforce's error messages, as sent (empty when it sent none). */
    readonly errors: readonly string[];
    /** Salesforce's error codes, e.g. 'INVALID_PARAM', when it sent any. */
    readonly codes: readonly string[];

    constructor(options: {
        method: string;
        reason: OpenCtiErrorReason;
        message: string;
        errors?: readonly string[];
        codes?: readonly string[];
    }) {
        super(options.message);
        this.method = options.method;
        this.reason = options.reason;
        this.errors = options.errors ?? [];
        this.codes = options.codes ?? [];
    }
}
