/**
 * "Download logs": the diagnostic log as a text file the agent can attach to a support case.
 * buildLogFile is DOM-free (name and content); createDownload and saveDownload are the thin
 * browser part (Blob, object URL, a temporary `<a download>`).
 */
import type { DiagnosticLog } from './diagnostic-log';
import { isoTime } from './diagnostic-log';

export const LOG_FILE_TYPE = 'text/plain;charset=utf-8';

export interface LogFile {
    readonly filename: string;
    readonly text: string;
    readonly type: string;
}

/**
 * `softphone-log-2026-01-15T12-00-00.000Z.txt`: the ISO time with `-` for `:`, which Windows does
 * not allow in file names (browsers would replace it with something less readable).
 */
export function logFileName(at: number): string {
    return `softphone-log-${isoTime(at)
        .replace(/:/g, '-')
        .replace(/[^0-9A-Za-z.-]/g, '_')}.txt`;
}

export function buildLogFile(log: DiagnosticLog): LogFile {
    const at = log.now();
    return { filename: logFileName(at), text: log.toText(at), type: LOG_FILE_TYPE };
}

/** The browser APIs a download needs; injected so tests (and non-window hosts) can supply them. */
export interface DownloadEnvironment {
    createBlob(parts: readonly string[], type: string): Blob;
    createObjectURL(blob: Blob): string;
    revokeObjectURL(url: string): void;
}

export interface LogDownload {
    readonly filename: string;
    readonly blob: Blob;
    readonly url: string;
    /** Frees the object URL; safe to call more than once. */
    revoke(): void;
}

export function browserDownloadEnvironment(): DownloadEnvironment {
    return {
        createBlob: (parts, type) => new Blob([...parts], { type }),
        createObjectURL: (blob) => URL.createObjectURL(blob),
        revokeObjectURL: (url) => URL.revokeObjectURL(url)
    };
}

export function createDownload(
    log: DiagnosticLog,
    environment: DownloadEnvironment = browserDownloadEnvironment()
): LogDownload {
    return createFileDownload(buildLogFile(log), environment);
}

/** A download of a log file built elsewhere (another softphone tab's log). */
export function createFileDownload(
    file: LogFile,
    environment: DownloadEnvironment = browserDownloadEnvironment()
): LogDownload {
    const blob = environment.createBlob([file.text], file.type);
    const url = environment.createObjectURL(blob);
    let revoked = false;
    return {
        filename: file.filename,
        blob,
        url,
        revoke: () => {
            if (!revoked) {
                revoked = true;
                environment.revokeObjectURL(url);
            }
        }
    };
}

/**
 * Starts the browser's download of a LogDownload with a temporary `<a download>` and frees the
 * URL once the browser had time to start (revokeAfter runs the callback later; in the page,
 * `(free) => window.setTimeout(free, 1000)`).
 */
export function saveDownload(
    download: LogDownload,
    document: Document,
    revokeAfter: (free: () => void) => void
): void {
    const link = document.createElement('a');
    link.href = download.url;
    link.download = download.filename;
    link.hidden = true;
    document.body.append(link);
    try {
        link.click();
    } finally {
        link.remove();
        revokeAfter(() => download.revoke());
    }
}
