import { label } from '../../i18n';
import type {
    CallEndReason,
    ConnectionStatus,
    Connector,
    ConnectorEvent,
    ConnectorListener
} from '../connector';
import { toCallData, type CallData } from '../call-data';
import type { HandoverSupport, TransferFailureReason } from '../call-handover';
import { callStateRefusal, ConnectorEvents } from '../connector-events';
import type { ConnectorAction } from '../connector-words';
import { actionWord, connectionStatusWord } from '../connector-words';
import { normaliseDtmf } from '../dtmf';
import type { Scheduler } from '../scheduler';
import { systemScheduler } from '../scheduler';
import type { SimulatedCall, SimulatedCallState } from './simulated-call';
import {
    clearRemoteTimers,
    newSimulatedCall,
    scheduleRemote,
    settleEndedCall,
    settleLater
} from './simulated-call';
import type { SimulatorDelays } from './simulator-delays';
import { defaultSimulatorDelays } from './simulator-delays';
import type { SimulatorRuleStep } from './simulator-rules';
import { simulatorRuleFor } from './simulator-rules';
import {
    numberRefusal,
    simulatorNotConnected,
    transferRefused,
    unknownSimulatedCall
} from './simulator-refusals';

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
    /** Plays blind and consult transfer and a conference (swap and cancel use the stand-ins). */
    readonly handoverSupport: HandoverSupport = Object.freeze({
        blindTransfer: true,
        consultTransfer: true,
        conference: true
    });

    private readonly scheduler: Scheduler;
    private readonly delays: SimulatorDelays;
    private readonly idGenerator: () => string;
    private readonly lineNumber: string;
    // A listener that throws is reported by the emitter and cannot stop the simulator mid-update.
    private readonly events = new ConnectorEvents();
    private readonly calls = new Map<string, SimulatedCall>();
    private readonly endedCallIds = new Set<string>();
    private readonly digitsSent = new Map<string, string>();
    /** The calls merged into the agent's conference. */
    private readonly conference = new Set<string>();
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
            label('Softphone_Simulator_Reconnecting_Connect')
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
            this.connecting.reject(new Error(label('Softphone_Simulator_Disconnected_Early')));
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
            return Promise.reject(new Error(label('Softphone_Simulator_Repeated_Dial_Id', id)));
        }
        const call = this.addCall(id, 'outbound', 'dialing', number);
        for (const step of simulatorRuleFor(number).steps) {
            scheduleRemote(call, this.scheduler, this.stepDelay(step), () =>
                this.applyStep(call, step)
            );
        }
        return Promise.resolve(id);
    }

    answer(callId: string): Promise<void> {
        return this.request('answer', callId, ['ringing'], (call) => {
            clearRemoteTimers(call, this.scheduler);
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
        return this.request('hangup', callId, ['dialing', 'connected', 'held'], (call) =>
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
            return Promise.reject(new Error(label('Softphone_Simulator_Bad_Dtmf', digits)));
        }
        return this.request('sendDtmf', callId, ['connected'], () => {
            this.digitsSent.set(callId, this.sentDigits(callId) + tones);
            return Promise.resolve();
        });
    }

    /**
     * Blind transfer, played by the target's dial rule (see simulator-rules.ts): 'trying' after
     * localActionMs (then the request resolves), 'ringing', then 'accepted' and 'ended'
     * 'transferred' when the target answers, or 'failed' with why; the call stays meanwhile.
     * A target ending in 0005 refuses: the request rejects.
     */
    blindTransfer(callId: string, target: string): Promise<void> {
        const refusal = numberRefusal(target, 'transferTo');
        if (refusal) {
            return Promise.reject(refusal);
        }
        return this.request('transfer', callId, ['connected', 'held'], (call) => {
            const rule = simulatorRuleFor(target);
            if (rule.behaviour === 'refuse-transfer') {
                return this.refuseLater(call, transferRefused(target));
            }
            return this.confirmLater(call, 'transfer', {
                type: 'transfer',
                callId,
                target,
                progress: 'trying'
            }).then(() => this.playTransfer(call, target));
        });
    }

    /** A consult call: like dial(), while `callId` is held. */
    startConsult(callId: string, target: string): Promise<string> {
        const call = this.calls.get(callId);
        if (call && call.state !== 'held') {
            return Promise.reject(
                callStateRefusal(actionWord('consult'), callId, call.state, ['held'] as const)
            );
        }
        if (!call) {
            return Promise.reject(this.unknownCall('consult', callId));
        }
        return this.dial(target);
    }

    /**
     * Joins the held call to the consulted party after localActionMs: 'accepted', then both
     * calls end 'transferred'. Rejects when the consulted number refuses transfers (0005).
     */
    completeConsult(callId: string, consultCallId: string): Promise<void> {
        const consult = this.calls.get(consultCallId);
        if (!consult || consult.state !== 'connected') {
            return Promise.reject(
                new Error(label('Softphone_Connector_Consult_Not_Connected', consultCallId))
            );
        }
        return this.request('completeConsult', callId, ['held'], (call) => {
            if (simulatorRuleFor(consult.remote).behaviour === 'refuse-transfer') {
                return this.refuseLater(call, transferRefused(consult.remote));
            }
            return this.confirmLater(call, 'transfer', {
                type: 'transfer',
                callId,
                target: consult.remote,
                progress: 'accepted'
            }).then(() => {
                this.endNow(call, 'transferred');
                this.endNow(consult, 'transferred');
            });
        });
    }

    /** Merges the held and the connected call into one conference after localActionMs. */
    mergeCalls(heldCallId: string, activeCallId: string): Promise<void> {
        const active = this.calls.get(activeCallId);
        if (!active || active.state !== 'connected') {
            return Promise.reject(
                new Error(label('Softphone_Connector_Merge_Not_Connected', activeCallId))
            );
        }
        return this.request('merge', heldCallId, ['held'], (held) => {
            held.state = 'connected';
            return this.confirmLater(held, 'merge', { type: 'resumed', callId: heldCallId }).then(
                () => {
                    this.conference.add(heldCallId);
                    this.conference.add(activeCallId);
                    this.events.emit({ type: 'conference', callIds: [...this.conference] });
                }
            );
        });
    }

    /** Hangs up one party of the conference; the parties left are reported. */
    dropParty(callId: string): Promise<void> {
        if (!this.conference.has(callId)) {
            return Promise.reject(
                new Error(label('Softphone_Connector_Not_In_Conference', callId))
            );
        }
        return this.hangup(callId);
    }

    /**
     * An inbound call rings: emits 'incoming' at once and returns the new call id. Throws when
     * the simulator is not connected or the caller has no number text at all.
     */
    simulateIncoming(caller: SimulatedCaller): string {
        const refusal = this.connectionRefusal('receiveCall');
        if (refusal) {
            throw refusal;
        }
        const id = this.idGenerator();
        if (this.calls.has(id) || this.endedCallIds.has(id)) {
            throw new Error(label('Softphone_Simulator_Repeated_Call_Id', id));
        }
        const call = this.addCall(id, 'inbound', 'ringing', caller.from);
        scheduleRemote(call, this.scheduler, this.delays.inboundRingTimeoutMs, () =>
            this.endNow(call, 'no-answer')
        );
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
            throw this.unknownCall('simulateRemoteHangup', callId);
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
                label('Softphone_Simulator_Loss_Refused', connectionStatusWord(this.events.status))
            );
        }
        this.events.setStatus('reconnecting', label('Softphone_Simulator_Connection_Lost'));
        this.endAllCalls('connection-lost');
    }

    /** The server is back: 'connected'. */
    simulateConnectionRestore(): void {
        if (this.events.status !== 'reconnecting') {
            throw new Error(
                label(
                    'Softphone_Simulator_Restore_Refused',
                    connectionStatusWord(this.events.status)
                )
            );
        }
        this.events.setStatus('connected');
    }

    private addCall(
        id: string,
        direction: SimulatedCall['direction'],
        state: SimulatedCallState,
        remote: string
    ): SimulatedCall {
        const call = newSimulatedCall(id, direction, state, remote);
        this.calls.set(id, call);
        return call;
    }

    private stepDelay(step: SimulatorRuleStep): number {
        return step.after === 'immediately' ? 0 : this.delays[step.after];
    }

    /** The transfer target's rule, played as transfer progress for `call`. */
    private playTransfer(call: SimulatedCall, target: string): void {
        for (const step of simulatorRuleFor(target).steps) {
            scheduleRemote(call, this.scheduler, this.stepDelay(step), () =>
                this.applyTransferStep(call, target, step)
            );
        }
    }

    private applyTransferStep(call: SimulatedCall, target: string, step: SimulatorRuleStep): void {
        const report = (
            progress: 'ringing' | 'accepted' | 'failed',
            reason?: TransferFailureReason
        ) =>
            this.events.emit({
                type: 'transfer',
                callId: call.id,
                target,
                progress,
                ...(reason ? { reason } : {})
            });
        if (step.event === 'remoteRinging') {
            report('ringing');
            return;
        }
        const handedOn = step.event === 'answered' || step.reason === 'voicemail';
        if (handedOn) {
            clearRemoteTimers(call, this.scheduler);
            report('accepted');
            this.endNow(call, 'transferred');
            return;
        }
        report('failed', transferFailure(step.reason));
    }

    /** Rejects the request after localActionMs (the phone system's refusal). */
    private refuseLater(call: SimulatedCall, refusal: Error): Promise<void> {
        return settleLater(call, this.scheduler, 'transfer', this.delays.localActionMs, () => {
            throw refusal;
        });
    }

    /** After a conference party's 'ended': the parties left (fewer than two: it is over). */
    private leaveConference(callId: string): void {
        if (this.conference.delete(callId)) {
            const left = [...this.conference];
            if (left.length < 2) {
                this.conference.clear();
            }
            this.events.emit({ type: 'conference', callIds: left.length < 2 ? [] : left });
        }
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
        action: ConnectorAction,
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
        const wrongState = callStateRefusal(actionWord(action), callId, call.state, allowed);
        if (wrongState) {
            return Promise.reject(wrongState);
        }
        return perform(call);
    }

    /** Emits the confirming event after localActionMs, then resolves. */
    private confirmLater(
        call: SimulatedCall,
        action: ConnectorAction,
        event: ConnectorEvent
    ): Promise<void> {
        return settleLater(call, this.scheduler, action, this.delays.localActionMs, () =>
            this.events.emit(event)
        );
    }

    /** The agent ends the call: it is gone at once; 'ended' follows after localActionMs. */
    private endLater(call: SimulatedCall, reason: CallEndReason): Promise<void> {
        this.forget(call, reason);
        return new Promise<void>((resolve) => {
            this.scheduler.setTimeout(() => {
                this.events.emit({ type: 'ended', callId: call.id, reason });
                this.leaveConference(call.id);
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
        this.leaveConference(call.id);
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
        settleEndedCall(call, this.scheduler, reason);
    }

    private connectionRefusal(action: ConnectorAction): Error | undefined {
        return this.events.status === 'connected'
            ? undefined
            : simulatorNotConnected(action, this.events.status);
    }

    private unknownCall(action: ConnectorAction, callId: string): Error {
        return unknownSimulatedCall(action, callId, this.endedCallIds.has(callId));
    }
}

/** A target's end, as the reason its transfer failed. */
function transferFailure(reason: CallEndReason): TransferFailureReason {
    switch (reason) {
        case 'busy':
            return 'busy';
        case 'no-answer':
            return 'no-answer';
        case 'unreachable':
            return 'unreachable';
        case 'declined':
            return 'refused';
        default:
            return 'failed';
    }
}

function callDataOf(pairs: Readonly<Record<string, string>> | undefined): { data?: CallData } {
    const { data } = toCallData(Object.entries(pairs ?? {}));
    return Object.keys(data).length === 0 ? {} : { data };
}
