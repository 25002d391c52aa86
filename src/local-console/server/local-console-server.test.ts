import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startLocalConsoleServer } from './local-console-server';

interface RawResponse {
    readonly status: number;
    readonly headers: Record<string, string | string[] | undefined>;
    readonly body: string;
}

/** A raw GET: fetch() would normalise the `..` segments these tests need to send. */
function get(base: string, path: string, init: { method?: string; host?: string } = {}) {
    const url = new URL(base);
    return new Promise<RawResponse>((resolve, reject) => {
        const req = request(
            {
                host: url.hostname,
                port: url.port,
                path,
                method: init.method ?? 'GET',
                headers: init.host ? { host: init.host } : {}
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (chunk: Buffer) => chunks.push(chunk));
                res.on('end', () =>
                    resolve({
                        status: res.statusCode ?? 0,
                        headers: res.headers,
                        body: Buffer.concat(chunks).toString('utf8')
                    })
                );
            }
        );
        req.on('error', reject);
        req.end();
    });
}

describe('local console server', () => {
    const rootDir = join(__dirname, '../../..');
    let temp: string;
    let running: RunningServer;
    const notes: string[] = [];

    beforeAll(async () => {
        temp = mkdtempSync(join(tmpdir(), 'local-console-'));
        mkdirSync(join(temp, 'public'));
        mkdirSync(join(temp, 'pages'));
        mkdirSync(join(temp, 'staticresources/softphone'), { recursive: true });
        writeFileSync(join(temp, 'public/console.js'), '// console');
        writeFileSync(join(temp, 'public/opencti_min.js'), '// shim');
        writeFileSync(join(temp, 'staticresources/softphone/softphone.js'), '// adapter');
        writeFileSync(
            join(temp, 'pages/Softphone.page'),
            '<apex:page showHeader="false"><apex:slds /><script src="{!URLFOR($Resource.softphone, \'softphone.js\')}"></script><i>{!$User.Id}</i>{!$Label.c.X}<b><apex:outputText value="{!$Setup.Softphone_Settings__c.Default_Country__c}" /></b></apex:page>'
        );
        running = await startLocalConsoleServer({
            rootDir,
            publicDir: join(temp, 'public'),
            pagesDir: join(temp, 'pages'),
            staticResourcesDir: join(temp, 'staticresources'),
            port: 0,
            log: (line) => notes.push(line)
        });
    });

    afterAll(async () => {
        await running.close();
        rmSync(temp, { recursive: true, force: true });
    });

    it('listens on 127.0.0.1 on a free port', () => {
        expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    });

    it('serves the console page with SLDS, no caching and a strict CSP', async () => {
        const res = await get(running.url, '/');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
        expect(res.body).toContain('Local console — plays Salesforce for the softphone');
        expect(res.body).toContain('/assets/styles/salesforce-lightning-design-system.min.css');
        expect(res.body).toContain('<script src="/console.js" defer></script>');
    });

    it.each([
        ['/console.js', 'text/javascript; charset=utf-8', '// console'],
        ['/support/api/67.0/lightning/opencti_min.js', 'text/javascript; charset=utf-8', '// shim'],
        ['/resource/softphone/softphone.js', 'text/javascript; charset=utf-8', '// adapter'],
        [
            '/resource/1700000000000/softphone/softphone.js',
            'text/javascript; charset=utf-8',
            '// adapter'
        ],
        ['/data/Account.json', 'application/json; charset=utf-8', 'AccountRef1'],
        ['/data/sample-data-plan.json', 'application/json; charset=utf-8', 'saveRefs'],
        [
            '/assets/styles/salesforce-lightning-design-system.min.css',
            'text/css; charset=utf-8',
            '.slds-'
        ],
        ['/assets/icons/utility-sprite/svg/symbols.svg', 'image/svg+xml', '<svg']
    ])('serves %s as %s', async (path, type, content) => {
        const res = await get(running.url, path);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe(type);
        expect(res.body).toContain(content);
    });

    it('renders the Visualforce page and reports what it left as is', async () => {
        const res = await get(running.url, '/apex/Softphone');
        expect(res.status).toBe(200);
        expect(res.body).toContain('<script src="/resource/softphone/softphone.js"></script>');
        expect(res.body).toContain('<i>005000000000001AAA</i>');
        expect(res.body).toContain('salesforce-lightning-design-system.min.css');
        expect(res.body).not.toContain('apex:page');
        expect(notes).toContain(
            '/apex/Softphone: merge field not supported by the local console, left as is: {!$Label.c.X}'
        );
    });

    it('renders $Setup values from setup.<Object>.<Field> query parameters, escaped', async () => {
        const res = await get(
            running.url,
            '/apex/Softphone?setup.softphone_settings__c.default_country__c=%3CFR%3E&setup.bad=1'
        );
        expect(res.body).toContain('<b>&lt;FR&gt;</b>');
        expect(notes).toContain(
            'ignored the query parameter setup.bad: use setup.<Object>.<Field>=<value>'
        );
        expect((await get(running.url, '/apex/Softphone')).body).toContain('<b></b>');
    });

    it('answers a missing Visualforce page with a 404 page that says what to do', async () => {
        const res = await get(running.url, '/apex/NoSuchPage');
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.body).toContain('The Visualforce page NoSuchPage does not exist yet');
    });

    it('serves the call center settings with overrides from the query', async () => {
        const res = await get(
            running.url,
            '/call-center-settings.json?setting.connector.connectorType=sip&setting.connector.sipDomain=pbx.example.com'
        );
        expect(res.status).toBe(200);
        const settings = JSON.parse(res.body) as Record<string, string>;
        expect(settings['/reqGeneralInfo/reqAdapterUrl']).toBe('/apex/Softphone');
        expect(settings['/connector/connectorType']).toBe('sip');
        expect(settings['/connector/sipDomain']).toBe('pbx.example.com');
    });

    it('serves the metadata schema', async () => {
        const res = await get(running.url, '/metadata-schema.json');
        const schema = JSON.parse(res.body) as { messageChannels: string[] };
        expect(schema.messageChannels).toContain('Softphone_Message__c');
    });

    it.each([
        '/data/..%2Fpackage.json',
        '/data/%2e%2e%2fpackage.json',
        '/assets/../../../../package.json',
        '/assets/..%2F..%2F..%2F..%2Fpackage.json',
        '/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json',
        '/resource/softphone/..%2F..%2F..%2Fpackage.json',
        '/resource/softphone/%2e%2e%5c%2e%2e%5cpackage.json',
        '/apex/..%2F..%2Fpackage',
        '/data/.hidden.json',
        '/support/api/67.0/lightning/../../../../../package.json'
    ])('does not leave its folders for %s', async (path) => {
        const res = await get(running.url, path);
        expect([400, 404]).toContain(res.status);
        expect(res.body).not.toContain('"devDependencies"');
    });

    it('serves only .json files from data/', async () => {
        expect((await get(running.url, '/data/README.md')).status).toBe(404);
    });

    it('answers only GET and HEAD', async () => {
        const res = await get(running.url, '/', { method: 'POST' });
        expect(res.status).toBe(405);
        expect(res.headers['allow']).toBe('GET, HEAD');
        const head = await get(running.url, '/data/Account.json', { method: 'HEAD' });
        expect(head.status).toBe(200);
        expect(head.body).toBe('');
    });

    it('refuses a Host header that is not this loopback address', async () => {
        const res = await get(running.url, '/', { host: 'attacker.example:80' });
        expect(res.status).toBe(403);
    });

    it('says when the browser bundle has not been built', async () => {
        const res = await get(running.url, '/console.js.map');
        expect(res.status).toBe(404);
        expect(res.body).toContain('node scripts/build.mjs console');
    });

    describe('with cacheStaticResources (a warm start, as an org serves static resources)', () => {
        let caching: RunningServer;

        beforeAll(async () => {
            caching = await startLocalConsoleServer({
                rootDir,
                publicDir: join(temp, 'public'),
                pagesDir: join(temp, 'pages'),
                staticResourcesDir: join(temp, 'staticresources'),
                cacheStaticResources: true,
                port: 0
            });
        });

        afterAll(async () => caching.close());

        it('renders versioned static resource URLs and lets the browser cache them', async () => {
            const page = await get(caching.url, '/apex/Softphone');
            const src = /src="(\/resource\/\d+\/softphone\/softphone\.js)"/.exec(page.body)?.[1];
            expect(src).toBeDefined();
            expect(page.headers['cache-control']).toBe('no-store');
            const script = await get(caching.url, src ?? '');
            expect(script.status).toBe(200);
            expect(script.body).toBe('// adapter');
            expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        });

        it('caches neither unversioned URLs nor missing files', async () => {
            const plain = await get(caching.url, '/resource/softphone/softphone.js');
            expect(plain.headers['cache-control']).toBe('no-store');
            const missing = await get(caching.url, '/resource/1700000000000/softphone/none.js');
            expect(missing.status).toBe(404);
            expect(missing.headers['cache-control']).toBe('no-store');
        });
    });
});
