import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import {
    chromiumProfileOf,
    parseProcStat,
    sampleTree,
    trackProcessTreeCpu
} from './process-tree-cpu.mjs';

/** A /proc/<pid>/stat line: utime and stime are fields 14 and 15, starttime field 22. */
function statLine(pid, name, parent, utime, stime, started = 777) {
    const after = ['S', parent, 0, 0, 0, 0, 0, 0, 0, 0, 0, utime, stime];
    after.push(0, 0, 20, 0, 1, 0, started, 0, 0);
    return `${pid} (${name}) ${after.join(' ')}`;
}

describe('parseProcStat', () => {
    it('reads the parent, the CPU seconds and the start, even with ") " in the name', () => {
        assert.deepEqual(parseProcStat(statLine(42, 'odd) name (x', 7, 150, 50)), {
            parent: 7,
            cpuSeconds: 2,
            started: '777'
        });
    });

    it('gives undefined for a line it cannot read', () => {
        assert.equal(parseProcStat('42 (short) S'), undefined);
    });
});

describe('chromiumProfileOf', () => {
    it('finds the profile among NUL-separated arguments, or none', () => {
        const commandLine = ['chromium', '--type=renderer', '--user-data-dir=/tmp/p1', ''].join(
            '\0'
        );
        assert.equal(chromiumProfileOf(commandLine), '/tmp/p1');
        assert.equal(chromiumProfileOf('node\0test.mjs\0'), undefined);
    });
});

describe('sampleTree', () => {
    const processes = (entries) =>
        new Map(
            entries.map(([pid, parent, cpuSeconds, commandLine = '']) => [
                pid,
                { parent, cpuSeconds, started: '1', commandLine }
            ])
        );

    it("counts the root, its descendants and its Chromium profiles' renderers, nothing else", () => {
        const seen = sampleTree(
            10,
            processes([
                [10, 1, 1],
                [11, 10, 2],
                [12, 11, 3, 'chromium\0--user-data-dir=/tmp/mine\0'],
                // A renderer forked away from the tree by Chromium's zygote.
                [50, 1, 4, 'chromium\0--type=renderer\0--user-data-dir=/tmp/mine\0'],
                [60, 1, 100, 'chromium\0--user-data-dir=/tmp/other\0'],
                [70, 1, 100]
            ]),
            new Map()
        );
        assert.deepEqual(
            [...seen.values()].reduce((sum, seconds) => sum + seconds, 0),
            1 + 2 + 3 + 4
        );
    });

    it('keeps the most seen per process across samples, so an ended process still counts', () => {
        const seen = new Map();
        const profiles = new Set();
        sampleTree(
            10,
            processes([
                [10, 1, 1],
                [11, 10, 5]
            ]),
            seen,
            profiles
        );
        sampleTree(10, processes([[10, 1, 2]]), seen, profiles);
        assert.equal(
            [...seen.values()].reduce((sum, seconds) => sum + seconds, 0),
            7
        );
    });
});

describe('trackProcessTreeCpu', { skip: process.platform !== 'linux' && 'needs /proc' }, () => {
    it('counts the CPU a busy child uses', async () => {
        const child = spawn(process.execPath, [
            '-e',
            'const end = Date.now() + 600; while (Date.now() < end);'
        ]);
        const tracker = trackProcessTreeCpu(child.pid, { intervalMs: 50 });
        await new Promise((resolve) => child.on('exit', resolve));
        const seconds = tracker.stop();
        // Some CPU was seen, and no more than the child could use in the time it ran.
        assert.ok(seconds > 0, `counted ${seconds} s`);
        assert.ok(seconds < 5, `counted ${seconds} s`);
    });
});
