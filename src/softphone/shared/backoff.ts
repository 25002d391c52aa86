/**
 * Retry delays: exponential (1 s, 2 s, 4 s …) capped at a maximum, with jitter so that many
 * softphones coming back after the same outage do not retry in lockstep. Nothing here is
 * specific to call logs: any retry loop (e.g. a connector reconnecting) passes its own policy.
 */

export interface BackoffPolicy {
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
}

export const defaultBackoffPolicy: BackoffPolicy = { baseDelayMs: 1000, maxDelayMs: 60_000 };

/**
 * Delay before retry number `attempt` (1 = after the first failure). `random` is injected
 * (0 ≤ r < 1): the delay lies between half and all of the capped exponential step.
 */
export function computeRetryDelay(
    attempt: number,
    random: () => number,
    policy: BackoffPolicy = defaultBackoffPolicy
): number {
    const exponent = Math.max(0, Math.min(attempt - 1, 30));
    const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
    const drawn = random();
    const r = Number.isFinite(drawn) ? Math.min(Math.max(drawn, 0), 1) : 1;
    return Math.round(step / 2 + (step / 2) * r);
}
