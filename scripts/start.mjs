// `npm start`: builds the softphone and the local console, then serves the console (which plays
// Salesforce for the softphone) and prints its address. Extra arguments go to the server.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) {
    process.exit(built.status ?? 1);
}
const server = spawn(
    process.execPath,
    [join(root, 'dist/local-console/server.mjs'), ...process.argv.slice(2)],
    { stdio: 'inherit', cwd: root }
);
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => server.kill(signal));
}
