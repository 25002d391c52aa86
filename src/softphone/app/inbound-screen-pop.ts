import type { Call } from '../calls/call-model';
import type { CallEngine } from '../calls/call-engine';
import type { ScreenPopper } from '../screenpop/screen-pop-executor';
import { normalisePhoneNumber } from '../screenpop/phone-number';
import type { AppStore } from './app-state';

/**
 * Pops the caller's record when an inbound call starts ringing, relates the call to it (for the
 * log) and shows the record's name in the softphone. A failed pop is shown, never fatal.
 */
export async function popInboundCall(
    call: Call,
    deps: {
        engine: CallEngine;
        screenPopper: ScreenPopper;
        store: AppStore;
        defaultCountry: string;
    }
): Promise<void> {
    const callerId = normalisePhoneNumber(call.from, deps.defaultCountry);
    const outcome = await deps.screenPopper.pop(callerId);
    if (!outcome.ok) {
        deps.store.addError(`Screen pop failed (${outcome.step}): ${outcome.message}`);
        return;
    }
    if (outcome.related !== undefined) {
        deps.engine.setRelatedRecord(call.id, outcome.related);
    }
    const callerName = outcome.callerName;
    if (callerName !== undefined && callerName !== '') {
        deps.store.update((state) => ({
            ...state,
            callerNames: { ...state.callerNames, [call.id]: callerName }
        }));
    }
}
