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
        return { ok: false, field: 'agent', message: 'Enter your agent id.' };
    }
    if (!agentPattern.test(agent)) {
        return {
            ok: false,
            field: 'agent',
            message: `An agent id has at most ${listenerLimits.agentLength} letters, digits or . _ @ + - characters.`
        };
    }
    if (token === '') {
        return {
            ok: false,
            field: 'token',
            message: 'Enter the listener token your administrator gave you.'
        };
    }
    if (token.length > listenerLimits.tokenLength || /[^\x21-\x7e]/.test(token)) {
        return {
            ok: false,
            field: 'token',
            message:
                'This is not a listener token: check that you pasted all of it and nothing else.'
        };
    }
    return { ok: true, credentials: { agent, token } };
}
