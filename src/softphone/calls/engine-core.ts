import { TypedEmitter } from '../shared/typed-emitter';
import type { CallHandover, HandoverSupport } from '../telephony/call-handover';
import { callHandover, handoverSupportOf } from '../telephony/call-handover';
import type {
    CallEndReason,
    ConnectionStatus,
    Connector,
    ConnectorEvent
} from '../telephony/connector';
import type { AgentStateContext } from './agent-state-rules';
import type { AgentState, Call, CallOutcome, Clock } from './call-model';
import { outcomeFor } from './call-outcome';
import type { CallEngineOptions } from './engine-options';
import type { EndedCall } from './ended-call';
import { talkTimeSeconds } from './ended-call';
import type { CallEngineEvents, EngineSnapshot } from './engine-events';
import type { EngineLogger } from './engine-logger';
import { silentLogger } from './engine-logger';
import type { CallAction, CallOperation, EngineReason } from './engine-reason';
import type { EngineFailure, EngineResult } from './engine-result';
import { engineFailure } from './engine-result';

/** A dial the connector has not given an id for yet. */
export interface PendingDial {
    readonly startedAt: number;
    /** Events for ids not known yet: a connector may report on a call before dial() resolves. */
    readonly buffered: ConnectorEvent[];
}

/** A key set to undefined removes it from the call (e.g. heldAt once resumed). */
export type CallPatch = Partial<
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
 * The call engine's state and the changes every command and connector event share: the live
 * calls, the agent state, the requests pending on calls, and the events queued for listeners.
 * Internal to calls/: CallEngine (call-engine.ts) is the public face; the commands
 * (call-commands.ts, handover-commands.ts, place-call.ts) and the connector's events
 * (connector-events.ts) act on it.
 */
export class EngineCore {
    readonly connector: Connector;
    readonly clock: Clock;
    readonly lineNumber: string;
    readonly logger: EngineLogger;
    readonly emitter: TypedEmitter<CallEngineEvents>;
    readonly handover: CallHandover;
    readonly normaliseNumber: (raw: string) => string;
    readonly secretCallDataKeys: readonly string[];
    agentState: AgentState = 'Offline';
    connectionStatus: ConnectionStatus = 'disconnected';
    /** Live calls, oldest first; frozen and replaced on change, so snapshots can share it. */
    calls: readonly Call[] = [];
    /** Requests that change a call's state; while one is unconfirmed, others on that call wait. */
    readonly pending = new Map<string, CallOperation>();
    /** Calls the agent is declining or hanging up, not yet confirmed. */
    readonly ending = new Set<string>();
    pendingDial: PendingDial | undefined;
    /** Whether a call since the agent was last idle was dialled or answered: wrap-up follows. */
    workedCall = false;
    /** Events wait here so that events caused by a listener follow the ones already due. */
    private readonly outbox: (() => void)[] = [];
    private flushing = false;

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
                          // i18n-exempt: a diagnostic log line (support reads it in English)
                          logger('error', `A ${eventName} listener threw.`, { error })
                  }
                : {}
        );
    }

    /** Which of transfer, consult and conference the connector can do. */
    handoverSupport(): HandoverSupport {
        return handoverSupportOf(this.connector);
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

    hasLiveCall(): boolean {
        return this.calls.length > 0 || this.pendingDial !== undefined;
    }

    stateContext(): AgentStateContext {
        return {
            hasLiveCall: this.hasLiveCall(),
            connectionStatus: this.connectionStatus,
            onlyRingingCalls:
                this.pendingDial === undefined &&
                this.calls.every((call) => call.state === 'ringing')
        };
    }

    updateCall(callId: string, patch: CallPatch): Call | undefined {
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

    /** Ends a live call: queues callEnded, the caller publishes the state. False if not live. */
    endCall(callId: string, reason: CallEndReason): boolean {
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

    leaveCallWorkIfIdle(): void {
        if (this.hasLiveCall()) {
            return;
        }
        if (this.agentState === 'Busy') {
            this.agentState = this.workedCall ? 'AfterCallWork' : 'Available';
        }
        this.workedCall = false;
    }

    markAnswered(callId: string): void {
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

    markHeld(callId: string): void {
        if (this.getCall(callId)?.state === 'connected') {
            this.updateCall(callId, {
                state: 'held',
                heldAt: this.clock.now(),
                ...this.clearedFailedTransfer(callId)
            });
            this.publishState();
        }
    }

    markResumed(callId: string): void {
        if (this.getCall(callId)?.state === 'held') {
            this.updateCall(callId, {
                state: 'connected',
                heldAt: undefined,
                ...this.clearedFailedTransfer(callId)
            });
            this.publishState();
        }
    }

    /** A failed transfer's mark goes once the agent moves the call on. */
    clearedFailedTransfer(callId: string): CallPatch {
        return this.getCall(callId)?.transfer?.progress === 'failed' ? { transfer: undefined } : {};
    }

    /**
     * The calls in `callIds` (the live ones) are now the conference: they are connected, and
     * each records the others' numbers; calls not listed leave it. Fewer than two: no conference.
     */
    applyConference(callIds: readonly string[]): void {
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

    applyConnectionStatus(status: ConnectionStatus): void {
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

    /** A connector failure on a call: the result, plus an error event while the call matters. */
    callFailure(action: CallAction, callId: string, error: unknown): EngineResult {
        const reason: EngineReason = { key: 'call-failed', action, error: errorMessage(error) };
        if (this.getCall(callId) && !this.ending.has(callId)) {
            this.queue('error', { code: 'connector-failed', reason, callId });
            this.flush();
        } else {
            // i18n-exempt: a diagnostic log line (support reads it in English)
            this.logger('debug', 'A request failed on a call that is ending.', { callId, reason });
        }
        return engineFailure('connector-failed', reason);
    }

    /** A connector failure not tied to a call: the result plus an error event. */
    failure(reason: EngineReason): EngineFailure {
        this.queue('error', { code: 'connector-failed', reason });
        this.flush();
        return engineFailure('connector-failed', reason);
    }

    publishState(): void {
        this.queue('stateChanged', this.snapshot());
        this.flush();
    }

    queue<K extends keyof CallEngineEvents>(type: K, payload: CallEngineEvents[K]): void {
        this.outbox.push(() => this.emitter.emit(type, payload));
    }

    flush(): void {
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

export function endedCall(
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

export function errorMessage(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** The other party's number: the caller of an inbound call, the callee of an outbound one. */
export function remoteNumber(call: Call): string {
    return call.direction === 'Inbound' ? call.from : call.to;
}
