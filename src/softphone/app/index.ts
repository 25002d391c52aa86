export { describeCallData } from './call-data-describer';
export type { AppState, WrapUpState } from './app-state';
export { AppStore } from './app-state';
export { createAgentActions, showDialWarning } from './agent-actions';
export type { InboundSimulator, RemoteHangupSimulator } from './simulator-controls';
export { CallControls, type ControlResult } from './call-controls';
export { ClickToDialRouter, handleClickToDial } from './click-to-dial';
export { NavigationListeners } from './navigation-listeners';
export { createLmsCommands } from './lms-commands';
export {
    createNumberFormatter,
    createNumberNormaliser,
    type NumberFormatter
} from './number-formatter';
export {
    DO_NOT_CALL_CHECK_TIMEOUT_MS,
    OutboundDialer,
    type DialOutcome,
    type DialPolicy,
    type DialRequest
} from './outbound-dialer';
export {
    linkSimulatorToConsole,
    listenToConsole,
    runConsoleSimulatorMessage
} from './simulator-console-link';
export { SoftphoneApp, type SoftphoneAppOptions } from './softphone-app';
export { buildViewModel, placeholderViewModel } from './view-model-builder';
export { WrapUpController, type WrapUpSettings } from './wrap-up-controller';
export { droppedByReload, parseSessionSnapshot, type SessionSnapshot } from './session-snapshot';
export { SessionStore, type KeyValueStorage } from './session-store';
export {
    createConnector,
    CredentialsError,
    credentialsNeededFor,
    preloadConnector,
    preloadLastConnector,
    type CallDescriber,
    type ConnectorChoice,
    type CredentialsNeed
} from './connector-factory';
export { recordSoftphoneEvents } from './diagnostics-recorder';
export type { CallerPopOutcome, CallerScreenPopper } from './inbound-screen-pop';
export { AgentStatusMemory, initialAgentStatus, type ChosenStatus } from './agent-status-memory';
export { CallAlerts, utilityItemFor, type UtilityItem } from './call-alerts';
