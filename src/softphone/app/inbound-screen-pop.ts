import { label } from '../i18n';
import type { Call, RelatedRecord } from '../calls/call-model';
import type { CallEngine } from '../calls/call-engine';
import type { CallData } from '../telephony/call-data';
import { normalisePhoneNumber, type PhoneNumberResult } from '../screenpop/phone-number';
import type { PopMoment } from '../screenpop/screen-pop-executor';
import type { Match, ScreenPopDecision } from '../screenpop/screen-pop-rules';
import type { AppStore } from './app-state';
import {
    noCallRecords,
    withAwaited,
    withRelated,
    withSeen,
    phonesOf,
    type CallRecords
} from './call-records';

/** What the softphone needs of a screen pop's outcome (the ScreenPopper gives more). */
export type CallerPopOutcome =
    | {
          readonly ok: true;
          readonly related?: RelatedRecord;
          readonly callerName?: string;
          /**
           * Every record the search found: the agent may log the call to any of them. A
           * search match also carries the softphone layout's fields (its phone numbers).
           */
          readonly matches?: readonly (Match & {
              readonly fields?: Readonly<Record<string, unknown>>;
          })[];
          /** What was decided (absent when the pop ran in another tab). */
          readonly decision?: ScreenPopDecision;
          /** Nothing was popped yet: the settings time this pop for the answer. */
          readonly waitsForAnswer?: boolean;
      }
    | { readonly ok: false; readonly step: string; readonly message: string };

/** Pops the caller's record: the ScreenPopper here, or another tab's (see tabs/). */
export interface CallerScreenPopper {
    /** `data`: the call's data, for the call-data rules (callData/popRules). */
    pop(
        callerId: PhoneNumberResult,
        moment?: PopMoment,
        data?: CallData
    ): Promise<CallerPopOutcome>;
}

/**
 * Pops the caller's record for an inbound call (at ring or at answer), relates the call to it
 * (for the log), keeps the records seen and shows the record's name in the softphone. A failed
 * pop is shown, never fatal. Resolves with whether the pop waits for the answer.
 */
export async function popInboundCall(
    call: Call,
    deps: {
        engine: CallEngine;
        screenPopper: CallerScreenPopper;
        store: AppStore;
        defaultCountry: string;
        moment: PopMoment;
    }
): Promise<{ readonly waitsForAnswer: boolean }> {
    const callerId = normalisePhoneNumber(call.from, deps.defaultCountry);
    const outcome = await deps.screenPopper.pop(callerId, deps.moment, call.data);
    if (!outcome.ok) {
        deps.store.addError(label('Softphone_Screen_Pop_Failed', outcome.step, outcome.message));
        return { waitsForAnswer: false };
    }
    if (outcome.related !== undefined) {
        deps.engine.setRelatedRecord(call.id, outcome.related);
    }
    const callerName = outcome.callerName;
    deps.store.update((state) => ({
        ...state,
        ...(callerName === undefined || callerName === ''
            ? {}
            : { callerNames: { ...state.callerNames, [call.id]: callerName } }),
        callRecords: {
            ...state.callRecords,
            [call.id]: afterPop(state.callRecords[call.id] ?? noCallRecords, outcome)
        }
    }));
    return { waitsForAnswer: outcome.waitsForAnswer === true };
}

function afterPop(
    records: CallRecords,
    outcome: Extract<CallerPopOutcome, { ok: true }>
): CallRecords {
    let next = withSeen(
        records,
        (outcome.matches ?? []).map((match) => ({
            recordId: match.recordId,
            objectType: match.objectType,
            ...(match.name === undefined ? {} : { recordName: match.name })
        }))
    );
    if (outcome.related !== undefined) {
        next = withRelated(next, outcome.related);
    }
    const phones = Object.fromEntries(
        (outcome.matches ?? [])
            .map((match) => [match.recordId, phonesOf(match.fields)] as const)
            .filter(([, found]) => found.length > 0)
    );
    if (Object.keys(phones).length > 0) {
        next = { ...next, phones: { ...next.phones, ...phones } };
    }
    const decision = outcome.decision;
    // A form or a search page that is on screen: the record the agent reaches from it is related.
    if (outcome.waitsForAnswer !== true && decision !== undefined) {
        if (decision.kind === 'newRecord') {
            next = withAwaited(next, { kind: 'newRecord', entityName: decision.entityName });
        } else if (decision.kind === 'search') {
            next = withAwaited(next, { kind: 'search' });
        }
    }
    return next;
}
