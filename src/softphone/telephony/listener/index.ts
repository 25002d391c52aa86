export type {
    ListenerCredentials,
    ListenerCredentialsField,
    ListenerCredentialsResult
} from './listener-credentials';
export { validateListenerCredentials } from './listener-credentials';
export { ListenerConnector } from './listener-connector';
export type {
    ListenerCapabilities,
    ListenerConnectorOptions,
    ListenerLogger
} from './listener-connector-options';
export { listenerConnectorDefaults, silentListenerLogger } from './listener-connector-options';
export type {
    CreateListenerConnectorOptions,
    CreateListenerConnectorResult
} from './create-listener-connector';
export { createListenerConnector } from './create-listener-connector';
export type {
    BridgeMessage,
    ListenerAction,
    ListenerActionMessage,
    ListenerActionResultMessage,
    ListenerCallEventType,
    ListenerCallMessage,
    ListenerHelloMessage,
    ListenerWelcomeMessage,
    ParseResult,
    SoftphoneMessage
} from './listener-protocol';
export {
    agentPattern,
    attributeKeyPattern,
    callIdPattern,
    emptyAttributes,
    isAttributeValue,
    isPhoneText,
    listenerActions,
    listenerCallEventTypes,
    listenerCloseCodes,
    listenerLimits,
    listenerProtocolVersion,
    mergeAttributes,
    parseAttributes,
    parseBridgeMessage,
    parseCallMessage,
    requestIdPattern
} from './listener-protocol';
export type { ReconnectPolicy } from './reconnect-delay';
export { defaultReconnectPolicy, reconnectDelay } from './reconnect-delay';
