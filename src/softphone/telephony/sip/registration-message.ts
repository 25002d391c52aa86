import { label } from '../../i18n';
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
        return label('Softphone_Sip_Wrong_Password_Code', code);
    }
    if (code === undefined && failure.cause === 'Authentication Error') {
        return label('Softphone_Sip_Wrong_Password');
    }
    if (code !== undefined) {
        const phrase = plainText(failure.reasonPhrase ?? '', 60);
        return label('Softphone_Sip_Registration_Answer', phrase ? `${code} ${phrase}` : code);
    }
    return label(
        'Softphone_Sip_Registration_Failed',
        plainText(failure.cause, 60) || label('Softphone_Sip_No_Server_Answer')
    );
}
