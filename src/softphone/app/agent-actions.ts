import type { AgentState } from '../calls/call-model';
import type { SoftphoneActions } from '../ui/view-model';
import type { CallControls, ControlResult } from './call-controls';
import type { InboundSimulator } from './simulator-controls';
import type { SoftphoneApp } from './softphone-app';

/** The softphone view's buttons: each routes to the call controls and shows what failed. */
export function createAgentActions(deps: {
    app: SoftphoneApp;
    controls: CallControls;
    simulator?: InboundSimulator;
    downloadLogs?: () => void;
}): SoftphoneActions {
    const { app, controls } = deps;
    const report = (pending: Promise<ControlResult>, onFailure?: (message: string) => void) => {
        void pending.then((result) => {
            if (!result.ok) {
                (onFailure ?? ((message: string) => app.store.addError(message)))(result.message);
            }
        });
    };
    return {
        dial: (number) => {
            app.store.update((state) => {
                const { dialBlockedReason: _cleared, ...rest } = state;
                return rest;
            });
            report(controls.dial(number), (message) =>
                app.store.update((state) => ({ ...state, dialBlockedReason: message }))
            );
        },
        answer: (callId) => report(controls.answer(callId)),
        decline: (callId) => report(controls.decline(callId)),
        hangup: (callId) => report(controls.hangup(callId)),
        hold: (callId) => report(controls.hold(callId)),
        resume: (callId) => report(controls.resume(callId)),
        setMuted: (callId, muted) => report(controls.mute(muted, callId)),
        sendDtmf: (callId, digit) => report(controls.sendDtmf(callId, digit)),
        setAgentState: (state: AgentState) => app.setAgentState(state),
        editWrapUp: (callId, draft) => app.wrapUp.edit(callId, draft),
        saveWrapUp: (callId, wrapUp) => void app.wrapUp.save(callId, wrapUp),
        completeWrapUp: () => void app.wrapUp.complete(),
        relateCall: (callId, recordId) => app.relateCall(callId, recordId),
        dismissError: (id) => app.store.dismissError(id),
        ...(deps.downloadLogs === undefined ? {} : { downloadLogs: deps.downloadLogs }),
        simulateIncoming: (caller) => {
            if (deps.simulator === undefined) {
                app.store.addError('Simulated calls need the simulator connector.');
                return;
            }
            try {
                deps.simulator.simulateIncoming(caller);
            } catch (error) {
                app.store.addError(error instanceof Error ? error.message : String(error));
            }
        }
    };
}
