// Builds the adapter into the static resource (what ships), the local console (what `npm start`
// serves) and the listener bridge (`npm run listener`). One esbuild run per target; no source maps
// go into the package.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const staticResourceDir = join(root, 'force-app/main/default/staticresources/softphone');
export const localConsoleDir = join(root, 'dist/local-console');
export const listenerBridgeDir = join(root, 'dist/listener-bridge');

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const browserTarget = ['chrome109', 'firefox115', 'safari16', 'edge109'];

async function buildSoftphone() {
    rmSync(staticResourceDir, { recursive: true, force: true });
    mkdirSync(staticResourceDir, { recursive: true });
    await build({
        entryPoints: { softphone: join(root, 'src/softphone/main.ts') },
        outdir: staticResourceDir,
        bundle: true,
        minify: true,
        // ES modules with splitting: connectors other than the simulator (the SIP stack) are
        // separate chunks that only agents who use them download.
        format: 'esm',
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
        target: browserTarget,
        legalComments: 'none',
        define: { SOFTPHONE_VERSION: JSON.stringify(version) },
        logLevel: 'warning'
    });
}

async function buildLocalConsole() {
    const browserEntry = join(root, 'src/local-console/browser/console.ts');
    const serverEntry = join(root, 'src/local-console/server/main.ts');
    if (!existsSync(serverEntry) || !existsSync(browserEntry)) {
        return;
    }
    rmSync(localConsoleDir, { recursive: true, force: true });
    await build({
        entryPoints: {
            console: browserEntry,
            opencti_min: join(root, 'src/local-console/browser/opencti-host-shim.ts')
        },
        outdir: join(localConsoleDir, 'public'),
        bundle: true,
        format: 'iife',
        target: browserTarget,
        sourcemap: true,
        logLevel: 'warning'
    });
    await buildNodeProgram({ server: serverEntry }, localConsoleDir);
}

async function buildListenerBridge() {
    rmSync(listenerBridgeDir, { recursive: true, force: true });
    await buildNodeProgram(
        { listener: join(root, 'src/listener-bridge/main.ts') },
        listenerBridgeDir
    );
}

/** A Node program (the console's server, the listener bridge): one .mjs, dependencies external. */
function buildNodeProgram(entryPoints, outdir) {
    return build({
        entryPoints,
        outdir,
        outExtension: { '.js': '.mjs' },
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        sourcemap: true,
        logLevel: 'warning'
    });
}

const targets = {
    softphone: buildSoftphone,
    console: buildLocalConsole,
    listener: buildListenerBridge
};

async function main() {
    const wanted = process.argv.slice(2);
    const names = wanted.length > 0 ? wanted : Object.keys(targets);
    for (const name of names) {
        const target = targets[name];
        if (!target) {
            throw new Error(
                `Unknown build target "${name}" (known: ${Object.keys(targets).join(', ')})`
            );
        }
        await target();
    }
}

main().catch((error) => {
    process.stderr.write(`build failed: ${error.message}\n`);
    process.exitCode = 1;
});
