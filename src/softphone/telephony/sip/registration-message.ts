import { plainText } from './plain-text';

/** A refused or failed REGISTER, as the user agent reported it. */
export interface RegistrationFailure {
    /** JsSIP's cause, e.g. 'Authentication Error', 'Rejected', 'Request Timeout'. */
    readonly cause: string;
    readonly statusCode?: number;
    readonly reasonPhrase?: string;
}

/**
 * The agent-facing message for a registration that failed: wrong credentials (401, 403, 407)
 * say so plainly; other responses name their status; no response at all names JsSIP's cause.
 */
export function registrationFailureMessage(failure: RegistrationFailure): string {
    const code = failure.statusCode;
    if (code === 401 || code === 403 || code === 407) {
        return `SIP registration refused: wrong user or password (${code}).`;
    }
    if (code === undefined && failure.cause === 'Authentication Error') {
        return 'SIP registration refused: wrong user or password.';
    }
    if (code !== undefined) {
        const phrase = plainText(failure.reasonPhrase ?? '', 60);
        return `SIP registration failed: the server answered ${code}${phrase ? ` ${phrase}` : ''}.`;
    }
    return `SIP registration failed: ${plainText(failure.cause, 60) || 'no answer from the server'}.`;
}
