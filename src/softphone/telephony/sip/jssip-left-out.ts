/**
 * What the softphone build puts in place of the JsSIP parts the SIP connector never uses
 * (scripts/jssip-trim-plugin.mjs): they would cost the SIP chunk about 25 KB minified.
 *
 * - JsSIP's `debug` logger: JsSIP writes its own log through the `debug` package, which only
 *   prints once a developer enables it in the browser's storage. The connector logs through its
 *   own SipLogger, so the stand-in takes every call and prints nothing.
 * - JsSIP's SUBSCRIBE/NOTIFY (Subscriber, Notifier), MESSAGE and OPTIONS classes: JsSIP builds
 *   them only when the application calls ua.subscribe(), ua.notify(), ua.sendMessage() or
 *   ua.sendOptions(), or listens for newSubscribe, newMessage or newOptions; the connector does
 *   none of that (JsSIP answers an OPTIONS 200 and a MESSAGE or SUBSCRIBE 405 without them). Were
 *   one ever built, the stand-in throws an error that names it.
 */

/** The `debug` package's shape, as JsSIP uses it: a factory of loggers that print nothing. */
export interface SilentDebug {
    (namespace: string): SilentLog;
    default: SilentDebug;
    enable(namespaces: string): void;
    disable(): string;
    enabled(namespace: string): boolean;
}

export interface SilentLog {
    (...args: unknown[]): void;
    log: (...args: unknown[]) => void;
    enabled: boolean;
    namespace: string;
}

function silentLog(namespace: string): SilentLog {
    return Object.assign((): void => undefined, {
        log: (): void => undefined,
        enabled: false,
        namespace
    });
}

export const silentDebug: SilentDebug = Object.assign(silentLog.bind(undefined), {
    enable: (): void => undefined,
    disable: (): string => '',
    enabled: (): boolean => false
}) as Omit<SilentDebug, 'default'> as SilentDebug;
silentDebug.default = silentDebug;

/** The error a left-out JsSIP part throws: the part, and why it is not there. */
export function leftOutJsSipError(part: string): Error {
    return new Error(
        // i18n-exempt: a developer error (a build that drops a JsSIP part the code came to use), never shown to the agent
        `JsSIP's ${part} is left out of the softphone build (scripts/jssip-trim-plugin.mjs): the SIP connector does not use it. Take it out of the plugin's list to use it.`
    );
}

/** A stand-in for a left-out JsSIP class: building it, or calling its static init_incoming, throws. */
export function leftOutJsSipClass(part: string): new (...args: unknown[]) => never {
    return class LeftOutJsSipPart {
        constructor() {
            throw leftOutJsSipError(part);
        }

        static init_incoming(): never {
            throw leftOutJsSipError(part);
        }
    } as unknown as new (...args: unknown[]) => never;
}
