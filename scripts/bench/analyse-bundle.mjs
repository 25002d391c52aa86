// What the core bundle holds, by src folder and package (esbuild metafile, nothing written), and
// what-if builds for the bundle-size decision: the phone-number chunk (libphonenumber-js, loaded
// by every agent while the settings are read, see src/softphone/screenpop/phone-number-library.ts)
// with each metadata set. Not budgeted.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSize } from './measure-bundle-size.mjs';
import { jssipTrimPlugin } from '../jssip-trim-plugin.mjs';
import { englishValuesPlugin, softphoneLabelDigest } from '../softphone-label-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The phone-number chunk with `set` metadata ("max" ships). */
const phoneNumberChunk = (set) => `export { Metadata, getCountryCallingCode, isSupportedCountry,
    parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/core';
export { default as metadata } from 'libphonenumber-js/metadata.${set}.json';`;

// Mirrors buildSoftphone() in scripts/build.mjs (which runs a build when imported); the
// "as built" variant is checked against the real file so a drift shows up in the report.
function softphoneOptions(plugins) {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return {
        entryPoints: {
            softphone: join(root, 'src/softphone/main.ts'),
            'phone-number-library': join(root, 'src/softphone/screenpop/phone-number-library.ts')
        },
        outdir: join(root, 'test-results/bench/what-if'),
        bundle: true,
        minify: true,
        format: 'esm',
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
        target: ['chrome109', 'firefox115', 'safari16', 'edge109'],
        legalComments: 'none',
        define: {
            SOFTPHONE_VERSION: JSON.stringify(version),
            SOFTPHONE_LABEL_DIGEST: JSON.stringify(softphoneLabelDigest(root))
        },
        logLevel: 'silent',
        write: false,
        metafile: true,
        plugins: [englishValuesPlugin(root), jssipTrimPlugin(root), ...plugins]
    };
}

/** The entry output and the outputs it imports statically (what every agent loads). */
function coreOutputs(metafile) {
    const outputs = metafile.outputs;
    const entry = Object.keys(outputs).find((path) =>
        outputs[path].entryPoint?.endsWith('src/softphone/main.ts')
    );
    const core = new Set();
    const visit = (path) => {
        if (core.has(path) || !outputs[path]) {
            return;
        }
        core.add(path);
        for (const imported of outputs[path].imports) {
            if (imported.kind === 'import-statement') {
                visit(imported.path);
            }
        }
    };
    visit(entry);
    if (outputs[entry].cssBundle) {
        core.add(outputs[entry].cssBundle);
    }
    return core;
}

/** The SIP chunk's outputs: its entry and the outputs it imports statically that the core lacks. */
function sipOutputs(metafile, core) {
    const outputs = metafile.outputs;
    const sip = new Set();
    const visit = (path) => {
        if (sip.has(path) || core.has(path) || !outputs[path]) {
            return;
        }
        sip.add(path);
        for (const imported of outputs[path].imports) {
            if (imported.kind === 'import-statement') {
                visit(imported.path);
            }
        }
    };
    const entry = Object.keys(outputs).find((path) => /[\\/]sip-[A-Z0-9]+\.js$/.test(path));
    if (entry !== undefined) {
        visit(entry);
    }
    return sip;
}

/**
 * Bytes in `outputs` per package (metadata apart) or src folder, largest first; the package
 * named `byFile` per file instead (the SIP chunk's JsSIP).
 */
function contributors(metafile, outputs, byFile) {
    const groups = new Map();
    for (const path of outputs) {
        for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[path].inputs)) {
            const parts = input.replace(/^stub:/, '').split('/');
            // node_modules may be a link to another checkout's (../x/node_modules/…).
            const packageAt = parts.indexOf('node_modules') + 1;
            const key =
                packageAt > 0
                    ? parts[packageAt] === byFile
                        ? parts.slice(packageAt).join('/')
                        : `${parts[packageAt]}${/metadata\.\w+\.json/.test(input) ? ' metadata' : ''}`
                    : parts.slice(0, 3).join('/');
            groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
        }
    }
    return [...groups.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([name, bytes]) => ({ name, bytes }));
}

async function coreSize(plugins) {
    const result = await build(softphoneOptions(plugins));
    const core = coreOutputs(result.metafile);
    const files = result.outputFiles.filter((file) =>
        core.has(relative(root, file.path).split(sep).join('/'))
    );
    return {
        raw: files.reduce((sum, file) => sum + file.contents.length, 0),
        gzip: files.reduce((sum, file) => sum + gzipSize(file.contents), 0),
        contributors: contributors(result.metafile, core),
        sipContributors: contributors(result.metafile, sipOutputs(result.metafile, core), 'jssip')
    };
}

/** A module loaded lazily as its own chunk (ES module, minified). */
async function lazyChunkSize(contents) {
    const result = await build({
        stdin: { contents, resolveDir: root },
        bundle: true,
        minify: true,
        format: 'esm',
        write: false,
        logLevel: 'silent'
    });
    const output = result.outputFiles[0].contents;
    return { raw: output.length, gzip: gzipSize(output) };
}

export async function analyseBundle() {
    const asBuilt = await coreSize([]);
    const chunks = await Promise.all(
        ['max', 'min', 'mobile'].map((set) => lazyChunkSize(phoneNumberChunk(set)))
    );
    return [
        {
            variant: 'as built (phone-number chunk with "max" loaded beside the core)',
            core: asBuilt,
            lazyChunk: chunks[0]
        },
        { variant: 'phone-number chunk with "min" metadata', core: asBuilt, lazyChunk: chunks[1] },
        {
            variant: 'phone-number chunk with "mobile" metadata',
            core: asBuilt,
            lazyChunk: chunks[2]
        }
    ];
}
