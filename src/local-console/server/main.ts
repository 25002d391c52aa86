import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCliOptions } from './cli-options';
import { startLocalConsoleServer } from './local-console-server';

// Entry of dist/local-console/server.mjs: the repository root is two folders up, the browser
// files are in public/ beside it.
const here = dirname(fileURLToPath(import.meta.url));
const parsed = parseCliOptions(process.argv.slice(2), process.env);

if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    process.exit(2);
}

const { options } = parsed;
const running = await startLocalConsoleServer({
    rootDir: resolve(here, '../..'),
    publicDir: join(here, 'public'),
    ...(options.pagesDir ? { pagesDir: resolve(options.pagesDir) } : {}),
    ...(options.staticResourcesDir
        ? { staticResourcesDir: resolve(options.staticResourcesDir) }
        : {}),
    ...(options.cacheStaticResources ? { cacheStaticResources: true } : {}),
    port: options.port,
    log: (line) => process.stderr.write(`local console: ${line}\n`)
}).catch((error: NodeJS.ErrnoException) => {
    process.stderr.write(
        `local console: cannot listen on port ${options.port}: ${error.message}\n`
    );
    process.exit(1);
});

process.stdout.write(`Local console: ${running.url}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
        void running.close().finally(() => process.exit(0));
    });
}
