/**
 * Delays between attempts to reach the listener bridge again: exponential (1 s, 2 s, 4 s …)
 * capped, with jitter so that many softphones coming back after one outage do not retry in
 * lockstep. `random` is injected (0 ≤ r < 1): the delay lies between half and all of the step.
 */
export interface ReconnectPolicy {
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
}

export const defaultReconnectPolicy: ReconnectPolicy = { baseDelayMs: 1000, maxDelayMs: 30_000 };

/** Delay before attempt number `attempt` (1 = the first retry). */
export function reconnectDelay(
    attempt: number,
    random: () => number,
    policy: ReconnectPolicy = defaultReconnectPolicy
): number {
    const exponent = Math.max(0, Math.min(attempt - 1, 30));
    const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
    const drawn = random();
    const r = Number.isFinite(drawn) ? Math.min(Math.max(drawn, 0), 1) : 1;
    return Math.round(step / 2 + (step / 2) * r);
}
