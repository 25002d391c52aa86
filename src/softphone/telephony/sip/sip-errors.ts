import { label } from '../../i18n';
import { actionWord, type ConnectorAction } from '../connector-words';

/** Why the microphone could not be had for `action` (dial, answer), in the agent's terms. */
export function microphoneError(action: ConnectorAction, error: unknown): Error {
    const name = typeof error === 'object' && error !== null ? (error as Error).name : '';
    const word = actionWord(action);
    return new Error(
        name === 'NotAllowedError'
            ? label('Softphone_Sip_Microphone_Not_Allowed', word)
            : name === 'NotFoundError'
              ? label('Softphone_Sip_No_Microphone', word)
              : label('Softphone_Sip_Microphone_Unavailable', word, errorText(error))
    );
}

export function errorText(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
