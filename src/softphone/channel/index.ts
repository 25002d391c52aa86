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
export type {
    CommandResult,
    LmsBridgeError,
    LmsBridgeErrorKind,
    LmsBridgeOptions,
    LmsHost,
    SoftphoneCommands
} from './lms-bridge';
