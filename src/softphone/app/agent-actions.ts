import { label } from '../i18n';
import type { AgentState } from '../calls/call-model';
import type { SoftphoneActions } from '../ui/view-model';
import type { CallControls, ControlResult } from './call-controls';
import type { InboundSimulator } from './simulator-controls';
import type { SoftphoneApp } from './softphone-app';

/** A call placed although Do Not Call could not be checked (Warn): said while the call lasts. */
export function showDialWarning(app: SoftphoneApp, result: ControlResult): void {
    if (result.ok && result.warning !== undefined) {
        app.store.setNotice(
            `dial-warning-${result.warning.callId}`,
            'warning',
            result.warning.message,
            { callId: result.warning.callId }
        );
    }
}

/** The softphone view's buttons: each routes to the call controls and shows what failed. */
export function createAgentActions(deps: {
    app: SoftphoneApp;
    controls: CallControls;
    simulator?: InboundSimulator;
    downloadLogs?: () => void;
    /** Opens a record (screenPop SOBJECT); a failure is told as an error. */
    openRecord?: (recordId: string) => Promise<void>;
}): SoftphoneActions {
    const { app, controls } = deps;
    /** A refused request on a call shows until the agent dismisses it or the call ends. */
    const report = (pending: Promise<ControlResult>, callId?: string) => {
        void pending.then((result) => {
            if (!result.ok) {
                app.store.addError(result.message, undefined, callId);
            }
        });
    };
    const dial = (number: string) => {
        const id = app.store.beginDialAttempt(number);
        void controls.dial(number).then((result) => {
            showDialWarning(app, result);
            app.store.endDialAttempt(id, result.ok ? undefined : result.message);
        });
    };
    return {
        dial,
        callBack: (noticeId, number) => {
            // The agent has seen the missed call: its notice goes as the call is placed.
            app.store.setNotice(noticeId, 'warning', undefined);
            dial(number);
        },
        answer: (callId) => report(controls.answer(callId), callId),
        decline: (callId) => report(controls.decline(callId), callId),
        hangup: (callId) => report(controls.hangup(callId), callId),
        hold: (callId) => report(controls.hold(callId), callId),
        resume: (callId) => report(controls.resume(callId), callId),
        setMuted: (callId, muted) => report(controls.mute(muted, callId), callId),
        sendDtmf: (callId, digit) => report(controls.sendDtmf(callId, digit), callId),
        setAgentState: (state: AgentState, reason?: string) => app.setAgentState(state, reason),
        editWrapUp: (callId, draft) => app.wrapUp.edit(callId, draft),
        saveWrapUp: (callId, wrapUp) => void app.wrapUp.save(callId, wrapUp),
        completeWrapUp: () => void app.wrapUp.complete(),
        transfer: (callId, target, mode) => {
            const pending = controls.transfer(target, mode, callId);
            void pending.then((result) => showDialWarning(app, result));
            report(pending, callId);
        },
        completeConsult: () => report(controls.completeConsult()),
        cancelConsult: () => report(controls.cancelConsult()),
        mergeCalls: () => report(controls.merge()),
        dropParty: (callId) => report(controls.dropParty(callId), callId),
        swapCalls: () => report(controls.swap()),
        relateCall: (callId, recordId) => app.relateCall(callId, recordId),
        dismissError: (id) => app.store.dismissError(id),
        ...(deps.downloadLogs === undefined ? {} : { downloadLogs: deps.downloadLogs }),
        ...(deps.openRecord === undefined
            ? {}
            : {
                  openRecord: (recordId: string) =>
                      void (deps.openRecord as (id: string) => Promise<void>)(recordId).catch(
                          (error: unknown) =>
                              app.store.addError(
                                  label(
                                      'Softphone_Record_Not_Opened',
                                      error instanceof Error ? error.message : String(error)
                                  )
                              )
                      )
              }),
        simulateIncoming: (caller) => {
            if (deps.simulator === undefined) {
                app.store.addError(label('Softphone_Simulator_Needed'));
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
