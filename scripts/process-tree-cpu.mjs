// The CPU time a running command uses, its children and Chromium's processes included, read from
// Linux's /proc while it runs: `npm test` prints it beside each step's wall time, so a run on a
// busy machine still shows which step costs what (wall time there mostly measures the others).
// Chromium's renderers leave the process tree (its zygote forks them away), so a process also
// counts when it runs with the --user-data-dir of a Chromium already counted. A process that
// lives less than one sampling interval may be missed: the figure is a lower bound.
import { readFileSync, readdirSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat that matter here, or undefined when it cannot be read. */
export function parseProcStat(text) {
    // The command name (field 2) may hold spaces and parentheses: the fields after it start
    // after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const parent = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    const started = fields[19];
    if (!Number.isInteger(parent) || !Number.isFinite(ticks) || started === undefined) {
        return undefined;
    }
    return { parent, cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND, started };
}

/** The --user-data-dir a Chromium process runs with, from its NUL-separated command line. */
export function chromiumProfileOf(commandLine) {
    const argument = commandLine.split('\0').find((each) => each.startsWith('--user-data-dir='));
    return argument?.slice('--user-data-dir='.length);
}

/**
 * Given every process now running (`processes`: pid → { parent, cpuSeconds, started,
 * commandLine }), adds to `seen` (a Map kept across samples) the CPU seconds of `root` and its
 * descendants and of the processes of the Chromium profiles they use.
 */
export function sampleTree(root, processes, seen, profiles = new Set()) {
    const inTree = (pid) => {
        for (let current = pid, depth = 0; current > 1 && depth < 64; depth += 1) {
            if (current === root) {
                return true;
            }
            current = processes.get(current)?.parent;
        }
        return false;
    };
    const counted = [];
    for (const [pid, process] of processes) {
        const profile = chromiumProfileOf(process.commandLine ?? '');
        if (inTree(pid)) {
            if (profile) {
                profiles.add(profile);
            }
            counted.push([pid, process]);
        } else if (profile && profiles.has(profile)) {
            counted.push([pid, process]);
        }
    }
    for (const [pid, process] of counted) {
        const key = `${pid}@${process.started}`;
        seen.set(key, Math.max(seen.get(key) ?? 0, process.cpuSeconds));
    }
    return seen;
}

function readProcesses(commandLines) {
    const processes = new Map();
    for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) {
            continue;
        }
        try {
            const stat = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
            if (!stat) {
                continue;
            }
            const key = `${name}@${stat.started}`;
            if (!commandLines.has(key)) {
                commandLines.set(key, readFileSync(`/proc/${name}/cmdline`, 'utf8'));
            }
            processes.set(Number(name), { ...stat, commandLine: commandLines.get(key) });
        } catch {
            // The process ended between the listing and the read.
        }
    }
    return processes;
}

const trackers = new Set();
const commandLines = new Map();
let timer;
let procReadable = true;

function sampleAll() {
    if (!procReadable) {
        return;
    }
    try {
        const processes = readProcesses(commandLines);
        for (const tracker of trackers) {
            sampleTree(tracker.pid, processes, tracker.seen, tracker.profiles);
        }
    } catch {
        procReadable = false;
    }
}

/**
 * Samples the CPU of `pid`'s tree (one timer for every tree tracked, every `intervalMs`) until
 * stop(), which returns the CPU seconds counted, or undefined where /proc cannot be read (not
 * Linux).
 */
export function trackProcessTreeCpu(pid, { intervalMs = 500 } = {}) {
    const tracker = { pid, seen: new Map(), profiles: new Set() };
    trackers.add(tracker);
    sampleAll();
    timer ??= setInterval(sampleAll, intervalMs);
    return {
        stop() {
            sampleAll();
            trackers.delete(tracker);
            if (trackers.size === 0) {
                clearInterval(timer);
                timer = undefined;
                commandLines.clear();
            }
            if (!procReadable) {
                return undefined;
            }
            let total = 0;
            for (const seconds of tracker.seen.values()) {
                total += seconds;
            }
            return total;
        }
    };
}
