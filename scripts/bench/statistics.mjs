// Summaries of repeated timings: the median is the budgeted figure (robust to the odd GC pause);
// p90 and the extremes go into the JSON so a regression in the tail is visible too.

/** The value at `fraction` (0–1) of the sorted samples, by linear interpolation. */
export function percentile(samples, fraction) {
    if (samples.length === 0) {
        return Number.NaN;
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const position = (sorted.length - 1) * fraction;
    const below = Math.floor(position);
    const above = Math.ceil(position);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function median(samples) {
    return percentile(samples, 0.5);
}

/** { n, median, p90, min, max } rounded to 0.1 ms. */
export function summarise(samples) {
    const round = (value) => Math.round(value * 10) / 10;
    return {
        n: samples.length,
        median: round(median(samples)),
        p90: round(percentile(samples, 0.9)),
        min: round(Math.min(...samples)),
        max: round(Math.max(...samples))
    };
}
