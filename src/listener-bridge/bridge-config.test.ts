import type { BridgeConfig } from './bridge-config';
import { parseBridgeConfig, startupWarnings } from './bridge-config';

const token1 = 'tok-agent1-0123456789abcdef-XYZuvw';
const token2 = 'tok-agent2-0123456789abcdef-XYZuvw';
const env = {
    LISTENER_SECRET: 'Phone-System-Secret-0123456789-abcdef',
    LISTENER_AGENT_TOKENS: `agent1:${token1}, agent2:${token2}`
};

function errorsOf(argv: string[], environment: Record<string, string | undefined>): string[] {
    const result = parseBridgeConfig(argv, environment);
    if (result.kind !== 'error') {
        throw new Error(`expected errors, got ${result.kind}`);
    }
    return result.errors;
}

describe('parseBridgeConfig', () => {
    it('defaults to 127.0.0.1:8788, Bearer or signed events, no callback', () => {
        const result = parseBridgeConfig([], env);
        expect(result.kind).toBe('run');
        if (result.kind !== 'run') {
            return;
        }
        expect(result.config).toMatchObject({
            host: '127.0.0.1',
            port: 8788,
            requireSignature: false,
            logLevel: 'info'
        });
        expect(result.config.callbackUrl).toBeUndefined();
        expect(result.config.tokens.agents).toEqual(['agent1', 'agent2']);
        expect(result.config.tokens.verify('agent1', token1)).toBe(true);
        expect(result.config.tokens.verify('agent1', token2)).toBe(false);
        expect(result.config.tokens.verify('agent9', token1)).toBe(false);
    });

    it('reads flags over the environment', () => {
        const result = parseBridgeConfig(
            [
                '--host',
                '0.0.0.0',
                '--port=9000',
                '--require-signature',
                '--callback-url',
                'https://pbx.example.com/cti/actions',
                '--allowed-origins',
                'https://acme--c.vf.force.com, http://127.0.0.1:5173',
                '--log-level',
                'WARN'
            ],
            { ...env, LISTENER_HOST: '10.0.0.1', LISTENER_PORT: '1' }
        );
        expect(result).toMatchObject({
            kind: 'run',
            config: {
                host: '0.0.0.0',
                port: 9000,
                requireSignature: true,
                allowedOrigins: ['https://acme--c.vf.force.com', 'http://127.0.0.1:5173'],
                logLevel: 'warn'
            }
        });
        expect(result.kind === 'run' && result.config.callbackUrl?.href).toBe(
            'https://pbx.example.com/cti/actions'
        );
    });

    it('answers --help and --generate-token before anything else', () => {
        expect(parseBridgeConfig(['--port', 'x', '--help'], {})).toEqual({ kind: 'help' });
        expect(parseBridgeConfig(['--generate-token'], {})).toEqual({ kind: 'generate-token' });
    });

    it('collects every error, without repeating secrets', () => {
        const errors = errorsOf(
            [
                '--secret=abc',
                '--port',
                '70000',
                '--callback-url',
                'ftp://pbx',
                '--tls-cert',
                'cert.pem',
                '--allowed-origins',
                'https://acme.example.com/path',
                '--nope',
                '--log-level'
            ],
            {
                LISTENER_SECRET: 'has a space in it',
                LISTENER_AGENT_TOKENS: `agent1:${token1},agent1:${token2}`,
                LISTENER_REQUIRE_SIGNATURE: 'maybe'
            }
        );
        expect(errors).toEqual([
            '--secret is not accepted: put secrets in LISTENER_SECRET and LISTENER_AGENT_TOKENS (command lines are visible to other users)',
            'unknown option "--nope" (see --help)',
            '--log-level needs a value',
            'LISTENER_PORT (--port) must be a port number from 0 to 65535',
            'LISTENER_SECRET is too weak: it must be visible ASCII characters, without spaces (--generate-token makes a strong one)',
            'LISTENER_AGENT_TOKENS entry 2: agent agent1 is listed twice',
            'LISTENER_CALLBACK_URL (--callback-url) must use https:// (http:// only for localhost)',
            'LISTENER_REQUIRE_SIGNATURE must be true or false',
            'LISTENER_ALLOWED_ORIGINS (--allowed-origins): "https://acme.example.com/path" is not an origin such as https://acme--c.vf.force.com',
            'LISTENER_TLS_CERT (--tls-cert) and LISTENER_TLS_KEY (--tls-key) go together'
        ]);
        expect(errors.join('\n')).not.toContain('tok-');
    });

    it.each([
        ['', /LISTENER_AGENT_TOKENS is empty/],
        [`agent one:${token1}`, /entry 1 must be <agent id>:<token>/],
        ['agent1', /entry 1 must be <agent id>:<token>/],
        [
            'agent1:short',
            /entry 1 \(agent agent1\): the token is too weak: it must be 32-256 characters long \(it has 5\)/
        ],
        [
            `agent1:${token1},agent2:${'a'.repeat(40)}`,
            /entry 2 \(agent agent2\): the token is too weak: it must mix at least two kinds/
        ],
        ['agent1:tok,with-comma-0123456789', /entry 1 \(agent agent1\)/]
    ])('refuses the token list %p', (tokens, message) => {
        expect(errorsOf([], { ...env, LISTENER_AGENT_TOKENS: tokens }).join('\n')).toMatch(message);
    });

    it('takes an http callback URL on the local computer only, without credentials', () => {
        expect(
            parseBridgeConfig([], { ...env, LISTENER_CALLBACK_URL: 'http://127.0.0.1:9000/a' }).kind
        ).toBe('run');
        expect(
            errorsOf([], { ...env, LISTENER_CALLBACK_URL: 'https://u:p@pbx.example.com/a' })
        ).toEqual([
            'LISTENER_CALLBACK_URL (--callback-url) must not hold a user or password: requests are signed with LISTENER_SECRET'
        ]);
        expect(errorsOf([], { ...env, LISTENER_CALLBACK_URL: 'not a url' })[0]).toMatch(
            /must be a URL such as/
        );
    });

    it.each([
        ['', /LISTENER_SECRET is not set/],
        ['Short-Secret-1', /it must be 32-256 characters long \(it has 14\)/],
        ['x'.repeat(257), /it must be 32-256 characters long \(it has 257\)/],
        ['abcdefghijklmnopqrstuvwxyzabcdefgh', /it must mix at least two kinds of characters/],
        ['0123456789012345678901234567890123', /it must mix at least two kinds of characters/],
        ['abababababababababababababab1212121', /it must have at least 10 different characters/],
        ['pässwörd-with-umlauts-0123456789xyz', /it must be visible ASCII characters/]
    ])('refuses the secret %p, saying why and naming the setting', (secret, message) => {
        const errors = errorsOf([], { ...env, LISTENER_SECRET: secret });
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatch(/^LISTENER_SECRET /);
        expect(errors[0]).toMatch(message);
        if (secret !== '') {
            expect(errors[0]).not.toContain(secret);
        }
    });

    it.each([
        ['hex (openssl rand -hex 16)', '3f9c1a7be2d04c58a61f0e9d7b3c2a14'],
        ['base64url (--generate-token)', 'pZ0wq3Hc9vN-2Lk_7YbT4xRfGm1sEdJaU8oKiWnQy6c'],
        ['base64 (openssl rand -base64 32)', 'q8V2m+Yc1/Lr0Hn5tW9xZk3Jp7Fb4Ds6Ge8Au2Qi0Mo=']
    ])('takes a random %s secret', (_kind, secret) => {
        expect(parseBridgeConfig([], { ...env, LISTENER_SECRET: secret }).kind).toBe('run');
    });

    it('warns when it listens beyond this computer without TLS or an Origin allow-list', () => {
        const config = (overrides: Partial<BridgeConfig>): BridgeConfig => {
            const result = parseBridgeConfig([], env);
            if (result.kind !== 'run') {
                throw new Error('the test configuration does not run');
            }
            return { ...result.config, ...overrides };
        };
        expect(startupWarnings(config({}))).toEqual([]);
        expect(startupWarnings(config({ host: '::1' }))).toEqual([]);
        expect(startupWarnings(config({ host: 'localhost' }))).toEqual([]);
        const open = startupWarnings(config({ host: '0.0.0.0' }));
        expect(open).toHaveLength(2);
        expect(open[0]).toMatch(/^Listening on 0\.0\.0\.0 without TLS/);
        expect(open[1]).toMatch(/^Listening on 0\.0\.0\.0 without an Origin allow-list/);
        expect(
            startupWarnings(
                config({
                    host: '10.0.0.5',
                    tls: { certFile: 'c.pem', keyFile: 'k.pem' },
                    allowedOrigins: ['https://acme--c.vf.force.com']
                })
            )
        ).toEqual([]);
        expect(
            startupWarnings(config({ host: '10.0.0.5', allowedOrigins: ['https://a.example'] }))
        ).toEqual([expect.stringMatching(/without TLS/)]);
    });
});
