import type { Call, RelatedRecord } from '../calls/call-model';
import type { CallEngine } from '../calls/call-engine';
import { normalisePhoneNumber, type PhoneNumberResult } from '../screenpop/phone-number';
import type { AppStore } from './app-state';

/** What the softphone needs of a screen pop's outcome (the ScreenPopper gives more). */
export type CallerPopOutcome =
    | { readonly ok: true; readonly related?: RelatedRecord; readonly callerName?: string }
    | { readonly ok: false; readonly step: string; readonly message: string };

/** Pops the caller's record: the ScreenPopper here, or another tab's (see tabs/). */
export interface CallerScreenPopper {
    pop(callerId: PhoneNumberResult): Promise<CallerPopOutcome>;
}

/**
 * Pops the caller's record when an inbound call starts ringing, relates the call to it (for the
 * log) and shows the record's name in the softphone. A failed pop is shown, never fatal.
 */
export async function popInboundCall(
    call: Call,
    deps: {
        engine: CallEngine;
        screenPopper: CallerScreenPopper;
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
