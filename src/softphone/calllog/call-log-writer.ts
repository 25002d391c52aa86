import type { SaveLogValue } from './phone-call-record';

/**
 * What the outbox needs from Salesforce: `sforce.opencti.saveLog`, promised. The Open CTI wrapper
 * satisfies it. It resolves with the created or updated record's Id (checked by the outbox, which
 * treats anything else as unknown) or rejects with an Error whose message is Salesforce's text.
 */
export interface CallLogWriter {
    saveLog(value: SaveLogValue): Promise<unknown>;
}
