import type { Listener } from '../shared/typed-emitter';
import { TypedEmitter } from '../shared/typed-emitter';
import type {
    CallEndReason,
    ConnectionStatus,
    Connector,
    ConnectorEvent
} from '../telephony/connector';
import { withoutSecrets, type CallData } from '../telephony/call-data';
import { normaliseDtmf } from '../telephony/dtmf';
import type { AgentStateContext } from './agent-state-rules';
import { agentStateOptions, agentStateRefusal } from './agent-state-rules';
import type { AgentState, Call, CallOutcome, Clock, RelatedRecord } from './call-model';
import { outcomeFor } from './call-outcome';
import type { EndedCall } from './ended-call';
import { talkTimeSeconds } from './ended-call';
import type { CallEngineEvents, EngineSnapshot } from './engine-events';
import type { EngineLogger } from './engine-logger';
import { silentLogger } from './engine-logger';
import type { DialResult, EngineFailure, EngineResult } from './engine-result';
import { engineFailure, engineOk } from './engine-result';

export interface CallEngineOptions {
    readonly connector: Connector;
    readonly clock: Clock;
    /** The agent's own number, recorded as `from` of outbound calls ('' when unknown). */
    readonly lineNumber?: string;
    /** Also receives errors thrown by event listeners (otherwise rethrown on a microtask). */
    readonly logger?: EngineLogger;
    /**
     * Turns the phone system's numbers into E.164 where it can (the caller id of an inbound
     * call, the dialled line), so logs and searches see one form; identity by default.
     */
    readonly normaliseNumber?: (raw: string) => string;
    /**
     * The admin's deny-list of call-data keys (callData/deniedKeys): with the credential keys of
     * the redaction policy, their values are dropped as the call arrives, so nothing shows or
     * logs them.
     */
    readonly secretCallDataKeys?: readonly string[];
}

/** Requests that change a call's state; while one is unconfirmed, others on that call wait. */
type CallOperation = 'answer' | 'hold' | 'resume';

interface PendingDial {
    readonly startedAt: number;
    /** Events for ids not known yet: a connector may report on a call before dial() resolves. */
    readonly buffered: ConnectorEvent[];
}

/** When a request on a live call is refused (see CallEngine.requestRefusal). */
interface CallRequestRule {
    /**
     * The request waits for nothing but the call ending, refused with this message meanwhile;
     * without it, any pending request on the call refuses it too.
     */
    readonly whileEnding?: string;
    /** Whether the call's state allows the request; `refusal` says why not. */
    readonly allowed: (call: Call) => boolean;
    readonly refusal: (call: Call) => string;
    /** Refused with this message while another call holds the agent's audio. */
    readonly lineTaken?: string;
}

type CallPatch = Partial<Pick<Call, 'state' | 'answeredAt' | 'heldAt' | 'muted' | 'related'>>;

/**
 * The call engine: the agent's state and calls, driven by agent commands and connector events.
 * Pure TypeScript: no DOM, no Salesforce; time comes from the injected clock, call ids from the
 * connector. start() subscribes to the connector; until then nothing arrives from it.
 *
 * Commands never throw for an illegal request; they return `{ ok: false, error }`.
 * - Synchronous (no connector involved): setAgentState, completeWrapUp, setRelatedRecord.
 * - Promise of a result (the connector is asked): connect, disconnect, dial, answer, decline,
 *   hangup, hold, resume, setMuted, sendDtmf. Validation happens before the connector is asked,
 *   so a refused request resolves at once and changes nothing.
 *
 * When the state changes: optimistically only where undoing is harmless — dial() makes the
 * agent Busy at once (so no inbound call is offered meanwhile) and setMuted() flips the flag at
 * once; both are undone if the connector rejects. Everything else (answer, hold, resume,
 * decline, hangup) changes the call only when the connector confirms, by its event or by the
 * request's promise resolving, whichever comes first. A rejected request resolves with
 * 'connector-failed' AND emits an `error` event, unless the call has meanwhile ended or is
 * being ended by the agent (then the failure is moot).
 *
 * Calls: at most two live calls (call waiting): one the agent works on and one ringing or held.
 * - dial: when Available with no live call, or while the only live call is held (a second,
 *   e.g. consultation, call); never while a call rings, dials or is connected.
 * - answer / resume: only when no other call is connected or dialing (hold it first; the
 *   engine does not hold it for you, so a failed hold can never leave two calls connected).
 * - An inbound call rings when the agent is Available or in AfterCallWork with no live call, or
 *   Busy with exactly one live call and nothing else ringing (call waiting). Answering a call
 *   offered in AfterCallWork ends the after-call work (the agent becomes Busy); while it rings
 *   the agent may still finish wrap-up (completeWrapUp) and it keeps ringing. Otherwise the
 *   engine declines it through the connector and logs it with outcome 'Busy': the agent is
 *   Busy, already has a call ringing, or is on Break or Offline (never offered, so never
 *   Missed). Such a call emits
 *   callStarted and callEnded but never appears in a snapshot.
 * - The agent declining a waiting call gives outcome Rejected (see outcomeFor).
 */
export class CallEngine {
    private readonly connector: Connector;
    private readonly clock: Clock;
    private readonly lineNumber: string;
    private readonly logger: EngineLogger;
    private readonly emitter: TypedEmitter<CallEngineEvents>;
    private agentState: AgentState = 'Offline';
    private connectionStatus: ConnectionStatus = 'disconnected';
    /** Live calls, oldest first; frozen and replaced on change, so snapshots can share it. */
    private calls: readonly Call[] = [];
    private readonly pending = new Map<string, CallOperation>();
    /** Calls the agent is declining or hanging up, not yet confirmed. */
    private readonly ending = new Set<string>();
    private pendingDial: PendingDial | undefined;
    /** Whether a call since the agent was last idle was dialled or answered: wrap-up follows. */
    private workedCall = false;
    private unsubscribe: (() => void) | undefined;
    /** Events wait here so that events caused by a listener follow the ones already due. */
    private readonly outbox: (() => void)[] = [];
    private flushing = false;
    private readonly normaliseNumber: (raw: string) => string;
    private readonly secretCallDataKeys: readonly string[];

    constructor(options: CallEngineOptions) {
        this.connector = options.connector;
        this.clock = options.clock;
        this.lineNumber = options.lineNumber ?? '';
        this.logger = options.logger ?? silentLogger;
        this.normaliseNumber = options.normaliseNumber ?? ((raw) => raw);
        this.secretCallDataKeys = options.secretCallDataKeys ?? [];
        const logger = options.logger;
        this.emitter = new TypedEmitter<CallEngineEvents>(
            logger
                ? {
                      onListenerError: (error, eventName) =>
                          logger('error', `A ${eventName} listener threw.`, { error })
                  }
                : {}
        );
    }

    /** Subscribes to an engine event; returns the unsubscribe function. */
    on<K extends keyof CallEngineEvents>(
        type: K,
        listener: Listener<CallEngineEvents[K]>
    ): () => void {
        return this.emitter.on(type, listener);
    }

    /** Starts listening to the connector (idempotent). */
    start(): void {
        if (!this.unsubscribe) {
            this.unsubscribe = this.connector.onEvent((event) => {
                this.handleEvent(event);
                this.flush();
            });
        }
    }

    /** Stops listening to the connector; the state is kept as it is. */
    stop(): void {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
    }

    snapshot(): EngineSnapshot {
        const active =
            this.calls.find((call) => call.state === 'connected') ??
            this.calls.find((call) => call.state === 'dialing') ??
            this.calls.find((call) => call.state === 'ringing') ??
            this.calls.find((call) => call.state === 'held');
        return Object.freeze({
            agentState: this.agentState,
            connectionStatus: this.connectionStatus,
            calls: this.calls,
            ...(active ? { activeCallId: active.id } : {})
        });
    }

    /** A live call by id. */
    getCall(callId: string): Call | undefined {
        return this.calls.find((call) => call.id === callId);
    }

    /** The agent states the agent may pick now, the current one first if it is not pickable. */
    agentStateOptions(): AgentState[] {
        return agentStateOptions(this.agentState, this.stateContext());
    }

    async connect(): Promise<EngineResult> {
        try {
            await this.connector.connect();
            return engineOk;
        } catch (error) {
            return this.failure('connect', error);
        }
    }

    /** Refused during a call; afterwards the agent is Offline. */
    async disconnect(): Promise<EngineResult> {
        if (this.hasLiveCall()) {
            return engineFailure('busy', "You can't disconnect during a call. End the call first.");
        }
        try {
            await this.connector.disconnect();
        } catch (error) {
            return this.failure('disconnect', error);
        }
        // In case the connector did not report it: the engine must not stay Available.
        this.applyConnectionStatus('disconnected');
        this.flush();
        return engineOk;
    }

    /** Offline, Available or Break, with no live call; see agent-state-rules.ts. */
    setAgentState(state: AgentState): EngineResult {
        const refusal = agentStateRefusal(this.agentState, state, this.stateContext());
        if (refusal) {
            return { ok: false, error: refusal };
        }
        if (state !== this.agentState) {
            this.agentState = state;
            this.publishState();
        }
        return engineOk;
    }

    /** Ends after-call work: the agent becomes Available. */
    completeWrapUp(): EngineResult {
        if (this.agentState !== 'AfterCallWork') {
            return engineFailure('invalid-state', 'There is no after-call work to complete.');
        }
        return this.setAgentState('Available');
    }

    /**
     * Places an outbound call to `number` (sent to the connector trimmed, otherwise as typed:
     * normalising it is the caller's job). Resolves with the connector's call id.
     */
    /**
     * A dial is coming: the connector may get ready meanwhile (Connector.prepareToDial). Call
     * the returned function once the dial is placed or given up.
     */
    prepareDial(): () => void {
        return this.connector.prepareToDial?.() ?? (() => undefined);
    }

    async dial(number: string, related?: RelatedRecord): Promise<DialResult> {
        const refusal = this.dialRefusal(number, related);
        if (refusal) {
            return refusal;
        }
        const to = number.trim();
        const pendingDial: PendingDial = { startedAt: this.clock.now(), buffered: [] };
        this.pendingDial = pendingDial;
        this.agentState = 'Busy';
        this.publishState();

        let callId: string;
        try {
            callId = await this.connector.dial(to);
        } catch (error) {
            this.pendingDial = undefined;
            const failure = this.failure(`dial ${to}`, error);
            this.leaveCallWorkIfIdle();
            this.publishState();
            return failure;
        }
        this.pendingDial = undefined;
        if (this.getCall(callId)) {
            this.logger('error', 'The connector reused the id of a live call.', { callId });
            const failure = this.failure(
                `dial ${to}`,
                new Error(`the phone system reused call id ${callId}`)
            );
            this.leaveCallWorkIfIdle();
            this.publishState();
            return failure;
        }
        const call: Call = Object.freeze({
            id: callId,
            direction: 'Outbound',
            from: this.lineNumber,
            to,
            state: 'dialing',
            startedAt: pendingDial.startedAt,
            muted: false,
            ...(related ? { related } : {})
        });
        this.calls = Object.freeze([...this.calls, call]);
        this.workedCall = true;
        this.queue('callStarted', call);
        if (this.connectionStatus === 'disconnected') {
            // The line went away while the dial was in flight: nothing will ever end this call.
            this.endCall(callId, 'connection-lost');
        }
        this.publishState();
        for (const event of pendingDial.buffered) {
            if (
                event.type !== 'connection' &&
                event.type !== 'incoming' &&
                event.callId === callId
            ) {
                this.handleEvent(event);
            } else {
                this.logger('debug', 'Ignored an event for an unknown call.', { event });
            }
        }
        this.flush();
        return { ok: true, callId };
    }

    /** Answers a ringing inbound call; another connected or dialing call must be held first. */
    async answer(callId: string): Promise<EngineResult> {
        const refusal = this.requestRefusal(callId, {
            allowed: (call) => call.direction === 'Inbound' && call.state === 'ringing',
            refusal: (call) =>
                `Only a ringing inbound call can be answered; this call is ${describeCall(call)}.`,
            lineTaken: 'Hold or end the current call before answering.'
        });
        return (
            refusal ??
            this.perform(
                callId,
                'answer',
                () => this.connector.answer(callId),
                () => this.markAnswered(callId)
            )
        );
    }

    /** Declines a ringing inbound call (outcome Rejected). */
    async decline(callId: string): Promise<EngineResult> {
        const refusal = this.requestRefusal(callId, {
            allowed: (call) => call.direction === 'Inbound' && call.state === 'ringing',
            refusal: (call) =>
                `Only a ringing inbound call can be declined; this call is ${describeCall(call)}. Hang it up instead.`
        });
        return (
            refusal ??
            this.performEnd(callId, 'decline', () => this.connector.decline(callId), 'declined')
        );
    }

    /** Hangs up a dialing, connected or held call (even while another request is pending). */
    async hangup(callId: string): Promise<EngineResult> {
        const refusal = this.requestRefusal(callId, {
            whileEnding: 'The call is already ending.',
            allowed: (call) => call.state !== 'ringing',
            refusal: () => 'A ringing call has not been answered: decline it instead of hanging up.'
        });
        return (
            refusal ??
            this.performEnd(callId, 'hang up', () => this.connector.hangup(callId), 'local-hangup')
        );
    }

    /** Holds a connected call. */
    async hold(callId: string): Promise<EngineResult> {
        const refusal = this.requestRefusal(callId, {
            allowed: (call) => call.state === 'connected',
            refusal: (call) =>
                `Only a connected call can be held; this call is ${describeCall(call)}.`
        });
        return (
            refusal ??
            this.perform(
                callId,
                'hold',
                () => this.connector.hold(callId),
                () => this.markHeld(callId)
            )
        );
    }

    /** Resumes a held call; refused while another call is connected or dialing (hold it first). */
    async resume(callId: string): Promise<EngineResult> {
        const refusal = this.requestRefusal(callId, {
            allowed: (call) => call.state === 'held',
            refusal: (call) =>
                `Only a held call can be resumed; this call is ${describeCall(call)}.`,
            lineTaken: 'Hold or end the other call before resuming this one.'
        });
        return (
            refusal ??
            this.perform(
                callId,
                'resume',
                () => this.connector.resume(callId),
                () => this.markResumed(callId)
            )
        );
    }

    /** Mutes or unmutes the agent on a dialing, connected or held call (optimistic). */
    async setMuted(callId: string, muted: boolean): Promise<EngineResult> {
        const refusal = this.requestRefusal(callId, {
            whileEnding: 'The call is ending.',
            allowed: (call) => call.state !== 'ringing',
            refusal: () => 'Answer the call before muting it.'
        });
        if (refusal) {
            return refusal;
        }
        if (this.getCall(callId)?.muted === muted) {
            return engineOk;
        }
        this.updateCall(callId, { muted });
        this.publishState();
        try {
            await this.connector.setMuted(callId, muted);
            return engineOk;
        } catch (error) {
            // Undo only our own change: a later toggle may already have superseded it.
            const reverted = this.getCall(callId)?.muted === muted;
            if (reverted) {
                this.updateCall(callId, { muted: !muted });
            }
            const failure = this.callFailure(muted ? 'mute' : 'unmute', callId, error);
            if (reverted) {
                this.publishState();
            }
            return failure;
        }
    }

    /** Sends DTMF tones (0-9, *, #, A-D; a-d accepted) on a connected call. */
    async sendDtmf(callId: string, digits: string): Promise<EngineResult> {
        const refusal = this.requestRefusal(callId, {
            whileEnding: 'The call is ending.',
            allowed: (call) => call.state === 'connected',
            refusal: (call) =>
                `Tones can be sent only on a connected call; this call is ${describeCall(call)}.`
        });
        if (refusal) {
            return refusal;
        }
        const tones = normaliseDtmf(digits);
        if (tones === undefined) {
            return engineFailure(
                'invalid-argument',
                `"${digits}" cannot be sent as tones: use only 0-9, *, # and A-D.`
            );
        }
        try {
            await this.connector.sendDtmf(callId, tones);
            return engineOk;
        } catch (error) {
            return this.callFailure('send tones on', callId, error);
        }
    }

    /** Attaches the record a live call is about (the screen-pop result or click-to-dial source). */
    setRelatedRecord(callId: string, related: RelatedRecord): EngineResult {
        if (!this.getCall(callId)) {
            return noSuchCall(callId);
        }
        if (!isRelatedRecord(related)) {
            return engineFailure(
                'invalid-argument',
                'A related record needs a record id and an object type.'
            );
        }
        this.updateCall(callId, { related });
        this.publishState();
        return engineOk;
    }

    private handleEvent(event: ConnectorEvent): void {
        if (event.type === 'connection') {
            this.applyConnectionStatus(event.status);
            return;
        }
        if (event.type === 'incoming') {
            this.handleIncoming(event);
            return;
        }
        const call = this.getCall(event.callId);
        if (!call) {
            if (this.pendingDial) {
                this.pendingDial.buffered.push(event);
            } else {
                this.logger('debug', 'Ignored an event for an unknown call.', { event });
            }
            return;
        }
        switch (event.type) {
            case 'remoteRinging':
                // The call model has no separate state for it: the call stays 'dialing'.
                return;
            case 'answered':
                this.markAnswered(call.id);
                return;
            case 'held':
                this.markHeld(call.id);
                return;
            case 'resumed':
                this.markResumed(call.id);
                return;
            case 'ended':
                this.endCall(call.id, event.reason);
                this.publishState();
                return;
        }
    }

    private handleIncoming(event: Extract<ConnectorEvent, { type: 'incoming' }>): void {
        if (this.getCall(event.callId)) {
            this.logger('warn', 'The connector announced a call id that is already live.', {
                callId: event.callId
            });
            return;
        }
        const call: Call = Object.freeze({
            id: event.callId,
            direction: 'Inbound',
            from: this.normaliseNumber(event.from),
            to: this.normaliseNumber(event.to),
            ...(event.fromName === undefined ? {} : { remoteName: event.fromName }),
            ...this.callDataOf(event.data),
            state: 'ringing',
            startedAt: this.clock.now(),
            muted: false
        });
        const declineAs = this.autoDeclineOutcome();
        this.queue('callStarted', call);
        if (declineAs === undefined) {
            this.calls = Object.freeze([...this.calls, call]);
            this.publishState();
            return;
        }
        this.logger('info', `Declined an inbound call automatically (${declineAs}).`, {
            callId: call.id,
            agentState: this.agentState
        });
        this.queue('callEnded', endedCall(call, this.clock.now(), 'declined', declineAs));
        void this.autoDecline(call.id);
    }

    /** The call's data without secrets; nothing when there is none. */
    private callDataOf(data: CallData | undefined): { readonly data?: CallData } {
        const kept = data === undefined ? undefined : withoutSecrets(data, this.secretCallDataKeys);
        return kept === undefined || Object.keys(kept).length === 0 ? {} : { data: kept };
    }

    /** Undefined when an inbound call may ring now; else the outcome it is declined with. */
    private autoDeclineOutcome(): CallOutcome | undefined {
        const live = this.calls.length + (this.pendingDial ? 1 : 0);
        const ringing = this.calls.some((call) => call.state === 'ringing');
        switch (this.agentState) {
            case 'Available':
            case 'AfterCallWork':
                return live === 0 ? undefined : 'Busy';
            case 'Busy':
                return live === 1 && !ringing ? undefined : 'Busy';
            case 'Offline':
            case 'Break':
                // Never offered to the agent, so not Missed: the phone system is told busy
                // (the connector's decline: SIP 486 Busy Here) and the log says Busy.
                return 'Busy';
        }
    }

    private async autoDecline(callId: string): Promise<void> {
        try {
            await this.connector.decline(callId);
        } catch (error) {
            this.queue('error', {
                code: 'connector-failed',
                message: `Could not decline an incoming call automatically: ${errorMessage(error)}`,
                callId
            });
            this.flush();
        }
    }

    private applyConnectionStatus(status: ConnectionStatus): void {
        const changed = status !== this.connectionStatus;
        this.connectionStatus = status;
        if (status !== 'disconnected') {
            if (changed) {
                this.publishState();
            }
            return;
        }
        const forced = this.agentState !== 'Offline' || this.calls.length > 0;
        // Offline first, so that the calls ending below start no after-call work.
        this.agentState = 'Offline';
        for (const call of this.calls) {
            this.endCall(call.id, 'connection-lost');
        }
        this.workedCall = false;
        if (changed || forced) {
            this.publishState();
        }
    }

    private markAnswered(callId: string): void {
        const call = this.getCall(callId);
        if (!call || (call.state !== 'ringing' && call.state !== 'dialing')) {
            return;
        }
        const answered = this.updateCall(callId, {
            state: 'connected',
            answeredAt: this.clock.now()
        });
        this.workedCall = true;
        if (this.agentState === 'Available' || this.agentState === 'AfterCallWork') {
            this.agentState = 'Busy';
        }
        if (answered) {
            this.queue('callAnswered', answered);
        }
        this.publishState();
    }

    private markHeld(callId: string): void {
        if (this.getCall(callId)?.state === 'connected') {
            this.updateCall(callId, { state: 'held', heldAt: this.clock.now() });
            this.publishState();
        }
    }

    private markResumed(callId: string): void {
        if (this.getCall(callId)?.state === 'held') {
            this.updateCall(callId, { state: 'connected', heldAt: undefined });
            this.publishState();
        }
    }

    /** Ends a live call: queues callEnded, the caller publishes the state. False if not live. */
    private endCall(callId: string, reason: CallEndReason): boolean {
        const call = this.getCall(callId);
        if (!call) {
            return false;
        }
        this.calls = Object.freeze(this.calls.filter((live) => live.id !== callId));
        this.pending.delete(callId);
        this.ending.delete(callId);
        this.queue('callEnded', endedCall(call, this.clock.now(), reason));
        this.leaveCallWorkIfIdle();
        return true;
    }

    private leaveCallWorkIfIdle(): void {
        if (this.hasLiveCall()) {
            return;
        }
        if (this.agentState === 'Busy') {
            this.agentState = this.workedCall ? 'AfterCallWork' : 'Available';
        }
        this.workedCall = false;
    }

    /** Runs a state-changing request: marks it pending, applies `confirm` once it resolves. */
    private async perform(
        callId: string,
        operation: CallOperation,
        request: () => Promise<void>,
        confirm: () => void
    ): Promise<EngineResult> {
        this.pending.set(callId, operation);
        try {
            await request();
        } catch (error) {
            this.pending.delete(callId);
            return this.callFailure(operation, callId, error);
        }
        this.pending.delete(callId);
        confirm();
        this.flush();
        return engineOk;
    }

    /** Runs decline / hang-up: the call ends on the connector's event or when the request resolves. */
    private async performEnd(
        callId: string,
        action: string,
        request: () => Promise<void>,
        reason: CallEndReason
    ): Promise<EngineResult> {
        this.ending.add(callId);
        try {
            await request();
        } catch (error) {
            this.ending.delete(callId);
            return this.callFailure(action, callId, error);
        }
        if (this.endCall(callId, reason)) {
            this.publishState();
        }
        return engineOk;
    }

    private dialRefusal(
        number: string,
        related: RelatedRecord | undefined
    ): DialResult | undefined {
        if (typeof number !== 'string' || number.trim() === '') {
            return engineFailure('invalid-argument', 'Enter a number to dial.');
        }
        if (related !== undefined && !isRelatedRecord(related)) {
            return engineFailure(
                'invalid-argument',
                'A related record needs a record id and an object type.'
            );
        }
        if (this.connectionStatus !== 'connected') {
            return engineFailure(
                'not-connected',
                `You can't dial while the phone is ${this.connectionStatus}.`
            );
        }
        switch (this.agentState) {
            case 'Offline':
            case 'Break':
                return engineFailure(
                    'agent-unavailable',
                    `You can't dial while ${this.agentState === 'Break' ? 'on Break' : 'Offline'}. Go Available first.`
                );
            case 'AfterCallWork':
                return engineFailure(
                    'agent-unavailable',
                    'Complete the after-call work before dialing.'
                );
            default:
                break;
        }
        if (this.pendingDial) {
            return engineFailure('busy', 'A call is already being dialed.');
        }
        const ringing = this.calls.find((call) => call.state === 'ringing');
        if (ringing) {
            return engineFailure('busy', 'Answer or decline the ringing call before dialing.');
        }
        if (this.calls.some((call) => call.state !== 'held')) {
            return engineFailure('busy', 'Hold or end the current call before dialing.');
        }
        if (this.calls.length >= 2) {
            return engineFailure('busy', 'You already have two calls. End one before dialing.');
        }
        return undefined;
    }

    /**
     * Why a request on a call is refused, in this order: no such live call; the call is ending
     * or (unless `whileEnding` is given) another request on it is pending; its state does not
     * allow the request; another call holds the line (only where `lineTaken` is given).
     * Undefined when the request may go ahead.
     */
    private requestRefusal(callId: string, rule: CallRequestRule): EngineResult | undefined {
        const call = this.getCall(callId);
        if (!call) {
            return noSuchCall(callId);
        }
        const busy =
            rule.whileEnding === undefined
                ? this.inProgressRefusal(callId)
                : this.ending.has(callId)
                  ? engineFailure('in-progress', rule.whileEnding)
                  : undefined;
        if (busy) {
            return busy;
        }
        if (!rule.allowed(call)) {
            return engineFailure('invalid-state', rule.refusal(call));
        }
        if (rule.lineTaken !== undefined && this.lineTaken(callId)) {
            return engineFailure('busy', rule.lineTaken);
        }
        return undefined;
    }

    private inProgressRefusal(callId: string): EngineResult | undefined {
        if (this.ending.has(callId)) {
            return engineFailure('in-progress', 'The call is ending.');
        }
        const operation = this.pending.get(callId);
        return operation
            ? engineFailure(
                  'in-progress',
                  `Wait for the ${operation} request on this call to complete.`
              )
            : undefined;
    }

    /** Whether a call other than `callId` holds the agent's audio or is about to. */
    private lineTaken(callId: string): boolean {
        if (this.pendingDial) {
            return true;
        }
        return this.calls.some((call) => {
            if (call.id === callId) {
                return false;
            }
            const operation = this.pending.get(call.id);
            return (
                call.state === 'connected' ||
                call.state === 'dialing' ||
                operation === 'answer' ||
                operation === 'resume'
            );
        });
    }

    private hasLiveCall(): boolean {
        return this.calls.length > 0 || this.pendingDial !== undefined;
    }

    private stateContext(): AgentStateContext {
        return {
            hasLiveCall: this.hasLiveCall(),
            connectionStatus: this.connectionStatus,
            onlyRingingCalls:
                this.pendingDial === undefined &&
                this.calls.every((call) => call.state === 'ringing')
        };
    }

    private updateCall(callId: string, patch: CallPatch): Call | undefined {
        let updated: Call | undefined;
        this.calls = Object.freeze(
            this.calls.map((call) => {
                if (call.id !== callId) {
                    return call;
                }
                const { heldAt: _wasHeldAt, ...rest } = call;
                // heldAt: undefined in a patch removes it (the call is no longer held).
                const next: Call = { ...rest, ...patch };
                const heldAt = 'heldAt' in patch ? patch.heldAt : call.heldAt;
                updated = Object.freeze(
                    heldAt === undefined ? withoutHeldAt(next) : { ...next, heldAt }
                );
                return updated;
            })
        );
        return updated;
    }

    /** A connector failure on a call: the result, plus an error event while the call matters. */
    private callFailure(action: string, callId: string, error: unknown): EngineResult {
        const message = `Could not ${action} the call: ${errorMessage(error)}`;
        if (this.getCall(callId) && !this.ending.has(callId)) {
            this.queue('error', { code: 'connector-failed', message, callId });
            this.flush();
        } else {
            this.logger('debug', 'A request failed on a call that is ending.', { callId, message });
        }
        return engineFailure('connector-failed', message);
    }

    /** A connector failure not tied to a call: the result plus an error event. */
    private failure(action: string, error: unknown): EngineFailure {
        const message = `Could not ${action}: ${errorMessage(error)}`;
        this.queue('error', { code: 'connector-failed', message });
        this.flush();
        return engineFailure('connector-failed', message);
    }

    private publishState(): void {
        this.queue('stateChanged', this.snapshot());
        this.flush();
    }

    private queue<K extends keyof CallEngineEvents>(type: K, payload: CallEngineEvents[K]): void {
        this.outbox.push(() => this.emitter.emit(type, payload));
    }

    private flush(): void {
        if (this.flushing) {
            return;
        }
        this.flushing = true;
        try {
            let next = this.outbox.shift();
            while (next) {
                next();
                next = this.outbox.shift();
            }
        } finally {
            this.flushing = false;
        }
    }
}

function endedCall(
    call: Call,
    endedAt: number,
    reason: CallEndReason,
    outcome?: CallOutcome
): EndedCall {
    return Object.freeze({
        ...call,
        state: 'ended',
        endedAt,
        outcome: outcome ?? outcomeFor(call.direction, call.answeredAt !== undefined, reason),
        endReason: reason,
        durationSeconds: talkTimeSeconds(call.answeredAt, endedAt)
    });
}

function noSuchCall(callId: string): EngineResult {
    return engineFailure('no-such-call', `There is no live call with id ${callId}.`);
}

function describeCall(call: Call): string {
    return call.direction === 'Outbound' && call.state === 'dialing'
        ? 'an outbound call being dialed'
        : `${call.direction.toLowerCase()} and ${call.state}`;
}

function isRelatedRecord(value: RelatedRecord): boolean {
    return (
        typeof value === 'object' &&
        value !== null &&
        typeof value.recordId === 'string' &&
        value.recordId.trim() !== '' &&
        typeof value.objectType === 'string' &&
        value.objectType.trim() !== ''
    );
}

function errorMessage(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

function withoutHeldAt(call: Call): Call {
    const { heldAt: _heldAt, ...rest } = call;
    return rest;
}
