import type { Call } from '../calls/call-model';
import { toCallSnapshot } from '../channel/event-builders';
import { CONTRACT_LIMITS } from '../channel/message-contract';
import type { StatePayload, WrapUpSnapshot } from '../channel/message-contract';
import type { AppState } from './app-state';

/** Code of a refusal the wrap-up form explains (a required disposition is missing). */
export const WRAP_UP_INCOMPLETE = 'wrap-up-incomplete';

export interface CallBarStateInput {
    readonly calls: readonly Call[];
    readonly activeCallId?: string;
    readonly app: AppState;
    readonly breakReasons: readonly string[];
    readonly dispositions: readonly string[];
    readonly dispositionRequired: boolean;
}

/**
 * The `state` event's fields for the call-control LWCs (softphoneCallBar): the Break reason and
 * the reasons to choose from, a call waiting, and the open wrap-up with its rules. Text is
 * clipped to the contract's limits so the event is always valid.
 */
export function withCallBarState(payload: StatePayload, input: CallBarStateInput): StatePayload {
    const { app } = input;
    const waiting = input.calls.find(
        (call) => call.state === 'ringing' && call.id !== input.activeCallId
    );
    const reasons = textList(input.breakReasons);
    const other = input.calls.find(
        (call) =>
            call.id !== input.activeCallId && call.state !== 'ringing' && call.state !== 'ended'
    );
    return {
        ...payload,
        ...(app.breakReason === undefined ? {} : { breakReason: clip(app.breakReason) }),
        ...(reasons.length === 0 ? {} : { breakReasons: reasons }),
        ...(waiting === undefined ? {} : { waitingCall: toCallSnapshot(waiting) }),
        ...(other === undefined ? {} : twoCalls(other, input)),
        ...(app.wrapUp === undefined
            ? {}
            : {
                  wrapUp: toWrapUpSnapshot(
                      app.wrapUp,
                      input.dispositions,
                      input.dispositionRequired
                  )
              })
    };
}

/**
 * The agent's second call and how it is tied to the active one: one is a consult call about the
 * other, or both are merged in the conference.
 */
function twoCalls(other: Call, input: CallBarStateInput): Partial<StatePayload> {
    const active = input.calls.find((call) => call.id === input.activeCallId);
    const consult =
        active?.consultOf === other.id
            ? active
            : other.consultOf === active?.id
              ? other
              : undefined;
    // A consult merged into a conference stays marked as one: the conference comes first.
    const link = active?.conference && other.conference ? 'conference' : consult && 'consult';
    return {
        otherCall: toCallSnapshot(other),
        ...(link ? { callsLink: link } : {}),
        ...(consult === undefined
            ? {}
            : { consultCallId: clip(consult.id, CONTRACT_LIMITS.callIdMax) || 'unknown' })
    };
}

function toWrapUpSnapshot(
    wrapUp: NonNullable<AppState['wrapUp']>,
    dispositions: readonly string[],
    dispositionRequired: boolean
): WrapUpSnapshot {
    return {
        callId: clip(wrapUp.callId, CONTRACT_LIMITS.callIdMax) || 'unknown',
        remoteLabel: clip(wrapUp.remoteLabel),
        disposition: clip(wrapUp.disposition, CONTRACT_LIMITS.dispositionMax),
        notes: clip(wrapUp.notes, CONTRACT_LIMITS.notesMax),
        dispositionRequired,
        dispositions: textList(dispositions),
        ...(wrapUp.endsAt === undefined ? {} : { endsAt: Math.max(0, Math.round(wrapUp.endsAt)) }),
        ...(wrapUp.error === undefined
            ? {}
            : { error: clip(wrapUp.error, CONTRACT_LIMITS.errorMessageMax) })
    };
}

function textList(values: readonly string[]): string[] {
    return values.slice(0, CONTRACT_LIMITS.listMax).map((value) => clip(value));
}

function clip(text: string, max: number = CONTRACT_LIMITS.textMax): string {
    return text.length <= max ? text : text.slice(0, max);
}
