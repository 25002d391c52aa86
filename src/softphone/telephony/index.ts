export type { CallData } from './call-data';
export type {
    CallHandover,
    HandoverHost,
    HandoverSupport,
    TransferFailureReason,
    TransferProgress
} from './call-handover';
export { callHandover, handoverSupportOf, noHandoverSupport } from './call-handover';
export {
    CALL_DATA_KEYS,
    callDataLimits,
    emptyCallData,
    isCallDataKey,
    isSecretCallDataKey,
    toCallData,
    withoutSecrets
} from './call-data';
export type {
    CallEndReason,
    ConnectionStatus,
    Connector,
    ConnectorEvent,
    ConnectorListener
} from './connector';
export { dtmfTones, normaliseDtmf } from './dtmf';
export type { Scheduler } from './scheduler';
export { systemScheduler } from './scheduler';
export type {
    SimulatedCaller,
    SimulatorConnectorOptions,
    SimulatorDelayName,
    SimulatorDelays,
    SimulatorDialBehaviour,
    SimulatorDialRule,
    SimulatorRuleStep,
    SimulatorStepTiming
} from './simulator/index';
export {
    defaultSimulatorDelays,
    dialDigits,
    SimulatorConnector,
    simulatorDialRules,
    simulatorRuleFor
} from './simulator/index';
