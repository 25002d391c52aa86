/** The URL parameter prefix of the console's Open CTI host delays: host.delayMs.<method>=<ms>. */
export const hostDelayPrefix = 'host.delayMs.';
/** The longest delay the console plays for one method. */
export const maxHostDelayMs = 60_000;

/**
 * The Open CTI host delays asked for in the console's URL, e.g.
 * `host.delayMs.searchAndScreenPop=150&host.delayMs.publish=20`: each named method waits that
 * long before it is handled (a real org's round trip to the Lightning frame and its server).
 * Values that are not whole numbers of milliseconds from 0 to 60000, and names that are not
 * method names, are left out and reported in `problems`.
 */
export function hostDelays(query: URLSearchParams): {
    readonly delays: Readonly<Record<string, number>>;
    readonly problems: readonly string[];
} {
    const delays: Record<string, number> = {};
    const problems: string[] = [];
    for (const [key, value] of query) {
        if (!key.startsWith(hostDelayPrefix)) {
            continue;
        }
        const method = key.slice(hostDelayPrefix.length);
        if (!/^[A-Za-z][A-Za-z.]{0,63}$/.test(method)) {
            problems.push(`${key.slice(0, 80)}: not an Open CTI method name`);
            continue;
        }
        if (!/^\d{1,5}$/.test(value) || Number(value) > maxHostDelayMs) {
            problems.push(
                `${key}: "${value.slice(0, 20)}" is not a delay from 0 to ${maxHostDelayMs} ms`
            );
            continue;
        }
        delays[method] = Number(value);
    }
    return { delays, problems };
}
