import type { CallEngine } from '../calls/call-engine';
import type { AgentState, Call, Clock } from '../calls/call-model';
import type { EndedCall } from '../calls/ended-call';
import type { EngineSnapshot } from '../calls/engine-events';
import type { LogOutbox } from '../calllog/log-outbox';
import type { LmsBridge } from '../channel/lms-bridge';
import type { StatePayload } from '../channel/message-contract';
import { toStatePayload } from '../channel/event-builders';
import type { Scheduler } from '../telephony/scheduler';
import type { SoftphoneViewModel } from '../ui/view-model';
import { AppStore, RECENT_CALLS_KEPT } from './app-state';
import type { CallDescriber } from './connector-factory';
import { popInboundCall, type CallerScreenPopper } from './inbound-screen-pop';
import type { NumberFormatter } from './number-formatter';
import type { OutboundDialer } from './outbound-dialer';
import { droppedByReload, type SessionSnapshot } from './session-snapshot';
import type { SessionStore } from './session-store';
import { buildViewModel } from './view-model-builder';
import { WrapUpController, type WrapUpSettings } from './wrap-up-controller';

/** Why the softphone starts from a previous session: its own reload, or another tab's end. */
export type RestoreCause = 'reload' | 'takeover';

export interface SoftphoneAppOptions {
    readonly engine: CallEngine;
    readonly outbox: LogOutbox;
    readonly screenPopper: CallerScreenPopper;
    readonly dialer: OutboundDialer;
    readonly scheduler: Scheduler;
    readonly clock: Clock;
    readonly formatNumber: NumberFormatter;
    readonly defaultCountry: string;
    readonly wrapUp: WrapUpSettings;
    readonly dispositionOptions: readonly string[];
    readonly connectorLabel: string;
    readonly simulator: boolean;
    readonly softphoneVersion: string;
    /** Shows the softphone panel (the utility item) when a call rings. */
    readonly showPanel: () => void;
    /** Refreshes the Salesforce view after a log is saved, so related lists show it. */
    readonly refreshView: () => void;
    readonly render: (model: SoftphoneViewModel) => void;
    /** Where the session is kept across reloads of the softphone. */
    readonly session?: SessionStore;
    readonly describeCall?: CallDescriber;
}

/**
 * The softphone's behaviour between the layers: it follows the call engine's events (screen pop
 * on ringing, log on end, wrap-up), keeps the app state, renders the view and tells the LWCs.
 */
export class SoftphoneApp {
    readonly store = new AppStore();
    readonly wrapUp: WrapUpController;
    private bridge: LmsBridge | undefined;
    /** Waiting calls whose screen pop waits for the answer (see onCallStarted). */
    private readonly deferredPops = new Map<string, Call>();
    /**
     * Calls the agent worked (answered or dialled) that ended while another call was still live:
     * their wrap-up waits for the after-call work that follows the last call.
     */
    private workedCallsAwaitingWrapUp: { call: EndedCall; label: string }[] = [];
    /** Ended calls whose log is not in the outbox's store yet. */
    private readonly unstoredCalls = new Map<string, EndedCall>();
    private readonly unsubscribers: Array<() => void> = [];

    constructor(private readonly options: SoftphoneAppOptions) {
        this.wrapUp = new WrapUpController({
            store: this.store,
            outbox: options.outbox,
            engine: options.engine,
            scheduler: options.scheduler,
            clock: options.clock,
            settings: options.wrapUp
        });
        this.store.update((state) => ({
            ...state,
            logStatus: { pending: options.outbox.pendingCount, durable: options.outbox.durable }
        }));
        if (!options.outbox.durable) {
            this.store.setNotice(
                'log-not-durable',
                'warning',
                'This browser blocks offline storage, so call logs waiting to be saved are kept in memory only: keep this tab open until they are saved.'
            );
        }
    }

    /** The LMS bridge, once subscribed: state and call events are published to it from then on. */
    attachBridge(bridge: LmsBridge): void {
        this.bridge = bridge;
        void bridge.publishState(this.statePayload());
    }

    start(): void {
        const { engine, outbox } = this.options;
        this.unsubscribers.push(
            engine.on('stateChanged', (snapshot) => this.onStateChanged(snapshot)),
            engine.on('callStarted', (call) => this.onCallStarted(call)),
            engine.on('callAnswered', (call) => this.onCallAnswered(call)),
            engine.on('callEnded', (call) => this.onCallEnded(call)),
            engine.on('error', (error) =>
                this.store.addError(error.message, undefined, error.callId)
            ),
            outbox.on('logged', (event) => {
                this.options.refreshView();
                void this.bridge?.publishCallLogged({
                    callId: event.callId,
                    recordId: event.recordId,
                    ...(event.related === undefined
                        ? {}
                        : { relatedRecordId: event.related.recordId })
                });
            }),
            outbox.on('pendingCount', (pending) => {
                this.store.update((state) => ({
                    ...state,
                    logStatus: { ...state.logStatus, pending }
                }));
                this.clearSettledLogWarnings();
            }),
            outbox.on('failed', (event) =>
                this.store.setNotice(
                    `log-failed-${event.callId}`,
                    'warning',
                    event.permanent
                        ? `A call log could not be saved and needs an admin: ${event.error}`
                        : `A call log could not be saved yet (attempt ${event.attempt}); retrying: ${event.error}`
                )
            ),
            outbox.on('logged', (event) =>
                this.store.setNotice(`log-failed-${event.callId}`, 'warning', undefined)
            ),
            outbox.on('storeError', (event) =>
                this.store.addError(`Call log storage failed (${event.operation}): ${event.error}`)
            ),
            this.store.subscribe(() => this.render())
        );
        engine.start();
        this.render();
    }

    stop(): void {
        this.wrapUp.finish();
        this.unsubscribers.splice(0).forEach((unsubscribe) => unsubscribe());
        this.options.engine.stop();
    }

    render(): void {
        this.saveSession();
        const { engine } = this.options;
        this.options.render(
            buildViewModel({
                engine: engine.snapshot(),
                agentStateOptions: engine.agentStateOptions(),
                app: this.store.state,
                connectorLabel: this.options.connectorLabel,
                simulator: this.options.simulator,
                dispositionOptions: this.options.dispositionOptions,
                dispositionRequired: this.options.wrapUp.dispositionRequired,
                formatNumber: this.options.formatNumber,
                ...(this.options.describeCall === undefined
                    ? {}
                    : { describeCall: this.options.describeCall })
            })
        );
    }

    /**
     * Takes over from a previous page of this softphone (a reload): its recent calls come back,
     * its live calls are logged as they really ended (they cannot survive the page), an
     * interrupted wrap-up is closed, and the agent is told. Call before start().
     */
    restore(previous: SessionSnapshot, cause: RestoreCause = 'reload'): { agentState: AgentState } {
        const { outbox } = this.options;
        const what =
            cause === 'reload'
                ? 'The softphone reloaded'
                : 'The Salesforce tab that ran the softphone was closed';
        const notices: string[] = [];
        const recent = [...previous.recentCalls];
        for (const ended of previous.unstoredCalls) {
            // Ended just before the reload, before its log reached the outbox: log it now
            // (enqueueing a call the outbox already has only updates that entry).
            void outbox.enqueue(ended, { awaitWrapUp: false }).catch(() => undefined);
        }
        for (const live of previous.liveCalls) {
            const ended = droppedByReload(live, previous.lastAliveAt);
            void outbox
                .enqueue(ended, { awaitWrapUp: false })
                .catch((error: unknown) =>
                    this.store.addError(
                        `The call log could not be stored: ${error instanceof Error ? error.message : String(error)}`
                    )
                );
            const remoteNumber = live.direction === 'Inbound' ? live.from : live.to;
            const label =
                previous.callerNames[live.id] ??
                live.related?.recordName ??
                (this.options.formatNumber(remoteNumber) || 'Withheld number');
            recent.unshift({
                callId: live.id,
                direction: live.direction,
                number: this.options.formatNumber(remoteNumber),
                ...(previous.callerNames[live.id] === undefined
                    ? {}
                    : { name: previous.callerNames[live.id] as string }),
                endedAt: ended.endedAt,
                outcome: ended.outcome,
                durationSeconds: ended.durationSeconds
            });
            notices.push(
                `${what} during the call with ${label}: the call could not continue and was logged as ${ended.outcome}.`
            );
        }
        if (previous.wrapUpCallId !== undefined) {
            void outbox.closeWrapUp(previous.wrapUpCallId).catch(() => undefined);
            notices.push(
                `${what} during wrap-up: add the disposition and notes on the Phone Call record.`
            );
        }
        this.store.update((state) => ({
            ...state,
            recentCalls: recent.slice(0, RECENT_CALLS_KEPT)
        }));
        notices.forEach((message, index) =>
            this.store.setNotice(`reload-${index}`, 'warning', message)
        );
        const agentState =
            previous.agentState === 'Offline' || previous.agentState === 'Break'
                ? previous.agentState
                : 'Available';
        return { agentState };
    }

    private saveSession(): void {
        const session = this.options.session;
        if (session === undefined) {
            return;
        }
        const snapshot = this.options.engine.snapshot();
        const wrapUpCallId = this.store.state.wrapUp?.callId;
        session.save({
            version: 1,
            agentState: snapshot.agentState,
            liveCalls: snapshot.calls,
            unstoredCalls: [...this.unstoredCalls.values()],
            callerNames: this.store.state.callerNames,
            recentCalls: this.store.state.recentCalls,
            ...(wrapUpCallId === undefined ? {} : { wrapUpCallId })
        });
    }

    /** The payload of the LMS `state` event. */
    statePayload(): StatePayload {
        const snapshot = this.options.engine.snapshot();
        const activeCall = snapshot.calls.find((call) => call.id === snapshot.activeCallId);
        return toStatePayload({
            agentState: snapshot.agentState,
            connectionStatus: snapshot.connectionStatus,
            softphoneVersion: this.options.softphoneVersion,
            ...(activeCall === undefined ? {} : { activeCall })
        });
    }

    /**
     * The agent's status also decides whether the phone system can reach them: Offline
     * disconnects the connector (a SIP phone unregisters), leaving Offline connects it again.
     * On Break the connector stays connected and the engine turns calls away (Busy).
     */
    setAgentState(state: AgentState): void {
        void this.changeAgentState(state);
    }

    private async changeAgentState(state: AgentState): Promise<void> {
        const { engine } = this.options;
        const report = (result: { ok: boolean; error?: { message: string } }) => {
            if (!result.ok && result.error !== undefined) {
                this.store.addError(result.error.message);
            }
            return result.ok;
        };
        if (state === 'Offline') {
            if (report(engine.setAgentState('Offline'))) {
                report(await engine.disconnect());
            }
            return;
        }
        if (engine.snapshot().connectionStatus === 'disconnected') {
            if (!report(await engine.connect())) {
                return;
            }
        }
        report(engine.setAgentState(state));
    }

    /** A retry warning goes once its log has nothing left to write (e.g. a wrap-up update). */
    private clearSettledLogWarnings(): void {
        const pendingCallIds = new Set(this.options.outbox.snapshot().map((entry) => entry.callId));
        for (const notice of this.store.state.notices) {
            const callId = notice.id.startsWith('log-failed-')
                ? notice.id.slice('log-failed-'.length)
                : undefined;
            if (callId !== undefined && !pendingCallIds.has(callId)) {
                this.store.setNotice(notice.id, 'warning', undefined);
            }
        }
    }

    private onStateChanged(snapshot: EngineSnapshot): void {
        if (this.store.state.wrapUp !== undefined && snapshot.agentState !== 'AfterCallWork') {
            this.wrapUp.finish();
        }
        this.render();
        void this.bridge?.publishState(this.statePayload());
    }

    private onCallStarted(call: Call): void {
        void this.bridge?.publishCallStarted(call);
        const ringing = this.options.engine.snapshot().calls.some((live) => live.id === call.id);
        // A call the engine declined at once (the agent is offline, on break, in wrap-up, or a
        // third line) must not pull the agent to its record.
        if (call.direction !== 'Inbound' || !ringing) {
            return;
        }
        this.options.showPanel();
        const otherLiveCall = this.options.engine
            .snapshot()
            .calls.some((other) => other.id !== call.id && other.state !== 'ringing');
        if (otherLiveCall) {
            // Call waiting: popping now would take the agent away from the record of the call
            // they are on, so the waiting caller's record pops when it is answered.
            this.deferredPops.set(call.id, call);
            return;
        }
        this.pop(call);
    }

    private onCallAnswered(call: Call): void {
        const deferred = this.deferredPops.get(call.id);
        if (deferred !== undefined) {
            this.deferredPops.delete(call.id);
            this.pop(deferred);
        }
    }

    private pop(call: Call): void {
        void popInboundCall(call, {
            engine: this.options.engine,
            screenPopper: this.options.screenPopper,
            store: this.store,
            defaultCountry: this.options.defaultCountry
        });
    }

    private onCallEnded(call: EndedCall): void {
        this.deferredPops.delete(call.id);
        this.store.clearCall(call.id);
        const inAfterCallWork = this.options.engine.snapshot().agentState === 'AfterCallWork';
        const worked = call.answeredAt !== undefined || call.direction === 'Outbound';
        // The phone system's display name stands in when no record named the caller.
        const name =
            this.store.state.callerNames[call.id] ??
            call.related?.recordName ??
            (call.remoteName?.trim() || undefined);
        const remoteNumber = call.direction === 'Inbound' ? call.from : call.to;
        const number = this.options.formatNumber(remoteNumber);
        const label = name ?? (number || 'Withheld number');
        // Until the outbox has the log in IndexedDB (asynchronous), the session snapshot
        // (synchronous storage) holds it, so a reload in that gap cannot lose it.
        this.unstoredCalls.set(call.id, call);
        this.saveSession();
        this.options.outbox
            .enqueue(call, { awaitWrapUp: worked })
            .then(() => {
                this.unstoredCalls.delete(call.id);
                this.saveSession();
            })
            .catch((error: unknown) =>
                this.store.addError(
                    `The call log could not be stored: ${error instanceof Error ? error.message : String(error)}`
                )
            );
        void this.bridge?.publishCallEnded(call, call.outcome, call.durationSeconds);
        this.store.update((state) => ({
            ...state,
            recentCalls: [
                {
                    callId: call.id,
                    direction: call.direction,
                    number,
                    ...(name === undefined ? {} : { name }),
                    endedAt: call.endedAt,
                    outcome: call.outcome,
                    durationSeconds: call.durationSeconds,
                    ...(call.related === undefined
                        ? {}
                        : {
                              record: {
                                  recordId: call.related.recordId,
                                  objectType: call.related.objectType
                              }
                          })
                },
                ...state.recentCalls
            ].slice(0, RECENT_CALLS_KEPT)
        }));
        if (worked) {
            this.workedCallsAwaitingWrapUp.push({ call, label });
        }
        if (inAfterCallWork) {
            this.beginWrapUpOfLastWorkedCall();
        }
    }

    /**
     * After-call work is for the call the agent last worked, not for whichever call ended last
     * (a declined waiting call, say). Older worked calls no longer wait for a disposition.
     */
    private beginWrapUpOfLastWorkedCall(): void {
        const awaiting = this.workedCallsAwaitingWrapUp;
        this.workedCallsAwaitingWrapUp = [];
        const last = awaiting.pop();
        for (const older of awaiting) {
            void this.options.outbox.closeWrapUp(older.call.id).catch(() => undefined);
        }
        if (last === undefined) {
            return;
        }
        this.wrapUp.finish();
        this.wrapUp.begin(last.call, last.label);
    }
}
