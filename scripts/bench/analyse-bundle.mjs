// What-if builds of the core bundle (esbuild metafile, nothing written): how big it would be
// with libphonenumber-js's "min" metadata, with the metadata or the whole library loaded lazily
// as a chunk of its own (as built since issue 19: the first variants now match "as built"), and
// without the test fixtures that slip in. Each variant lists what the core holds by src folder
// and package. Not budgeted: input for the bundle-size decision.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSize } from './measure-bundle-size.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const MAX_METADATA = /^libphonenumber-js\/metadata\.max\.json$/;
const ANY_LIBPHONENUMBER = /^libphonenumber-js(\/.*)?$/;
// Test fixtures that reach the bundle through src/softphone/channel/index.ts's re-export.
const CONTRACT_EXAMPLES = /\/contract-examples$/;
// What src/softphone/screenpop/phone-number.ts takes from libphonenumber-js, as one lazy chunk.
const PHONE_NUMBER_CHUNK = `export { Metadata, getCountryCallingCode, isSupportedCountry,
    parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/core';
export { default as metadata } from 'libphonenumber-js/metadata.max.json';`;

// Mirrors buildSoftphone() in scripts/build.mjs (which runs a build when imported); the
// "as built" variant is checked against the real file so a drift shows up in the report.
function softphoneOptions(plugins) {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return {
        entryPoints: { softphone: join(root, 'src/softphone/main.ts') },
        outdir: join(root, 'test-results/bench/what-if'),
        bundle: true,
        minify: true,
        format: 'esm',
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
        target: ['chrome109', 'firefox115', 'safari16', 'edge109'],
        legalComments: 'none',
        define: { SOFTPHONE_VERSION: JSON.stringify(version) },
        logLevel: 'silent',
        write: false,
        metafile: true,
        plugins
    };
}

/** Replaces the imports matching `filter` with an empty CommonJS module (any import name works). */
function stub(name, filter) {
    return {
        name,
        setup(pluginBuild) {
            pluginBuild.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'stub' }));
            pluginBuild.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
                contents: 'module.exports = {};',
                loader: 'js'
            }));
        }
    };
}

function redirect(name, filter, to) {
    return {
        name,
        setup(pluginBuild) {
            pluginBuild.onResolve({ filter }, (args) =>
                pluginBuild.resolve(to, { kind: args.kind, resolveDir: args.resolveDir })
            );
        }
    };
}

/** The entry output and the outputs it imports statically (what every agent loads). */
function coreOutputs(metafile) {
    const outputs = metafile.outputs;
    const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint);
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

/** Bytes in the core per package (metadata apart) or src folder, largest first. */
function contributors(metafile, core) {
    const groups = new Map();
    for (const path of core) {
        for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[path].inputs)) {
            const parts = input.replace(/^stub:/, '').split('/');
            // node_modules may be a link to another checkout's (../x/node_modules/…).
            const packageAt = parts.indexOf('node_modules') + 1;
            const key =
                packageAt > 0
                    ? `${parts[packageAt]}${/metadata\.\w+\.json/.test(input) ? ' metadata' : ''}`
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
        contributors: contributors(result.metafile, core)
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
    const [asBuilt, minMetadata, lazyMetadata, noLibrary, noLibraryNoFixtures] = await Promise.all(
        [
            [],
            [redirect('min-metadata', MAX_METADATA, 'libphonenumber-js/metadata.min.json')],
            [stub('lazy-metadata', MAX_METADATA)],
            [stub('lazy-libphonenumber', ANY_LIBPHONENUMBER)],
            [
                stub('lazy-libphonenumber', ANY_LIBPHONENUMBER),
                stub('no-fixtures', CONTRACT_EXAMPLES)
            ]
        ].map(coreSize)
    );
    const [maxChunk, minChunk, libraryChunk] = await Promise.all([
        lazyChunkSize("export { default } from 'libphonenumber-js/metadata.max.json';"),
        lazyChunkSize("export { default } from 'libphonenumber-js/metadata.min.json';"),
        lazyChunkSize(PHONE_NUMBER_CHUNK)
    ]);
    return [
        { variant: 'as built (max metadata in the core)', core: asBuilt },
        { variant: 'min metadata in the core', core: minMetadata },
        { variant: 'max metadata lazy-loaded', core: lazyMetadata, lazyChunk: maxChunk },
        { variant: 'min metadata lazy-loaded', core: lazyMetadata, lazyChunk: minChunk },
        {
            variant: 'libphonenumber-js + max metadata lazy-loaded',
            core: noLibrary,
            lazyChunk: libraryChunk
        },
        {
            variant: 'same, and no contract-examples.ts test fixtures in the core',
            core: noLibraryNoFixtures,
            lazyChunk: libraryChunk
        }
    ];
}
