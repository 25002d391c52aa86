import { label } from '../i18n';
import { isEventType } from './message-contract';
import type { SoftphoneEventMessage } from './message-contract';
import { parseEvent } from './parse-message';

/** The part of the Open CTI wrapper the channel needs (sforce.opencti publish/subscribe). */
export interface LmsHost {
    publish(args: { channelName: string; message: SoftphoneEventMessage }): Promise<unknown>;
    subscribe(args: {
        channelName: string;
        listener: (message: unknown) => void;
    }): Promise<unknown>;
    unsubscribe?(args: { subscription: unknown }): Promise<unknown>;
}

export type LmsBridgeErrorKind = 'publish' | 'subscribe' | 'unsubscribe' | 'invalid-event';

export interface LmsBridgeError {
    readonly kind: LmsBridgeErrorKind;
    readonly message: string;
    readonly eventType?: string;
}

/**
 * The softphone's subscription to the LMS channel: subscribes, hands on what arrives, publishes
 * events only once they pass the contract, and reports every failure instead of throwing.
 */
export abstract class ChannelEndpoint {
    private subscription: unknown;
    private started = false;

    protected constructor(
        private readonly host: LmsHost,
        private readonly channelName: string,
        private readonly onError: ((error: LmsBridgeError) => void) | undefined
    ) {}

    /** What to do with each message received on the channel (never throws). */
    protected abstract receive(message: unknown): void;

    /** Subscribes to the channel; resolves false (and reports) when the host refused. */
    async start(): Promise<boolean> {
        if (this.started) {
            return true;
        }
        try {
            this.subscription = await this.host.subscribe({
                channelName: this.channelName,
                listener: (message: unknown) => this.receive(message)
            });
            this.started = true;
            return true;
        } catch (error) {
            this.report({ kind: 'subscribe', message: errorMessage(error) });
            return false;
        }
    }

    async stop(): Promise<void> {
        if (!this.started) {
            return;
        }
        this.started = false;
        const subscription = this.subscription;
        this.subscription = undefined;
        if (this.host.unsubscribe === undefined) {
            return;
        }
        try {
            await this.host.unsubscribe({ subscription });
        } catch (error) {
            this.report({ kind: 'unsubscribe', message: errorMessage(error) });
        }
    }

    /** Publishes one event; an event that breaks the contract is reported, not sent. */
    protected async publish(event: unknown): Promise<void> {
        let eventType: string | undefined;
        try {
            eventType = eventTypeOf(event);
            const checked = parseEvent(event);
            if (!checked.ok) {
                this.report({
                    kind: 'invalid-event',
                    message: checked.error.message,
                    ...(eventType === undefined ? {} : { eventType })
                });
                return;
            }
            await this.host.publish({ channelName: this.channelName, message: checked.event });
        } catch (error) {
            this.report({
                kind: 'publish',
                message: errorMessage(error),
                ...(eventType === undefined ? {} : { eventType })
            });
        }
    }

    protected report(error: LmsBridgeError): void {
        try {
            this.onError?.(error);
        } catch {
            // The error sink failing must not turn into a failure of the channel.
        }
    }
}

/** The softphone's own events come back on the same channel (LMS delivers to every subscriber). */
export function isSoftphoneEvent(message: unknown): boolean {
    return (
        typeof message === 'object' &&
        message !== null &&
        isEventType((message as { type?: unknown }).type)
    );
}

function eventTypeOf(event: unknown): string | undefined {
    const type =
        typeof event === 'object' && event !== null
            ? (event as { type?: unknown }).type
            : undefined;
    return typeof type === 'string' ? type.slice(0, 64) : undefined;
}

export function errorMessage(error: unknown): string {
    if (error instanceof Error && error.message !== '') {
        return error.message;
    }
    if (typeof error === 'string' && error !== '') {
        return error;
    }
    return label('Softphone_Channel_Unexpected_Error');
}
