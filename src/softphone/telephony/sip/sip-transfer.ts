import { label } from '../../i18n';
import type { TransferFailureReason, TransferProgress } from '../call-handover';
import type { Scheduler } from '../scheduler';
import { sipEndMessage } from './end-reason';
import type { SipReferEvent, SipSession } from './sip-user-agent';

/**
 * One transfer over SIP (RFC 3515 REFER, RFC 3891 Replaces for a consult transfer), followed
 * to its end:
 *
 *   requesting ──2xx to the REFER──▶ accepted ──NOTIFY 1xx──▶ accepted (progress logged)
 *       │                               │ NOTIFY 2xx ──▶ succeeded
 *       │ 4xx/5xx/6xx, timeout          │ NOTIFY ≥ 300 ──▶ failed (the call stays with the agent)
 *       ▼                               │ no final NOTIFY within notifyTimeoutMs ──▶ succeeded
 *     refused                           ▼ (the PBX took the REFER and never said more)
 *
 * A 202 alone does not prove the transfer worked: the target may be busy or not answer, and
 * the transferee then says so in a NOTIFY. Until the final NOTIFY the agent's leg stays up.
 */
export type SipTransferResult =
    | { readonly ok: true; readonly confirmedBy: 'notify' | 'timeout' }
    | {
          readonly ok: false;
          /** 'refused': the REFER itself was; 'failed': a NOTIFY said the call to the target failed. */
          readonly stage: 'refused' | 'failed';
          readonly reason: TransferFailureReason;
          readonly message: string;
      };

/** What one REFER event means for the transfer: keep waiting, or how it ended. */
export type SipReferStep =
    | { readonly kind: 'waiting'; readonly accepted: boolean; readonly progress?: number }
    | SipTransferResult;

/** Turns one REFER event into the transfer's next step; `target` names the target for the agent. */
export function referStep(event: SipReferEvent, target: string): SipReferStep {
    switch (event.type) {
        case 'accepted':
            return { kind: 'waiting', accepted: true };
        case 'refused': {
            const detail =
                event.statusCode === undefined
                    ? event.cause
                    : (sipEndMessage({
                          originator: 'remote',
                          cause: event.cause,
                          statusCode: event.statusCode,
                          ...(event.reasonPhrase === undefined
                              ? {}
                              : { reasonPhrase: event.reasonPhrase })
                      }) ?? event.cause);
            return {
                ok: false,
                stage: 'refused',
                reason: 'refused',
                message: label('Softphone_Sip_Transfer_Refused', target, detail)
            };
        }
        case 'notify':
            if (event.statusCode < 200) {
                return { kind: 'waiting', accepted: true, progress: event.statusCode };
            }
            if (event.statusCode < 300) {
                return { ok: true, confirmedBy: 'notify' };
            }
            return {
                ok: false,
                stage: 'failed',
                reason: transferFailureReasonFor(event.statusCode),
                // The phone system's words; the engine says the rest (the call stays as it was).
                message: notifyText(event)
            };
    }
}

export interface SipReferRequest {
    readonly session: SipSession;
    /** The Refer-To URI (without Replaces: `replaces` adds it). */
    readonly uri: string;
    /** How the agent knows the target (e.g. the number typed), for messages. */
    readonly target: string;
    readonly replaces?: SipSession;
    readonly scheduler: Scheduler;
    /** How long to wait, after the REFER was accepted, for the final NOTIFY. */
    readonly notifyTimeoutMs: number;
    /** Each provisional NOTIFY status (100, 180, 183 …), for the logs. */
    readonly onProgress?: (statusCode: number) => void;
    /** The REFER was accepted (2xx): the PBX is now calling the target. */
    readonly onAccepted?: () => void;
}

/**
 * Sends the REFER and follows it: resolves once with the transfer's result (never rejects; a
 * stack that throws counts as a refusal). `cancel()` stops following (the call ended first).
 */
export function followRefer(request: SipReferRequest): {
    readonly result: Promise<SipTransferResult>;
    cancel(): void;
} {
    let finished = false;
    let timer: unknown;
    let settle: (result: SipTransferResult) => void = () => undefined;
    const result = new Promise<SipTransferResult>((resolve) => {
        settle = resolve;
    });
    const finish = (outcome: SipTransferResult | undefined): void => {
        if (finished) {
            return;
        }
        finished = true;
        if (timer !== undefined) {
            request.scheduler.clearTimeout(timer);
        }
        if (outcome) {
            settle(outcome);
        }
    };
    const onEvent = (event: SipReferEvent): void => {
        if (finished) {
            return;
        }
        const step = referStep(event, request.target);
        if ('ok' in step) {
            finish(step);
            return;
        }
        if (step.progress !== undefined) {
            request.onProgress?.(step.progress);
        }
        if (step.accepted && event.type === 'accepted') {
            request.onAccepted?.();
            timer = request.scheduler.setTimeout(
                () => finish({ ok: true, confirmedBy: 'timeout' }),
                request.notifyTimeoutMs
            );
        }
    };
    try {
        request.session.refer(
            request.uri,
            onEvent,
            request.replaces ? { replaces: request.replaces } : {}
        );
    } catch (error) {
        finish({
            ok: false,
            stage: 'refused',
            reason: 'refused',
            message: label(
                'Softphone_Sip_Transfer_Failed',
                request.target,
                error instanceof Error ? error.message : String(error)
            )
        });
    }
    return { result, cancel: () => finish(undefined) };
}

/** What a provisional NOTIFY status says of the call to the target: 100 trying, 18x ringing. */
export function transferProgressFor(statusCode: number): TransferProgress {
    return statusCode >= 180 && statusCode < 200 ? 'ringing' : 'trying';
}

/** Why the call to the target failed, from the final status a NOTIFY carried. */
export function transferFailureReasonFor(statusCode: number): TransferFailureReason {
    if (statusCode === 486 || statusCode === 600) {
        return 'busy';
    }
    if (statusCode === 408 || statusCode === 480 || statusCode === 487) {
        return 'no-answer';
    }
    if (statusCode === 403 || statusCode === 603) {
        return 'refused';
    }
    if (statusCode === 404 || statusCode === 484 || statusCode === 502 || statusCode === 503) {
        return 'unreachable';
    }
    return 'failed';
}

/** The agent's leg's last words after a transfer went through. */
export function transferredMessage(target: string): string {
    return label('Softphone_Sip_Transferred', target);
}

/**
 * The target of a consult transfer: the URI the consult call was dialled to and its user part
 * (what the agent typed, after the dial plan); undefined for a call not dialled from here.
 */
export function consultTarget(
    dialledUri: string | undefined
): { readonly uri: string; readonly user: string } | undefined {
    const user = dialledUri?.match(/^sips?:([^@;?]+)@/)?.[1];
    return dialledUri && user ? { uri: dialledUri, user } : undefined;
}

/** "SIP 486 Busy Here", the network's reason phrase cut to plain text. */
function notifyText(event: Extract<SipReferEvent, { type: 'notify' }>): string {
    return (
        sipEndMessage({
            originator: 'remote',
            // i18n-exempt: JsSIP's cause name for a SIP error response
            cause: 'SIP Failure Code',
            statusCode: event.statusCode,
            ...(event.reasonPhrase === undefined ? {} : { reasonPhrase: event.reasonPhrase })
        }) ?? `SIP ${event.statusCode}`
    );
}
