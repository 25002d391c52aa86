// BENCH_QUICK=1 runs every repeated figure a tenth as many times: a check that the bench itself
// works (a minute instead of several), not a measurement to compare against the budgets.
export const QUICK = process.env.BENCH_QUICK === '1';

export function scaled(count) {
    return QUICK ? Math.max(2, Math.round(count / 10)) : count;
}
