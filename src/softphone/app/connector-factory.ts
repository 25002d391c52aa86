import { label } from '../i18n';
import type { EngineLogger } from '../calls/engine-logger';
import type { ConnectorType, SoftphoneSettings } from '../settings/softphone-settings';
import type { Connector } from '../telephony/connector';
import type { Scheduler } from '../telephony/scheduler';
import type { CredentialField } from '../ui/credentials-form';
import type { RemoteHangupSimulator } from './simulator-controls';

/** Where connectors report what they do (the diagnostic log): the engine's logger shape. */
export type ConnectorLogger = EngineLogger;

export interface ConnectorChoice {
    readonly connector: Connector;
    /** Shown in the softphone header, e.g. 'Simulator', 'SIP (pbx.example.com)'. */
    readonly label: string;
    /** Present only for the simulator: the local console and trainers can ring it. */
    readonly simulator?: RemoteHangupSimulator;
    /** What the phone system said about a call beyond its number, for the softphone to show. */
    readonly describeCall?: CallDescriber;
}

export type CallDescriber = (callId: string) => {
    readonly details: readonly { readonly label: string; readonly value: string }[];
    readonly controlledOnPhone: boolean;
};

/** What an agent must type before a connector can be built (never stored, never logged). */
export interface CredentialsNeed {
    readonly title: string;
    readonly explanation: string;
    readonly fields: readonly CredentialField[];
}

/** The agent's sign-in values were refused before any connection: ask again with this message. */
export class CredentialsError extends Error {
    override readonly name = 'CredentialsError';
}

export function credentialsNeededFor(settings: SoftphoneSettings): CredentialsNeed | undefined {
    if (settings.connectorType === 'listener') {
        return {
            title: label('Softphone_Listener_Sign_In_Title'),
            explanation: label('Softphone_Listener_Sign_In_Explanation'),
            fields: [
                { name: 'agent', label: label('Softphone_Agent_Id'), autocomplete: 'username' },
                { name: 'token', label: label('Softphone_Listener_Token'), secret: true }
            ]
        };
    }
    if (settings.connectorType === 'sip') {
        return {
            title: label('Softphone_Sip_Sign_In_Title'),
            explanation: label(
                'Softphone_Sip_Sign_In_Explanation',
                settings.sip?.domain ?? label('Softphone_The_Phone_System')
            ),
            fields: [
                { name: 'user', label: label('Softphone_Sip_User'), autocomplete: 'username' },
                { name: 'password', label: label('Softphone_Sip_Password'), secret: true }
            ]
        };
    }
    return undefined;
}

/** Where this browser remembers the connector its last start used (see preloadLastConnector). */
export const LAST_CONNECTOR_KEY = 'openCtiSoftphone.lastConnector';

const CONNECTOR_TYPES: readonly ConnectorType[] = ['simulator', 'sip', 'listener'];

function loadConnectorChunk(type: ConnectorType): void {
    const loading =
        type === 'sip'
            ? import('../telephony/sip/index')
            : type === 'listener'
              ? import('../telephony/listener/index')
              : import('../telephony/simulator/simulator-connector');
    loading.catch(() => undefined);
}

/**
 * Starts loading the chunk of the connector the call center names, as soon as the settings are
 * read: it downloads while the softphone settles its tab's role and the agent signs in, and
 * createConnector then finds it loaded. A chunk that fails here fails again, and is reported,
 * in createConnector. The type is remembered in `storage` for the next start.
 */
export function preloadConnector(settings: SoftphoneSettings, storage?: Storage): void {
    loadConnectorChunk(settings.connectorType);
    try {
        storage?.setItem(LAST_CONNECTOR_KEY, settings.connectorType);
    } catch {
        // Storage full or blocked: the next start loads its chunk once its settings are read.
    }
}

/**
 * Before the settings are read: starts loading the chunk of the connector this browser's last
 * start used, so that it downloads during the settings' round trip (an admin rarely changes the
 * connector; when they did, preloadConnector loads the right one, and this one is not used).
 * Returns the type it started loading, if any.
 */
export function preloadLastConnector(storage: Storage | undefined): ConnectorType | undefined {
    let remembered: string | null | undefined;
    try {
        remembered = storage?.getItem(LAST_CONNECTOR_KEY);
    } catch {
        return undefined;
    }
    const type = CONNECTOR_TYPES.find((known) => known === remembered);
    if (type !== undefined) {
        loadConnectorChunk(type);
    }
    return type;
}

/**
 * Builds the connector the call center names. Each connector (the SIP stack, the listener, the
 * simulator) is a separate chunk of the static resource, so agents download only theirs.
 */
export async function createConnector(
    settings: SoftphoneSettings,
    deps: {
        scheduler: Scheduler;
        credentials: Readonly<Record<string, string>>;
        logger?: ConnectorLogger;
    }
): Promise<ConnectorChoice> {
    if (settings.connectorType === 'sip' && settings.sip !== undefined) {
        const { SipConnector } = await import('../telephony/sip/index');
        return {
            connector: new SipConnector({
                settings: settings.sip,
                credentials: {
                    user: deps.credentials.user ?? '',
                    password: deps.credentials.password ?? ''
                },
                scheduler: deps.scheduler,
                callDataHeaders: settings.callData.sipHeaders,
                ...(deps.logger === undefined ? {} : { logger: deps.logger })
            }),
            label: `SIP (${settings.sip.domain})`
        };
    }
    if (settings.connectorType === 'listener' && settings.listener !== undefined) {
        const { createListenerConnector } = await import('../telephony/listener/index');
        const created = createListenerConnector({
            settings: settings.listener,
            credentials: { agent: deps.credentials.agent, token: deps.credentials.token },
            scheduler: deps.scheduler,
            ...(deps.logger === undefined ? {} : { logger: deps.logger })
        });
        if (!created.ok) {
            throw new CredentialsError(created.message);
        }
        const connector = created.connector;
        return {
            connector,
            label: label('Softphone_Listener_Connector'),
            describeCall: (callId) => ({
                details: Object.entries(connector.callAttributes(callId) ?? {}).map(
                    ([label, value]) => ({ label, value })
                ),
                controlledOnPhone: connector.capabilities.controlledOnPhone
            })
        };
    }
    const { SimulatorConnector } = await import('../telephony/simulator/simulator-connector');
    const simulator = new SimulatorConnector({
        idGenerator: () => `sim-${crypto.randomUUID()}`,
        scheduler: deps.scheduler
    });
    return { connector: simulator, label: label('Softphone_Simulator_Connector'), simulator };
}
