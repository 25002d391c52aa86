import { label } from '../../i18n';
import { actionWord, connectionStatusWord, type ConnectorAction } from '../connector-words';
import type { ConnectorEvents } from '../connector-events';
import type { Scheduler } from '../scheduler';
import type { DroppedDialogs } from './dropped-dialogs';
import { SipConfigurationError } from './jssip-adapter';
import type { ReconnectSchedule } from './reconnect-schedule';
import { registrationFailureMessage } from './registration-message';
import type { SipCallTable } from './sip-call-table';
import type { SipConnectorOptions, SipCredentials } from './sip-connector-options';
import { sipConnectorDefaults, sipUserPattern } from './sip-connector-options';
import type { SipLogger } from './sip-logger';
import type {
    RawCallerIdentity,
    SipSession,
    SipUserAgent,
    SipUserAgentEvent,
    SipUserAgentFactory
} from './sip-user-agent';

interface Attempt {
    readonly promise: Promise<void>;
    readonly resolve: () => void;
    readonly reject: (error: Error) => void;
    readonly timer: unknown;
}

export interface SipRegistrationOptions {
    readonly credentials: SipCredentials;
    readonly settings: SipConnectorOptions['settings'];
    readonly scheduler: Scheduler;
    readonly logger: SipLogger;
    readonly events: ConnectorEvents;
    readonly createUserAgent: SipUserAgentFactory;
    readonly droppedDialogs: DroppedDialogs;
    readonly reconnects: ReconnectSchedule;
    readonly connectTimeoutMs: number;
    readonly unregisterTimeoutMs: number;
    readonly reconnectMinSeconds: number;
    readonly reconnectMaxSeconds: number;
    /** The user agent offered a call. */
    readonly onIncomingCall: (session: SipSession, caller: RawCallerIdentity) => void;
}

/**
 * The SIP connector's connection (ConnectorEvent 'connection'):
 *
 *   disconnected ──connect()──▶ connecting ──registered──▶ connected
 *        ▲                         │ refused / timeout          │ WebSocket lost
 *        └────── disconnected ◀────┘                            ▼
 *        ◀──────── registration refused ─────────────── reconnecting ──registered──▶ connected
 *
 * The WebSocket is opened again on the connector's own schedule (reconnect-schedule.ts), and
 * JsSIP registers again by itself once it is; while it is gone, live calls end with
 * 'connection-lost' (their signalling path is gone), and the established ones get their BYE
 * once it is back (dropped-dialogs.ts).
 */
export class SipRegistration {
    // An ES private field: credentials stay out of JSON.stringify and object dumps.
    readonly #credentials: SipCredentials;
    // Private too: the user agent holds the password in its configuration.
    #ua?: SipUserAgent;
    private readonly options: Omit<SipRegistrationOptions, 'credentials'>;
    private readonly events: ConnectorEvents;
    private readonly logger: SipLogger;
    private attempt?: Attempt;
    /** Whether this connect attempt already said that the server cannot be reached. */
    private retryingConnect = false;
    private unregistering?: () => void;
    // The calls a lost connection ends; an ES private field: no cycle in a JSON dump.
    #calls?: SipCallTable;

    constructor({ credentials, ...options }: SipRegistrationOptions) {
        this.#credentials = credentials;
        this.options = options;
        this.events = options.events;
        this.logger = options.logger;
    }

    /** The live calls, which a lost or closed connection ends. */
    attachCalls(calls: SipCallTable): void {
        this.#calls = calls;
    }

    /** The registered user agent, if any (it places calls). */
    get userAgent(): SipUserAgent | undefined {
        return this.#ua;
    }

    connect(): Promise<void> {
        const answered = this.events.connectWithoutAttempt(
            this.attempt?.promise,
            label('Softphone_Sip_Reconnecting_Connect')
        );
        if (answered) {
            return answered;
        }
        const credentials = this.#credentials;
        if (!sipUserPattern.test(credentials.user)) {
            return Promise.reject(new Error(label('Softphone_Sip_Bad_User')));
        }
        const settings = this.options.settings;
        let ua: SipUserAgent;
        try {
            ua = this.options.createUserAgent({
                webSocketUrl: settings.webSocketUrl,
                uri: `sip:${credentials.user}@${settings.domain}`,
                authorizationUser: credentials.authorizationUser || credentials.user,
                password: credentials.password,
                ...(credentials.displayName ? { displayName: credentials.displayName } : {}),
                registerExpiresSeconds: settings.registerExpiresSeconds,
                ...(settings.outboundProxy
                    ? { routeHeader: routeHeaderFor(settings.outboundProxy) }
                    : {}),
                userAgentString: sipConnectorDefaults.userAgentString,
                reconnectMinSeconds: this.options.reconnectMinSeconds,
                reconnectMaxSeconds: this.options.reconnectMaxSeconds
            });
        } catch (error) {
            const message =
                error instanceof SipConfigurationError
                    ? error.message
                    : label('Softphone_Sip_Stack_Failed');
            this.events.setStatus('disconnected', message);
            return Promise.reject(new Error(message));
        }
        this.#ua = ua;
        ua.setListener((event) => {
            // Events of a user agent that was replaced or stopped no longer matter.
            if (this.#ua === ua) {
                this.onUserAgentEvent(event);
            }
        });
        let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
        const promise = new Promise<void>((resolve, reject) => {
            settle = { resolve, reject };
        });
        const timer = this.options.scheduler.setTimeout(() => {
            this.fail(
                label(
                    'Softphone_Sip_Register_Timed_Out',
                    settings.webSocketUrl,
                    Math.round(this.options.connectTimeoutMs / 1000)
                )
            );
        }, this.options.connectTimeoutMs);
        this.attempt = {
            promise,
            resolve: () => settle?.resolve(),
            reject: (error) => settle?.reject(error),
            timer
        };
        this.retryingConnect = false;
        this.events.setStatus('connecting');
        // i18n-exempt: diagnostic log
        this.logger('info', 'Registering with the SIP server.', {
            webSocketUrl: settings.webSocketUrl,
            domain: settings.domain
        });
        ua.start();
        return promise;
    }

    async disconnect(): Promise<void> {
        const ua = this.#ua;
        if (!ua) {
            return;
        }
        const wasRegistered = this.events.status === 'connected';
        this.settleAttempt(new Error(label('Softphone_Sip_Disconnected_Early')));
        this.#calls?.endAll('connection-lost');
        if (wasRegistered) {
            // Unregister first, so the PBX stops offering calls to this browser at once.
            const scheduler = this.options.scheduler;
            await new Promise<void>((resolve) => {
                const timer = scheduler.setTimeout(() => done(), this.options.unregisterTimeoutMs);
                const done = (): void => {
                    scheduler.clearTimeout(timer);
                    this.unregistering = undefined;
                    resolve();
                };
                this.unregistering = done;
                ua.unregister();
            });
        }
        if (this.#ua !== ua) {
            return;
        }
        this.#ua = undefined;
        this.options.reconnects.cancel();
        ua.stop();
        this.events.setStatus('disconnected');
    }

    /** Why a request cannot be made on the connection now; undefined when it can. */
    connectionRefusal(action: ConnectorAction): Error | undefined {
        if (this.unregistering) {
            return new Error(label('Softphone_Sip_Disconnecting', actionWord(action)));
        }
        return this.events.status === 'connected'
            ? undefined
            : new Error(
                  label(
                      'Softphone_Sip_Not_Connected',
                      actionWord(action),
                      connectionStatusWord(this.events.status)
                  )
              );
    }

    private onUserAgentEvent(event: SipUserAgentEvent): void {
        switch (event.type) {
            case 'registered':
                this.settleAttempt();
                if (this.events.status !== 'connected') {
                    this.events.setStatus('connected');
                }
                return;
            case 'registrationFailed':
                this.onRegistrationFailed(event);
                return;
            case 'unregistered':
                this.unregistering?.();
                return;
            case 'transportDisconnected':
                // i18n-exempt: diagnostic log
                this.logger('warn', 'The SIP WebSocket closed.', {
                    error: event.error,
                    code: event.code
                });
                if (!this.unregistering) {
                    this.scheduleReconnect();
                }
                if (this.events.status === 'connected') {
                    this.events.setStatus('reconnecting', label('Softphone_Sip_Connection_Lost'));
                    this.#calls?.endAll('connection-lost', { keepDialogs: true });
                } else if (this.events.status === 'connecting' && !this.retryingConnect) {
                    // JsSIP keeps retrying until registered or the connect timeout; say so once.
                    this.retryingConnect = true;
                    this.events.setStatus(
                        'connecting',
                        label('Softphone_Sip_Unreachable', this.options.settings.webSocketUrl)
                    );
                }
                this.unregistering?.();
                return;
            case 'transportConnected':
                // i18n-exempt: diagnostic log
                this.logger('debug', `SIP WebSocket: ${event.type}.`);
                this.options.reconnects.connected();
                this.options.droppedDialogs.endAll();
                return;
            case 'transportConnecting':
                // i18n-exempt: diagnostic log
                this.logger('debug', `SIP WebSocket: ${event.type}.`);
                return;
            case 'incomingCall':
                this.options.onIncomingCall(event.session, event.caller);
                return;
        }
    }

    private onRegistrationFailed(
        event: Extract<SipUserAgentEvent, { type: 'registrationFailed' }>
    ): void {
        if (this.unregistering) {
            this.unregistering();
            return;
        }
        // A REGISTER lost with its WebSocket is retried when JsSIP reconnects.
        if (event.statusCode === undefined && event.cause === 'Connection Error') {
            return;
        }
        this.fail(registrationFailureMessage(event));
    }

    /** Opens the WebSocket of the current user agent again after the schedule's next delay. */
    private scheduleReconnect(): void {
        const ua = this.#ua;
        const delay = this.options.reconnects.lost(() => {
            if (this.#ua === ua && !this.unregistering) {
                ua?.reconnect();
            }
        });
        // i18n-exempt: diagnostic log
        this.logger('debug', 'Opening the SIP WebSocket again soon.', { delayMs: delay });
    }

    /** Ends the connection for good: stops the user agent and reports why. */
    private fail(message: string): void {
        const ua = this.#ua;
        this.#ua = undefined;
        this.options.reconnects.cancel();
        this.settleAttempt(new Error(message));
        this.#calls?.endAll('connection-lost');
        ua?.stop();
        this.logger('warn', message);
        this.events.setStatus('disconnected', message);
    }

    private settleAttempt(error?: Error): void {
        const attempt = this.attempt;
        if (!attempt) {
            return;
        }
        this.attempt = undefined;
        this.options.scheduler.clearTimeout(attempt.timer);
        if (error) {
            attempt.reject(error);
        } else {
            attempt.resolve();
        }
    }
}

/** A Route header for the outbound proxy; loose routing (;lr) is what a proxy expects. */
function routeHeaderFor(proxy: string): string {
    // i18n-exempt: a SIP header
    return `Route: <${/;lr(;|$)/.test(proxy) ? proxy : `${proxy};lr`}>`;
}
