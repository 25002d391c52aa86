export * from './message-contract';
export { parseCommand, parseEvent, readRequestId } from './parse-message';
export type {
    ContractError,
    ContractErrorCode,
    ParseCommandResult,
    ParseEventResult
} from './parse-message';
export {
    buildCallEndedEvent,
    buildCallLoggedEvent,
    buildCallStartedEvent,
    buildErrorEvent,
    buildPongEvent,
    buildStateEvent,
    toCallSnapshot,
    toStatePayload
} from './event-builders';
export type { ErrorInput, StateInput } from './event-builders';
export { COMMAND_FAILED_CODE, LmsBridge } from './lms-bridge';
export type { CommandResult, LmsBridgeOptions, SoftphoneCommands } from './lms-bridge';
export { isSoftphoneEvent } from './channel-endpoint';
export type { LmsBridgeError, LmsBridgeErrorKind, LmsHost } from './channel-endpoint';
export { LmsRelay } from './lms-relay';
