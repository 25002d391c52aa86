// Bundles the softphone's listener connector and call engine (TypeScript sources) into a
// temporary ES module that Node imports, so that Node tests run them against the real bridge.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './listener-bridge-process.mjs';

export async function importSoftphoneModules() {
    const dir = mkdtempSync(join(tmpdir(), 'listener-connector-'));
    try {
        const entry = join(dir, 'entry.ts');
        writeFileSync(
            entry,
            [
                `export * from ${JSON.stringify(join(root, 'src/softphone/telephony/listener/index.ts'))};`,
                `export { CallEngine } from ${JSON.stringify(join(root, 'src/softphone/calls/index.ts'))};`,
                // The words in English, as the softphone has them when its page lacks a label.
                `import { englishLabels } from ${JSON.stringify(join(root, 'src/softphone/i18n/english-labels.ts'))};`,
                `import { installEnglishLabels } from ${JSON.stringify(join(root, 'src/softphone/i18n/label-catalog.ts'))};`,
                'installEnglishLabels(englishLabels());'
            ].join('\n')
        );
        const outfile = join(dir, 'softphone-modules.mjs');
        await build({
            entryPoints: [entry],
            outfile,
            bundle: true,
            platform: 'node',
            format: 'esm',
            target: 'node20',
            packages: 'external',
            logLevel: 'warning'
        });
        return await import(pathToFileURL(outfile).href);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
