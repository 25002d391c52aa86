import { label } from '../i18n';
import type { RelatedRecord } from '../calls/call-model';
import type { CallEngine } from '../calls/call-engine';
import type { DialResult, EngineResult } from '../calls/engine-result';
import { parseSearchResult, type SearchMatch } from '../opencti/search-result';
import { noInternalNumbers, type DialPlan } from '../screenpop/dial-plan';
import { checkDoNotCall, type DoNotCallDecision } from '../screenpop/do-not-call';
import {
    unreadableDoNotCallField,
    unreadableDoNotCallProblem
} from '../screenpop/do-not-call-unreadable';
import {
    normalisePhoneNumber,
    searchVariants,
    type ValidPhoneNumber
} from '../screenpop/phone-number';
import type { DoNotCallCheckFailure } from '../settings/softphone-settings';
import { systemScheduler, type Scheduler } from '../telephony/scheduler';
import { engineErrorText } from '../ui/engine-words';

export interface DialRequest {
    /** As typed or clicked: validated and normalised here. */
    readonly number: string;
    /** The record dialled from (click-to-dial, an LWC); logged with the call. */
    readonly related?: RelatedRecord;
    readonly personAccount?: boolean;
}

export type DialOutcome =
    | {
          readonly ok: true;
          readonly callId: string;
          /** Said to the agent with the call, e.g. that Do Not Call could not be checked (Warn). */
          readonly warning?: string;
      }
    | { readonly ok: false; readonly code: string; readonly message: string };

/** The part of the Salesforce host the dialer needs to read Do Not Call flags. */
export interface DoNotCallHost {
    searchAndScreenPop(request: {
        searchParams: string;
        callType: 'outbound';
        deferred: boolean;
    }): Promise<unknown>;
}

/** The call center's dialing rules (dialing/internalNumberPattern, dialing/doNotCallCheckFailure). */
export interface DialPolicy {
    readonly dialPlan: DialPlan;
    readonly onCheckFailure: DoNotCallCheckFailure;
    /** Bounds the Do Not Call check: a search that has not answered by then has failed. */
    readonly scheduler: Scheduler;
    readonly checkTimeoutMs: number;
}

export const DO_NOT_CALL_CHECK_TIMEOUT_MS = 5000;

/** Typed numbers are phone numbers, and a failed check blocks the call (the settings' defaults). */
export const defaultDialPolicy: DialPolicy = {
    dialPlan: noInternalNumbers,
    onCheckFailure: 'Block',
    scheduler: systemScheduler,
    checkTimeoutMs: DO_NOT_CALL_CHECK_TIMEOUT_MS
};

/** Sends the vetted number to the phone system (a dial, a transfer, a consult call). */
type Placer = (number: string, related: RelatedRecord | undefined) => Promise<DialOutcome>;

/**
 * What the Do Not Call check found: a decision, or why it could not run; with the one record a
 * typed number matched, which the call is then logged to.
 */
type CheckResult =
    | (DoNotCallDecision & { readonly soleMatch?: RelatedRecord })
    | {
          readonly allowed: 'unknown';
          readonly problem: string;
          /** false when trying again cannot help (the softphone layout lacks the flag). */
          readonly passing?: false;
      };

/**
 * Every outbound call goes through here, whoever asked (keypad, redial, click-to-dial, an LWC),
 * and so does every transfer or consult target (handOver):
 * an internal number of the dial plan goes to the phone system as typed; any other number is
 * validated and normalised, checked for Do Not Call (the record dialled from, or every record
 * with a typed number) and refused with its reason, and only then does the engine dial.
 */
export class OutboundDialer {
    constructor(
        private readonly engine: CallEngine,
        private readonly host: DoNotCallHost,
        private readonly defaultCountry: string,
        private readonly policy: DialPolicy = defaultDialPolicy
    ) {}

    async dial(request: DialRequest): Promise<DialOutcome> {
        return this.vetted(
            request,
            (number, related) => this.place(number, related),
            (e164) => this.engine.prepareDial(e164)
        );
    }

    /**
     * Hands call `callId` on to `target` (a blind transfer, or a consult call to the target):
     * the target goes through the same rules as a dial, since the caller ends up talking to
     * whoever it reaches. An extension of the dial plan goes as typed; a phone number is
     * normalised and checked for Do Not Call, and a target on the list is refused with its
     * reason before anything is sent, the call staying with the agent. `hand` sends the
     * request with the number to use. The outcome's callId is the consult call's, else `callId`.
     */
    async handOver(
        callId: string,
        target: string,
        hand: (number: string) => Promise<EngineResult | DialResult>
    ): Promise<DialOutcome> {
        return this.vetted({ number: target }, async (number) => {
            const result = await hand(number);
            if (!result.ok) {
                return {
                    ok: false,
                    code: result.error.code,
                    message: engineErrorText(result.error)
                };
            }
            return { ok: true, callId: 'callId' in result ? result.callId : callId };
        });
    }

    /** The dial plan, the number's validation and the Do Not Call check, then `place`. */
    private async vetted(
        request: DialRequest,
        place: Placer,
        prepare?: (e164: string) => () => void
    ): Promise<DialOutcome> {
        if (typeof request.number === 'string' && this.policy.dialPlan.isInternal(request.number)) {
            // An extension is a colleague's line, not a person on a Do Not Call list.
            return place(request.number.trim(), request.related);
        }
        const parsed = normalisePhoneNumber(request.number, this.defaultCountry);
        if (!parsed.ok) {
            const typed = typeof request.number === 'string' ? request.number.trim() : '';
            // Text without a digit ('abc': a SIP name to the inbound side) asks for digits.
            const message =
                parsed.kind === 'invalid' && /\d/.test(typed)
                    ? parsed.reason
                    : typed === ''
                      ? label('Softphone_Enter_Number_To_Call')
                      : label('Softphone_Not_A_Number', typed.slice(0, 40));
            return { ok: false, code: 'invalid-number', message };
        }
        // The connector's set-up (the microphone, the INVITE held until the dial) overlaps the
        // check's round trip; a refused call sends nothing.
        const prepared = prepare?.(parsed.e164);
        try {
            return await this.checkAndPlace(parsed, request, place);
        } finally {
            prepared?.();
        }
    }

    private async checkAndPlace(
        parsed: ValidPhoneNumber,
        request: DialRequest,
        place: Placer
    ): Promise<DialOutcome> {
        const check = await this.checkDoNotCall(parsed.e164, request);
        if (check.allowed === false) {
            return { ok: false, code: 'do-not-call', message: check.reason };
        }
        if (check.allowed === 'unknown') {
            if (this.policy.onCheckFailure === 'Block') {
                return {
                    ok: false,
                    code: 'do-not-call-unchecked',
                    message: label(
                        check.passing === false
                            ? 'Softphone_Do_Not_Call_Unchecked'
                            : 'Softphone_Do_Not_Call_Unchecked_Retry',
                        check.problem
                    )
                };
            }
            const placed = await place(parsed.e164, request.related);
            return placed.ok
                ? {
                      ...placed,
                      warning: label(
                          'Softphone_Do_Not_Call_Unchecked_Warning',
                          parsed.national,
                          check.problem
                      )
                  }
                : placed;
        }
        return place(parsed.e164, request.related ?? check.soleMatch);
    }

    private async place(number: string, related: RelatedRecord | undefined): Promise<DialOutcome> {
        const result = await this.engine.dial(number, related);
        return result.ok
            ? { ok: true, callId: result.callId }
            : { ok: false, code: result.error.code, message: engineErrorText(result.error) };
    }

    /**
     * Open CTI has no record read, so the flags come from a deferred search for the number (the
     * same search click-to-dial and typed numbers use): a record's DoNotCall / PersonDoNotCall is
     * there when the softphone layout shows it. Dialled from a record, that record's flag counts;
     * typed, every record with the number counts (whoever answers may be any of them).
     */
    private async checkDoNotCall(e164: string, request: DialRequest): Promise<CheckResult> {
        const related = request.related;
        const deadline = this.deadline();
        let problem: string | undefined;
        try {
            // Every written form of the number is searched at once: each search is a server
            // round trip in a real org, and one after the other they would add up before the
            // call goes out. The answers are read in the variants' order, most exact first.
            const answers = searchVariants(e164, this.defaultCountry).map((searchParams) =>
                Promise.race([
                    this.host.searchAndScreenPop({
                        searchParams,
                        callType: 'outbound',
                        deferred: true
                    }),
                    deadline.expired
                ]).then(
                    (returned: unknown) => ({ ok: true as const, returned }),
                    (error: unknown) => ({
                        ok: false as const,
                        problem: error instanceof Error ? error.message : String(error)
                    })
                )
            );
            for (const answer of answers) {
                const settled = await answer;
                if (!settled.ok) {
                    problem = settled.problem;
                    if (deadline.passed()) {
                        break;
                    }
                    continue;
                }
                const result = parseSearchResult(settled.returned);
                if (!result.ok) {
                    problem = result.error.message;
                    continue;
                }
                const matches =
                    related === undefined
                        ? result.value.matches
                        : result.value.matches.filter(
                              (candidate) => candidate.recordId === related.recordId
                          );
                if (matches.length > 0) {
                    const decision = decide(matches, request);
                    const only = matches.length === 1 ? matches[0] : undefined;
                    return related === undefined && only !== undefined && decision.allowed === true
                        ? { ...decision, soleMatch: relatedRecordOf(only) }
                        : decision;
                }
            }
        } finally {
            deadline.cancel();
        }
        return problem === undefined
            ? { allowed: true, checked: false }
            : { allowed: 'unknown', problem };
    }

    private deadline(): { expired: Promise<never>; passed(): boolean; cancel(): void } {
        const { scheduler, checkTimeoutMs } = this.policy;
        let passed = false;
        let handle: unknown;
        const expired = new Promise<never>((_resolve, reject) => {
            handle = scheduler.setTimeout(() => {
                passed = true;
                reject(new Error(label('Softphone_Dial_Check_Timed_Out', checkTimeoutMs / 1000)));
            }, checkTimeoutMs);
        });
        // Nobody may be racing it when it fires: that must not be an unhandled rejection.
        expired.catch(() => undefined);
        return {
            expired,
            passed: () => passed,
            cancel: () => scheduler.clearTimeout(handle)
        };
    }
}

/** A typed number that found exactly one person is a call to that person: log it there. */
function relatedRecordOf(match: SearchMatch): RelatedRecord {
    return {
        recordId: match.recordId,
        objectType: match.objectType,
        ...(match.name === undefined ? {} : { recordName: match.name })
    };
}

/** The first Do Not Call among the matches refuses the call; otherwise it may go ahead. */
function decide(matches: readonly SearchMatch[], request: DialRequest): CheckResult {
    let checked = false;
    let unreadable: { readonly objectType: string; readonly field: string } | undefined;
    for (const match of matches) {
        const related = request.related;
        const recordName = related?.recordName ?? match.name;
        const record = {
            objectType: related?.objectType ?? match.objectType,
            ...(recordName === undefined ? {} : { recordName }),
            ...(request.personAccount === undefined ? {} : { personAccount: request.personAccount })
        };
        const decision = checkDoNotCall(record, match.fields);
        if (!decision.allowed) {
            return decision;
        }
        checked = checked || decision.checked;
        const field = unreadableDoNotCallField(record, match.fields);
        if (field !== undefined && unreadable === undefined) {
            unreadable = { objectType: record.objectType, field };
        }
    }
    // The flag applies but the layout did not return it: unknown, never "may call".
    return unreadable === undefined
        ? { allowed: true, checked }
        : {
              allowed: 'unknown',
              problem: unreadableDoNotCallProblem(unreadable.objectType, unreadable.field),
              passing: false
          };
}
