export {
    DEFAULT_DIAGNOSTIC_CAPACITY,
    DIAGNOSTIC_LEVELS,
    DiagnosticLog,
    MAX_DIAGNOSTIC_CAPACITY,
    isoTime
} from './diagnostic-log';
export type {
    DiagnosticEntry,
    DiagnosticInput,
    DiagnosticLevel,
    DiagnosticLogOptions
} from './diagnostic-log';
export {
    LOG_FILE_TYPE,
    browserDownloadEnvironment,
    buildLogFile,
    createDownload,
    createFileDownload,
    logFileName,
    saveDownload
} from './log-download';
export type { DownloadEnvironment, LogDownload, LogFile } from './log-download';
export {
    MASK_CHARACTER,
    MIN_DIGITS_IN_TEXT,
    maskNumbersInText,
    maskPhoneNumber
} from './mask-phone-number';
export {
    DETAIL_LIMITS,
    REDACTED,
    isCredentialKey,
    isPhoneNumberKey,
    redactCredentialsInText,
    sanitizeDetails
} from './redact';
export type { DiagnosticRecord, DiagnosticValue, RedactionOptions } from './redact';
export { REDACTION_POLICY } from './redaction-policy';
