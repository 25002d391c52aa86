// The order and the per-part report of `npm test`'s browser step (run-checks.mjs), which runs the
// browser tests, the agent journeys and the listener's browser tests as one pool of files, a few
// at a time: the longest files first (as the last run on this machine timed them; by size when
// none did), so that no long file starts last and runs alone at the end.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';

/** `files` longest first: by `lastSeconds[file]` where known (those first), then by size. */
export function longestFirst(files, lastSeconds = {}) {
    const known = (file) => lastSeconds[file];
    const size = (file) => (existsSync(file) ? statSync(file).size : 0);
    return [...files].sort((a, b) => {
        const [timeA, timeB] = [known(a), known(b)];
        if (timeA !== undefined || timeB !== undefined) {
            return (timeB ?? -1) - (timeA ?? -1);
        }
        return size(b) - size(a);
    });
}

/** The JSON object a file holds, or {} when it is missing or not JSON. */
export function readSeconds(path) {
    try {
        const value = JSON.parse(readFileSync(path, 'utf8'));
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
    } catch {
        return {};
    }
}

/**
 * The reporter's { absolute file: seconds } as { relative file: seconds } (relative to `root`),
 * and one line per part, e.g. "agent journeys: 17 files, 320.4 s of tests (longest
 * record-page-components.journey.test.mjs 86.0 s)".
 */
export function partTimes(reported, parts, root) {
    const seconds = {};
    for (const [file, time] of Object.entries(reported)) {
        seconds[relative(root, resolve(root, file))] = time;
    }
    const lines = parts.map(({ name, files }) => {
        const timed = files.filter((file) => seconds[file] !== undefined);
        const total = timed.reduce((sum, file) => sum + seconds[file], 0);
        const longest = timed.reduce(
            (best, file) => (best === undefined || seconds[file] > seconds[best] ? file : best),
            undefined
        );
        const detail =
            longest === undefined
                ? ''
                : ` (longest ${longest.split('/').pop()} ${seconds[longest].toFixed(1)} s)`;
        return `${name}: ${files.length} files, ${total.toFixed(1)} s of tests${detail}`;
    });
    return { seconds, lines };
}
