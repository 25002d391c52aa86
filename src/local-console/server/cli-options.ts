/** Options of `node dist/local-console/server.mjs` (also read by `npm start`). */
export interface CliOptions {
    /** 0 picks a free port. */
    readonly port: number;
    /** Folder holding `<Name>.page` files served as `/apex/<Name>`. */
    readonly pagesDir?: string;
    /** Folder holding one folder per static resource, served as `/resource/<name>/…`. */
    readonly staticResourcesDir?: string;
    /** Serve static resources as Salesforce does: versioned URLs the browser may cache. */
    readonly cacheStaticResources?: boolean;
}

export type CliParseResult =
    | { readonly ok: true; readonly options: CliOptions }
    | { readonly ok: false; readonly message: string };

export const defaultPort = 5173;

export const usage = [
    'Usage: node dist/local-console/server.mjs [--port <n>] [--pages-dir <dir>] [--static-resources-dir <dir>] [--cache-static-resources]',
    '  --port <n>                  port on 127.0.0.1 (default PORT or 5173; 0 picks a free port)',
    '  --pages-dir <dir>           Visualforce pages served as /apex/<Name> (default force-app/main/default/pages)',
    '  --static-resources-dir <dir> static resources served as /resource/<name>/ (default force-app/main/default/staticresources)',
    '  --cache-static-resources    versioned static resource URLs the browser caches, as an org serves them (default: nothing cached)'
].join('\n');

function parsePort(value: string | undefined, source: string): number | string {
    if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) > 65535) {
        return `${source} must be a port number from 0 to 65535 (got ${JSON.stringify(value ?? '')})`;
    }
    return Number(value);
}

export function parseCliOptions(
    argv: readonly string[],
    env: Readonly<Record<string, string | undefined>>
): CliParseResult {
    let port: number | string = env['PORT'] ? parsePort(env['PORT'], 'PORT') : defaultPort;
    let pagesDir: string | undefined;
    let staticResourcesDir: string | undefined;
    let cacheStaticResources = false;
    for (let index = 0; index < argv.length; index += 1) {
        const arg = argv[index] ?? '';
        const [name, inlineValue] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
        const value = () => {
            if (inlineValue !== undefined) {
                return inlineValue;
            }
            index += 1;
            return argv[index];
        };
        if (name === '--port') {
            port = parsePort(value(), '--port');
        } else if (name === '--pages-dir') {
            pagesDir = value();
        } else if (name === '--static-resources-dir') {
            staticResourcesDir = value();
        } else if (name === '--cache-static-resources' && inlineValue === undefined) {
            cacheStaticResources = true;
        } else if (name === '--help' || name === '-h') {
            return { ok: false, message: usage };
        } else {
            return { ok: false, message: `Unknown option ${arg}\n${usage}` };
        }
        if (
            (name === '--pages-dir' && !pagesDir) ||
            (name === '--static-resources-dir' && !staticResourcesDir)
        ) {
            return { ok: false, message: `${name} needs a folder\n${usage}` };
        }
    }
    if (typeof port === 'string') {
        return { ok: false, message: port };
    }
    return {
        ok: true,
        options: {
            port,
            ...(pagesDir ? { pagesDir } : {}),
            ...(staticResourcesDir ? { staticResourcesDir } : {}),
            ...(cacheStaticResources ? { cacheStaticResources } : {})
        }
    };
}
