export { AgentTokens } from './agent-tokens';
export type { BridgeConfig, ConfigResult } from './bridge-config';
export {
    bridgeUsage,
    defaultListenerPort,
    parseBridgeConfig,
    startupWarnings
} from './bridge-config';
export { bridgeLimits } from './bridge-limits';
export type { BridgeLogger, BridgeLogLevel } from './bridge-logger';
export { createBridgeLogger, silentBridgeLogger } from './bridge-logger';
export type { CallEvent, CallEventResult } from './call-event';
export { parseCallEvent } from './call-event';
export { CallRegistry } from './call-registry';
export type { CallbackAction, CallbackClientOptions, CallbackResult } from './callback-client';
export { CallbackClient } from './callback-client';
export type { CallerAuthOptions, CallerAuthResult } from './caller-auth';
export { authenticateCaller, timestampWindowSeconds } from './caller-auth';
export { ConnectionGuard } from './connection-guard';
export { listenerSignature, sameSecret } from './constant-time';
export { FailureLimiter } from './failure-limiter';
export type { ListenerBridgeDependencies, RunningListenerBridge } from './listener-bridge';
export { eventPath, ListenerBridge, maxRequestBytes, startListenerBridge } from './listener-bridge';
export { ReplayGuard } from './replay-guard';
export { secretRule, secretWeakness } from './secret-strength';
export { softphonePath, SoftphoneHub } from './softphone-hub';
export { isLoopbackAddress, isLoopbackHost, sourceAddress } from './source-address';
