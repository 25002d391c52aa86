import { label } from '../i18n';
import type { CallEngine } from '../calls/call-engine';
import type { RelatedRecord } from '../calls/call-model';
import type { DialResult, EngineResult } from '../calls/engine-result';
import type { LogOutbox } from '../calllog/log-outbox';
import { engineErrorText } from '../ui/engine-words';
import type { DialOutcome, OutboundDialer } from './outbound-dialer';
import type { WrapUpController } from './wrap-up-controller';

export type ControlResult =
    | {
          readonly ok: true;
          /** A call placed with a warning for the agent (dial only), and its id. */
          readonly warning?: { readonly callId: string; readonly message: string };
      }
    | { readonly ok: false; readonly code: string; readonly message: string };

const OK: ControlResult = { ok: true };

/**
 * The agent's call controls, one implementation for every way in (the softphone's buttons and
 * the LWCs' LMS commands). A call id may be omitted: the engine's active call is meant.
 */
export class CallControls {
    constructor(
        private readonly deps: {
            engine: CallEngine;
            dialer: OutboundDialer;
            wrapUp: WrapUpController;
            outbox: LogOutbox;
        }
    ) {}

    async dial(
        number: string,
        related?: RelatedRecord,
        personAccount?: boolean
    ): Promise<ControlResult> {
        const outcome = await this.deps.dialer.dial({
            number,
            ...(related === undefined ? {} : { related }),
            ...(personAccount === undefined ? {} : { personAccount })
        });
        return fromDialOutcome(outcome);
    }

    /** Answers a ringing call; a connected call is put on hold first (call waiting). */
    async answer(callId?: string): Promise<ControlResult> {
        const { engine } = this.deps;
        const target =
            callId ?? engine.snapshot().calls.find((call) => call.state === 'ringing')?.id;
        if (target === undefined) {
            return {
                ok: false,
                code: 'no-such-call',
                message: label('Softphone_No_Ringing_Call')
            };
        }
        const connected = engine.snapshot().calls.find((call) => call.state === 'connected');
        if (connected !== undefined && connected.id !== target) {
            const held = toResult(await engine.hold(connected.id));
            if (!held.ok) {
                return held;
            }
        }
        return toResult(await engine.answer(target));
    }

    /** Declines a ringing call (without callId: the one ringing). */
    async decline(callId?: string): Promise<ControlResult> {
        const { engine } = this.deps;
        const target =
            callId ?? engine.snapshot().calls.find((call) => call.state === 'ringing')?.id;
        if (target === undefined) {
            return {
                ok: false,
                code: 'no-such-call',
                message: label('Softphone_No_Ringing_Call_To_Decline')
            };
        }
        return toResult(await engine.decline(target));
    }

    async hangup(callId?: string): Promise<ControlResult> {
        return this.onCall(callId, (id) => this.deps.engine.hangup(id));
    }

    async hold(callId?: string): Promise<ControlResult> {
        return this.onCall(callId, (id) => this.deps.engine.hold(id));
    }

    /** Resumes a held call; another connected call is put on hold first. */
    async resume(callId?: string): Promise<ControlResult> {
        const { engine } = this.deps;
        const target = callId ?? engine.snapshot().calls.find((call) => call.state === 'held')?.id;
        if (target === undefined) {
            return { ok: false, code: 'no-such-call', message: label('Softphone_No_Held_Call') };
        }
        const connected = engine.snapshot().calls.find((call) => call.state === 'connected');
        if (connected !== undefined && connected.id !== target) {
            const held = toResult(await engine.hold(connected.id));
            if (!held.ok) {
                return held;
            }
        }
        return toResult(await engine.resume(target));
    }

    async mute(muted: boolean, callId?: string): Promise<ControlResult> {
        return this.onCall(callId, (id) => this.deps.engine.setMuted(id, muted));
    }

    /** Tones on a call (without callId: the active one). */
    async sendDtmf(callId: string | undefined, digits: string): Promise<ControlResult> {
        return this.onCall(callId, (id) => this.deps.engine.sendDtmf(id, digits));
    }

    /** Disposition and notes: through the open wrap-up form, else straight onto the log. */
    async setDisposition(
        callId: string,
        disposition: string,
        notes?: string
    ): Promise<ControlResult> {
        const wrapUp = this.deps.wrapUp.current;
        if (wrapUp !== undefined && wrapUp.callId === callId) {
            const saved = await this.deps.wrapUp.save(callId, {
                disposition,
                notes: notes ?? wrapUp.notes
            });
            const error = this.deps.wrapUp.current?.error;
            return saved
                ? OK
                : {
                      ok: false,
                      code: 'wrap-up-failed',
                      message: error ?? label('Softphone_Wrap_Up_Not_Saved')
                  };
        }
        try {
            await this.deps.outbox.setWrapUp(callId, {
                disposition,
                ...(notes === undefined ? {} : { notes })
            });
            return OK;
        } catch (error) {
            return {
                ok: false,
                code: 'wrap-up-failed',
                message: error instanceof Error ? error.message : String(error)
            };
        }
    }

    /**
     * Hands the call (the active one when no id is given) to `target`: at once ('blind'), or
     * after a consult call to the target ('consult': the call is held meanwhile).
     */
    async transfer(
        target: string,
        mode: 'blind' | 'consult',
        callId?: string
    ): Promise<ControlResult> {
        const { engine, dialer } = this.deps;
        const id = callId ?? engine.snapshot().activeCallId;
        if (id === undefined) {
            return { ok: false, code: 'no-such-call', message: label('Softphone_No_Call') };
        }
        // The target is vetted like a dialled number (dial plan, Do Not Call) before it is sent.
        const outcome = await dialer.handOver(id, target, (number) =>
            mode === 'blind' ? engine.transfer(id, number) : engine.startConsult(id, number)
        );
        return fromDialOutcome(outcome);
    }

    async completeConsult(): Promise<ControlResult> {
        return toResult(await this.deps.engine.completeConsult());
    }

    async cancelConsult(): Promise<ControlResult> {
        return toResult(await this.deps.engine.cancelConsult());
    }

    async merge(): Promise<ControlResult> {
        return toResult(await this.deps.engine.merge());
    }

    async dropParty(callId: string): Promise<ControlResult> {
        return toResult(await this.deps.engine.dropParty(callId));
    }

    async swap(): Promise<ControlResult> {
        return toResult(await this.deps.engine.swap());
    }

    private async onCall(
        callId: string | undefined,
        action: (callId: string) => Promise<EngineResult | DialResult>
    ): Promise<ControlResult> {
        const target = callId ?? this.deps.engine.snapshot().activeCallId;
        if (target === undefined) {
            return { ok: false, code: 'no-such-call', message: label('Softphone_No_Call') };
        }
        return toResult(await action(target));
    }
}

/** A refusal as it is; a call placed with a warning keeps the warning for the agent. */
function fromDialOutcome(outcome: DialOutcome): ControlResult {
    if (!outcome.ok) {
        return outcome;
    }
    return outcome.warning === undefined
        ? OK
        : { ok: true, warning: { callId: outcome.callId, message: outcome.warning } };
}

function toResult(result: EngineResult | DialResult): ControlResult {
    return result.ok
        ? OK
        : { ok: false, code: result.error.code, message: engineErrorText(result.error) };
}
