/** @jest-environment jsdom */
import { DiagnosticLog } from './diagnostic-log';
import {
    LOG_FILE_TYPE,
    buildLogFile,
    createDownload,
    logFileName,
    saveDownload
} from './log-download';
import type { DownloadEnvironment } from './log-download';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0, 250);

function makeLog(): DiagnosticLog {
    const log = new DiagnosticLog({ clock: { now: () => T0 } });
    log.record({ level: 'info', event: 'callStarted', details: { from: '+14155550101' } });
    return log;
}

function fakeEnvironment() {
    const blobs: { parts: readonly string[]; type: string }[] = [];
    const revoked: string[] = [];
    const environment: DownloadEnvironment = {
        createBlob: (parts, type) => {
            blobs.push({ parts, type });
            return { size: parts.join('').length, type } as Blob;
        },
        createObjectURL: () => 'blob:softphone/1',
        revokeObjectURL: (url) => revoked.push(url)
    };
    return { environment, blobs, revoked };
}

describe('log download', () => {
    it('names the file after the ISO time, without characters Windows refuses', () => {
        expect(logFileName(T0)).toBe('softphone-log-2026-01-15T12-00-00.250Z.txt');
        expect(logFileName(NaN)).toBe('softphone-log-NaN.txt');
    });

    it('builds the file from the log (DOM-free)', () => {
        const log = makeLog();
        const file = buildLogFile(log);
        expect(file).toEqual({
            filename: 'softphone-log-2026-01-15T12-00-00.250Z.txt',
            text: log.toText(),
            type: LOG_FILE_TYPE
        });
        expect(file.text).toContain('callStarted {"from":"+1••••••0101"}');
    });

    it('makes a Blob and an object URL, revoked once', () => {
        const { environment, blobs, revoked } = fakeEnvironment();
        const download = createDownload(makeLog(), environment);
        expect(download.url).toBe('blob:softphone/1');
        expect(download.filename).toBe('softphone-log-2026-01-15T12-00-00.250Z.txt');
        expect(blobs).toEqual([{ parts: [makeLog().toText()], type: LOG_FILE_TYPE }]);
        download.revoke();
        download.revoke();
        expect(revoked).toEqual(['blob:softphone/1']);
    });

    it('uses the browser’s Blob and object URLs by default', async () => {
        const createObjectURL = jest.fn((blob: Blob) => `blob:softphone/${blob.size}`);
        const revokeObjectURL = jest.fn();
        Object.assign(URL, { createObjectURL, revokeObjectURL });
        try {
            const log = makeLog();
            const download = createDownload(log);
            expect(download.blob.type).toBe(LOG_FILE_TYPE);
            expect(download.blob.size).toBe(Buffer.byteLength(log.toText(), 'utf8'));
            expect(download.url).toBe(`blob:softphone/${download.blob.size}`);
            download.revoke();
            expect(revokeObjectURL).toHaveBeenCalledWith(download.url);
        } finally {
            Reflect.deleteProperty(URL, 'createObjectURL');
            Reflect.deleteProperty(URL, 'revokeObjectURL');
        }
    });

    it('clicks a temporary download link, removes it and frees the URL later', () => {
        const { environment, revoked } = fakeEnvironment();
        const download = createDownload(makeLog(), environment);
        const clicked: HTMLAnchorElement[] = [];
        const onClick = (event: MouseEvent) => {
            event.preventDefault();
            clicked.push(event.target as HTMLAnchorElement);
        };
        document.addEventListener('click', onClick);
        let free: (() => void) | undefined;
        saveDownload(download, document, (callback) => {
            free = callback;
        });
        document.removeEventListener('click', onClick);
        expect(clicked).toHaveLength(1);
        expect(clicked[0]?.download).toBe(download.filename);
        expect(clicked[0]?.getAttribute('href')).toBe('blob:softphone/1');
        expect(document.querySelector('a')).toBeNull();
        expect(revoked).toEqual([]);
        free?.();
        expect(revoked).toEqual(['blob:softphone/1']);
    });
});
