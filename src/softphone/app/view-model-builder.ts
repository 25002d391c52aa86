import type { Call, RelatedRecord } from '../calls/call-model';
import type { EngineSnapshot } from '../calls/engine-events';
import type { CallView, LoggedToView, SoftphoneViewModel } from '../ui/view-model';
import type { AppState } from './app-state';
import { recordLabel, type CallRecords, type RecordPhone } from './call-records';
import type { CallDescriber } from './connector-factory';
import type { NumberFormatter } from './number-formatter';
import type { HandoverSupport } from '../telephony/call-handover';
import { toHandoverView, transferSuggestions } from './handover-view-builder';

export interface ViewModelInputs {
    readonly engine: EngineSnapshot;
    readonly agentStateOptions: SoftphoneViewModel['agentStateOptions'];
    readonly app: AppState;
    readonly connectorLabel: string;
    readonly connectionMessage?: string;
    readonly simulator: boolean;
    readonly dispositionOptions: readonly string[];
    readonly dispositionRequired: boolean;
    readonly formatNumber: NumberFormatter;
    readonly describeCall?: CallDescriber;
    readonly breakReasons?: readonly string[];
    /** What the connector can do to hand calls on (none when absent). */
    readonly handoverSupport?: HandoverSupport;
}

/** Derives what the view shows from the engine snapshot and the app state (pure). */
export function buildViewModel(inputs: ViewModelInputs): SoftphoneViewModel {
    const { engine, app } = inputs;
    const everyCallHeld = engine.calls.every((call) => call.state === 'held');
    // Available and idle, or Busy with every call on hold (a consultation call).
    const canDial =
        engine.connectionStatus === 'connected' &&
        everyCallHeld &&
        (engine.agentState === 'Available' ||
            (engine.agentState === 'Busy' && engine.calls.length > 0));
    const wrapUp = app.wrapUp;
    return {
        connection: {
            status: engine.connectionStatus,
            connectorLabel: inputs.connectorLabel,
            ...(inputs.connectionMessage === undefined
                ? {}
                : { message: inputs.connectionMessage }),
            ...(app.offlineByChoice === true && engine.agentState === 'Offline'
                ? { offlineByChoice: true }
                : {})
        },
        agentState: engine.agentState,
        agentStateOptions: inputs.agentStateOptions,
        ...(inputs.breakReasons === undefined || inputs.breakReasons.length === 0
            ? {}
            : { breakReasons: inputs.breakReasons }),
        ...(app.breakReason === undefined || engine.agentState !== 'Break'
            ? {}
            : { breakReason: app.breakReason }),
        calls: engine.calls.map((call) => {
            const view = toCallView(call, app, inputs.formatNumber, inputs.describeCall);
            const handover =
                inputs.handoverSupport === undefined
                    ? undefined
                    : toHandoverView(
                          call,
                          engine.calls,
                          inputs.handoverSupport,
                          (other) =>
                              toCallView(other, app, inputs.formatNumber, undefined).name ??
                              inputs.formatNumber(remoteNumberOf(other)),
                          inputs.formatNumber
                      );
            return handover === undefined ? view : { ...view, handover };
        }),
        ...(inputs.handoverSupport === undefined
            ? {}
            : {
                  transferSuggestions: transferSuggestions(
                      app.recentCalls,
                      relatedPhones(engine, app),
                      inputs.formatNumber
                  )
              }),
        ...(engine.conferenceCallIds === undefined
            ? {}
            : { conference: { parties: engine.conferenceCallIds.length + 1 } }),
        ...(wrapUp === undefined
            ? {}
            : {
                  wrapUp: {
                      callId: wrapUp.callId,
                      remoteLabel: wrapUp.remoteLabel,
                      outcome: wrapUp.outcome,
                      durationSeconds: wrapUp.durationSeconds,
                      disposition: wrapUp.disposition,
                      notes: wrapUp.notes,
                      dispositionOptions: inputs.dispositionOptions,
                      dispositionRequired: inputs.dispositionRequired,
                      ...(wrapUp.endsAt === undefined ? {} : { endsAt: wrapUp.endsAt }),
                      ...(wrapUp.pausedMsLeft === undefined
                          ? {}
                          : { pausedMsLeft: wrapUp.pausedMsLeft }),
                      saving: wrapUp.saving,
                      draftSaved:
                          wrapUp.saved !== undefined &&
                          wrapUp.saved.disposition === wrapUp.disposition &&
                          wrapUp.saved.notes === wrapUp.notes,
                      ...(wrapUp.confirmedAt === undefined
                          ? {}
                          : { confirmedAt: wrapUp.confirmedAt }),
                      ...(wrapUp.error === undefined ? {} : { error: wrapUp.error }),
                      loggedTo: toLoggedTo(app.callRecords[wrapUp.callId], undefined)
                  }
              }),
        recentCalls: app.recentCalls,
        errors: app.errors,
        notices: app.notices,
        simulatorControlsVisible: inputs.simulator,
        logStatus: app.logStatus,
        canDial,
        ...(app.dialAttempt === undefined ? {} : { dialAttempt: app.dialAttempt })
    };
}

function toCallView(
    call: Call,
    app: AppState,
    formatNumber: NumberFormatter,
    describeCall: CallDescriber | undefined
): CallView {
    const description = describeCall?.(call.id);
    const remoteNumber = remoteNumberOf(call);
    // A consult call keeps its parent's record for the log, but the person is someone else.
    const recordName = call.consultOf === undefined ? call.related?.recordName : undefined;
    const name = app.callerNames[call.id] ?? recordName ?? call.remoteName;
    return {
        callId: call.id,
        direction: call.direction,
        state: call.state,
        number: formatNumber(remoteNumber),
        ...(name === undefined || name === '' ? {} : { name }),
        startedAt: call.startedAt,
        ...(call.answeredAt === undefined ? {} : { answeredAt: call.answeredAt }),
        ...(call.heldAt === undefined ? {} : { heldAt: call.heldAt }),
        muted: call.muted,
        ...(description === undefined || description.details.length === 0
            ? {}
            : { details: description.details }),
        ...(description?.controlledOnPhone ? { controlledOnPhone: true } : {}),
        loggedTo: toLoggedTo(app.callRecords[call.id], call.related)
    };
}

/** The phone numbers of the records the live calls are related to (from the screen pop). */
function relatedPhones(
    engine: EngineSnapshot,
    app: AppState
): { name: string; phones: readonly RecordPhone[] }[] {
    return engine.calls.flatMap((call) => {
        const related = call.related ?? app.callRecords[call.id]?.related;
        const phones =
            related === undefined
                ? undefined
                : app.callRecords[call.id]?.phones?.[related.recordId];
        return related === undefined || phones === undefined
            ? []
            : [{ name: related.recordName ?? related.objectType, phones }];
    });
}

function remoteNumberOf(call: Call): string {
    return call.direction === 'Inbound' ? call.from : call.to;
}

/** At most this many records are offered for a call (the tab protocol allows 50). */
export const MAX_RECORD_OPTIONS = 20;

/** The record a call is logged to (the engine's for a live call) and the records seen. */
function toLoggedTo(
    records: CallRecords | undefined,
    related: RelatedRecord | undefined
): LoggedToView {
    const current = related ?? records?.related;
    // The most recent records seen: a long call through many pages still gives a short list.
    const seen = (records?.seen ?? []).slice(-MAX_RECORD_OPTIONS);
    const options = (
        current === undefined || seen.some((record) => record.recordId === current.recordId)
            ? seen
            : [current, ...seen]
    ).map((record) => ({ recordId: record.recordId, label: recordLabel(record) }));
    return {
        ...(current === undefined
            ? {}
            : { current: { recordId: current.recordId, label: recordLabel(current) } }),
        options
    };
}

/** A softphone with no calls and nothing to do yet: starting, waiting, or unable to start. */
export function placeholderViewModel(input: {
    readonly connection: SoftphoneViewModel['connection'];
    readonly errors?: SoftphoneViewModel['errors'];
    readonly dialBlockedReason: string;
}): SoftphoneViewModel {
    return {
        connection: input.connection,
        agentState: 'Offline',
        agentStateOptions: ['Offline'],
        calls: [],
        recentCalls: [],
        errors: input.errors ?? [],
        notices: [],
        simulatorControlsVisible: false,
        logStatus: { pending: 0, durable: true },
        canDial: false,
        dialBlockedReason: input.dialBlockedReason
    };
}
