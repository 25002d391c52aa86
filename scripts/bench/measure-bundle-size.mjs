// Sizes of the built static resource as Salesforce serves it: raw and gzip (level 9, what a
// CDN at its best would send). The core (softphone.js, the chunks it imports statically, the
// CSS) loads for every agent; the phone-number chunk (libphonenumber-js and its metadata) too,
// but while the settings are read; the rest (the SIP stack, the listener connector, imported
// dynamically) only for agents on that connector. Each lazy chunk is counted with the chunks it
// imports statically that the core does not hold.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { informational, judged } from './report-table.mjs';

export const CORE_BUDGET_BYTES = 60 * 1024;
export const SIP_CHUNK_BUDGET_BYTES = 60 * 1024;
const ENTRY = 'softphone.js';
const STYLESHEET = 'softphone.css';
// Relative specifiers of minified ES modules: `from"./x.js"` / `import"./x.js"` are static,
// `import("./x.js")` is dynamic and does not match (the parenthesis).
const STATIC_IMPORT = /(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

export function gzipSize(buffer) {
    return gzipSync(buffer, { level: 9 }).length;
}

export function formatKb(bytes) {
    return `${(bytes / 1024).toFixed(1)} KB`;
}

function scriptsUnder(directory, folder = directory) {
    return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
            return scriptsUnder(directory, path);
        }
        return entry.name.endsWith('.js') ? [relative(directory, path)] : [];
    });
}

/** The entry and every chunk it imports statically, transitively (all load at start-up). */
function staticClosure(directory, entry) {
    const seen = new Set();
    const visit = (file) => {
        if (seen.has(file) || !existsSync(join(directory, file))) {
            return;
        }
        seen.add(file);
        const source = readFileSync(join(directory, file), 'utf8');
        for (const [, specifier] of source.matchAll(STATIC_IMPORT)) {
            visit(relative(directory, join(directory, dirname(file), specifier)));
        }
    };
    visit(entry);
    return seen;
}

function sizeOf(directory, files) {
    const perFile = files.map((name) => {
        const content = readFileSync(join(directory, name));
        return { name, raw: content.length, gzip: gzipSize(content) };
    });
    return {
        files: perFile,
        raw: perFile.reduce((sum, file) => sum + file.raw, 0),
        gzip: perFile.reduce((sum, file) => sum + file.gzip, 0)
    };
}

function sizeRow(figure, size, limit) {
    return {
        ...judged(figure, size.gzip, limit, formatKb),
        measured: `${formatKb(size.gzip)} gz (${formatKb(size.raw)} raw)`,
        details: size
    };
}

/**
 * The name of a dynamically imported chunk: chunks/sip-AB12CD34.js → sip; an entry named
 * without a hash (phone-number-library.js, see scripts/build.mjs) → phone-number-library.
 */
function chunkName(file) {
    return file
        .split('/')
        .pop()
        .replace(/(-[A-Z0-9]+)?\.js$/, '');
}

/** When the other lazy chunks load (see src/softphone: each dynamic import says why). */
const LOADED_WHEN = {
    'english-labels': 'only when the host page lacks a label',
    'layout-check': 'every agent, after the start',
    'simulator-connector': 'agents on the simulator, while the tab settles its role',
    listener: 'agents on the listener, while they sign in',
    'sip-handover': 'SIP agents, at their first transfer or conference',
    'create-setup-check': 'when Check setup is opened'
};

/** Loaded at start by every agent, though not imported statically (see src/softphone/main.ts). */
const AT_START = new Set(['phone-number-library']);

/** Rows for the core, what every agent loads at start, and each lazily loaded chunk. */
export function measureBundleSize(directory) {
    const missing = [ENTRY, STYLESHEET].filter((name) => !existsSync(join(directory, name)));
    if (missing.length > 0) {
        throw new Error(`${missing.join(', ')} not built in ${directory}`);
    }
    const core = staticClosure(directory, ENTRY);
    const coreFiles = [...core, STYLESHEET];
    const coreSize = sizeOf(directory, coreFiles);
    // Lazy entries: chunks the core does not load that no other lazy chunk imports statically.
    const lazy = scriptsUnder(directory).filter((file) => !core.has(file));
    const shared = new Set(
        lazy.flatMap((file) => [...staticClosure(directory, file)].filter((f) => f !== file))
    );
    const entries = lazy
        .filter((file) => !shared.has(file))
        .map((file) => ({
            name: chunkName(file),
            size: sizeOf(
                directory,
                [...staticClosure(directory, file)].filter((f) => !core.has(f))
            )
        }));
    const atStart = entries.filter(({ name }) => AT_START.has(name));
    const sip = entries.find(({ name }) => name === 'sip');
    const rows = [
        sizeRow(
            `Core static resource (${coreFiles.length === 2 ? 'softphone.js + .css' : `${coreFiles.length - 1} .js + .css`}), gzip`,
            coreSize,
            CORE_BUDGET_BYTES
        ),
        ...atStart.map(({ name, size }) =>
            infoRow(
                `${name} chunk (every agent: the page preloads it, the start waits for it), gzip`,
                size
            )
        ),
        infoRow('Loaded at start by every agent (core + the chunks above), gzip', {
            files: [...coreSize.files, ...atStart.flatMap(({ size }) => size.files)],
            raw: coreSize.raw + atStart.reduce((sum, { size }) => sum + size.raw, 0),
            gzip: coreSize.gzip + atStart.reduce((sum, { size }) => sum + size.gzip, 0)
        }),
        sip === undefined
            ? {
                  ...informational('SIP chunk, gzip', 'not built yet'),
                  budget: `≤ ${formatKb(SIP_CHUNK_BUDGET_BYTES)}`,
                  result: 'n/a'
              }
            : sizeRow(
                  `SIP chunk (${sip.size.files.length} lazy .js), gzip`,
                  sip.size,
                  SIP_CHUNK_BUDGET_BYTES
              )
    ];
    for (const { name, size } of entries) {
        if (name !== 'sip' && !AT_START.has(name)) {
            const when = LOADED_WHEN[name] ?? 'only agents who use it';
            rows.push(infoRow(`${name} chunk (${when}), gzip`, size));
        }
    }
    return rows;
}

function infoRow(figure, size) {
    return {
        ...informational(
            figure,
            `${formatKb(size.gzip)} gz (${formatKb(size.raw)} raw)`,
            size.gzip
        ),
        details: size
    };
}
