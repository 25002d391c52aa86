// lightning/messageService, played by the console's LMS bus (../lms-bus.ts): a component's publish
// reaches the softphone's sforce.opencti.subscribe, and the softphone's publish reaches the
// components, with the documented scopes
// (https://developer.salesforce.com/docs/platform/lwc/guide/use-message-channel.html).
import type { MessageChannelReference, MessageContextValue, MessageListener } from '../lms-bus';
import { currentArea, lwcRuntime } from '../runtime-context';
import type { WireValue } from '../wire-adapter';

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

/** @wire(MessageContext): the component's context, which knows the workspace tab it lives in. */
export class MessageContext {
    private readonly context: MessageContextValue = Object.freeze({ area: currentArea() });

    constructor(private readonly dataCallback: (value: MessageContextValue | WireValue) => void) {}

    connect(): void {
        this.dataCallback(this.context);
    }

    update(): void {
        this.dataCallback(this.context);
    }

    /** The component is destroyed: LMS ends its subscriptions (see ../lms-bus.ts). */
    disconnect(): void {
        lwcRuntime().lms.release(this.context);
    }
}

/** A service module's context: no area, so no scoping (see ../lms-bus.ts). */
export function createMessageContext(): MessageContextValue {
    return Object.freeze({ area: undefined });
}

/** Ends the subscriptions made with a context from createMessageContext. */
export function releaseMessageContext(context: MessageContextValue): void {
    lwcRuntime().lms.release(context);
}

export function publish(
    _context: MessageContextValue | undefined,
    channel: MessageChannelReference,
    message: unknown
): void {
    lwcRuntime().lms.publishFromComponent(channel, message);
}

export function subscribe(
    context: MessageContextValue | undefined,
    channel: MessageChannelReference,
    listener: MessageListener,
    options?: { readonly scope?: symbol }
) {
    return lwcRuntime().lms.subscribe(
        context,
        channel,
        listener,
        options?.scope === APPLICATION_SCOPE
    );
}

export function unsubscribe(
    subscription: Parameters<ReturnType<typeof lwcRuntime>['lms']['unsubscribe']>[0]
): void {
    lwcRuntime().lms.unsubscribe(subscription);
}
