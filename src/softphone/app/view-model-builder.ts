import type { Call } from '../calls/call-model';
import type { EngineSnapshot } from '../calls/engine-events';
import type { CallView, SoftphoneViewModel } from '../ui/view-model';
import type { AppState } from './app-state';
import type { CallDescriber } from './connector-factory';
import type { NumberFormatter } from './number-formatter';

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
            ...(inputs.connectionMessage === undefined ? {} : { message: inputs.connectionMessage })
        },
        agentState: engine.agentState,
        agentStateOptions: inputs.agentStateOptions,
        calls: engine.calls.map((call) =>
            toCallView(call, app, inputs.formatNumber, inputs.describeCall)
        ),
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
                      saving: wrapUp.saving,
                      ...(wrapUp.error === undefined ? {} : { error: wrapUp.error })
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
    const remoteNumber = call.direction === 'Inbound' ? call.from : call.to;
    const name = app.callerNames[call.id] ?? call.related?.recordName ?? call.remoteName;
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
        ...(description?.controlledOnPhone ? { controlledOnPhone: true } : {})
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
