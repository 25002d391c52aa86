export type {
    AgentState,
    Call,
    CallDirection,
    CallOutcome,
    CallState,
    Clock,
    RelatedRecord
} from './call-model';
export { systemClock } from './call-model';
export type { AgentStateContext } from './agent-state-rules';
export { agentStateOptions, agentStateRefusal, selectableAgentStates } from './agent-state-rules';
export type { CallEngineOptions } from './call-engine';
export { CallEngine } from './call-engine';
export { outcomeFor } from './call-outcome';
export type { EndedCall } from './ended-call';
export { talkTimeSeconds } from './ended-call';
export type { CallEngineEvents, EngineErrorEvent, EngineSnapshot } from './engine-events';
export type { EngineLogger } from './engine-logger';
export { silentLogger } from './engine-logger';
export type {
    DialResult,
    EngineError,
    EngineErrorCode,
    EngineFailure,
    EngineResult
} from './engine-result';
export { engineFailure, engineOk } from './engine-result';
