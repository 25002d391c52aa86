import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { RawData } from 'ws';
import { WebSocket, WebSocketServer } from 'ws';
import type {
    ListenerActionMessage,
    ListenerCallMessage
} from '../softphone/telephony/listener/listener-protocol';
import {
    listenerCloseCodes,
    listenerLimits,
    listenerProtocolVersion
} from '../softphone/telephony/listener/listener-protocol';
import type { AgentTokens } from './agent-tokens';
import { bridgeLimits } from './bridge-limits';
import type { BridgeLogger } from './bridge-logger';
import type { CallRegistry } from './call-registry';
import type { CallbackClient } from './callback-client';
import type { ConnectionGuard } from './connection-guard';
import type { FailureLimiter } from './failure-limiter';
import { parseAction, parseHello } from './softphone-message';
import { sourceAddress } from './source-address';

export const softphonePath = '/softphone';

export interface SoftphoneHubOptions {
    readonly tokens: AgentTokens;
    readonly registry: CallRegistry;
    readonly logger: BridgeLogger;
    /** Where agent actions go; absent when the phone system takes none. */
    readonly callback?: CallbackClient;
    /** When set, only pages of these origins may connect (the Origin header). */
    readonly allowedOrigins?: readonly string[];
    readonly helloTimeoutMs?: number;
    readonly heartbeatMs?: number;
    /** Softphones' failed sign-ins per address; absent: not limited (tests). */
    readonly failures?: FailureLimiter;
    /** Told when a connection has signed in, so that it no longer counts as unauthenticated. */
    readonly connections?: ConnectionGuard;
}

interface Softphone {
    readonly socket: WebSocket;
    /** The TCP (or TLS) connection under the WebSocket, and where it comes from. */
    readonly connection: Duplex;
    readonly address: string;
    agent?: string;
    alive: boolean;
    inFlight: number;
}

const maxMessageBytes = 16 * 1024;
const maxActionsInFlight = 8;
/** How long a refused upgrade's socket may stay open for its answer to be read. */
const refusedSocketLingerMs = 2000;

/**
 * The softphones' side of the bridge: a WebSocket endpoint at /softphone where each softphone
 * signs in with its agent id and token (the first message), then receives that agent's call
 * events and sends the agent's actions, which go on to the phone system's callback URL.
 */
export class SoftphoneHub {
    private readonly server = new WebSocketServer({
        noServer: true,
        maxPayload: maxMessageBytes,
        perMessageDeflate: false,
        clientTracking: false
    });
    private readonly softphones = new Set<Softphone>();
    private readonly heartbeat: ReturnType<typeof setInterval>;

    constructor(private readonly options: SoftphoneHubOptions) {
        this.heartbeat = setInterval(() => this.checkAlive(), options.heartbeatMs ?? 30_000);
        this.heartbeat.unref();
    }

    /** The HTTP server's 'upgrade' handler. */
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
        // Node's HTTP server drops its own error handler from a socket it hands over for an
        // upgrade: without this one, a reset while the bridge answers would stop the process.
        socket.on('error', ignoreSocketError);
        const path = (request.url ?? '').split('?')[0];
        if (path !== softphonePath) {
            refuseUpgrade(socket, 404, 'Not Found');
            return;
        }
        const origin = request.headers.origin;
        const allowed = this.options.allowedOrigins;
        const address = sourceAddress(request.socket);
        if (allowed && (origin === undefined || !allowed.includes(origin))) {
            this.options.logger(
                'warn',
                `Refused a softphone connection from ${address}: its origin is not allowed.`
            );
            refuseUpgrade(socket, 403, 'Forbidden');
            return;
        }
        const lockedMs = this.options.failures?.lockedFor(address) ?? 0;
        if (lockedMs > 0) {
            refuseUpgrade(socket, 429, 'Too Many Requests', Math.ceil(lockedMs / 1000));
            return;
        }
        this.server.handleUpgrade(request, socket, head, (client) =>
            this.accept(client, socket, address)
        );
    }

    /** Sends a call event to every softphone of the agent; returns how many got it. */
    deliver(agent: string, message: ListenerCallMessage): number {
        let delivered = 0;
        for (const softphone of this.softphones) {
            if (softphone.agent === agent && softphone.socket.readyState === WebSocket.OPEN) {
                softphone.socket.send(JSON.stringify(message));
                delivered += 1;
            }
        }
        return delivered;
    }

    /** Number of the agent's signed-in softphones that can receive now. */
    deliverableTo(agent: string): number {
        return [...this.softphones].filter(
            (softphone) =>
                softphone.agent === agent && softphone.socket.readyState === WebSocket.OPEN
        ).length;
    }

    /** Number of signed-in softphones (all agents). */
    get connectedCount(): number {
        return [...this.softphones].filter((softphone) => softphone.agent !== undefined).length;
    }

    close(): void {
        clearInterval(this.heartbeat);
        for (const softphone of this.softphones) {
            softphone.socket.close(1001, 'The listener bridge is stopping.');
        }
        this.softphones.clear();
        this.server.close();
    }

    private accept(socket: WebSocket, connection: Duplex, address: string): void {
        const softphone: Softphone = { socket, connection, address, alive: true, inFlight: 0 };
        this.softphones.add(softphone);
        const helloTimer = setTimeout(() => {
            if (softphone.agent === undefined) {
                socket.close(listenerCloseCodes.helloTimeout, 'no hello in time');
            }
        }, this.options.helloTimeoutMs ?? 5000);
        socket.on('pong', () => {
            softphone.alive = true;
        });
        socket.on('error', () => undefined);
        socket.on('close', () => {
            clearTimeout(helloTimer);
            this.softphones.delete(softphone);
            if (softphone.agent !== undefined) {
                this.options.logger(
                    'info',
                    `Softphone disconnected: agent ${softphone.agent} (${this.countFor(softphone.agent)} left)`
                );
            }
        });
        socket.on('message', (data: RawData, isBinary: boolean) => {
            if (isBinary) {
                socket.close(listenerCloseCodes.badHello, 'text frames only');
                return;
            }
            const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
            if (softphone.agent === undefined) {
                clearTimeout(helloTimer);
                this.signIn(softphone, text);
            } else {
                void this.act(softphone, softphone.agent, text);
            }
        });
    }

    private signIn(softphone: Softphone, text: string): void {
        const hello = parseHello(text);
        if (!hello.ok) {
            softphone.socket.close(listenerCloseCodes.badHello, hello.error);
            return;
        }
        if (hello.value.version !== listenerProtocolVersion) {
            softphone.socket.close(listenerCloseCodes.badVersion, 'protocol version 1 only');
            return;
        }
        const { agent, token } = hello.value;
        if (!this.options.tokens.verify(agent, token)) {
            this.options.logger(
                'warn',
                `Refused a softphone from ${softphone.address}: wrong agent id or token.`
            );
            if (this.options.failures?.fail(softphone.address)) {
                this.options.logger(
                    'warn',
                    `Refusing softphones from ${softphone.address} for ${bridgeLimits.lockoutMs / 1000} s: ${bridgeLimits.maxFailedSignIns} failed sign-ins within ${bridgeLimits.failedSignInWindowMs / 1000} s.`
                );
            }
            softphone.socket.close(listenerCloseCodes.badCredentials, 'agent id or token refused');
            return;
        }
        softphone.agent = agent;
        this.options.connections?.authenticated(softphone.connection as Socket);
        const snapshot = this.options.registry.snapshot(agent);
        if (snapshot.invalid > 0 || snapshot.overLimit > 0) {
            this.options.logger(
                'warn',
                `Left ${snapshot.invalid + snapshot.overLimit} kept calls out of the welcome of agent ${agent}: ${snapshot.invalid} invalid, ${snapshot.overLimit} beyond the newest ${listenerLimits.welcomeCalls}.`
            );
        }
        softphone.socket.send(
            JSON.stringify({
                type: 'welcome',
                version: listenerProtocolVersion,
                agent,
                actions: this.options.callback !== undefined,
                calls: snapshot.calls
            })
        );
        this.options.logger(
            'info',
            `Softphone connected: agent ${agent} (${this.countFor(agent)} open)`
        );
    }

    private async act(softphone: Softphone, agent: string, text: string): Promise<void> {
        const parsed = parseAction(text);
        if (!parsed.ok) {
            if (parsed.requestId === undefined) {
                softphone.socket.close(listenerCloseCodes.badHello, parsed.error);
            } else {
                this.answer(softphone, parsed.requestId, {
                    ok: false,
                    message: `Bad request: ${parsed.error}.`
                });
            }
            return;
        }
        const action = parsed.value;
        const refusal = this.refusal(softphone, agent, action);
        if (refusal) {
            this.answer(softphone, action.requestId, { ok: false, message: refusal });
            return;
        }
        softphone.inFlight += 1;
        try {
            const result = await (this.options.callback as CallbackClient).send({
                action: action.action,
                agent,
                ...(action.callid === undefined ? {} : { callid: action.callid }),
                ...(action.number === undefined ? {} : { number: action.number }),
                ...(action.digits === undefined ? {} : { digits: action.digits }),
                ...(action.othercallid === undefined ? {} : { othercallid: action.othercallid })
            });
            if (!result.ok) {
                this.options.logger(
                    'warn',
                    `The phone system refused a ${action.action} action of agent ${agent}.`
                );
                this.answer(softphone, action.requestId, result);
                return;
            }
            if (
                (action.action === 'dial' || action.action === 'consult') &&
                result.callid !== undefined
            ) {
                this.options.registry.recordDialled(agent, result.callid);
            }
            this.answer(softphone, action.requestId, {
                ok: true,
                ...(result.callid === undefined ? {} : { callid: result.callid })
            });
            this.followAction(agent, action);
        } finally {
            softphone.inFlight -= 1;
        }
    }

    /**
     * An answer, decline or hang-up the phone system accepted changes the call as the agent's
     * softphones (and the welcome of one that reconnects) see it, before the phone system's own
     * event, which then changes nothing more.
     */
    private followAction(agent: string, action: ListenerActionMessage): void {
        const ends: Partial<Record<ListenerActionMessage['action'], string>> = {
            decline: 'declined',
            hangup: 'local-hangup',
            drop: 'local-hangup',
            transfer: 'transferred',
            completeConsult: 'transferred'
        };
        const reason = ends[action.action];
        const event = action.action === 'answer' ? 'answered' : reason ? 'ended' : undefined;
        // A completed consult ends both calls: the agent is out of the transfer.
        const callids = [
            action.callid,
            action.action === 'completeConsult' ? action.othercallid : undefined
        ];
        for (const callid of callids) {
            const latest =
                callid === undefined ? undefined : this.options.registry.latest(agent, callid);
            if (event && latest) {
                this.deliver(
                    agent,
                    this.options.registry.record(agent, {
                        ...latest,
                        event,
                        attributes: reason === 'transferred' ? { reason } : {}
                    })
                );
            }
        }
    }

    private refusal(
        softphone: Softphone,
        agent: string,
        action: ListenerActionMessage
    ): string | undefined {
        if (!this.options.callback) {
            return 'The phone system takes no actions from the softphone (the bridge has no callback URL).';
        }
        if (softphone.inFlight >= maxActionsInFlight) {
            return 'Too many requests are waiting for the phone system: try again.';
        }
        if (action.callid !== undefined && !this.options.registry.isLive(agent, action.callid)) {
            return 'The bridge has no live call with this callid for you.';
        }
        if (
            action.othercallid !== undefined &&
            !this.options.registry.isLive(agent, action.othercallid)
        ) {
            return 'The bridge has no live call with this othercallid for you.';
        }
        return undefined;
    }

    private answer(
        softphone: Softphone,
        requestId: string,
        result: { ok: true; callid?: string } | { ok: false; message: string }
    ): void {
        if (softphone.socket.readyState === WebSocket.OPEN) {
            softphone.socket.send(JSON.stringify({ type: 'actionResult', requestId, ...result }));
        }
    }

    private countFor(agent: string): number {
        return [...this.softphones].filter((softphone) => softphone.agent === agent).length;
    }

    private checkAlive(): void {
        for (const softphone of this.softphones) {
            if (!softphone.alive) {
                softphone.socket.terminate();
                continue;
            }
            softphone.alive = false;
            softphone.socket.ping();
        }
    }
}

/** A socket's errors (a reset, a write after the peer left) end only that socket. */
export function ignoreSocketError(): void {
    // Nothing to do: the socket closes, and its 'close' handler tidies up.
}

function refuseUpgrade(
    socket: Duplex,
    status: number,
    text: string,
    retryAfterSeconds?: number
): void {
    const retry = retryAfterSeconds === undefined ? '' : `Retry-After: ${retryAfterSeconds}\r\n`;
    socket.end(
        `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n${retry}Content-Length: 0\r\n\r\n`
    );
    // A client that never reads the answer nor closes its side does not keep the socket.
    setTimeout(() => socket.destroy(), refusedSocketLingerMs).unref();
}
