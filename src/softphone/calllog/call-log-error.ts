export type CallLogErrorCode =
    'UNKNOWN_CALL' | 'DISPOSITION_TOO_LONG' | 'NOTES_TOO_LONG' | 'INVALID_RECORD';

/** Rejection of setWrapUp / closeWrapUp: the message is meant for the agent's screen. */
export class CallLogError extends Error {
    override readonly name = 'CallLogError';
    constructor(
        readonly code: CallLogErrorCode,
        message: string
    ) {
        super(message);
    }
}
