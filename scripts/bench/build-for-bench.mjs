// Both benches measure what the build makes now: they run scripts/build.mjs first.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export function buildForBench(progress) {
    progress('building the static resource and the local console (scripts/build.mjs)');
    const result = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], {
        cwd: root,
        stdio: 'inherit'
    });
    if (result.status !== 0) {
        throw new Error(`scripts/build.mjs exited with ${result.status}`);
    }
}
