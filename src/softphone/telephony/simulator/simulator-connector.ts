import type {
    CallEndReason,
    ConnectionStatus,
    Connector,
    ConnectorEvent,
    ConnectorListener
} from '../connector';
import { toCallData, type CallData } from '../call-data';
import { callStateRefusal, ConnectorEvents } from '../connector-events';
import { normaliseDtmf } from '../dtmf';
import type { Scheduler } from '../scheduler';
import { systemScheduler } from '../scheduler';
import type { SimulatorDelays } from './simulator-delays';
import { defaultSimulatorDelays } from './simulator-delays';
import type { SimulatorRuleStep } from './simulator-rules';
import { simulatorRuleFor } from './simulator-rules';

export interface SimulatorConnectorOptions {
    /** Makes the call ids (the provider call ids of the call log). */
    readonly idGenerator: () => string;
    /** Defaults to the platform timers. */
    readonly scheduler?: Scheduler;
    /** Overrides some of defaultSimulatorDelays. */
    readonly delays?: Partial<SimulatorDelays>;
    /** The agent's own number: the `to` of simulated inbound calls that name none. */
    readonly lineNumber?: string;
}

/** What simulateIncoming() needs: the caller's number, and optionally name and dialled number. */
export interface SimulatedCaller {
    readonly from: string;
    readonly fromName?: string;
    readonly to?: string;
    /** What the phone system knows about the call (validated and bounded: see call-data.ts). */
    readonly data?: Readonly<Record<string, string>>;
}

type SimulatedCallState = 'ringing' | 'dialing' | 'connected' | 'held';

interface PendingAction {
    readonly action: string;
    readonly handle: unknown;
    readonly reject: (error: Error) => void;
}

interface SimulatedCall {
    readonly id: string;
    readonly direction: 'inbound' | 'outbound';
    state: SimulatedCallState;
    muted: boolean;
    /** The remote side's scheduled behaviour (dial rule steps, inbound ring timeout). */
    readonly remoteTimers: Set<unknown>;
    /** The agent's requests waiting for their confirming event. */
    readonly pendingActions: Set<PendingAction>;
}

/**
 * A phone system in the browser, for demos, the local console and tests: no server, no media.
 * Outbound numbers behave by their last digits (see simulator-rules.ts); inbound calls, remote
 * hang-ups and connection loss happen when the simulate…() controls ask.
 *
 * The agent's requests change the simulator's own state at once and are confirmed by their
 * event after localActionMs (the promise settles right after that event), so events never
 * arrive re-entrantly inside a request. Any request for a call id the simulator does not know,
 * or for a call in the wrong state, rejects with an Error that says why.
 */
export class SimulatorConnector implements Connector {
    readonly kind = 'simulator';

    private readonly scheduler: Scheduler;
    private readonly delays: SimulatorDelays;
    private readonly idGenerator: () => string;
    private readonly lineNumber: string;
    // A listener that throws is reported by the emitter and cannot stop the simulator mid-update.
    private readonly events = new ConnectorEvents();
    private readonly calls = new Map<string, SimulatedCall>();
    private readonly endedCallIds = new Set<string>();
    private readonly digitsSent = new Map<string, string>();
    private connecting?: {
        readonly promise: Promise<void>;
        readonly handle: unknown;
        readonly reject: (error: Error) => void;
    };

    constructor(options: SimulatorConnectorOptions) {
        this.idGenerator = options.idGenerator;
        this.scheduler = options.scheduler ?? systemScheduler;
        this.delays = { ...defaultSimulatorDelays, ...options.delays };
        this.lineNumber = options.lineNumber ?? '';
    }

    get connectionStatus(): ConnectionStatus {
        return this.events.status;
    }

    /** Ids of the calls that have not ended, oldest first. */
    liveCallIds(): string[] {
        return [...this.calls.keys()];
    }

    /** Every DTMF tone sent on a call so far ('' for none or an unknown id). */
    sentDigits(callId: string): string {
        return this.digitsSent.get(callId) ?? '';
    }

    onEvent(listener: ConnectorListener): () => void {
        return this.events.on(listener);
    }

    connect(): Promise<void> {
        const answered = this.events.connectWithoutAttempt(
            this.connecting?.promise,
            'The simulator is reconnecting; simulateConnectionRestore() ends that.'
        );
        if (answered) {
            return answered;
        }
        this.events.setStatus('connecting');
        let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
        const promise = new Promise<void>((resolve, reject) => {
            settle = { resolve, reject };
        });
        const handle = this.scheduler.setTimeout(() => {
            this.connecting = undefined;
            this.events.setStatus('connected');
            settle?.resolve();
        }, this.delays.connectMs);
        this.connecting = {
            promise,
            handle,
            reject: (error) => settle?.reject(error)
        };
        return promise;
    }

    /** Ends every live call ('connection-lost'), then reports 'disconnected'. */
    disconnect(): Promise<void> {
        if (this.connecting) {
            this.scheduler.clearTimeout(this.connecting.handle);
            this.connecting.reject(
                new Error('Disconnected before the simulator finished connecting.')
            );
            this.connecting = undefined;
        }
        if (this.events.status !== 'disconnected') {
            this.endAllCalls('connection-lost');
            this.events.setStatus('disconnected');
        }
        return Promise.resolve();
    }

    dial(number: string): Promise<string> {
        const refusal = this.connectionRefusal('dial') ?? numberRefusal(number);
        if (refusal) {
            return Promise.reject(refusal);
        }
        const id = this.idGenerator();
        if (this.calls.has(id) || this.endedCallIds.has(id)) {
            return Promise.reject(
                new Error(`Cannot dial: the id generator repeated call id "${id}".`)
            );
        }
        const call = this.addCall(id, 'outbound', 'dialing');
        for (const step of simulatorRuleFor(number).steps) {
            const delay = step.after === 'immediately' ? 0 : this.delays[step.after];
            const handle = this.scheduler.setTimeout(() => {
                call.remoteTimers.delete(handle);
                this.applyStep(call, step);
            }, delay);
            call.remoteTimers.add(handle);
        }
        return Promise.resolve(id);
    }

    answer(callId: string): Promise<void> {
        return this.request('answer', callId, ['ringing'], (call) => {
            this.clearRemoteTimers(call);
            call.state = 'connected';
            return this.confirmLater(call, 'answer', { type: 'answered', callId });
        });
    }

    decline(callId: string): Promise<void> {
        return this.request('decline', callId, ['ringing'], (call) =>
            this.endLater(call, 'declined')
        );
    }

    hangup(callId: string): Promise<void> {
        return this.request('hang up', callId, ['dialing', 'connected', 'held'], (call) =>
            this.endLater(call, 'local-hangup')
        );
    }

    hold(callId: string): Promise<void> {
        return this.request('hold', callId, ['connected'], (call) => {
            call.state = 'held';
            return this.confirmLater(call, 'hold', { type: 'held', callId });
        });
    }

    resume(callId: string): Promise<void> {
        return this.request('resume', callId, ['held'], (call) => {
            call.state = 'connected';
            return this.confirmLater(call, 'resume', { type: 'resumed', callId });
        });
    }

    setMuted(callId: string, muted: boolean): Promise<void> {
        return this.request('mute', callId, ['dialing', 'connected', 'held'], (call) => {
            call.muted = muted;
            return Promise.resolve();
        });
    }

    sendDtmf(callId: string, digits: string): Promise<void> {
        const tones = normaliseDtmf(digits);
        if (tones === undefined) {
            return Promise.reject(
                new Error(`Cannot send DTMF "${digits}": use only 0-9, *, # and A-D.`)
            );
        }
        return this.request('send DTMF on', callId, ['connected'], () => {
            this.digitsSent.set(callId, this.sentDigits(callId) + tones);
            return Promise.resolve();
        });
    }

    /**
     * An inbound call rings: emits 'incoming' at once and returns the new call id. Throws when
     * the simulator is not connected or the caller has no number text at all.
     */
    simulateIncoming(caller: SimulatedCaller): string {
        const refusal = this.connectionRefusal('receive a call');
        if (refusal) {
            throw refusal;
        }
        const id = this.idGenerator();
        if (this.calls.has(id) || this.endedCallIds.has(id)) {
            throw new Error(`Cannot simulate a call: the id generator repeated call id "${id}".`);
        }
        const call = this.addCall(id, 'inbound', 'ringing');
        const handle = this.scheduler.setTimeout(() => {
            call.remoteTimers.delete(handle);
            this.endNow(call, 'no-answer');
        }, this.delays.inboundRingTimeoutMs);
        call.remoteTimers.add(handle);
        const event: ConnectorEvent = {
            type: 'incoming',
            callId: id,
            from: caller.from,
            to: caller.to ?? this.lineNumber,
            ...(caller.fromName === undefined ? {} : { fromName: caller.fromName }),
            ...callDataOf(caller.data)
        };
        this.events.emit(event);
        return id;
    }

    /**
     * The other party hangs up: 'cancelled' while an inbound call rings, 'declined' while an
     * outbound call is still dialing, 'remote-hangup' once connected. Throws for an unknown id.
     */
    simulateRemoteHangup(callId: string): void {
        const call = this.calls.get(callId);
        if (!call) {
            throw this.unknownCall('simulate a remote hang-up on', callId);
        }
        const reason: CallEndReason =
            call.state === 'ringing'
                ? 'cancelled'
                : call.state === 'dialing'
                  ? 'declined'
                  : 'remote-hangup';
        this.endNow(call, reason);
    }

    /** The server goes away: 'reconnecting', then every live call ends with 'connection-lost'. */
    simulateConnectionLoss(): void {
        if (this.events.status !== 'connected') {
            throw new Error(
                `Cannot simulate a connection loss: the simulator is ${this.events.status}.`
            );
        }
        this.events.setStatus('reconnecting', 'Simulated connection loss; reconnecting.');
        this.endAllCalls('connection-lost');
    }

    /** The server is back: 'connected'. */
    simulateConnectionRestore(): void {
        if (this.events.status !== 'reconnecting') {
            throw new Error(
                `Cannot simulate a connection restore: the simulator is ${this.events.status}.`
            );
        }
        this.events.setStatus('connected');
    }

    private addCall(
        id: string,
        direction: SimulatedCall['direction'],
        state: SimulatedCallState
    ): SimulatedCall {
        const call: SimulatedCall = {
            id,
            direction,
            state,
            muted: false,
            remoteTimers: new Set(),
            pendingActions: new Set()
        };
        this.calls.set(id, call);
        return call;
    }

    private applyStep(call: SimulatedCall, step: SimulatorRuleStep): void {
        switch (step.event) {
            case 'remoteRinging':
                this.events.emit({ type: 'remoteRinging', callId: call.id });
                return;
            case 'answered':
                call.state = 'connected';
                this.events.emit({ type: 'answered', callId: call.id });
                return;
            case 'ended':
                this.endNow(call, step.reason);
                return;
        }
    }

    /** Validates a request against the connection and the call's state, then performs it. */
    private request(
        action: string,
        callId: string,
        allowed: readonly SimulatedCallState[],
        perform: (call: SimulatedCall) => Promise<void>
    ): Promise<void> {
        const refusal = this.connectionRefusal(action);
        if (refusal) {
            return Promise.reject(refusal);
        }
        const call = this.calls.get(callId);
        if (!call) {
            return Promise.reject(this.unknownCall(action, callId));
        }
        const wrongState = callStateRefusal(action, callId, call.state, allowed);
        if (wrongState) {
            return Promise.reject(wrongState);
        }
        return perform(call);
    }

    /** Emits the confirming event after localActionMs, then resolves. */
    private confirmLater(
        call: SimulatedCall,
        action: string,
        event: ConnectorEvent
    ): Promise<void> {
        return new Promise<void>((resolve, reject) => {
            const pending: PendingAction = {
                action,
                handle: this.scheduler.setTimeout(() => {
                    call.pendingActions.delete(pending);
                    this.events.emit(event);
                    resolve();
                }, this.delays.localActionMs),
                reject
            };
            call.pendingActions.add(pending);
        });
    }

    /** The agent ends the call: it is gone at once; 'ended' follows after localActionMs. */
    private endLater(call: SimulatedCall, reason: CallEndReason): Promise<void> {
        this.forget(call, reason);
        return new Promise<void>((resolve) => {
            this.scheduler.setTimeout(() => {
                this.events.emit({ type: 'ended', callId: call.id, reason });
                resolve();
            }, this.delays.localActionMs);
        });
    }

    private endNow(call: SimulatedCall, reason: CallEndReason): void {
        if (!this.calls.has(call.id)) {
            return;
        }
        this.forget(call, reason);
        this.events.emit({ type: 'ended', callId: call.id, reason });
    }

    private endAllCalls(reason: CallEndReason): void {
        for (const call of [...this.calls.values()]) {
            this.endNow(call, reason);
        }
    }

    /** Removes a call, cancels its remote behaviour and fails the requests still pending on it. */
    private forget(call: SimulatedCall, reason: CallEndReason): void {
        this.calls.delete(call.id);
        this.endedCallIds.add(call.id);
        this.clearRemoteTimers(call);
        for (const pending of call.pendingActions) {
            this.scheduler.clearTimeout(pending.handle);
            pending.reject(
                new Error(
                    `Call "${call.id}" ended (${reason}) before the ${pending.action} completed.`
                )
            );
        }
        call.pendingActions.clear();
    }

    private clearRemoteTimers(call: SimulatedCall): void {
        for (const handle of call.remoteTimers) {
            this.scheduler.clearTimeout(handle);
        }
        call.remoteTimers.clear();
    }

    private connectionRefusal(action: string): Error | undefined {
        return this.events.status === 'connected'
            ? undefined
            : new Error(`Cannot ${action}: the simulator is ${this.events.status}.`);
    }

    private unknownCall(action: string, callId: string): Error {
        return this.endedCallIds.has(callId)
            ? new Error(`Cannot ${action} call "${callId}": it has ended.`)
            : new Error(`Cannot ${action} call "${callId}": the simulator has no such call.`);
    }
}

function numberRefusal(number: string): Error | undefined {
    return typeof number === 'string' && /\d/.test(number)
        ? undefined
        : new Error(`Cannot dial "${String(number)}": a number needs at least one digit.`);
}

function callDataOf(pairs: Readonly<Record<string, string>> | undefined): { data?: CallData } {
    const { data } = toCallData(Object.entries(pairs ?? {}));
    return Object.keys(data).length === 0 ? {} : { data };
}
