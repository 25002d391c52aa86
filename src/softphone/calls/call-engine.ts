import { label } from '../i18n';
import type { Listener } from '../shared/typed-emitter';
import { TypedEmitter } from '../shared/typed-emitter';
import type {
    CallEndReason,
    ConnectionStatus,
    Connector,
    ConnectorEvent
} from '../telephony/connector';
import { withoutSecrets, type CallData } from '../telephony/call-data';
import type { CallHandover, HandoverSupport } from '../telephony/call-handover';
import { callHandover, handoverSupportOf } from '../telephony/call-handover';
import { normaliseDtmf } from '../telephony/dtmf';
import type { AgentStateContext } from './agent-state-rules';
import { agentStateOptions, agentStateRefusal } from './agent-state-rules';
import type { AgentState, Call, CallOutcome, Clock, RelatedRecord } from './call-model';
import { outcomeFor } from './call-outcome';
import type { EndedCall } from './ended-call';
import { talkTimeSeconds } from './ended-call';
import type { CallEngineEvents, EngineSnapshot } from './engine-events';
import type { EngineLogger } from './engine-logger';
import {
    blindTransferRefusal,
    cancelConsultRefusal,
    completeConsultRefusal,
    consultPair,
    dropPartyRefusal,
    mergeRefusal,
    startConsultRefusal,
    swapRefusal,
    twoCallPair,
    type HandoverRefusal
} from './handover-rules';
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
type CallOperation = 'answer' | 'hold' | 'resume' | 'transfer' | 'consult' | 'merge' | 'swap';

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

/** A key set to undefined removes it from the call (e.g. heldAt once resumed). */
type CallPatch = Partial<
    Pick<
        Call,
        | 'state'
        | 'answeredAt'
        | 'heldAt'
        | 'muted'
        | 'related'
        | 'transfer'
        | 'conference'
        | 'conferenceParties'
    >
>;

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
 *
 * Transfer, consult, conference and swap (transfer, startConsult, completeConsult,
 * cancelConsult, merge, dropParty, swap) follow handover-rules.ts; a connector that cannot do
 * one makes the engine refuse it with 'not-supported' (see handoverSupport()).
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
    private readonly handover: CallHandover;

    constructor(options: CallEngineOptions) {
        this.connector = options.connector;
        this.clock = options.clock;
        this.lineNumber = options.lineNumber ?? '';
        this.logger = options.logger ?? silentLogger;
        this.normaliseNumber = options.normaliseNumber ?? ((raw) => raw);
        this.secretCallDataKeys = options.secretCallDataKeys ?? [];
        this.handover = callHandover(options.connector);
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
        const conference = this.calls.filter((call) => call.conference).map((call) => call.id);
        return Object.freeze({
            agentState: this.agentState,
            connectionStatus: this.connectionStatus,
            calls: this.calls,
            ...(active ? { activeCallId: active.id } : {}),
            ...(conference.length > 1 ? { conferenceCallIds: Object.freeze(conference) } : {})
        });
    }

    /** A live call by id. */
    getCall(callId: string): Call | undefined {
        return this.calls.find((call) => call.id === callId);
    }

    /** Which of transfer, consult and conference the connector can do. */
    handoverSupport(): HandoverSupport {
        return handoverSupportOf(this.connector);
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
            return engineFailure('busy', label('Softphone_No_Disconnect_In_Call'));
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
            return engineFailure('invalid-state', label('Softphone_No_After_Call_Work'));
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
    prepareDial(number?: string): () => void {
        return this.connector.prepareToDial?.(number) ?? (() => undefined);
    }

    async dial(number: string, related?: RelatedRecord): Promise<DialResult> {
        const refusal = this.dialRefusal(number, related);
        if (refusal) {
            return refusal;
        }
        const to = number.trim();
        return this.placeCall(to, related, () => this.connector.dial(to), {});
    }

    /**
     * Places an outbound call through `request` (the connector's dial or startConsult): the
     * agent is Busy at once; the call is live once the connector gives its id.
     */
    private async placeCall(
        to: string,
        related: RelatedRecord | undefined,
        request: () => Promise<string>,
        marks: Pick<Call, 'consultOf'>
    ): Promise<DialResult> {
        const pendingDial: PendingDial = { startedAt: this.clock.now(), buffered: [] };
        this.pendingDial = pendingDial;
        this.agentState = 'Busy';
        this.publishState();

        let callId: string;
        try {
            callId = await request();
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
            ...(related ? { related } : {}),
            ...marks
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
                event.type !== 'conference' &&
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
            lineTaken: label('Softphone_Hold_Before_Answer')
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
            whileEnding: label('Softphone_Already_Ending'),
            allowed: (call) => call.state !== 'ringing',
            refusal: () => label('Softphone_Decline_Instead')
        });
        return (
            refusal ??
            this.performEnd(callId, 'hang up', () => this.connector.hangup(callId), 'local-hangup')
        );
    }

    /** Holds a connected call. */
    async hold(callId: string): Promise<EngineResult> {
        const refusal = this.requestRefusal(callId, {
            allowed: (call) => call.state === 'connected' && !call.conference,
            refusal: (call) =>
                call.conference
                    ? 'A conference cannot be held: drop a party first.'
                    : `Only a connected call can be held; this call is ${describeCall(call)}.`
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
            lineTaken: label('Softphone_Hold_Before_Resume')
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
            whileEnding: label('Softphone_Call_Ending'),
            allowed: (call) => call.state !== 'ringing',
            refusal: () => label('Softphone_Answer_Before_Mute')
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
            whileEnding: label('Softphone_Call_Ending'),
            allowed: (call) => call.state === 'connected',
            refusal: (call) =>
                `Tones can be sent only on a connected call; this call is ${describeCall(call)}.`
        });
        if (refusal) {
            return refusal;
        }
        const tones = normaliseDtmf(digits);
        if (tones === undefined) {
            return engineFailure('invalid-argument', label('Softphone_Bad_Tones', digits));
        }
        try {
            await this.connector.sendDtmf(callId, tones);
            return engineOk;
        } catch (error) {
            return this.callFailure('send tones on', callId, error);
        }
    }

    /**
     * Blind transfer of a connected or held call to `target` (a number or extension, sent
     * trimmed). Resolves once the phone system took the request; the call then shows the
     * transfer's progress and ends Transferred, or keeps a failed transfer mark saying why.
     */
    async transfer(callId: string, target: string): Promise<EngineResult> {
        const call = this.getCall(callId);
        const refusal = call
            ? (this.inProgressRefusal(callId) ??
              this.handoverRefusal(blindTransferRefusal(call, target, this.handoverSupport())))
            : noSuchCall(callId);
        if (refusal) {
            return refusal;
        }
        const to = target.trim();
        this.updateCall(callId, {
            transfer: Object.freeze({ kind: 'blind', target: to, progress: 'requested' })
        });
        this.publishState();
        return this.performTransfer([callId], 'transfer', () =>
            this.handover.blindTransfer(callId, to)
        );
    }

    /**
     * Consult: holds the call (when connected) and places a second call to `target` about it.
     * Resolves with the consult call's id.
     */
    async startConsult(callId: string, target: string): Promise<DialResult> {
        const call = this.getCall(callId);
        const refusal = call
            ? (this.inProgressRefusal(callId) ??
              this.handoverRefusal(
                  startConsultRefusal(call, this.calls, target, this.handoverSupport())
              ) ??
              this.consultLineRefusal())
            : noSuchCall(callId);
        if (refusal) {
            return refusal;
        }
        if (call?.state === 'connected') {
            const held = await this.hold(callId);
            if (!held.ok) {
                return held;
            }
            if (this.getCall(callId)?.state !== 'held') {
                return engineFailure('invalid-state', 'The call ended before the consult began.');
            }
        }
        const to = target.trim();
        return this.placeCall(to, call?.related, () => this.handover.startConsult(callId, to), {
            consultOf: callId
        });
    }

    /** Completes the consult into a transfer: the held caller is joined to the consulted party. */
    async completeConsult(): Promise<EngineResult> {
        const refusal = this.pairRefusal(
            completeConsultRefusal(this.calls, this.handoverSupport())
        );
        const pair = consultPair(this.calls);
        if (refusal || !pair) {
            return refusal ?? engineFailure('invalid-state', 'There is no consult call.');
        }
        const { parent, consult } = pair;
        this.updateCall(parent.id, {
            transfer: Object.freeze({ kind: 'consult', target: consult.to, progress: 'requested' })
        });
        this.updateCall(consult.id, {
            transfer: Object.freeze({
                kind: 'consult',
                target: remoteNumber(parent),
                progress: 'requested'
            })
        });
        this.publishState();
        return this.performTransfer([parent.id, consult.id], 'complete the transfer of', () =>
            this.handover.completeConsult(parent.id, consult.id)
        );
    }

    /** Cancels the consult: the consult call ends and the held call is resumed. */
    async cancelConsult(): Promise<EngineResult> {
        const refusal = this.pairRefusal(cancelConsultRefusal(this.calls));
        const pair = consultPair(this.calls);
        if (refusal || !pair) {
            return refusal ?? engineFailure('invalid-state', 'There is no consult call.');
        }
        const { parent, consult } = pair;
        this.pending.set(parent.id, 'resume');
        this.ending.add(consult.id);
        try {
            await this.handover.cancelConsult(parent.id, consult.id);
        } catch (error) {
            this.pending.delete(parent.id);
            this.ending.delete(consult.id);
            return this.callFailure('cancel the consult on', parent.id, error);
        }
        this.pending.delete(parent.id);
        this.endCall(consult.id, 'local-hangup');
        this.markResumed(parent.id);
        this.publishState();
        return engineOk;
    }

    /** Merges the held call and the connected call into one conference with the agent. */
    async merge(): Promise<EngineResult> {
        const refusal = this.pairRefusal(mergeRefusal(this.calls, this.handoverSupport()));
        const pair = twoCallPair(this.calls);
        if (refusal || !pair) {
            return refusal ?? engineFailure('invalid-state', 'There are no calls to merge.');
        }
        const { active, held } = pair;
        return this.performPair([active.id, held.id], 'merge', 'merge', async () => {
            await this.handover.mergeCalls(held.id, active.id);
            this.applyConference([held.id, active.id]);
        });
    }

    /** Drops one party of the conference; the other stays connected to the agent. */
    async dropParty(callId: string): Promise<EngineResult> {
        const call = this.getCall(callId);
        const refusal = call
            ? (this.inProgressRefusal(callId) ??
              this.handoverRefusal(dropPartyRefusal(call, this.handoverSupport())))
            : noSuchCall(callId);
        return (
            refusal ??
            this.performEnd(callId, 'drop', () => this.handover.dropParty(callId), 'local-hangup')
        );
    }

    /** Holds the connected call and resumes the held one. */
    async swap(): Promise<EngineResult> {
        const refusal = this.pairRefusal(swapRefusal(this.calls));
        const pair = twoCallPair(this.calls);
        if (refusal || !pair) {
            return refusal ?? engineFailure('invalid-state', 'There are no calls to swap.');
        }
        const { active, held } = pair;
        return this.performPair([active.id, held.id], 'swap', 'swap', async () => {
            await this.handover.swap(active.id, held.id);
            this.markHeld(active.id);
            this.markResumed(held.id);
        });
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
        if (event.type === 'conference') {
            this.applyConference(event.callIds);
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
            case 'transfer':
                this.applyTransferProgress(call.id, event);
                return;
        }
    }

    /**
     * The calls in `callIds` (the live ones) are now the conference: they are connected, and
     * each records the others' numbers; calls not listed leave it. Fewer than two: no conference.
     */
    private applyConference(callIds: readonly string[]): void {
        const members = this.calls.filter((call) => callIds.includes(call.id));
        const inConference = members.length > 1 ? members : [];
        for (const call of this.calls) {
            if (!inConference.includes(call)) {
                if (call.conference) {
                    this.updateCall(call.id, { conference: undefined });
                }
                continue;
            }
            const parties = [...(call.conferenceParties ?? [])];
            for (const other of inConference) {
                const number = remoteNumber(other);
                if (other !== call && !parties.includes(number)) {
                    parties.push(number);
                }
            }
            this.updateCall(call.id, {
                state: 'connected',
                heldAt: undefined,
                conference: true,
                conferenceParties: Object.freeze(parties)
            });
        }
        this.publishState();
    }

    private applyTransferProgress(
        callId: string,
        event: Extract<ConnectorEvent, { type: 'transfer' }>
    ): void {
        const kind = this.getCall(callId)?.transfer?.kind ?? 'blind';
        this.updateCall(callId, {
            transfer: Object.freeze({
                kind,
                target: event.target,
                progress: event.progress,
                ...(event.progress === 'failed' ? { reason: event.reason ?? 'failed' } : {}),
                ...(event.message === undefined ? {} : { message: event.message })
            })
        });
        if (event.progress === 'failed') {
            this.queue('error', {
                code: 'connector-failed',
                message: transferFailureMessage(event.target, event.reason, event.message),
                callId
            });
        }
        this.publishState();
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
            this.updateCall(callId, {
                state: 'held',
                heldAt: this.clock.now(),
                ...this.clearedFailedTransfer(callId)
            });
            this.publishState();
        }
    }

    private markResumed(callId: string): void {
        if (this.getCall(callId)?.state === 'held') {
            this.updateCall(callId, {
                state: 'connected',
                heldAt: undefined,
                ...this.clearedFailedTransfer(callId)
            });
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
        // A call whose transfer was accepted is handed on, whatever end the connector reports.
        const handedOn = call.transfer?.progress === 'accepted' ? 'transferred' : reason;
        this.queue('callEnded', endedCall(call, this.clock.now(), handedOn));
        if (call.conference) {
            const left = this.calls.filter((live) => live.conference).map((live) => live.id);
            if (left.length < 2) {
                this.applyConference([]);
            }
        }
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

    /** A failed transfer's mark goes once the agent moves the call on. */
    private clearedFailedTransfer(callId: string): CallPatch {
        return this.getCall(callId)?.transfer?.progress === 'failed' ? { transfer: undefined } : {};
    }

    /**
     * Runs a transfer request on `callIds` (marked already): pending until the phone system
     * took it; a refusal turns the marks into failed ones (the calls stay as they were).
     */
    private async performTransfer(
        callIds: readonly string[],
        action: string,
        request: () => Promise<void>
    ): Promise<EngineResult> {
        for (const id of callIds) {
            this.pending.set(id, 'transfer');
        }
        try {
            await request();
        } catch (error) {
            for (const id of callIds) {
                this.pending.delete(id);
                const transfer = this.getCall(id)?.transfer;
                if (transfer) {
                    this.updateCall(id, {
                        transfer: Object.freeze({
                            ...transfer,
                            progress: 'failed',
                            reason: 'refused',
                            message: errorMessage(error)
                        })
                    });
                }
            }
            const [first] = callIds;
            const failure = this.callFailure(action, first ?? '', error);
            this.publishState();
            return failure;
        }
        for (const id of callIds) {
            this.pending.delete(id);
        }
        this.flush();
        return engineOk;
    }

    /** Runs a request on two calls at once (merge, swap): both pending until it resolves. */
    private async performPair(
        callIds: readonly string[],
        operation: CallOperation,
        action: string,
        request: () => Promise<void>
    ): Promise<EngineResult> {
        for (const id of callIds) {
            this.pending.set(id, operation);
        }
        try {
            await request();
        } catch (error) {
            for (const id of callIds) {
                this.pending.delete(id);
            }
            const live = callIds.find((id) => this.getCall(id)) ?? callIds[0] ?? '';
            return this.callFailure(action, live, error);
        } finally {
            for (const id of callIds) {
                this.pending.delete(id);
            }
        }
        this.publishState();
        return engineOk;
    }

    /** A rule's refusal as an engine result. */
    private handoverRefusal(refusal: HandoverRefusal): EngineFailure | undefined {
        return refusal ? engineFailure(refusal.code, refusal.message) : undefined;
    }

    /** A two-call request: refused by its rule, or while a request on either call is pending. */
    private pairRefusal(refusal: HandoverRefusal): EngineFailure | undefined {
        const rule = this.handoverRefusal(refusal);
        if (rule) {
            return rule;
        }
        for (const call of this.calls) {
            const busy = this.inProgressRefusal(call.id);
            if (busy) {
                return busy;
            }
        }
        return undefined;
    }

    /** A consult is a dial: the line must be up and no other dial under way. */
    private consultLineRefusal(): EngineFailure | undefined {
        if (this.connectionStatus !== 'connected') {
            return engineFailure(
                'not-connected',
                `You can't place a consult call while the phone is ${this.connectionStatus}.`
            );
        }
        return this.pendingDial
            ? engineFailure('busy', 'A call is already being dialed.')
            : undefined;
    }

    private dialRefusal(
        number: string,
        related: RelatedRecord | undefined
    ): DialResult | undefined {
        if (typeof number !== 'string' || number.trim() === '') {
            return engineFailure('invalid-argument', label('Softphone_Enter_Number'));
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
                    label(
                        this.agentState === 'Break'
                            ? 'Softphone_No_Dial_Break'
                            : 'Softphone_No_Dial_Offline'
                    )
                );
            case 'AfterCallWork':
                return engineFailure(
                    'agent-unavailable',
                    label('Softphone_Finish_Acw_Before_Dial')
                );
            default:
                break;
        }
        if (this.pendingDial) {
            return engineFailure('busy', label('Softphone_Already_Dialing'));
        }
        const ringing = this.calls.find((call) => call.state === 'ringing');
        if (ringing) {
            return engineFailure('busy', label('Softphone_Answer_Before_Dial'));
        }
        if (this.calls.some((call) => call.state !== 'held')) {
            return engineFailure('busy', label('Softphone_Hold_Before_Dial'));
        }
        if (this.calls.length >= 2) {
            return engineFailure('busy', label('Softphone_Two_Calls'));
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

    private inProgressRefusal(callId: string): EngineFailure | undefined {
        if (this.ending.has(callId)) {
            return engineFailure('in-progress', label('Softphone_Call_Ending'));
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
                // A key set to undefined in the patch removes it (e.g. heldAt once resumed).
                const next: Record<string, unknown> = { ...call, ...patch };
                for (const key of Object.keys(patch)) {
                    if (next[key] === undefined) {
                        delete next[key];
                    }
                }
                updated = Object.freeze(next as unknown as Call);
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
        durationSeconds: talkTimeSeconds(call.answeredAt, endedAt),
        ...(reason === 'transferred' && call.transfer
            ? { transferredTo: call.transfer.target }
            : {})
    });
}

function noSuchCall(callId: string): EngineFailure {
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

/** The other party's number: the caller of an inbound call, the callee of an outbound one. */
function remoteNumber(call: Call): string {
    return call.direction === 'Inbound' ? call.from : call.to;
}

function transferFailureMessage(
    target: string,
    reason: string | undefined,
    message: string | undefined
): string {
    const why: Record<string, string> = {
        busy: 'the line is busy',
        'no-answer': 'nobody answered',
        refused: 'the transfer was refused',
        unreachable: 'the number could not be reached'
    };
    const said = why[reason ?? ''] ?? 'the transfer failed';
    return `Could not transfer the call to ${target}: ${said}${message ? ` (${message})` : ''}.`;
}
