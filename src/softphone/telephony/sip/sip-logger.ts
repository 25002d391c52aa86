/**
 * Where the SIP connector reports what it does; the same shape as the call engine's logger, so
 * the host passes one function to both. Credentials never reach it.
 */
export type SipLogger = (
    level: 'debug' | 'info' | 'warn' | 'error',
    message: string,
    details?: Readonly<Record<string, unknown>>
) => void;

export const silentSipLogger: SipLogger = () => undefined;
