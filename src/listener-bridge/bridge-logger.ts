/**
 * The bridge's one logger. What it logs never holds a secret, a token or call data (numbers,
 * call ids, extra pairs): only what happened, the HTTP status and the agent id concerned.
 */
export type BridgeLogLevel = 'debug' | 'info' | 'warn' | 'error';

export type BridgeLogger = (level: BridgeLogLevel, message: string) => void;

const order: readonly BridgeLogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Writes `<ISO time> <level> <message>` lines at `minimum` level and above. */
export function createBridgeLogger(
    write: (line: string) => void,
    minimum: BridgeLogLevel | 'silent' = 'info',
    now: () => Date = () => new Date()
): BridgeLogger {
    if (minimum === 'silent') {
        return () => undefined;
    }
    const threshold = order.indexOf(minimum);
    return (level, message) => {
        if (order.indexOf(level) >= threshold) {
            write(`${now().toISOString()} ${level} ${message}`);
        }
    };
}

export const silentBridgeLogger: BridgeLogger = () => undefined;
