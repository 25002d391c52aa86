import type { IncomingMessage } from 'node:http';

export type BodyResult =
    { ok: true; body: string } | { ok: false; status: 400 | 413; error: string };

/**
 * Reads a request body of at most `limit` bytes as UTF-8. A larger declared or actual body is
 * refused (413) without reading the rest.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
    const declared = request.headers['content-length'];
    if (declared !== undefined && Number(declared) > limit) {
        return Promise.resolve(tooLarge(limit));
    }
    return new Promise((resolve) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let settled = false;
        const settle = (result: BodyResult) => {
            if (!settled) {
                settled = true;
                resolve(result);
            }
        };
        request.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
                request.removeAllListeners('data');
                request.pause();
                settle(tooLarge(limit));
                return;
            }
            chunks.push(chunk);
        });
        request.on('end', () => {
            const body = Buffer.concat(chunks);
            const text = body.toString('utf8');
            if (Buffer.byteLength(text, 'utf8') !== body.length || text.includes('\ufffd')) {
                settle({ ok: false, status: 400, error: 'the body is not valid UTF-8' });
                return;
            }
            settle({ ok: true, body: text });
        });
        request.on('error', () =>
            settle({ ok: false, status: 400, error: 'the body could not be read' })
        );
    });
}

function tooLarge(limit: number): BodyResult {
    return {
        ok: false,
        status: 413,
        error: `the body is larger than ${limit} bytes`
    };
}
