import type { Connector } from '../telephony/connector';
import type { Clock } from './call-model';
import type { EngineLogger } from './engine-logger';

export interface CallEngineOptions {
    readonly connector: Connector;
    readonly clock: Clock;
    /** The agent's own number, recorded as `from` of outbound calls ('' when unknown). */
    readonly lineNumber?: string;
    /** Also receives errors thrown by event listeners (otherwise rethrown on a microtask). */
    readonly logger?: EngineLogger;
    /**
     * Turns the phone system's numbers into E.164 where it can (the caller id of an inbound
     * call, the dialled line), so logs and searches see one form; identity by default.
     */
    readonly normaliseNumber?: (raw: string) => string;
    /**
     * The admin's deny-list of call-data keys (callData/deniedKeys): with the credential keys of
     * the redaction policy, their values are dropped as the call arrives, so nothing shows or
     * logs them.
     */
    readonly secretCallDataKeys?: readonly string[];
}
