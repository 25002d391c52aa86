/** Injected wherever the engine has something worth logging; the host decides where it goes. */
export type EngineLogger = (
    level: 'debug' | 'info' | 'warn' | 'error',
    message: string,
    details?: Readonly<Record<string, unknown>>
) => void;

export const silentLogger: EngineLogger = () => undefined;
