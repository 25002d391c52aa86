import { AgentTokens } from './agent-tokens';
import type { BridgeLogLevel } from './bridge-logger';
import { secretWeakness } from './secret-strength';
import { isLoopbackHost } from './source-address';

export interface BridgeConfig {
    readonly host: string;
    /** 0 picks a free port. */
    readonly port: number;
    readonly secret: string;
    readonly tokens: AgentTokens;
    /** Where agent actions go; without it, calls are controlled on the agents' phones. */
    readonly callbackUrl?: URL;
    /** Accept only HMAC-signed requests (no Authorization: Bearer). */
    readonly requireSignature: boolean;
    /** Origins of the pages allowed to open the softphone WebSocket; any when absent. */
    readonly allowedOrigins?: readonly string[];
    /** Serve https and wss with this certificate and key (PEM files). */
    readonly tls?: { readonly certFile: string; readonly keyFile: string };
    readonly logLevel: BridgeLogLevel | 'silent';
}

export type ConfigResult =
    | { kind: 'run'; config: BridgeConfig }
    | { kind: 'help' }
    | { kind: 'generate-token' }
    | { kind: 'error'; errors: string[] };

export const defaultListenerPort = 8788;

export const bridgeUsage = `Usage: npm run listener -- [options]   (or: node dist/listener-bridge/listener.mjs [options])

The generic listener bridge: phone systems send call events to http://HOST:PORT/event
(GET or POST with ani, dnis, callid, type, agent and extra pairs); agents' softphones
connect to ws://HOST:PORT/softphone and sign in with their token. See docs/admin-guide.md.

Options (each also read from the environment variable in brackets):
  --host <address>           listen address [LISTENER_HOST] (default 127.0.0.1)
  --port <n>                 port, 0 for any free one [LISTENER_PORT] (default ${defaultListenerPort})
  --callback-url <url>       send agents' actions to this https URL [LISTENER_CALLBACK_URL]
  --require-signature        accept only HMAC-signed events [LISTENER_REQUIRE_SIGNATURE=true]
  --allowed-origins <list>   comma-separated origins allowed to connect softphones,
                             e.g. https://acme--c.vf.force.com [LISTENER_ALLOWED_ORIGINS]
  --tls-cert <file>          serve https/wss with this PEM certificate [LISTENER_TLS_CERT]
  --tls-key <file>           and this PEM private key [LISTENER_TLS_KEY]
  --log-level <level>        debug, info, warn, error or silent [LISTENER_LOG_LEVEL] (default info)
  --generate-token           print a new random token or secret and exit
  --help                     print this help and exit

Secrets come from the environment only (command lines are visible to other users):
  LISTENER_SECRET            the phone system's shared secret (required)
  LISTENER_AGENT_TOKENS      agent1:token1,agent2:token2 (required)
  The secret and each token: 32-256 visible characters without spaces (tokens: no commas),
  of at least two kinds (lower-case, upper-case, digits, symbols), at least 10 different.
`;

const flagNames: Readonly<Record<string, string>> = {
    '--host': 'LISTENER_HOST',
    '--port': 'LISTENER_PORT',
    '--callback-url': 'LISTENER_CALLBACK_URL',
    '--allowed-origins': 'LISTENER_ALLOWED_ORIGINS',
    '--tls-cert': 'LISTENER_TLS_CERT',
    '--tls-key': 'LISTENER_TLS_KEY',
    '--log-level': 'LISTENER_LOG_LEVEL'
};
const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** Reads the command line over the environment; collects every error. */
export function parseBridgeConfig(
    argv: readonly string[],
    env: Readonly<Record<string, string | undefined>>
): ConfigResult {
    const values: Record<string, string | undefined> = {};
    for (const name of Object.values(flagNames)) {
        values[name] = env[name];
    }
    values['LISTENER_REQUIRE_SIGNATURE'] = env['LISTENER_REQUIRE_SIGNATURE'];
    const errors: string[] = [];
    for (let index = 0; index < argv.length; index += 1) {
        const arg = argv[index] ?? '';
        const [flag, inline] =
            arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
        if (flag === '--help' || flag === '-h') {
            return { kind: 'help' };
        }
        if (flag === '--generate-token') {
            return { kind: 'generate-token' };
        }
        if (flag === '--require-signature') {
            values['LISTENER_REQUIRE_SIGNATURE'] = 'true';
            continue;
        }
        if (flag === '--secret' || flag === '--agent-tokens') {
            errors.push(
                `${flag} is not accepted: put secrets in LISTENER_SECRET and LISTENER_AGENT_TOKENS (command lines are visible to other users)`
            );
            if (inline === undefined) {
                index += 1;
            }
            continue;
        }
        const envName = flagNames[flag];
        if (!envName) {
            errors.push(`unknown option ${JSON.stringify(flag.slice(0, 40))} (see --help)`);
            continue;
        }
        const value = inline ?? argv[index + 1];
        if (inline === undefined) {
            index += 1;
        }
        if (value === undefined || (inline === undefined && value.startsWith('--'))) {
            errors.push(`${flag} needs a value`);
            continue;
        }
        values[envName] = value;
    }

    const host = (values['LISTENER_HOST'] ?? '').trim() || '127.0.0.1';
    const portText = (values['LISTENER_PORT'] ?? '').trim() || String(defaultListenerPort);
    const port = Number(portText);
    if (!/^\d{1,5}$/.test(portText) || port > 65535) {
        errors.push('LISTENER_PORT (--port) must be a port number from 0 to 65535');
    }
    const secret = env['LISTENER_SECRET'] ?? '';
    if (secret === '') {
        errors.push(
            'LISTENER_SECRET is not set: the bridge does not start without the shared secret the phone system authenticates with (--generate-token makes one)'
        );
    } else {
        const weakness = secretWeakness(secret);
        if (weakness) {
            errors.push(
                `LISTENER_SECRET is too weak: ${weakness} (--generate-token makes a strong one)`
            );
        }
    }
    const tokens = AgentTokens.parse(env['LISTENER_AGENT_TOKENS'] ?? '');
    if (!tokens.ok) {
        errors.push(tokens.error);
    }
    const callbackUrl = parseCallbackUrl(values['LISTENER_CALLBACK_URL'], errors);
    const requireSignature = parseFlag(values['LISTENER_REQUIRE_SIGNATURE'], errors);
    const allowedOrigins = parseOrigins(values['LISTENER_ALLOWED_ORIGINS'], errors);
    const certFile = values['LISTENER_TLS_CERT']?.trim() || undefined;
    const keyFile = values['LISTENER_TLS_KEY']?.trim() || undefined;
    if ((certFile === undefined) !== (keyFile === undefined)) {
        errors.push('LISTENER_TLS_CERT (--tls-cert) and LISTENER_TLS_KEY (--tls-key) go together');
    }
    const logLevel = (values['LISTENER_LOG_LEVEL'] ?? '').trim().toLowerCase() || 'info';
    const knownLevel = logLevels.find((level) => level === logLevel);
    if (!knownLevel) {
        errors.push(`LISTENER_LOG_LEVEL (--log-level) must be one of ${logLevels.join(', ')}`);
    }
    if (errors.length > 0 || !tokens.ok || !knownLevel) {
        return { kind: 'error', errors };
    }
    return {
        kind: 'run',
        config: {
            host,
            port,
            secret,
            tokens: tokens.tokens,
            ...(callbackUrl ? { callbackUrl } : {}),
            requireSignature,
            ...(allowedOrigins ? { allowedOrigins } : {}),
            ...(certFile && keyFile ? { tls: { certFile, keyFile } } : {}),
            logLevel: knownLevel
        }
    };
}

function splitOnce(arg: string): [string, string] {
    const equals = arg.indexOf('=');
    return [arg.slice(0, equals), arg.slice(equals + 1)];
}

function parseCallbackUrl(value: string | undefined, errors: string[]): URL | undefined {
    const text = value?.trim() ?? '';
    if (text === '') {
        return undefined;
    }
    let url: URL;
    try {
        url = new URL(text);
    } catch {
        errors.push(
            'LISTENER_CALLBACK_URL (--callback-url) must be a URL such as https://pbx.example.com/cti/actions'
        );
        return undefined;
    }
    const local = isLoopbackHost(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
        errors.push(
            'LISTENER_CALLBACK_URL (--callback-url) must use https:// (http:// only for localhost)'
        );
        return undefined;
    }
    if (url.username !== '' || url.password !== '') {
        errors.push(
            'LISTENER_CALLBACK_URL (--callback-url) must not hold a user or password: requests are signed with LISTENER_SECRET'
        );
        return undefined;
    }
    return url;
}

function parseFlag(value: string | undefined, errors: string[]): boolean {
    const text = (value ?? '').trim().toLowerCase();
    if (text === '' || text === 'false' || text === '0') {
        return false;
    }
    if (text === 'true' || text === '1') {
        return true;
    }
    errors.push('LISTENER_REQUIRE_SIGNATURE must be true or false');
    return false;
}

function parseOrigins(value: string | undefined, errors: string[]): string[] | undefined {
    const origins = (value ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== '');
    if (origins.length === 0) {
        return undefined;
    }
    for (const origin of origins) {
        let parsed: URL | undefined;
        try {
            parsed = new URL(origin);
        } catch {
            parsed = undefined;
        }
        if (!parsed || parsed.origin !== origin) {
            errors.push(
                `LISTENER_ALLOWED_ORIGINS (--allowed-origins): ${JSON.stringify(origin.slice(0, 80))} is not an origin such as https://acme--c.vf.force.com`
            );
        }
    }
    return origins;
}

/**
 * What the administrator should know about a configuration that runs: listening beyond this
 * computer without TLS, or without an Origin allow-list.
 */
export function startupWarnings(config: BridgeConfig): string[] {
    if (isLoopbackHost(config.host)) {
        return [];
    }
    const warnings: string[] = [];
    if (!config.tls) {
        warnings.push(
            `Listening on ${config.host} without TLS: tokens and call data cross the network unencrypted unless a TLS proxy is in front (or use --tls-cert and --tls-key); the Bearer secret is refused from other computers.`
        );
    }
    if (!config.allowedOrigins) {
        warnings.push(
            `Listening on ${config.host} without an Origin allow-list: a page of any web site may open softphone connections; set --allowed-origins to your org's Visualforce origin.`
        );
    }
    return warnings;
}
