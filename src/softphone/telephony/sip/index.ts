export type { CallerId } from './caller-id';
export { callerIdFrom, callerNumber } from './caller-id';
export type { DialPlan, DialTarget } from './dial-plan';
export { dialTarget } from './dial-plan';
export { callEndReasonFor, sipEndMessage } from './end-reason';
export type { JsSipModule } from './jssip-adapter';
export { jsSipUserAgentFactory, SipConfigurationError } from './jssip-adapter';
export type { RegistrationFailure } from './registration-message';
export { registrationFailureMessage } from './registration-message';
export type { SipCallDetails, SipCallState } from './sip-call';
export type { MixerLevels } from './sip-conference-mixer';
export { SipConnector } from './sip-connector';
export type {
    DtmfTransportOption,
    SipConnectorOptions,
    SipCredentials
} from './sip-connector-options';
export { sipConnectorDefaults } from './sip-connector-options';
export type { SipLogger } from './sip-logger';
export { silentSipLogger } from './sip-logger';
export type { BrowserSipMediaOptions, SipMedia } from './sip-media';
export { browserSipMedia } from './sip-media';
export type {
    RawCallerIdentity,
    SipEnd,
    SipSession,
    SipSessionEvent,
    SipUserAgent,
    SipUserAgentConfig,
    SipUserAgentEvent,
    SipUserAgentFactory
} from './sip-user-agent';
