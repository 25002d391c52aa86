// The parts of the `ws` package (a dev dependency without bundled types; @types/ws is not
// installed) that the listener bridge uses. Delete this file if @types/ws is ever added.
declare module 'ws' {
    import type { EventEmitter } from 'node:events';
    import type { IncomingMessage } from 'node:http';
    import type { Duplex } from 'node:stream';

    export type RawData = Buffer | ArrayBuffer | Buffer[];

    export class WebSocket extends EventEmitter {
        static readonly CONNECTING: 0;
        static readonly OPEN: 1;
        static readonly CLOSING: 2;
        static readonly CLOSED: 3;
        constructor(address: string, options?: { headers?: Record<string, string> });
        readonly readyState: 0 | 1 | 2 | 3;
        onopen: ((event: unknown) => void) | null;
        onmessage: ((event: { data: unknown }) => void) | null;
        onclose: ((event: { code: number; reason: string }) => void) | null;
        onerror: ((event: unknown) => void) | null;
        send(data: string, callback?: (error?: Error) => void): void;
        close(code?: number, reason?: string): void;
        terminate(): void;
        ping(): void;
        on(event: 'message', listener: (data: RawData, isBinary: boolean) => void): this;
        on(event: 'close', listener: (code: number, reason: Buffer) => void): this;
        on(event: 'pong', listener: () => void): this;
        on(event: 'error', listener: (error: Error) => void): this;
        on(event: string | symbol, listener: (...args: unknown[]) => void): this;
    }

    export interface ServerOptions {
        readonly noServer?: boolean;
        readonly maxPayload?: number;
        readonly perMessageDeflate?: boolean;
        readonly clientTracking?: boolean;
    }

    export class WebSocketServer extends EventEmitter {
        constructor(options: ServerOptions);
        handleUpgrade(
            request: IncomingMessage,
            socket: Duplex,
            head: Buffer,
            callback: (client: WebSocket, request: IncomingMessage) => void
        ): void;
        close(callback?: (error?: Error) => void): void;
    }
}
