import { computeRetryDelay, type BackoffPolicy } from '../../shared/backoff';

/**
 * Delays between attempts to reach the listener bridge again: exponential (1 s, 2 s, 4 s …)
 * capped, with jitter so that many softphones coming back after one outage do not retry in
 * lockstep. `random` is injected (0 ≤ r < 1): the delay lies between half and all of the step.
 */
export type ReconnectPolicy = BackoffPolicy;

export const defaultReconnectPolicy: ReconnectPolicy = { baseDelayMs: 1000, maxDelayMs: 30_000 };

/** Delay before attempt number `attempt` (1 = the first retry): the call log's backoff rule. */
export function reconnectDelay(
    attempt: number,
    random: () => number,
    policy: ReconnectPolicy = defaultReconnectPolicy
): number {
    return computeRetryDelay(attempt, random, policy);
}
