import type { Listener } from '../shared/typed-emitter';
import type { HandoverSupport } from '../telephony/call-handover';
import { agentStateOptions, agentStateRefusal } from './agent-state-rules';
import type { AgentState, Call, RelatedRecord } from './call-model';
import {
    answerCall,
    declineCall,
    hangUpCall,
    holdCall,
    resumeCall,
    sendCallDtmf,
    setCallMuted
} from './call-commands';
import { handleConnectorEvent } from './connector-events';
import { EngineCore, errorMessage } from './engine-core';
import type { CallEngineEvents, EngineSnapshot } from './engine-events';
import type { CallEngineOptions } from './engine-options';
import type { DialResult, EngineResult } from './engine-result';
import { engineFailure, engineOk } from './engine-result';
import {
    cancelConsult,
    completeConsult,
    dropParty,
    mergeCalls,
    startConsult,
    swapCalls,
    transferCall
} from './handover-commands';
import { placeCall } from './place-call';
import { dialRefusal, isRelatedRecord, noSuchCall } from './request-refusals';

export type { CallEngineOptions } from './engine-options';

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
    private readonly core: EngineCore;
    private unsubscribe: (() => void) | undefined;

    constructor(options: CallEngineOptions) {
        this.core = new EngineCore(options);
    }

    /** Subscribes to an engine event; returns the unsubscribe function. */
    on<K extends keyof CallEngineEvents>(
        type: K,
        listener: Listener<CallEngineEvents[K]>
    ): () => void {
        return this.core.emitter.on(type, listener);
    }

    /** Starts listening to the connector (idempotent). */
    start(): void {
        if (!this.unsubscribe) {
            this.unsubscribe = this.core.connector.onEvent((event) => {
                handleConnectorEvent(this.core, event);
                this.core.flush();
            });
        }
    }

    /** Stops listening to the connector; the state is kept as it is. */
    stop(): void {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
    }

    snapshot(): EngineSnapshot {
        return this.core.snapshot();
    }

    /** A live call by id. */
    getCall(callId: string): Call | undefined {
        return this.core.getCall(callId);
    }

    /** Which of transfer, consult and conference the connector can do. */
    handoverSupport(): HandoverSupport {
        return this.core.handoverSupport();
    }

    /** The agent states the agent may pick now, the current one first if it is not pickable. */
    agentStateOptions(): AgentState[] {
        return agentStateOptions(this.core.agentState, this.core.stateContext());
    }

    async connect(): Promise<EngineResult> {
        try {
            await this.core.connector.connect();
            return engineOk;
        } catch (error) {
            return this.core.failure({ key: 'connect-failed', error: errorMessage(error) });
        }
    }

    /** Refused during a call; afterwards the agent is Offline. */
    async disconnect(): Promise<EngineResult> {
        if (this.core.hasLiveCall()) {
            return engineFailure('busy', { key: 'disconnect-during-call' });
        }
        try {
            await this.core.connector.disconnect();
        } catch (error) {
            return this.core.failure({ key: 'disconnect-failed', error: errorMessage(error) });
        }
        // In case the connector did not report it: the engine must not stay Available.
        this.core.applyConnectionStatus('disconnected');
        this.core.flush();
        return engineOk;
    }

    /** Offline, Available or Break, with no live call; see agent-state-rules.ts. */
    setAgentState(state: AgentState): EngineResult {
        const refusal = agentStateRefusal(this.core.agentState, state, this.core.stateContext());
        if (refusal) {
            return { ok: false, error: refusal };
        }
        if (state !== this.core.agentState) {
            this.core.agentState = state;
            this.core.publishState();
        }
        return engineOk;
    }

    /** Ends after-call work: the agent becomes Available. */
    completeWrapUp(): EngineResult {
        if (this.core.agentState !== 'AfterCallWork') {
            return engineFailure('invalid-state', { key: 'no-after-call-work' });
        }
        return this.setAgentState('Available');
    }

    /**
     * A dial is coming: the connector may get ready meanwhile (Connector.prepareToDial). Call
     * the returned function once the dial is placed or given up.
     */
    prepareDial(number?: string): () => void {
        return this.core.connector.prepareToDial?.(number) ?? (() => undefined);
    }

    /**
     * Places an outbound call to `number` (sent to the connector trimmed, otherwise as typed:
     * normalising it is the caller's job). Resolves with the connector's call id.
     */
    async dial(number: string, related?: RelatedRecord): Promise<DialResult> {
        const refusal = dialRefusal(this.core, number, related);
        if (refusal) {
            return refusal;
        }
        const to = number.trim();
        return placeCall(this.core, to, related, () => this.core.connector.dial(to), {});
    }

    /** Answers a ringing inbound call; another connected or dialing call must be held first. */
    answer(callId: string): Promise<EngineResult> {
        return answerCall(this.core, callId);
    }

    /** Declines a ringing inbound call (outcome Rejected). */
    decline(callId: string): Promise<EngineResult> {
        return declineCall(this.core, callId);
    }

    /** Hangs up a dialing, connected or held call (even while another request is pending). */
    hangup(callId: string): Promise<EngineResult> {
        return hangUpCall(this.core, callId);
    }

    /** Holds a connected call. */
    hold(callId: string): Promise<EngineResult> {
        return holdCall(this.core, callId);
    }

    /** Resumes a held call; refused while another call is connected or dialing (hold it first). */
    resume(callId: string): Promise<EngineResult> {
        return resumeCall(this.core, callId);
    }

    /** Mutes or unmutes the agent on a dialing, connected or held call (optimistic). */
    setMuted(callId: string, muted: boolean): Promise<EngineResult> {
        return setCallMuted(this.core, callId, muted);
    }

    /** Sends DTMF tones (0-9, *, #, A-D; a-d accepted) on a connected call. */
    sendDtmf(callId: string, digits: string): Promise<EngineResult> {
        return sendCallDtmf(this.core, callId, digits);
    }

    /**
     * Blind transfer of a connected or held call to `target` (a number or extension, sent
     * trimmed). Resolves once the phone system took the request; the call then shows the
     * transfer's progress and ends Transferred, or keeps a failed transfer mark saying why.
     */
    transfer(callId: string, target: string): Promise<EngineResult> {
        return transferCall(this.core, callId, target);
    }

    /**
     * Consult: holds the call (when connected) and places a second call to `target` about it.
     * Resolves with the consult call's id.
     */
    startConsult(callId: string, target: string): Promise<DialResult> {
        return startConsult(this.core, callId, target);
    }

    /** Completes the consult into a transfer: the held caller is joined to the consulted party. */
    completeConsult(): Promise<EngineResult> {
        return completeConsult(this.core);
    }

    /** Cancels the consult: the consult call ends and the held call is resumed. */
    cancelConsult(): Promise<EngineResult> {
        return cancelConsult(this.core);
    }

    /** Merges the held call and the connected call into one conference with the agent. */
    merge(): Promise<EngineResult> {
        return mergeCalls(this.core);
    }

    /** Drops one party of the conference; the other stays connected to the agent. */
    dropParty(callId: string): Promise<EngineResult> {
        return dropParty(this.core, callId);
    }

    /** Holds the connected call and resumes the held one. */
    swap(): Promise<EngineResult> {
        return swapCalls(this.core);
    }

    /** Attaches the record a live call is about (the screen-pop result or click-to-dial source). */
    setRelatedRecord(callId: string, related: RelatedRecord): EngineResult {
        if (!this.core.getCall(callId)) {
            return noSuchCall(callId);
        }
        if (!isRelatedRecord(related)) {
            return engineFailure('invalid-argument', { key: 'invalid-related-record' });
        }
        this.core.updateCall(callId, { related });
        this.core.publishState();
        return engineOk;
    }
}
