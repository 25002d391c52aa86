import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallbackClient, maxAnswerBytes } from './callback-client';

const secret = 'Callback-Secret-For-Tests-0123456789-abcdefgh';

interface BigAnswer {
    readonly url: URL;
    /** Resolves with the bytes of the body the server wrote before the client hung up. */
    readonly written: Promise<number>;
    close(): Promise<void>;
}

/**
 * A phone system that answers `status` with a `totalBytes` JSON body, written as fast as the
 * client reads it (the server waits for 'drain'), and counts what it got to write.
 */
async function answerWithBigBody(status: number, totalBytes: number): Promise<BigAnswer> {
    let report: (bytes: number) => void = () => undefined;
    const written = new Promise<number>((resolve) => {
        report = resolve;
    });
    const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
        request.resume();
        response.writeHead(status, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let sent = 0;
        let finished = false;
        const finish = () => {
            if (!finished) {
                finished = true;
                report(sent);
            }
        };
        response.on('close', finish);
        const pump = () => {
            while (sent < totalBytes && !finished) {
                sent += chunk.length;
                if (!response.write(chunk)) {
                    response.once('drain', pump);
                    return;
                }
            }
            response.end(finish);
        };
        response.write('{"message":"');
        pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: new URL(`http://127.0.0.1:${port}/actions`),
        written,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            })
    };
}

describe('CallbackClient', () => {
    it('reads at most 4 KB of a huge refusal and hangs up on the rest', async () => {
        const total = 64 * 1024 * 1024;
        const phoneSystem = await answerWithBigBody(500, total);
        let pulled = 0;
        // The real fetch, with the body counted as the client pulls it.
        const countingFetch: typeof fetch = async (input, init) => {
            const response = await fetch(input, init);
            const counter = new TransformStream<Uint8Array, Uint8Array>({
                transform(chunk, controller) {
                    pulled += chunk.byteLength;
                    controller.enqueue(chunk);
                }
            });
            return new Response(response.body?.pipeThrough(counter), {
                status: response.status,
                headers: response.headers
            });
        };
        try {
            const client = new CallbackClient({
                url: phoneSystem.url,
                secret,
                fetch: countingFetch
            });
            const result = await client.send({ action: 'hangup', agent: 'agent1', callid: 'c-1' });
            expect(result).toEqual({
                ok: false,
                message: 'The phone system refused to hang up the call (HTTP 500).'
            });
            // What the client took in: the cap, plus at most the chunks in flight.
            expect(pulled).toBeLessThan(maxAnswerBytes + 4 * 64 * 1024);
            // The server could write only what fits in the sockets' buffers before the hang-up.
            expect(await phoneSystem.written).toBeLessThan(total / 8);
        } finally {
            await phoneSystem.close();
        }
    });

    it("shows the phone system's message from a small refusal", async () => {
        const server = createServer((_request, response) => {
            response.writeHead(409, { 'content-type': 'application/json' });
            response.end(JSON.stringify({ message: 'The line is busy.' }));
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const { port } = server.address() as AddressInfo;
        try {
            const client = new CallbackClient({
                url: new URL(`http://127.0.0.1:${port}/a`),
                secret
            });
            expect(await client.send({ action: 'dial', agent: 'agent1', number: '1001' })).toEqual({
                ok: false,
                message: 'The phone system refused to place the call: The line is busy. (HTTP 409).'
            });
        } finally {
            await new Promise<void>((resolve) => server.close(() => resolve()));
        }
    });
});
