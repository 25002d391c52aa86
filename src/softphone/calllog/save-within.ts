import type { Scheduler } from '../telephony/scheduler';
import type { CallLogWriter } from './call-log-writer';
import { describeSaveError, type SaveFailure } from './save-error';

export type AttemptOutcome =
    | { readonly ok: true; readonly returned: unknown }
    | { readonly ok: false; readonly failure: SaveFailure };

/**
 * One saveLog attempt of the outbox: its answer, or a failure when it throws, rejects or does not
 * answer within `timeoutMs` (its late answer is then ignored).
 */
export function saveWithin(
    writer: CallLogWriter,
    value: Parameters<CallLogWriter['saveLog']>[0],
    scheduler: Scheduler,
    timeoutMs: number
): Promise<AttemptOutcome> {
    return new Promise<AttemptOutcome>((resolve) => {
        let settled = false;
        const settle = (outcome: AttemptOutcome) => {
            if (!settled) {
                settled = true;
                scheduler.clearTimeout(timer);
                resolve(outcome);
            }
        };
        const timer = scheduler.setTimeout(() => {
            settle({
                ok: false,
                failure: {
                    message: `saveLog did not answer within ${Math.round(timeoutMs / 1000)} s`,
                    codes: []
                }
            });
        }, timeoutMs);
        try {
            writer.saveLog(value).then(
                (returned: unknown) => settle({ ok: true, returned }),
                (error: unknown) => settle({ ok: false, failure: describeSaveError(error) })
            );
        } catch (error) {
            settle({ ok: false, failure: describeSaveError(error) });
        }
    });
}
