import { label } from '../../i18n';
import { agentPattern, listenerLimits } from './listener-protocol';

/**
 * What the agent enters when the softphone starts: their agent id in the phone system and the
 * listener token their administrator gave them. Kept in memory only, for as long as the
 * connector lives; never logged, never stored, never put in a URL.
 */
export interface ListenerCredentials {
    readonly agent: string;
    readonly token: string;
}

export type ListenerCredentialsField = 'agent' | 'token';

export type ListenerCredentialsResult =
    | { readonly ok: true; readonly credentials: ListenerCredentials }
    | {
          readonly ok: false;
          readonly field: ListenerCredentialsField;
          readonly message: string;
      };

/**
 * Checks what the agent typed (surrounding spaces are dropped, as pasted tokens often carry
 * them) and names the field to fix, in the agent's terms.
 */
export function validateListenerCredentials(input: {
    readonly agent: unknown;
    readonly token: unknown;
}): ListenerCredentialsResult {
    const agent = typeof input.agent === 'string' ? input.agent.trim() : '';
    const token = typeof input.token === 'string' ? input.token.trim() : '';
    if (agent === '') {
        return { ok: false, field: 'agent', message: label('Softphone_Listener_Agent_Id_Needed') };
    }
    if (!agentPattern.test(agent)) {
        return {
            ok: false,
            field: 'agent',
            message: label('Softphone_Listener_Agent_Id_Invalid', listenerLimits.agentLength)
        };
    }
    if (token === '') {
        return {
            ok: false,
            field: 'token',
            message: label('Softphone_Listener_Token_Needed')
        };
    }
    if (token.length > listenerLimits.tokenLength || /[^\x21-\x7e]/.test(token)) {
        return {
            ok: false,
            field: 'token',
            message: label('Softphone_Listener_Token_Invalid')
        };
    }
    return { ok: true, credentials: { agent, token } };
}
