// The listener bridge's entry (`npm run listener`): reads the configuration, starts the
// bridge, prints where it listens, and stops cleanly on SIGINT/SIGTERM.
import { randomBytes } from 'node:crypto';
import { bridgeUsage, parseBridgeConfig, startupWarnings } from './bridge-config';
import { createBridgeLogger } from './bridge-logger';
import { startListenerBridge } from './listener-bridge';
import { secretWeakness } from './secret-strength';

async function main(): Promise<void> {
    const parsed = parseBridgeConfig(process.argv.slice(2), process.env);
    switch (parsed.kind) {
        case 'help':
            process.stdout.write(bridgeUsage);
            return;
        case 'generate-token':
            process.stdout.write(`${generateToken()}\n`);
            return;
        case 'error':
            process.stderr.write(
                `Listener bridge: cannot start:\n${parsed.errors.map((line) => `  - ${line}`).join('\n')}\nSee --help.\n`
            );
            process.exitCode = 2;
            return;
        case 'run':
            break;
    }
    const { config } = parsed;
    const logger = createBridgeLogger((line) => process.stderr.write(`${line}\n`), config.logLevel);
    for (const warning of startupWarnings(config)) {
        logger('warn', warning);
    }
    const bridge = await startListenerBridge(config, { logger });
    process.stdout.write(`Listener bridge: ${bridge.url}\n`);
    logger(
        'info',
        `Agents: ${config.tokens.agents.length}; agent actions ${config.callbackUrl ? `go to ${config.callbackUrl.origin}` : 'are off (no callback URL): calls are controlled on the agents\u2019 phones'}; ${config.requireSignature ? 'signed events only' : 'Bearer secret or signed events'}.`
    );
    const stop = () => {
        void bridge.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}

/** 32 random bytes, base64url: 43 characters that meet the strength rule (checked, to be sure). */
function generateToken(): string {
    for (;;) {
        const token = randomBytes(32).toString('base64url');
        if (!secretWeakness(token)) {
            return token;
        }
    }
}

main().catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    process.stderr.write(
        `Listener bridge: ${code === 'EADDRINUSE' ? 'the port is already in use' : error instanceof Error ? error.message : String(error)}\n`
    );
    process.exitCode = 1;
});
