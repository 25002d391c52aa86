import type { ListenerSettings } from '../../settings/softphone-settings';
import type { ListenerCredentialsField } from './listener-credentials';
import { validateListenerCredentials } from './listener-credentials';
import { ListenerConnector } from './listener-connector';
import type { ListenerConnectorOptions } from './listener-connector-options';

export interface CreateListenerConnectorOptions extends Omit<
    ListenerConnectorOptions,
    'settings' | 'credentials'
> {
    readonly settings: ListenerSettings;
    /** What the agent typed in the softphone's sign-in form (validated here). */
    readonly credentials: { readonly agent: unknown; readonly token: unknown };
}

export type CreateListenerConnectorResult =
    | { readonly ok: true; readonly connector: ListenerConnector }
    | {
          readonly ok: false;
          readonly field: ListenerCredentialsField;
          readonly message: string;
      };

/**
 * The listener connector for what the agent entered at softphone start (agent id and listener
 * token, held in memory only), or the field to fix with a message for the agent. The host
 * then calls connect(); a refused token ends in 'disconnected' with the reason, and the host
 * asks again.
 */
export function createListenerConnector(
    options: CreateListenerConnectorOptions
): CreateListenerConnectorResult {
    const checked = validateListenerCredentials(options.credentials);
    if (!checked.ok) {
        return checked;
    }
    return {
        ok: true,
        connector: new ListenerConnector({ ...options, credentials: checked.credentials })
    };
}
