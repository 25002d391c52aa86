/**
 * The one place the local console's browser code writes to the developer console. Everything
 * the console shows the user goes through the page itself; this is for developers only.
 */
export interface Logger {
    info(message: string, detail?: unknown): void;
    warn(message: string, detail?: unknown): void;
    error(message: string, detail?: unknown): void;
}

export function createLogger(scope: string): Logger {
    const prefix = `[${scope}]`;
    /* eslint-disable no-console */
    return {
        info: (message, detail) =>
            console.info(prefix, message, ...(detail === undefined ? [] : [detail])),
        warn: (message, detail) =>
            console.warn(prefix, message, ...(detail === undefined ? [] : [detail])),
        error: (message, detail) =>
            console.error(prefix, message, ...(detail === undefined ? [] : [detail]))
    };
    /* eslint-enable no-console */
}
