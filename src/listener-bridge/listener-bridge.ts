import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { BridgeConfig } from './bridge-config';
import { bridgeLimits } from './bridge-limits';
import type { BridgeLogger } from './bridge-logger';
import { silentBridgeLogger } from './bridge-logger';
import { parseCallEvent } from './call-event';
import { CallRegistry } from './call-registry';
import { CallbackClient } from './callback-client';
import { authenticateCaller } from './caller-auth';
import { ConnectionGuard } from './connection-guard';
import { FailureLimiter } from './failure-limiter';
import { ReplayGuard } from './replay-guard';
import { readBody } from './request-body';
import { bodyPairs, formPairs } from './request-params';
import { ignoreSocketError, SoftphoneHub } from './softphone-hub';
import { isLoopbackAddress, sourceAddress } from './source-address';

export const eventPath = '/event';
/** The largest body or query string accepted. */
export const maxRequestBytes = 8 * 1024;

export interface ListenerBridgeDependencies {
    readonly logger?: BridgeLogger;
    /** Epoch milliseconds. */
    readonly now?: () => number;
    readonly fetch?: typeof fetch;
}

export interface RunningListenerBridge {
    /** e.g. http://127.0.0.1:8788/ */
    readonly url: string;
    readonly port: number;
    close(): Promise<void>;
}

interface Reply {
    readonly status: number;
    readonly body: Readonly<Record<string, unknown>>;
    readonly headers?: Readonly<Record<string, string>>;
}

function failureLimiter(now: () => number): FailureLimiter {
    return new FailureLimiter({
        maxFailures: bridgeLimits.maxFailedSignIns,
        windowMs: bridgeLimits.failedSignInWindowMs,
        lockoutMs: bridgeLimits.lockoutMs,
        capacity: bridgeLimits.trackedAddresses,
        now
    });
}

/** How long replay keys are remembered: longer than the timestamp window, and than a call. */
const replayMemoryMs = 24 * 60 * 60 * 1000;
const replayCapacity = 100_000;

function error(status: number, message: string, headers?: Record<string, string>): Reply {
    return { status, body: { ok: false, error: message }, ...(headers ? { headers } : {}) };
}

/**
 * The listener bridge: phone systems send call events to /event; the agents' softphones
 * connect to /softphone (see SoftphoneHub). Call data stays in memory: nothing is written to
 * disk and nothing of it is logged.
 */
export class ListenerBridge {
    private readonly logger: BridgeLogger;
    private readonly now: () => number;
    private readonly registry: CallRegistry;
    private readonly replays: ReplayGuard;
    /** The phone system's failed authentications, per address (the softphones have their own). */
    private readonly failures: FailureLimiter;
    readonly connections: ConnectionGuard;
    readonly hub: SoftphoneHub;

    constructor(
        private readonly config: BridgeConfig,
        dependencies: ListenerBridgeDependencies = {}
    ) {
        this.logger = dependencies.logger ?? silentBridgeLogger;
        this.now = dependencies.now ?? Date.now;
        this.registry = new CallRegistry({ now: this.now });
        this.replays = new ReplayGuard(replayMemoryMs, replayCapacity, this.now);
        this.failures = failureLimiter(this.now);
        this.connections = new ConnectionGuard({
            maxPerAddress: bridgeLimits.maxUnauthenticatedPerAddress,
            deadlineMs: bridgeLimits.unauthenticatedDeadlineMs,
            logger: this.logger
        });
        this.hub = new SoftphoneHub({
            tokens: config.tokens,
            registry: this.registry,
            logger: this.logger,
            failures: failureLimiter(this.now),
            connections: this.connections,
            helloTimeoutMs: bridgeLimits.helloTimeoutMs,
            ...(config.callbackUrl
                ? {
                      callback: new CallbackClient({
                          url: config.callbackUrl,
                          secret: config.secret,
                          nowSeconds: () => Math.floor(this.now() / 1000),
                          ...(dependencies.fetch ? { fetch: dependencies.fetch } : {})
                      })
                  }
                : {}),
            ...(config.allowedOrigins ? { allowedOrigins: config.allowedOrigins } : {})
        });
    }

    /** The HTTP request handler. */
    handle(request: IncomingMessage, response: ServerResponse): void {
        this.reply(request)
            .catch((failure: unknown) => {
                this.logger(
                    'error',
                    `Request failed: ${failure instanceof Error ? failure.name : 'error'}`
                );
                return error(500, 'the bridge failed to handle the request');
            })
            .then(
                (reply) => send(response, reply),
                () => undefined
            );
    }

    private async reply(request: IncomingMessage): Promise<Reply> {
        const target = request.url ?? '/';
        const questionMark = target.indexOf('?');
        const path = questionMark < 0 ? target : target.slice(0, questionMark);
        const query = questionMark < 0 ? '' : target.slice(questionMark + 1);
        if (path === '/health' && request.method === 'GET') {
            return { status: 200, body: { ok: true } };
        }
        if (path !== eventPath) {
            return error(404, `not found: send call events to ${eventPath}`);
        }
        if (request.method !== 'GET' && request.method !== 'POST') {
            return error(405, 'use GET or POST', { allow: 'GET, POST' });
        }
        const lockedMs = this.failures.lockedFor(sourceAddress(request.socket));
        if (lockedMs > 0) {
            const seconds = Math.ceil(lockedMs / 1000);
            return error(
                429,
                `too many failed authentications from this address: try again in ${seconds} s`,
                { 'retry-after': String(seconds), connection: 'close' }
            );
        }
        let payload: string;
        if (request.method === 'GET') {
            if (Buffer.byteLength(query) > maxRequestBytes) {
                return error(414, `the query string is larger than ${maxRequestBytes} bytes`);
            }
            payload = query;
            const auth = this.authenticate(request, payload);
            if (auth.error) {
                return auth.error;
            }
            const decoded = formPairs(query);
            return decoded.ok
                ? this.accept(decoded.pairs, auth.signature)
                : error(decoded.status, decoded.error);
        }
        if (query !== '') {
            return error(400, 'send the parameters of a POST in its body, not in the URL');
        }
        const body = await readBody(request, maxRequestBytes);
        if (!body.ok) {
            return error(
                body.status,
                body.error,
                body.status === 413 ? { connection: 'close' } : undefined
            );
        }
        payload = body.body;
        const auth = this.authenticate(request, payload);
        if (auth.error) {
            return auth.error;
        }
        const decoded = bodyPairs(request.headers['content-type'], payload);
        if (!decoded.ok) {
            return error(decoded.status, decoded.error);
        }
        return this.accept(decoded.pairs, auth.signature);
    }

    private authenticate(
        request: IncomingMessage,
        payload: string
    ): { error?: Reply; signature?: string } {
        const address = sourceAddress(request.socket);
        const result = authenticateCaller(request.headers, payload, {
            secret: this.config.secret,
            requireSignature: this.config.requireSignature,
            nowSeconds: Math.floor(this.now() / 1000),
            bearerAllowed: this.config.tls !== undefined || isLoopbackAddress(address)
        });
        if (!result.ok) {
            this.logger('warn', `Refused a call event from ${address}: 401 (${result.error}).`);
            if (this.failures.fail(address)) {
                this.logger(
                    'warn',
                    `Refusing call events from ${address} for ${bridgeLimits.lockoutMs / 1000} s: ${bridgeLimits.maxFailedSignIns} failed authentications within ${bridgeLimits.failedSignInWindowMs / 1000} s.`
                );
            }
            return {
                error: error(401, result.error, {
                    'www-authenticate': 'Bearer realm="open-cti-listener"'
                })
            };
        }
        if (result.method === 'signature') {
            if (this.replays.has(`signature ${result.signature}`)) {
                this.logger('warn', 'Refused a call event: 409 (replayed signature).');
                return {
                    error: error(
                        409,
                        'replayed request: this signature was already used; sign each request with a new timestamp'
                    )
                };
            }
            this.connections.authenticated(request.socket);
            return { signature: result.signature };
        }
        this.connections.authenticated(request.socket);
        return {};
    }

    private accept(
        pairs: readonly (readonly [string, string])[],
        signature: string | undefined
    ): Reply {
        const parsed = parseCallEvent(pairs);
        if (!parsed.ok) {
            this.logger('info', 'Refused a call event: 400 (invalid parameters).');
            return error(400, parsed.error);
        }
        const { agent, message } = parsed.event;
        if (!this.config.tokens.has(agent)) {
            this.logger('info', 'Refused a call event: 404 (agent not configured).');
            return error(
                404,
                `agent ${agent} is not configured on this bridge (LISTENER_AGENT_TOKENS)`
            );
        }
        const eventKey = `event ${agent}\n${message.callid}\n${message.event}`;
        if (this.replays.has(eventKey)) {
            this.logger('info', `Refused a call event: 409 (repeated ${message.event}).`);
            return error(
                409,
                `replayed event: call ${message.callid} already had a ${message.event} event for agent ${agent}`
            );
        }
        const known = this.registry.knows(agent, message.callid);
        if (this.hub.deliverableTo(agent) === 0 && (message.event === 'ringing' || !known)) {
            this.logger(
                'info',
                `Refused a call event: 404 (agent ${agent} has no softphone connected).`
            );
            return error(404, `agent ${agent} has no softphone connected`);
        }
        const merged = this.registry.record(agent, message);
        const delivered = this.hub.deliver(agent, merged);
        this.replays.remember(eventKey);
        if (signature !== undefined) {
            this.replays.remember(`signature ${signature}`);
        }
        this.logger(
            'debug',
            `Delivered a ${message.event} event to agent ${agent} (${delivered} softphones).`
        );
        return { status: 200, body: { ok: true, delivered } };
    }

    close(): void {
        this.hub.close();
    }
}

function send(response: ServerResponse, reply: Reply): void {
    if (response.headersSent) {
        return;
    }
    const body = `${JSON.stringify(reply.body)}\n`;
    response.writeHead(reply.status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-length': Buffer.byteLength(body),
        ...reply.headers
    });
    response.end(body);
}

/** Starts the bridge's HTTP(S) server; resolves once it listens. */
export function startListenerBridge(
    config: BridgeConfig,
    dependencies: ListenerBridgeDependencies = {}
): Promise<RunningListenerBridge> {
    const bridge = new ListenerBridge(config, dependencies);
    const handler = (request: IncomingMessage, response: ServerResponse) =>
        bridge.handle(request, response);
    const server: Server = config.tls
        ? createTlsServer(
              {
                  cert: readFileSync(config.tls.certFile),
                  key: readFileSync(config.tls.keyFile),
                  handshakeTimeout: bridgeLimits.tlsHandshakeTimeoutMs
              },
              handler
          )
        : createServer(handler);
    server.requestTimeout = 15_000;
    server.headersTimeout = 10_000;
    server.maxHeadersCount = 100;
    // Every socket has an error handler of its own from the start, whatever Node's HTTP server
    // or the WebSocket library add or remove later: a peer's reset never stops the bridge.
    server.on('connection', (socket: Socket) => {
        socket.on('error', ignoreSocketError);
        bridge.connections.admit(socket);
    });
    server.on('secureConnection', (socket: Socket) => socket.on('error', ignoreSocketError));
    server.on('upgrade', (request, socket, head: Buffer) =>
        bridge.hub.handleUpgrade(request, socket, head)
    );
    server.on('clientError', (_error, socket) => {
        if (socket.writable) {
            socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
        } else {
            socket.destroy();
        }
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
            server.off('error', reject);
            const { port } = server.address() as AddressInfo;
            const host = config.host.includes(':') ? `[${config.host}]` : config.host;
            resolve({
                url: `${config.tls ? 'https' : 'http'}://${host}:${port}/`,
                port,
                close: () =>
                    new Promise<void>((done) => {
                        bridge.close();
                        server.close(() => done());
                        server.closeAllConnections();
                    })
            });
        });
    });
}
