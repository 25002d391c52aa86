// Sizes of the built static resource as Salesforce serves it: raw and gzip (level 9, what a
// CDN at its best would send). The core (softphone.js, the chunks it imports statically, the
// CSS) loads for every agent; the rest (the SIP stack, imported dynamically) only for agents on
// that connector, so the two have separate budgets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { informational, judged } from './report-table.mjs';

export const CORE_BUDGET_BYTES = 35 * 1024;
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

/** Rows for the core and the lazily loaded SIP chunk of `directory` (the static resource). */
export function measureBundleSize(directory) {
    const missing = [ENTRY, STYLESHEET].filter((name) => !existsSync(join(directory, name)));
    if (missing.length > 0) {
        throw new Error(`${missing.join(', ')} not built in ${directory}`);
    }
    const core = staticClosure(directory, ENTRY);
    const lazy = scriptsUnder(directory).filter((file) => !core.has(file));
    const coreFiles = [...core, STYLESHEET];
    return [
        sizeRow(
            `Core static resource (${coreFiles.length === 2 ? 'softphone.js + .css' : `${coreFiles.length - 1} .js + .css`}), gzip`,
            sizeOf(directory, coreFiles),
            CORE_BUDGET_BYTES
        ),
        lazy.length > 0
            ? sizeRow(
                  `SIP chunk (${lazy.length} lazy .js), gzip`,
                  sizeOf(directory, lazy),
                  SIP_CHUNK_BUDGET_BYTES
              )
            : {
                  ...informational('SIP chunk, gzip', 'not built yet'),
                  budget: `≤ ${formatKb(SIP_CHUNK_BUDGET_BYTES)}`,
                  result: 'n/a'
              }
    ];
}
