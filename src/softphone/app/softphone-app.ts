import { label } from '../i18n';
import { engineErrorText } from '../ui/engine-words';
import { withheldNumberLabel } from '../ui/labels';
import type { CallEngine } from '../calls/call-engine';
import type { AgentState, Call, Clock } from '../calls/call-model';
import type { EndedCall } from '../calls/ended-call';
import type { EngineSnapshot } from '../calls/engine-events';
import type { PopMoment } from '../screenpop/screen-pop-executor';
import type { LogOutbox } from '../calllog/log-outbox';
import type { CommandResult, LmsBridge } from '../channel/lms-bridge';
import type { EngineResult } from '../calls/engine-result';
import type { StatePayload } from '../channel/message-contract';
import { toStatePayload } from '../channel/event-builders';
import type { Scheduler } from '../telephony/scheduler';
import type { SoftphoneViewModel } from '../ui/view-model';
import type { AgentStatusMemory } from './agent-status-memory';
import { isChosenState } from './agent-status-memory';
import { AppStore, RECENT_CALLS_KEPT } from './app-state';
import { WRAP_UP_INCOMPLETE, withCallBarState } from './call-bar-state';
import type { CallDescriber } from './connector-factory';
import { callBackNumber, missedCallNotice, recordPhonesOf } from './missed-calls';
import { popInboundCall, type CallerScreenPopper } from './inbound-screen-pop';
import type { NumberFormatter } from './number-formatter';
import type { OutboundDialer } from './outbound-dialer';
import type { SessionSnapshot } from './session-snapshot';
import { SessionRestore, type RestoreCause } from './session-restore';
import type { SessionStore } from './session-store';
import { HandoverPublisher } from './handover-publisher';
import { CallRecordTracker } from './call-record-tracker';
import { buildViewModel } from './view-model-builder';
import {
    dispositionRequiredFor,
    WrapUpController,
    type WrapUpInterruption,
    type WrapUpSettings
} from './wrap-up-controller';

export type { RestoreCause } from './session-restore';

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
    /**
     * When the view is drawn: at once when absent (tests). The softphone draws in a later task
     * (start-softphone.ts), so a ring's screen-pop search reaches the host before the panel,
     * its alerts and the other tabs are redrawn, and several changes in one task draw once.
     */
    readonly scheduleRender?: (draw: () => void) => void;
    /** Where the session is kept across reloads of the softphone. */
    readonly session?: SessionStore;
    readonly describeCall?: CallDescriber;
    /** Not-ready reasons offered with Break (agentStatus/breakReasons). */
    readonly breakReasons?: readonly string[];
    /** Where the agent's chosen status is remembered for the next load (agentStatus/initialState). */
    readonly statusMemory?: AgentStatusMemory;
}

/**
 * The softphone's behaviour between the layers: it follows the call engine's events (screen pop
 * on ringing, log on end, wrap-up), keeps the app state, renders the view and tells the LWCs.
 */
export class SoftphoneApp {
    readonly store = new AppStore();
    readonly wrapUp: WrapUpController;
    private bridge: LmsBridge | undefined;
    /** Transfer progress and the conference size the LWCs were told last. */
    private readonly handoverPublisher = new HandoverPublisher();
    /** The last state published on the LMS channel, serialized (see publishStateIfChanged). */
    private lastPublishedState: string | undefined;
    /** Waiting calls whose screen pop waits for the answer (see onCallStarted). */
    private readonly deferredPops = new Map<string, Call>();
    /** Ringing calls whose pop the settings time for the answer (e.g. a new-record form). */
    private readonly popsAtAnswer = new Map<string, Call>();
    /**
     * Calls the agent worked (answered or dialled) that ended while another call was still live:
     * their wrap-up waits for the after-call work that follows the last call.
     */
    private workedCallsAwaitingWrapUp: { call: EndedCall; label: string }[] = [];
    /** Ended calls whose log is not in the outbox's store yet. */
    private readonly unstoredCalls = new Map<string, EndedCall>();
    /** Inbound calls offered to the agent (they rang in the softphone): missed if not answered. */
    private readonly offeredCalls = new Set<string>();
    private readonly unsubscribers: Array<() => void> = [];
    private drawScheduled = false;
    /** What waits for the scheduled draw, in order (see afterDraw). */
    private readonly afterDrawQueue: Array<() => void> = [];
    private stopped = false;
    private readonly sessionRestore: SessionRestore;
    private readonly records: CallRecordTracker;

    constructor(private readonly options: SoftphoneAppOptions) {
        this.wrapUp = new WrapUpController({
            store: this.store,
            outbox: options.outbox,
            engine: options.engine,
            scheduler: options.scheduler,
            clock: options.clock,
            settings: options.wrapUp
        });
        this.sessionRestore = new SessionRestore({
            store: this.store,
            outbox: options.outbox,
            formatNumber: options.formatNumber,
            dispositionRequired: options.wrapUp.dispositionRequired
        });
        this.records = new CallRecordTracker({
            store: this.store,
            engine: options.engine,
            outbox: options.outbox
        });
        this.store.update((state) => ({
            ...state,
            logStatus: { pending: options.outbox.pendingCount, durable: options.outbox.durable }
        }));
        if (!options.outbox.durable) {
            this.store.setNotice('log-not-durable', 'warning', label('Softphone_Log_Not_Durable'));
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
                this.store.addError(engineErrorText(error), undefined, error.callId)
            ),
            outbox.on('logged', (event) => {
                this.options.refreshView();
                this.toComponents(
                    (bridge) =>
                        void bridge.publishCallLogged({
                            callId: event.callId,
                            recordId: event.recordId,
                            ...(event.related === undefined
                                ? {}
                                : { relatedRecordId: event.related.recordId })
                        })
                );
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
                        ? label('Softphone_Log_Failed_Admin', event.error)
                        : label('Softphone_Log_Failed_Retrying', event.attempt, event.error)
                )
            ),
            outbox.on('logged', (event) =>
                this.store.setNotice(`log-failed-${event.callId}`, 'warning', undefined)
            ),
            outbox.on('storeError', (event) =>
                this.store.addError(
                    label('Softphone_Log_Storage_Failed', event.operation, event.error)
                )
            ),
            this.store.subscribe(() => this.render()),
            this.store.subscribe(() => this.publishStateIfChanged())
        );
        engine.start();
        this.render();
    }

    stop(): void {
        this.stopped = true;
        this.wrapUp.finish({ kind: 'stopped' });
        this.unsubscribers.splice(0).forEach((unsubscribe) => unsubscribe());
        this.options.engine.stop();
    }

    render(): void {
        const schedule = this.options.scheduleRender;
        if (schedule === undefined) {
            this.draw();
            return;
        }
        if (this.drawScheduled) {
            return;
        }
        this.drawScheduled = true;
        schedule(() => {
            this.drawScheduled = false;
            if (!this.stopped) {
                this.draw();
            }
            for (const work of this.afterDrawQueue.splice(0)) {
                work();
            }
        });
    }

    /**
     * Runs `work` once the pending draw is done, or now when none is: the host gets a ring's
     * search first, the agent sees the ring next, then the panel opens and the LWCs are told,
     * each message to them still in the order of the changes.
     */
    private afterDraw(work: () => void): void {
        if (this.drawScheduled) {
            this.afterDrawQueue.push(work);
        } else {
            work();
        }
    }

    private toComponents(send: (bridge: LmsBridge) => void): void {
        const bridge = this.bridge;
        if (bridge !== undefined) {
            this.afterDraw(() => send(bridge));
        }
    }

    private draw(): void {
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
                breakReasons: this.options.breakReasons ?? [],
                handoverSupport: engine.handoverSupport(),
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
        return this.sessionRestore.restore(previous, cause);
    }

    /**
     * Saves what a wrap-up interrupted by the reload held (restore) onto its call's log. Call
     * once the outbox has replayed what the previous page left, so the log is known to it.
     */
    saveInterruptedWrapUp(): Promise<void> {
        return this.sessionRestore.saveInterruptedWrapUp();
    }

    private saveSession(): void {
        const session = this.options.session;
        if (session === undefined) {
            return;
        }
        const snapshot = this.options.engine.snapshot();
        const wrapUp = this.store.state.wrapUp;
        const wrapUpCallId = wrapUp?.callId;
        session.save({
            version: 1,
            agentState: snapshot.agentState,
            liveCalls: snapshot.calls,
            unstoredCalls: [...this.unstoredCalls.values()],
            callerNames: this.store.state.callerNames,
            recentCalls: this.store.state.recentCalls,
            ...(wrapUp === undefined
                ? {}
                : {
                      wrapUpCallId,
                      wrapUpDraft: {
                          // Bounded like the snapshot's names: a huge label must not void it.
                          remoteLabel: wrapUp.remoteLabel.slice(0, 1000),
                          disposition: wrapUp.disposition,
                          notes: wrapUp.notes
                      }
                  })
        });
    }

    /** The payload of the LMS `state` event. */
    statePayload(): StatePayload {
        const snapshot = this.options.engine.snapshot();
        const activeCall = snapshot.calls.find((call) => call.id === snapshot.activeCallId);
        const payload = toStatePayload({
            agentState: snapshot.agentState,
            connectionStatus: snapshot.connectionStatus,
            softphoneVersion: this.options.softphoneVersion,
            ...(activeCall === undefined ? {} : { activeCall })
        });
        return withCallBarState(payload, {
            calls: snapshot.calls,
            ...(snapshot.activeCallId === undefined ? {} : { activeCallId: snapshot.activeCallId }),
            app: this.store.state,
            breakReasons: this.options.breakReasons ?? [],
            dispositions: this.options.dispositionOptions,
            dispositionRequired: this.options.wrapUp.dispositionRequired
        });
    }

    /** Publishes the state when what the call bar shows changed (a wrap-up save, a reason). */
    private publishStateIfChanged(): void {
        if (this.bridge === undefined) {
            return;
        }
        const payload = this.statePayload();
        const serialized = JSON.stringify(payload);
        if (serialized !== this.lastPublishedState) {
            this.lastPublishedState = serialized;
            this.toComponents((bridge) => void bridge.publishState(payload));
        }
    }

    /**
     * The agent's status also decides whether the phone system can reach them: Offline
     * disconnects the connector (a SIP phone unregisters), leaving Offline connects it again.
     * On Break the connector stays connected and the engine turns calls away (Busy).
     */
    setAgentState(state: AgentState, reason?: string): void {
        void this.changeAgentState(state, reason);
    }

    /** Resolves once the state is set (or refused, which the agent is told). */
    async changeAgentState(state: AgentState, reason?: string): Promise<boolean> {
        const result = await this.requestAgentState(state, reason);
        // A refusal of the wrap-up form is shown in the form itself.
        if (!result.ok && result.code !== WRAP_UP_INCOMPLETE) {
            this.store.addError(result.message);
        }
        return result.ok;
    }

    /** Sets the agent state, or says why not (for the softphone's menu and the LWCs alike). */
    async requestAgentState(state: AgentState, reason?: string): Promise<CommandResult> {
        const { engine } = this.options;
        const reasons = this.options.breakReasons ?? [];
        if (reason !== undefined && (state !== 'Break' || !reasons.includes(reason))) {
            return {
                ok: false,
                code: 'unknown-reason',
                message: label('Softphone_Not_A_Break_Reason', reason)
            };
        }
        // Leaving wrap-up from the status menu: the draft is saved first, and a required
        // disposition holds the agent here like Done does.
        if (
            this.wrapUp.current !== undefined &&
            engine.snapshot().agentState === 'AfterCallWork' &&
            state !== 'AfterCallWork' &&
            !(await this.wrapUp.leaveFor(state))
        ) {
            return {
                ok: false,
                code: WRAP_UP_INCOMPLETE,
                message: this.wrapUp.current?.error ?? dispositionRequiredFor(state)
            };
        }
        const failed = (result: EngineResult): CommandResult | undefined =>
            result.ok
                ? undefined
                : { ok: false, code: result.error.code, message: engineErrorText(result.error) };
        if (state === 'Offline') {
            const refused = failed(engine.setAgentState('Offline'));
            if (refused !== undefined) {
                return refused;
            }
            this.chose({ state: 'Offline' });
            return failed(await engine.disconnect()) ?? { ok: true };
        }
        if (engine.snapshot().connectionStatus === 'disconnected') {
            const refused = failed(await engine.connect());
            if (refused !== undefined) {
                return refused;
            }
        }
        const refused = failed(engine.setAgentState(state));
        if (refused !== undefined) {
            return refused;
        }
        if (isChosenState(state)) {
            this.chose(reason === undefined ? { state } : { state, reason });
        }
        return { ok: true };
    }

    /** The agent's choice: shown (Break reason, Offline as a status) and remembered. */
    private chose(status: { state: 'Offline' | 'Available' | 'Break'; reason?: string }): void {
        this.options.statusMemory?.write(status);
        this.store.update((state) => {
            const { breakReason: _old, ...rest } = state;
            return {
                ...rest,
                offlineByChoice: status.state === 'Offline',
                ...(status.reason === undefined ? {} : { breakReason: status.reason })
            };
        });
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
            this.wrapUp.finish(this.wrapUpInterruption(snapshot));
        }
        if (this.store.state.breakReason !== undefined && snapshot.agentState !== 'Break') {
            this.store.update((state) => {
                const { breakReason: _ended, ...rest } = state;
                return rest;
            });
        }
        this.render();
        const payload = this.statePayload();
        this.lastPublishedState = JSON.stringify(payload);
        const bridge = this.bridge;
        this.afterDraw(() => {
            void bridge?.publishState(payload);
            this.handoverPublisher.publish(snapshot, bridge);
        });
    }

    /** Why after-call work ended without the agent finishing it, if it did (see finish). */
    private wrapUpInterruption(snapshot: EngineSnapshot): WrapUpInterruption | undefined {
        if (snapshot.agentState === 'Offline') {
            return { kind: 'offline' };
        }
        const answered = snapshot.calls.find((call) => call.state === 'connected');
        if (snapshot.agentState !== 'Busy' || answered === undefined) {
            return undefined;
        }
        const number = this.options.formatNumber(answered.from);
        const callerLabel =
            this.store.state.callerNames[answered.id] ??
            answered.related?.recordName ??
            answered.remoteName ??
            (number || label('Softphone_App_A_Withheld_Number'));
        return { kind: 'answered', callerLabel };
    }

    private onCallStarted(call: Call): void {
        const ringing = this.options.engine.snapshot().calls.some((live) => live.id === call.id);
        // A call the engine declined at once (the agent is offline, on break, or a third line)
        // must not pull the agent to its record.
        if (call.direction !== 'Inbound' || !ringing) {
            this.records.startCallRecords(call);
            this.toComponents((bridge) => void bridge.publishCallStarted(call));
            return;
        }
        this.offeredCalls.add(call.id);
        // The search is the slowest thing a ring starts (a server round trip in a real org):
        // it goes out before any other request to the host (the records' update redraws the
        // view, which sets the utility item's label); the panel and the LMS event follow
        // without waiting for it.
        this.popOnRing(call);
        this.records.startCallRecords(call);
        this.afterDraw(() => this.options.showPanel());
        this.toComponents((bridge) => void bridge.publishCallStarted(call));
    }

    private popOnRing(call: Call): void {
        const otherLiveCall = this.options.engine
            .snapshot()
            .calls.some((other) => other.id !== call.id && other.state !== 'ringing');
        const inWrapUp = this.wrapUp.current !== undefined;
        if (inWrapUp) {
            // Offered during wrap-up: what the agent entered so far goes to the log now.
            void this.wrapUp.saveDraft();
        }
        if (otherLiveCall || inWrapUp) {
            // Call waiting (or wrap-up): popping now would take the agent away from the record
            // of the call they are on, so the new caller's record pops when it is answered.
            this.deferredPops.set(call.id, call);
            return;
        }
        this.pop(call, 'ring');
    }

    private onCallAnswered(call: Call): void {
        const deferred = this.deferredPops.get(call.id) ?? this.popsAtAnswer.get(call.id);
        if (deferred !== undefined) {
            this.deferredPops.delete(call.id);
            this.popsAtAnswer.delete(call.id);
            this.pop(deferred, 'answer');
        }
    }

    private pop(call: Call, moment: PopMoment): void {
        void popInboundCall(call, {
            engine: this.options.engine,
            screenPopper: this.options.screenPopper,
            store: this.store,
            defaultCountry: this.options.defaultCountry,
            moment
        }).then(({ waitsForAnswer }) => {
            if (!waitsForAnswer) {
                return;
            }
            const live = this.options.engine.snapshot().calls.find((each) => each.id === call.id);
            if (live?.state === 'ringing') {
                this.popsAtAnswer.set(call.id, call);
            } else if (live !== undefined) {
                // Answered while the search ran: pop now.
                this.pop(call, 'answer');
            }
        });
    }

    /**
     * Salesforce reports where the agent went (Open CTI onNavigationChange): a record opened
     * during a call, or in its wrap-up, can log the call; the record the pop led to does at once.
     */
    navigated(payload: unknown): void {
        this.records.navigated(payload);
    }

    /** The agent logs the call to another record seen during it. */
    relateCall(callId: string, recordId: string): void {
        this.records.relateCall(callId, recordId);
    }

    private onCallEnded(call: EndedCall): void {
        this.deferredPops.delete(call.id);
        const offered = this.offeredCalls.delete(call.id);
        this.store.clearCall(call.id);
        this.popsAtAnswer.delete(call.id);
        const inAfterCallWork = this.options.engine.snapshot().agentState === 'AfterCallWork';
        const worked = call.answeredAt !== undefined || call.direction === 'Outbound';
        // The phone system's display name stands in when no record named the caller.
        // A consult call keeps its parent's record for the log, not as the other party's name.
        const name =
            this.store.state.callerNames[call.id] ??
            (call.consultOf === undefined ? call.related?.recordName : undefined) ??
            (call.remoteName?.trim() || undefined);
        const remoteNumber = call.direction === 'Inbound' ? call.from : call.to;
        const number = this.options.formatNumber(remoteNumber);
        const party = name ?? (number || withheldNumberLabel());
        // A caller known only by a name is called back on the matched record's phone, or not at all.
        const phones = recordPhonesOf(this.store.state.callRecords[call.id], call.related);
        const redial = callBackNumber(number, phones) ?? '';
        const shownName = name ?? (redial === number ? undefined : number || undefined);
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
                    label(
                        'Softphone_Log_Not_Stored',
                        error instanceof Error ? error.message : String(error)
                    )
                )
            );
        this.toComponents(
            (bridge) => void bridge.publishCallEnded(call, call.outcome, call.durationSeconds)
        );
        this.store.update((state) => ({
            ...state,
            recentCalls: [
                {
                    callId: call.id,
                    direction: call.direction,
                    number: redial,
                    ...(shownName === undefined ? {} : { name: shownName }),
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
        if (offered && call.outcome === 'Missed') {
            // Rang, offered to the agent, not answered: a notice with Call back until seen.
            const notice = missedCallNotice(call, party, phones);
            this.store.setNotice(
                notice.id,
                'warning',
                notice.message,
                notice.callBack === undefined ? {} : { callBack: notice.callBack }
            );
        }
        if (worked) {
            this.workedCallsAwaitingWrapUp.push({ call, label: party });
        }
        if (inAfterCallWork) {
            this.beginWrapUpOfLastWorkedCall();
        }
    }

    /**
     * After-call work is for the call the agent last worked, not for whichever call ended last
     * (a declined waiting call, say); when that is a consult call that ended with the call it was
     * about (a transfer completed), it is for that call: the customer's. The other worked calls
     * no longer wait for a disposition.
     */
    private beginWrapUpOfLastWorkedCall(): void {
        const awaiting = this.workedCallsAwaitingWrapUp;
        this.workedCallsAwaitingWrapUp = [];
        const last = awaiting[awaiting.length - 1];
        if (last === undefined) {
            return;
        }
        const consulted = awaiting.find((each) => each.call.id === last.call.consultOf);
        const chosen = consulted ?? last;
        for (const other of awaiting) {
            if (other !== chosen) {
                void this.options.outbox.closeWrapUp(other.call.id).catch(() => undefined);
            }
        }
        this.wrapUp.finish();
        this.wrapUp.begin(chosen.call, chosen.label);
    }
}
