import { TypedEmitter } from '../../shared/typed-emitter';
import type {
    CallEndReason,
    ConnectionStatus,
    Connector,
    ConnectorEvent,
    ConnectorListener
} from '../connector';
import { normaliseDtmf } from '../dtmf';
import type { HandoverSupport } from '../call-handover';
import { CALL_DATA_KEYS, toCallData } from '../call-data';
import type { Scheduler } from '../scheduler';
import { systemScheduler } from '../scheduler';
import type { ListenerCredentials } from './listener-credentials';
import { validateListenerCredentials } from './listener-credentials';
import type {
    ListenerCapabilities,
    ListenerConnectorOptions,
    ListenerLogger
} from './listener-connector-options';
import { listenerConnectorDefaults, silentListenerLogger } from './listener-connector-options';
import type {
    ListenerAction,
    ListenerActionMessage,
    ListenerCallMessage,
    ListenerWelcomeMessage
} from './listener-protocol';
import {
    emptyAttributes,
    isPhoneText,
    listenerCloseCodes,
    listenerLimits,
    listenerProtocolVersion,
    mergeAttributes,
    parseBridgeMessage
} from './listener-protocol';
import type { ReconnectPolicy } from './reconnect-delay';
import { defaultReconnectPolicy, reconnectDelay } from './reconnect-delay';

type ListenerCallState = 'ringing' | 'dialing' | 'connected' | 'held';

interface ListenerCall {
    readonly id: string;
    readonly direction: 'inbound' | 'outbound';
    /** The number the softphone dialled (dial, consult): the target of a completed consult. */
    readonly number?: string;
    state: ListenerCallState;
    answered: boolean;
    /** Set while the agent's decline or hang-up is on its way: the reason its end gets. */
    endingAs?: CallEndReason;
}

interface PendingAction {
    readonly action: ListenerAction;
    readonly resolve: (callid: string | undefined) => void;
    readonly reject: (error: Error) => void;
    readonly timer: unknown;
}

interface ConnectWaiter {
    readonly resolve: () => void;
    readonly reject: (error: Error) => void;
}

const WEB_SOCKET_OPEN = 1;
/** Reasons a phone system may put in an ended event's `reason` pair. */
const endReasonsFromPhoneSystem: readonly CallEndReason[] = [
    'remote-hangup',
    'local-hangup',
    'declined',
    'busy',
    'no-answer',
    'cancelled',
    'voicemail',
    'unreachable',
    'failed',
    'transferred'
];
const fatalCloseCodes = new Map<number, string>([
    [
        listenerCloseCodes.badCredentials,
        'The listener bridge refused the agent id or token. Check them with your administrator.'
    ],
    [
        listenerCloseCodes.badVersion,
        'The listener bridge speaks another protocol version: update the bridge or the softphone.'
    ],
    [listenerCloseCodes.badHello, 'The listener bridge did not understand the softphone.']
]);

const actionNames: Readonly<Record<ListenerAction, string>> = {
    answer: 'answer',
    decline: 'decline',
    hangup: 'hang up',
    hold: 'hold',
    resume: 'resume',
    mute: 'mute',
    unmute: 'unmute',
    dtmf: 'send tones on',
    dial: 'dial',
    transfer: 'transfer',
    consult: 'consult on',
    completeConsult: 'complete the consult on',
    conference: 'merge',
    drop: 'drop'
};

/**
 * The generic listener connector: a phone system that cannot speak SIP to the browser calls
 * the listener bridge's URL on each call event (ringing, answered, ended, with the caller, the
 * dialled number and extra key=value pairs); the bridge pushes the events to this connector
 * over a WebSocket, authenticated by the agent's token (see listener-protocol.ts).
 *
 * - ringing → 'incoming' (fromName from a `name` pair); the pairs stay readable through
 *   callAttributes() for screen-pop rules and the UI.
 * - answered → 'answered'; ended → 'ended' ('remote-hangup' when answered, else 'cancelled', or
 *   the phone system's own `reason` pair).
 * - Agent actions go to the phone system through the bridge when it has a callback URL
 *   (capabilities.controlledOnPhone false). Otherwise the call is controlled on the agent's
 *   phone: answer, decline, hang up, hold and resume resolve at once and change only what the
 *   softphone shows; dial, mute and tones are refused, saying so.
 * - A lost bridge: 'reconnecting' (calls stay up: they are on the agent's phone), new attempts
 *   with backoff; the bridge's welcome then replays the agent's calls, so events missed
 *   meanwhile are caught up and calls the bridge no longer knows end ('connection-lost').
 *   A refused token ends the connection for good: 'disconnected' with the reason.
 */
export class ListenerConnector implements Connector {
    readonly kind = 'listener';

    private readonly url: string;
    private readonly credentials: ListenerCredentials;
    private readonly webSocketClass: (new (url: string) => WebSocket) | undefined;
    private readonly scheduler: Scheduler;
    private readonly random: () => number;
    private readonly logger: ListenerLogger;
    private readonly connectTimeoutMs: number;
    private readonly actionTimeoutMs: number;
    private readonly reconnectPolicy: ReconnectPolicy;
    private readonly events = new TypedEmitter<{ event: ConnectorEvent }>();
    private readonly calls = new Map<string, ListenerCall>();
    private readonly endedCallIds = new Set<string>();
    private readonly attributes = new Map<string, Readonly<Record<string, string>>>();
    private readonly pendingActions = new Map<string, PendingAction>();
    private connectWaiters: ConnectWaiter[] = [];
    private status: ConnectionStatus = 'disconnected';
    private socket: WebSocket | undefined;
    /** Whether the agent wants a connection (connect() called, disconnect() not since). */
    private wanted = false;
    private welcomed = false;
    private actionsSupported = false;
    /** The calls merged into the agent's conference. */
    private readonly conference = new Set<string>();
    private attempt = 0;
    private welcomeTimer: unknown;
    private reconnectTimer: unknown;
    private requestCounter = 0;
    /** Dials waiting for their call id; call events for unknown ids wait for them. */
    private dialsInFlight = 0;
    private heldBack: ListenerCallMessage[] = [];
    /** The welcome's calls wait for the next tick (see welcome()); live events wait behind them. */
    private welcomeReplay: { timer: unknown; calls: readonly ListenerCallMessage[] } | undefined;
    private afterReplay: ListenerCallMessage[] = [];

    constructor(options: ListenerConnectorOptions) {
        this.url = options.settings.webSocketUrl;
        this.credentials = options.credentials;
        this.webSocketClass =
            options.webSocket ??
            (typeof globalThis.WebSocket === 'function' ? globalThis.WebSocket : undefined);
        this.scheduler = options.scheduler ?? systemScheduler;
        this.random = options.random ?? Math.random;
        this.logger = options.logger ?? silentListenerLogger;
        this.connectTimeoutMs =
            options.connectTimeoutMs ?? listenerConnectorDefaults.connectTimeoutMs;
        this.actionTimeoutMs = options.actionTimeoutMs ?? listenerConnectorDefaults.actionTimeoutMs;
        this.reconnectPolicy = options.reconnect ?? defaultReconnectPolicy;
    }

    get connectionStatus(): ConnectionStatus {
        return this.status;
    }

    /** The agent id the connector signs in with. */
    get agent(): string {
        return this.credentials.agent.trim();
    }

    get capabilities(): ListenerCapabilities {
        const actions = this.actionsSupported;
        return {
            controlledOnPhone: !actions,
            canDial: actions,
            canMute: actions,
            canSendDtmf: actions
        };
    }

    /**
     * The extra key=value pairs the phone system sent with a call (merged over its events), for
     * screen-pop rules and the UI; undefined for a call never seen. Kept for the live calls and
     * the last few ended ones. Untrusted text: render it as text only.
     */
    callAttributes(callId: string): Readonly<Record<string, string>> | undefined {
        const attributes = this.attributes.get(callId);
        return attributes ? Object.assign(emptyAttributes(), attributes) : undefined;
    }

    /** Ids of the calls that have not ended, oldest first. */
    liveCallIds(): string[] {
        return [...this.calls.keys()];
    }

    onEvent(listener: ConnectorListener): () => void {
        return this.events.on('event', listener);
    }

    connect(): Promise<void> {
        if (this.status === 'connected') {
            return Promise.resolve();
        }
        const waiting = new Promise<void>((resolve, reject) => {
            this.connectWaiters.push({ resolve, reject });
        });
        if (this.wanted) {
            return waiting;
        }
        const checked = validateListenerCredentials(this.credentials);
        if (!checked.ok) {
            this.failConnectWaiters(new Error(checked.message));
            return waiting;
        }
        this.wanted = true;
        this.attempt = 0;
        this.setStatus('connecting');
        this.openSocket();
        return waiting;
    }

    /** Closes the connection; every live call ends ('connection-lost'), then 'disconnected'. */
    disconnect(): Promise<void> {
        this.wanted = false;
        this.scheduler.clearTimeout(this.reconnectTimer);
        this.reconnectTimer = undefined;
        this.closeSocket(1000, 'The agent disconnected.');
        this.failConnectWaiters(new Error('Disconnected before the listener bridge answered.'));
        if (this.status !== 'disconnected') {
            this.endAllCalls('connection-lost');
            this.setStatus('disconnected');
        }
        return Promise.resolve();
    }

    dial(number: string): Promise<string> {
        const refusal =
            this.remoteRefusal(
                'dial',
                'Dial on your phone: the phone system takes no calls from the softphone.'
            ) ?? dialNumberRefusal(number);
        if (refusal) {
            return Promise.reject(refusal);
        }
        return this.placeCall({ action: 'dial', number: number.trim() });
    }

    /**
     * The phone system's handover actions, when it takes actions at all (see the protocol):
     * with calls controlled on the agent's phone, the agent transfers there.
     */
    get handoverSupport(): HandoverSupport {
        const on = this.actionsSupported;
        return { blindTransfer: on, consultTransfer: on, conference: on };
    }

    /** 'transfer': a 2xx answer means the phone system took the call off the agent. */
    blindTransfer(callId: string, target: string): Promise<void> {
        const refusal =
            this.remoteRefusal('transfer', 'Transfer on your phone: the call is there.') ??
            dialNumberRefusal(target);
        if (refusal) {
            return Promise.reject(refusal);
        }
        const to = target.trim();
        return this.act(
            'transfer',
            callId,
            ['connected', 'held'],
            (call) => {
                this.emit({ type: 'transfer', callId, target: to, progress: 'accepted' });
                this.endCall(call, 'transferred');
            },
            { number: to }
        );
    }

    /** 'consult': a second call about the held one, answered with its callid like a dial. */
    startConsult(callId: string, target: string): Promise<string> {
        const refusal =
            this.remoteRefusal('consult', 'Consult on your phone: the call is there.') ??
            dialNumberRefusal(target);
        if (refusal) {
            return Promise.reject(refusal);
        }
        const call = this.calls.get(callId);
        if (call?.state !== 'held') {
            return Promise.reject(
                call
                    ? new Error(
                          `Cannot consult on call "${callId}": it is ${call.state} (needs held).`
                      )
                    : this.unknownCall('consult', callId)
            );
        }
        return this.placeCall({ action: 'consult', callid: callId, number: target.trim() });
    }

    /** 'completeConsult': both calls end 'transferred' once the phone system accepts. */
    completeConsult(callId: string, consultCallId: string): Promise<void> {
        const consult = this.calls.get(consultCallId);
        if (consult?.state !== 'connected') {
            return Promise.reject(
                new Error(`Cannot complete the consult: call "${consultCallId}" is not connected.`)
            );
        }
        return this.act(
            'completeConsult',
            callId,
            ['held'],
            (call) => {
                this.emit({
                    type: 'transfer',
                    callId,
                    target: consult.number ?? '',
                    progress: 'accepted'
                });
                this.endCall(call, 'transferred');
                const live = this.calls.get(consultCallId);
                if (live) {
                    this.endCall(live, 'transferred');
                }
            },
            { othercallid: consultCallId }
        );
    }

    /** 'conference': the held call is resumed into one conference with the connected one. */
    mergeCalls(heldCallId: string, activeCallId: string): Promise<void> {
        if (this.calls.get(activeCallId)?.state !== 'connected') {
            return Promise.reject(
                new Error(`Cannot merge: call "${activeCallId}" is not connected.`)
            );
        }
        return this.act(
            'conference',
            heldCallId,
            ['held'],
            (call) => {
                call.state = 'connected';
                this.emit({ type: 'resumed', callId: heldCallId });
                this.conference.add(heldCallId);
                this.conference.add(activeCallId);
                this.emit({ type: 'conference', callIds: [...this.conference] });
            },
            { othercallid: activeCallId }
        );
    }

    /** 'drop': the party's call ends; the parties left are reported. */
    dropParty(callId: string): Promise<void> {
        if (!this.conference.has(callId)) {
            return Promise.reject(
                new Error(`Cannot drop call "${callId}": it is not in conference.`)
            );
        }
        return this.act('drop', callId, ['connected'], (call) =>
            this.endCall(call, 'local-hangup')
        );
    }

    /** Sends a dial or consult and keeps the new outbound call the phone system names. */
    private placeCall(
        fields: Pick<ListenerActionMessage, 'action' | 'callid' | 'number'>
    ): Promise<string> {
        const number = fields.number ?? '';
        this.dialsInFlight += 1;
        return this.sendAction(fields).then(
            (callid) => {
                this.dialsInFlight -= 1;
                try {
                    if (callid === undefined) {
                        throw new Error('The phone system accepted the call but sent no call id.');
                    }
                    if (this.calls.has(callid) || this.endedCallIds.has(callid)) {
                        throw new Error(`The phone system reused call id "${callid}".`);
                    }
                    this.calls.set(callid, {
                        id: callid,
                        direction: 'outbound',
                        number,
                        state: 'dialing',
                        answered: false
                    });
                    this.attributes.set(callid, emptyAttributes());
                    return callid;
                } finally {
                    this.releaseHeldBack();
                }
            },
            (error: unknown) => {
                this.dialsInFlight -= 1;
                this.releaseHeldBack();
                throw error;
            }
        );
    }

    answer(callId: string): Promise<void> {
        return this.act('answer', callId, ['ringing'], (call) => {
            if (call.state === 'ringing') {
                call.state = 'connected';
                call.answered = true;
                this.emit({ type: 'answered', callId });
            }
        });
    }

    decline(callId: string): Promise<void> {
        return this.actToEnd('decline', callId, ['ringing'], 'declined');
    }

    hangup(callId: string): Promise<void> {
        return this.actToEnd('hangup', callId, ['dialing', 'connected', 'held'], 'local-hangup');
    }

    hold(callId: string): Promise<void> {
        return this.act('hold', callId, ['connected'], (call) => {
            if (call.state === 'connected') {
                call.state = 'held';
                this.emit({ type: 'held', callId });
            }
        });
    }

    resume(callId: string): Promise<void> {
        return this.act('resume', callId, ['held'], (call) => {
            if (call.state === 'held') {
                call.state = 'connected';
                this.emit({ type: 'resumed', callId });
            }
        });
    }

    setMuted(callId: string, muted: boolean): Promise<void> {
        const refusal = this.remoteRefusal(
            muted ? 'mute' : 'unmute',
            `${muted ? 'Mute' : 'Unmute'} on your phone: the call's audio is there.`
        );
        if (refusal) {
            return Promise.reject(refusal);
        }
        return this.act(
            muted ? 'mute' : 'unmute',
            callId,
            ['dialing', 'connected', 'held'],
            () => undefined
        );
    }

    sendDtmf(callId: string, digits: string): Promise<void> {
        const refusal = this.remoteRefusal(
            'dtmf',
            "Use your phone's keypad: the call's audio is there."
        );
        if (refusal) {
            return Promise.reject(refusal);
        }
        const tones = normaliseDtmf(digits);
        if (tones === undefined || tones.length > listenerLimits.dtmfLength) {
            return Promise.reject(
                new Error(
                    `Cannot send "${digits.slice(0, 40)}": use up to ${listenerLimits.dtmfLength} of 0-9, *, # and A-D.`
                )
            );
        }
        return this.act('dtmf', callId, ['connected'], () => undefined, { digits: tones });
    }

    // ---- connection --------------------------------------------------------------------

    private openSocket(): void {
        const WebSocketClass = this.webSocketClass;
        if (!WebSocketClass) {
            this.giveUp('This browser cannot open WebSocket connections.');
            return;
        }
        let socket: WebSocket;
        try {
            socket = new WebSocketClass(this.url);
        } catch (error) {
            this.logger('warn', 'Could not open the listener WebSocket.', {
                error: errorMessage(error)
            });
            this.connectionFailed();
            return;
        }
        this.socket = socket;
        this.welcomed = false;
        socket.onopen = () => {
            if (this.socket === socket) {
                const { agent, token } = this.credentials;
                this.send({
                    type: 'hello',
                    version: listenerProtocolVersion,
                    agent: agent.trim(),
                    token: token.trim()
                });
            }
        };
        socket.onmessage = (event: MessageEvent) => {
            if (this.socket === socket) {
                this.receive(event.data);
            }
        };
        socket.onclose = (event: CloseEvent) => {
            if (this.socket === socket) {
                this.socketClosed(event.code, event.reason);
            }
        };
        socket.onerror = () => undefined;
        this.welcomeTimer = this.scheduler.setTimeout(() => {
            if (this.socket === socket && !this.welcomed) {
                this.logger('warn', 'The listener bridge did not welcome the softphone in time.');
                this.closeSocket(4000, 'No welcome in time.');
                this.connectionFailed();
            }
        }, this.connectTimeoutMs);
    }

    private closeSocket(code: number, reason: string): void {
        this.scheduler.clearTimeout(this.welcomeTimer);
        this.welcomeTimer = undefined;
        this.cancelWelcomeReplay();
        const socket = this.socket;
        this.socket = undefined;
        this.welcomed = false;
        this.failPendingActions(
            new Error(
                'The connection to the listener bridge closed before the phone system answered.'
            )
        );
        if (socket) {
            socket.onopen = null;
            socket.onmessage = null;
            socket.onclose = null;
            try {
                socket.close(code, reason);
            } catch {
                // Closing a socket that never opened may throw in some browsers: it is gone anyway.
            }
        }
    }

    private socketClosed(code: number, reason: string): void {
        this.logger('info', 'The listener bridge closed the connection.', { code });
        this.closeSocket(1000, '');
        const fatal = fatalCloseCodes.get(code);
        if (fatal) {
            this.giveUp(fatal);
            return;
        }
        if (reason !== '') {
            this.logger('debug', 'Close reason from the bridge.', { reason: reason.slice(0, 120) });
        }
        this.connectionFailed();
    }

    /** A socket failed or closed: retry when a connection had been made, else give up. */
    private connectionFailed(): void {
        if (!this.wanted) {
            return;
        }
        if (this.status === 'connecting') {
            this.giveUp(`Could not reach the listener bridge at ${this.url}.`);
            return;
        }
        this.attempt += 1;
        const delay = reconnectDelay(this.attempt, this.random, this.reconnectPolicy);
        this.setStatus(
            'reconnecting',
            `Lost the listener bridge; trying again in ${Math.max(1, Math.round(delay / 1000))} s.`
        );
        this.scheduler.clearTimeout(this.reconnectTimer);
        this.reconnectTimer = this.scheduler.setTimeout(() => {
            this.reconnectTimer = undefined;
            if (this.wanted && !this.socket) {
                this.openSocket();
            }
        }, delay);
    }

    /** The connection cannot be made: calls end, 'disconnected' with the reason. */
    private giveUp(message: string): void {
        this.wanted = false;
        this.closeSocket(1000, '');
        this.scheduler.clearTimeout(this.reconnectTimer);
        this.reconnectTimer = undefined;
        this.failConnectWaiters(new Error(message));
        this.endAllCalls('connection-lost');
        this.setStatus('disconnected', message);
    }

    private failConnectWaiters(error: Error): void {
        const waiters = this.connectWaiters;
        this.connectWaiters = [];
        for (const waiter of waiters) {
            waiter.reject(error);
        }
    }

    private receive(data: unknown): void {
        const parsed = parseBridgeMessage(data);
        if (!parsed.ok) {
            this.logger('warn', 'Ignored a message from the listener bridge.', {
                error: parsed.error
            });
            return;
        }
        const message = parsed.value;
        if (message.type === 'welcome') {
            this.welcome(message);
            return;
        }
        if (!this.welcomed) {
            this.logger('warn', 'Ignored a message that came before the welcome.');
            return;
        }
        if (message.type === 'call') {
            if (this.welcomeReplay) {
                this.afterReplay.push(message);
            } else {
                this.applyCall(message);
            }
            return;
        }
        const pending = this.pendingActions.get(message.requestId);
        if (!pending) {
            this.logger('debug', 'Ignored the answer to a request no longer pending.');
            return;
        }
        this.pendingActions.delete(message.requestId);
        this.scheduler.clearTimeout(pending.timer);
        if (message.ok) {
            pending.resolve(message.callid);
        } else {
            pending.reject(new Error(message.message));
        }
    }

    private welcome(message: ListenerWelcomeMessage): void {
        if (this.welcomed) {
            this.logger('warn', 'Ignored a second welcome from the listener bridge.');
            return;
        }
        if (message.agent !== this.credentials.agent.trim()) {
            this.giveUp('The listener bridge answered for another agent.');
            return;
        }
        if (message.droppedCalls) {
            this.logger('warn', 'Left out calls of the welcome that were invalid or too many.', {
                count: message.droppedCalls
            });
        }
        this.welcomed = true;
        this.scheduler.clearTimeout(this.welcomeTimer);
        this.welcomeTimer = undefined;
        this.attempt = 0;
        this.actionsSupported = message.actions;
        this.setStatus('connected');
        const waiters = this.connectWaiters;
        this.connectWaiters = [];
        for (const waiter of waiters) {
            waiter.resolve();
        }
        // The calls the welcome lists are applied on the next tick, once whoever awaited
        // connect() has run: a softphone that reloads during a ringing call must make the agent
        // Available before the call is offered again, or the engine would decline it.
        this.welcomeReplay = {
            calls: message.calls,
            timer: this.scheduler.setTimeout(() => this.replayWelcome(), 0)
        };
    }

    /** Catches up with the bridge: ends calls it no longer knows, applies the listed ones. */
    private replayWelcome(): void {
        const replay = this.welcomeReplay;
        if (!replay) {
            return;
        }
        this.welcomeReplay = undefined;
        const known = new Set(replay.calls.map((call) => call.callid));
        for (const call of [...this.calls.values()]) {
            if (!known.has(call.id)) {
                this.endCall(
                    call,
                    'connection-lost',
                    'The listener bridge no longer knows this call.'
                );
            }
        }
        for (const call of replay.calls) {
            this.applyCall(call);
        }
        const waiting = this.afterReplay;
        this.afterReplay = [];
        for (const call of waiting) {
            this.applyCall(call);
        }
    }

    private cancelWelcomeReplay(): void {
        if (this.welcomeReplay) {
            this.scheduler.clearTimeout(this.welcomeReplay.timer);
            this.welcomeReplay = undefined;
        }
        this.afterReplay = [];
    }

    // ---- call events -------------------------------------------------------------------

    /** Applies a call event; repeated or late events change nothing. */
    private applyCall(message: ListenerCallMessage): void {
        const call = this.calls.get(message.callid);
        if (!call && this.dialsInFlight > 0) {
            // It may be the call being dialled: wait for its id.
            this.heldBack.push(message);
            return;
        }
        if (!call) {
            if (message.event !== 'ended' && !this.endedCallIds.has(message.callid)) {
                this.ring(message);
                if (message.event === 'answered') {
                    this.applyCall(message);
                }
            }
            return;
        }
        this.mergeAttributes(call.id, message.attributes);
        switch (message.event) {
            case 'ringing':
                if (call.direction === 'outbound' && call.state === 'dialing') {
                    this.emit({ type: 'remoteRinging', callId: call.id });
                }
                return;
            case 'answered':
                if (call.state === 'ringing' || call.state === 'dialing') {
                    call.state = 'connected';
                    call.answered = true;
                    this.emit({ type: 'answered', callId: call.id });
                }
                return;
            case 'ended':
                this.endCall(call, this.endReason(call, message.attributes['reason']));
                return;
        }
    }

    private ring(message: ListenerCallMessage): void {
        const attributes = Object.assign(emptyAttributes(), message.attributes);
        this.calls.set(message.callid, {
            id: message.callid,
            direction: 'inbound',
            state: 'ringing',
            answered: false
        });
        this.attributes.set(message.callid, attributes);
        const name = attributes['name']?.trim();
        // The extra pairs are the call data, with the dialled number as DNIS (see call-data.ts).
        const { data } = toCallData([
            ...(message.dnis === '' ? [] : [[CALL_DATA_KEYS.dialledNumber, message.dnis] as const]),
            ...Object.entries(attributes)
        ]);
        this.emit({
            type: 'incoming',
            callId: message.callid,
            from: message.ani,
            to: message.dnis,
            ...(name ? { fromName: name } : {}),
            ...(Object.keys(data).length === 0 ? {} : { data })
        });
    }

    private endReason(call: ListenerCall, fromPhoneSystem: string | undefined): CallEndReason {
        if (call.endingAs) {
            return call.endingAs;
        }
        const named = endReasonsFromPhoneSystem.find((reason) => reason === fromPhoneSystem);
        if (named) {
            return named;
        }
        if (call.answered) {
            return 'remote-hangup';
        }
        return call.direction === 'inbound' ? 'cancelled' : 'no-answer';
    }

    private mergeAttributes(callId: string, update: Readonly<Record<string, string>>): void {
        this.attributes.set(
            callId,
            mergeAttributes(this.attributes.get(callId) ?? emptyAttributes(), update)
        );
    }

    private releaseHeldBack(): void {
        if (this.dialsInFlight > 0) {
            return;
        }
        const messages = this.heldBack;
        this.heldBack = [];
        for (const message of messages) {
            this.applyCall(message);
        }
    }

    private endCall(call: ListenerCall, reason: CallEndReason, message?: string): void {
        if (!this.forget(call)) {
            return;
        }
        this.emit({
            type: 'ended',
            callId: call.id,
            reason,
            ...(message === undefined ? {} : { message })
        });
        if (this.conference.delete(call.id)) {
            const left = this.conference.size < 2 ? [] : [...this.conference];
            if (left.length === 0) {
                this.conference.clear();
            }
            this.emit({ type: 'conference', callIds: left });
        }
    }

    private endAllCalls(reason: CallEndReason): void {
        this.heldBack = [];
        for (const call of [...this.calls.values()]) {
            this.endCall(call, reason);
        }
    }

    /** Removes a live call, remembering its id and, for a while, its attributes. */
    private forget(call: ListenerCall): boolean {
        if (!this.calls.delete(call.id)) {
            return false;
        }
        remember(this.endedCallIds, call.id, listenerConnectorDefaults.endedCallMemory);
        const attributes = this.attributes.get(call.id);
        if (attributes) {
            // Re-inserted last, so that the oldest ended call's attributes go first.
            this.attributes.delete(call.id);
            this.attributes.set(call.id, attributes);
        }
        let ended = [...this.attributes.keys()].filter((id) => !this.calls.has(id));
        while (ended.length > listenerConnectorDefaults.endedAttributesMemory) {
            this.attributes.delete(ended[0] ?? '');
            ended = ended.slice(1);
        }
        return true;
    }

    // ---- agent actions -----------------------------------------------------------------

    /** Refuses an action that needs the phone system when it takes none, or is unreachable. */
    private remoteRefusal(
        action: ListenerAction,
        whenControlledOnPhone: string
    ): Error | undefined {
        if (this.status !== 'connected') {
            return new Error(
                `Cannot ${actionNames[action]}: the listener bridge is ${this.status}.`
            );
        }
        return this.actionsSupported ? undefined : new Error(whenControlledOnPhone);
    }

    private act(
        action: ListenerAction,
        callId: string,
        allowed: readonly ListenerCallState[],
        apply: (call: ListenerCall) => void,
        extra: Pick<ListenerActionMessage, 'digits' | 'number' | 'othercallid'> = {}
    ): Promise<void> {
        const call = this.calls.get(callId);
        if (!call) {
            return Promise.reject(this.unknownCall(action, callId));
        }
        if (!allowed.includes(call.state)) {
            return Promise.reject(
                new Error(
                    `Cannot ${actionNames[action]} call "${callId}": it is ${call.state} (needs ${allowed.join(' or ')}).`
                )
            );
        }
        if (!this.actionsSupported) {
            // Controlled on the agent's phone: the softphone follows what the agent says. The
            // confirming event comes on a microtask, never inside the request.
            return Promise.resolve().then(() => {
                const live = this.calls.get(callId);
                if (live) {
                    apply(live);
                }
            });
        }
        if (this.status !== 'connected') {
            return Promise.reject(
                new Error(`Cannot ${actionNames[action]}: the listener bridge is ${this.status}.`)
            );
        }
        return this.sendAction({ action, callid: callId, ...extra }).then(() => {
            const live = this.calls.get(callId);
            if (live) {
                apply(live);
            }
        });
    }

    private actToEnd(
        action: 'decline' | 'hangup',
        callId: string,
        allowed: readonly ListenerCallState[],
        reason: CallEndReason
    ): Promise<void> {
        const call = this.calls.get(callId);
        if (call && allowed.includes(call.state) && call.endingAs === undefined) {
            call.endingAs = reason;
        }
        return this.act(action, callId, allowed, (live) => {
            this.endCall(live, reason);
        }).catch((error: unknown) => {
            const live = this.calls.get(callId);
            if (live && live.endingAs === reason) {
                delete live.endingAs;
            }
            throw error;
        });
    }

    private sendAction(
        fields: Omit<ListenerActionMessage, 'type' | 'requestId'>
    ): Promise<string | undefined> {
        const socket = this.socket;
        if (!socket || socket.readyState !== WEB_SOCKET_OPEN || !this.welcomed) {
            return Promise.reject(
                new Error(
                    `Cannot ${actionNames[fields.action]}: the listener bridge is ${this.status}.`
                )
            );
        }
        this.requestCounter += 1;
        const requestId = `r${this.requestCounter}`;
        return new Promise<string | undefined>((resolve, reject) => {
            const timer = this.scheduler.setTimeout(() => {
                if (this.pendingActions.delete(requestId)) {
                    reject(
                        new Error(
                            `The phone system did not answer the ${actionNames[fields.action]} request within ${Math.round(this.actionTimeoutMs / 1000)} s.`
                        )
                    );
                }
            }, this.actionTimeoutMs);
            this.pendingActions.set(requestId, { action: fields.action, resolve, reject, timer });
            this.send({ type: 'action', requestId, ...fields });
        });
    }

    private failPendingActions(error: Error): void {
        const pending = [...this.pendingActions.values()];
        this.pendingActions.clear();
        for (const action of pending) {
            this.scheduler.clearTimeout(action.timer);
            action.reject(error);
        }
    }

    private send(message: object): void {
        try {
            this.socket?.send(JSON.stringify(message));
        } catch (error) {
            this.logger('warn', 'Could not send to the listener bridge.', {
                error: errorMessage(error)
            });
        }
    }

    private unknownCall(action: ListenerAction, callId: string): Error {
        return this.endedCallIds.has(callId)
            ? new Error(`Cannot ${actionNames[action]} call "${callId}": it has ended.`)
            : new Error(`Cannot ${actionNames[action]} call "${callId}": there is no such call.`);
    }

    private setStatus(status: ConnectionStatus, message?: string): void {
        this.status = status;
        this.emit({ type: 'connection', status, ...(message === undefined ? {} : { message }) });
    }

    private emit(event: ConnectorEvent): void {
        this.events.emit('event', event);
    }
}

function dialNumberRefusal(number: string): Error | undefined {
    const trimmed = typeof number === 'string' ? number.trim() : '';
    return /\d/.test(trimmed) && isPhoneText(trimmed)
        ? undefined
        : new Error(
              `Cannot dial "${String(number).slice(0, 40)}": use up to ${listenerLimits.phoneTextLength} digits, spaces and + * # ( ) . -.`
          );
}

function remember(set: Set<string>, value: string, limit: number): void {
    set.add(value);
    if (set.size > limit) {
        const oldest = set.values().next();
        if (!oldest.done) {
            set.delete(oldest.value);
        }
    }
}

function errorMessage(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
