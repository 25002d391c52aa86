export type { SimulatedCaller, SimulatorConnectorOptions } from './simulator-connector';
export { SimulatorConnector } from './simulator-connector';
export type { SimulatorDelayName, SimulatorDelays } from './simulator-delays';
export { defaultSimulatorDelays } from './simulator-delays';
export type {
    SimulatorDialBehaviour,
    SimulatorDialRule,
    SimulatorRuleStep,
    SimulatorStepTiming
} from './simulator-rules';
export { dialDigits, simulatorDialRules, simulatorRuleFor } from './simulator-rules';
