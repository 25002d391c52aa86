import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fakeUserId, sldsStylesheetPath } from '../shared/console-constants';
import {
    applySettingOverrides,
    callCenterSettingsFromXml,
    setupValuesFromQuery
} from './call-center-settings';
import { consoleCss, consolePageHtml } from './console-page';
import { contentTypeOf } from './content-types';
import { readMetadataSchema } from './metadata-schema';
import { ParsedFileCache } from './parsed-file-cache';
import { isRealPathInside, resolveSafePath } from './safe-path';
import {
    englishLabelsFromXml,
    translatedLabelsFromXml,
    translationFileNames,
    userLanguageFromQuery
} from './user-language';
import { renderVisualforcePage } from './visualforce-page';

export interface LocalConsoleServerOptions {
    /** The repository root (data/, force-app/, node_modules/). */
    readonly rootDir: string;
    /** The built browser files: console.js and opencti_min.js. */
    readonly publicDir: string;
    /** `<Name>.page` files served as `/apex/<Name>`; default force-app/main/default/pages. */
    readonly pagesDir?: string;
    /** One folder per static resource; default force-app/main/default/staticresources. */
    readonly staticResourcesDir?: string;
    /**
     * Static resource URLs carry a version (`/resource/<version>/<name>/…`, as URLFOR renders them
     * in an org) and replies to versioned URLs may be cached for a year, so a reload starts warm.
     * UNCONFIRMED: the exact Cache-Control an org sends for /resource/<timestamp>/ URLs; the
     * versioned URL is documented: https://developer.salesforce.com/docs/atlas.en-us.pages.meta/pages/pages_resources_reference.htm
     * Default: no version and nothing cached (every load is cold, and a rebuild shows at once).
     */
    readonly cacheStaticResources?: boolean;
    /** Where server-side notes go (stderr in main.ts). */
    readonly log?: (line: string) => void;
}

export const callCenterName = 'OpenCtiSoftphone';

const consoleCsp = [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self'",
    "frame-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'"
].join('; ');

interface Reply {
    readonly status: number;
    readonly type: string;
    readonly body: string | Buffer;
    readonly headers?: Readonly<Record<string, string>>;
}

function textReply(status: number, message: string): Reply {
    return { status, type: 'text/plain; charset=utf-8', body: `${message}\n` };
}

function jsonReply(value: unknown, headers?: Record<string, string>): Reply {
    return {
        status: 200,
        type: 'application/json; charset=utf-8',
        body: `${JSON.stringify(value, null, 2)}\n`,
        ...(headers ? { headers } : {})
    };
}

function escapeHtml(value: string): string {
    return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** An HTML page for the softphone iframe that says what is missing and how to get it. */
function missingPageReply(title: string, detail: string): Reply {
    const body = [
        '<!DOCTYPE html>',
        '<html lang="en"><head><meta charset="utf-8" />',
        `<title>${escapeHtml(title)}</title>`,
        `<link rel="stylesheet" href="${sldsStylesheetPath}" /></head>`,
        '<body class="slds-scope slds-p-around_medium">',
        `<div class="slds-notify slds-notify_alert slds-alert_warning" role="alert"><h2>${escapeHtml(title)}</h2></div>`,
        `<p class="slds-p-top_small">${escapeHtml(detail)}</p>`,
        '</body></html>',
        ''
    ].join('\n');
    return { status: 404, type: 'text/html; charset=utf-8', body };
}

/** The request handler of the local console (see README.md for the routes). */
export class LocalConsoleRoutes {
    private readonly metadataDir: string;
    private readonly pagesDir: string;
    private readonly staticResourcesDir: string;
    private readonly sldsDir: string;
    private readonly dataDir: string;
    private readonly reported = new Set<string>();
    private readonly parsed = new ParsedFileCache();
    /** The version in static resource URLs (cacheStaticResources): when this server started. */
    private readonly resourceVersion = String(Date.now());

    constructor(private readonly options: LocalConsoleServerOptions) {
        this.metadataDir = join(options.rootDir, 'force-app/main/default');
        this.pagesDir = options.pagesDir ?? join(this.metadataDir, 'pages');
        this.staticResourcesDir =
            options.staticResourcesDir ?? join(this.metadataDir, 'staticresources');
        this.sldsDir = join(options.rootDir, 'node_modules/@salesforce-ux/design-system/assets');
        this.dataDir = join(options.rootDir, 'data');
    }

    async reply(pathname: string, query: URLSearchParams): Promise<Reply> {
        if (pathname === '/') {
            return {
                status: 200,
                type: 'text/html; charset=utf-8',
                body: consolePageHtml,
                headers: { 'Content-Security-Policy': consoleCsp }
            };
        }
        if (pathname === '/console.css') {
            return { status: 200, type: 'text/css; charset=utf-8', body: consoleCss };
        }
        if (pathname === '/console.js' || pathname === '/console.js.map') {
            return this.file(
                this.options.publicDir,
                pathname.slice(1),
                'Run `node scripts/build.mjs console` first.'
            );
        }
        const openCti =
            /^\/support\/api\/\d{2,3}\.0\/lightning\/opencti(?:_min)?\.js(\.map)?$/.exec(pathname);
        if (openCti) {
            return this.file(
                this.options.publicDir,
                `opencti_min.js${openCti[1] ?? ''}`,
                'Run `node scripts/build.mjs console` first.'
            );
        }
        if (pathname === '/call-center-settings.json') {
            return this.callCenterSettings(query);
        }
        if (pathname === '/metadata-schema.json') {
            return jsonReply(readMetadataSchema(this.metadataDir));
        }
        if (pathname === '/favicon.ico') {
            return { status: 204, type: 'image/x-icon', body: '' };
        }
        const assets = /^\/assets\/(.+)$/.exec(pathname);
        if (assets?.[1]) {
            return this.file(this.sldsDir, assets[1]);
        }
        const data = /^\/data\/([^/]+\.json)$/.exec(pathname);
        if (data?.[1]) {
            return this.file(this.dataDir, data[1]);
        }
        const resource = /^\/resource\/(\d+\/)?([A-Za-z][A-Za-z0-9_]*)\/(.+)$/.exec(pathname);
        if (resource?.[2] && resource[3]) {
            const reply = await this.file(
                join(this.staticResourcesDir, resource[2]),
                resource[3],
                'The static resource is built from src/softphone: run `npm run build`.'
            );
            const cacheable =
                this.options.cacheStaticResources === true &&
                resource[1] !== undefined &&
                reply.status === 200;
            return cacheable
                ? {
                      ...reply,
                      headers: {
                          ...reply.headers,
                          'Cache-Control': 'public, max-age=31536000, immutable'
                      }
                  }
                : reply;
        }
        const page = /^\/apex\/([A-Za-z][A-Za-z0-9_]{0,79})$/.exec(pathname);
        if (page?.[1]) {
            return this.visualforcePage(page[1], query);
        }
        return textReply(404, `Not found: ${pathname}`);
    }

    private async file(root: string, encodedPath: string, hint?: string): Promise<Reply> {
        const file = resolveSafePath(root, encodedPath);
        if (file === undefined) {
            return textReply(400, 'Bad path');
        }
        try {
            if (!(await stat(file)).isFile() || !isRealPathInside(root, file)) {
                return textReply(404, 'Not found');
            }
        } catch {
            return textReply(404, hint ? `Not found. ${hint}` : 'Not found');
        }
        return { status: 200, type: contentTypeOf(file), body: await readFile(file) };
    }

    private async callCenterSettings(query: URLSearchParams): Promise<Reply> {
        const file = join(this.metadataDir, 'callCenters', `${callCenterName}.callCenter-meta.xml`);
        let settings: Record<string, string> | undefined;
        try {
            settings = await this.parsed.read('callCenter', file, (xml) =>
                callCenterSettingsFromXml(xml, callCenterName)
            );
        } catch (error) {
            return textReply(500, `${file}: ${(error as Error).message}`);
        }
        if (settings === undefined) {
            return { ...textReply(404, `No call center definition at ${file}`) };
        }
        const result = applySettingOverrides(settings, query);
        for (const name of result.ignored) {
            this.note(`ignored the query parameter ${name}: use setting.<section>.<item>=<value>`);
        }
        return jsonReply(result.settings);
    }

    private async visualforcePage(name: string, query: URLSearchParams): Promise<Reply> {
        const file = join(this.pagesDir, `${name}.page`);
        let source: string;
        try {
            source = await readFile(file, 'utf8');
        } catch {
            return missingPageReply(
                `The Visualforce page ${name} does not exist yet`,
                `The local console serves /apex/${name} from ${file}, rendered like Salesforce would render it. Create that page (the softphone host page), then reload the softphone.`
            );
        }
        const setup = setupValuesFromQuery(query);
        for (const ignored of setup.ignored) {
            this.note(`ignored the query parameter ${ignored}: use setup.<Object>.<Field>=<value>`);
        }
        const user = userLanguageFromQuery(query);
        for (const ignored of user.ignored) {
            this.note(
                `ignored ${ignored}: use lang=<language> and locale=<locale>, e.g. lang=ja&locale=ja-JP`
            );
        }
        const labels = await this.customLabels(user.language);
        const rendered = renderVisualforcePage(source, {
            userId: fakeUserId,
            userLanguage: user,
            labelValue: (labelName) => labels.get(labelName),
            // Field names are case-insensitive in Visualforce, as in Apex.
            setupValue: (objectName, fieldName) =>
                setup.values.get(`${objectName}.${fieldName}`.toLowerCase()) ?? '',
            sldsStylesheetUrl: sldsStylesheetPath,
            resourceUrl: (resourceName, path) => {
                const base =
                    this.options.cacheStaticResources === true
                        ? `/resource/${this.resourceVersion}/${resourceName}`
                        : `/resource/${resourceName}`;
                return path === undefined ? base : `${base}/${path.replace(/^\/+/, '')}`;
            }
        });
        for (const warning of rendered.warnings) {
            this.note(`/apex/${name}: ${warning}`);
        }
        return {
            status: 200,
            type: 'text/html; charset=utf-8',
            body: rendered.html,
            headers: { 'Content-Security-Policy': "frame-ancestors 'self'" }
        };
    }

    /** The custom labels in a language: its Translations over English, as Visualforce renders them. */
    private async customLabels(language: string): Promise<ReadonlyMap<string, string>> {
        // Parsed once per version of each file (see ParsedFileCache); copied before the merge.
        const english = await this.parsed.read(
            'labels',
            join(this.metadataDir, 'labels/CustomLabels.labels-meta.xml'),
            englishLabelsFromXml
        );
        const labels = new Map(english);
        for (const fileName of translationFileNames(language)) {
            const translated = await this.parsed.read(
                'translation',
                join(this.metadataDir, 'translations', fileName),
                translatedLabelsFromXml
            );
            if (translated !== undefined) {
                for (const [name, text] of translated) {
                    if (labels.has(name)) {
                        labels.set(name, text);
                    }
                }
                return labels;
            }
        }
        if (!language.startsWith('en')) {
            this.note(
                `no translations for ${language} (force-app/main/default/translations): English labels`
            );
        }
        return labels;
    }

    private note(line: string): void {
        if (!this.reported.has(line)) {
            this.reported.add(line);
            this.options.log?.(line);
        }
    }
}

function isLocalHost(host: string | undefined, port: number): boolean {
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * Creates the HTTP server. Only GET and HEAD are answered, only for a Host header naming this
 * loopback address (no DNS rebinding), and nothing is cached.
 */
export function createLocalConsoleServer(options: LocalConsoleServerOptions): Server {
    const routes = new LocalConsoleRoutes(options);
    const server = createServer((request, response) => {
        void handle(server, routes, request, response, options);
    });
    return server;
}

async function handle(
    server: Server,
    routes: LocalConsoleRoutes,
    request: IncomingMessage,
    response: ServerResponse,
    options: LocalConsoleServerOptions
): Promise<void> {
    let reply: Reply;
    const port = (server.address() as AddressInfo | null)?.port ?? 0;
    try {
        if (request.method !== 'GET' && request.method !== 'HEAD') {
            reply = { ...textReply(405, 'Method not allowed'), headers: { Allow: 'GET, HEAD' } };
        } else if (!isLocalHost(request.headers.host, port)) {
            reply = textReply(
                403,
                'The local console answers only requests to 127.0.0.1 or localhost'
            );
        } else {
            const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
            reply = await routes.reply(url.pathname, url.searchParams);
        }
    } catch (error) {
        options.log?.(
            `error serving ${request.url ?? ''}: ${(error as Error).stack ?? String(error)}`
        );
        reply = textReply(500, 'Internal error (see the server output)');
    }
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
    response.writeHead(reply.status, {
        'Content-Type': reply.type,
        'Content-Length': String(body.length),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'same-origin',
        ...reply.headers
    });
    response.end(request.method === 'HEAD' ? undefined : body);
}

export interface RunningServer {
    readonly server: Server;
    readonly url: string;
    close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 (port 0 picks a free one) and resolves with its URL. */
export function startLocalConsoleServer(
    options: LocalConsoleServerOptions & { readonly port: number }
): Promise<RunningServer> {
    const server = createLocalConsoleServer(options);
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, '127.0.0.1', () => {
            server.off('error', reject);
            const { port } = server.address() as AddressInfo;
            resolve({
                server,
                url: `http://127.0.0.1:${port}/`,
                close: () =>
                    new Promise<void>((done, fail) => {
                        server.close((error) => (error ? fail(error) : done()));
                        server.closeAllConnections();
                    })
            });
        });
    });
}
