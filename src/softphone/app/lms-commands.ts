import type { SoftphoneCommands } from '../channel/lms-bridge';
import { showDialWarning } from './agent-actions';
import type { CallControls } from './call-controls';
import type { SoftphoneApp } from './softphone-app';

/** The LWCs' commands (already validated by the LMS contract) mapped onto the call controls. */
export function createLmsCommands(app: SoftphoneApp, controls: CallControls): SoftphoneCommands {
    return {
        dial: async (number, related) => {
            const attempt = app.store.beginDialAttempt(number);
            const result = await controls.dial(number, related);
            // The LWC that asked hears a refusal; the keypad was not used.
            app.store.endDialAttempt(attempt);
            showDialWarning(app, result);
            return result;
        },
        answer: (callId) => controls.answer(callId),
        hangup: (callId) => controls.hangup(callId),
        hold: (callId) => controls.hold(callId),
        resume: (callId) => controls.resume(callId),
        mute: (muted, callId) => controls.mute(muted, callId),
        setDisposition: (callId, disposition, notes) =>
            controls.setDisposition(callId, disposition, notes),
        transfer: (target, mode, callId) => controls.transfer(target, mode, callId),
        completeConsult: () => controls.completeConsult(),
        cancelConsult: () => controls.cancelConsult(),
        conference: () => controls.merge(),
        dropParty: (callId) => controls.dropParty(callId),
        swap: () => controls.swap(),
        snapshot: () => app.statePayload()
    };
}
