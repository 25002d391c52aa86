import { parseBridgeConfig } from './bridge-config';

const env = {
    LISTENER_SECRET: 'phone-system-secret-0123456789',
    LISTENER_AGENT_TOKENS: 'agent1:tok-agent1-0123456789abcdef, agent2:tok-agent2-0123456789abcdef'
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
        expect(result.config.tokens.verify('agent1', 'tok-agent1-0123456789abcdef')).toBe(true);
        expect(result.config.tokens.verify('agent1', 'tok-agent2-0123456789abcdef')).toBe(false);
        expect(result.config.tokens.verify('agent9', 'tok-agent1-0123456789abcdef')).toBe(false);
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
                LISTENER_AGENT_TOKENS:
                    'agent1:tok-agent1-0123456789abcdef,agent1:tok-other-0123456789abcdef',
                LISTENER_REQUIRE_SIGNATURE: 'maybe'
            }
        );
        expect(errors).toEqual([
            '--secret is not accepted: put secrets in LISTENER_SECRET and LISTENER_AGENT_TOKENS (command lines are visible to other users)',
            'unknown option "--nope" (see --help)',
            '--log-level needs a value',
            'LISTENER_PORT (--port) must be a port number from 0 to 65535',
            'LISTENER_SECRET must be at least 16 characters, without spaces',
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
        ['agent one:tok-agent1-0123456789abcdef', /entry 1 must be <agent id>:<token>/],
        ['agent1', /entry 1 must be <agent id>:<token>/],
        ['agent1:short', /entry 1 \(agent agent1\): the token must be 16-256/],
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
});
