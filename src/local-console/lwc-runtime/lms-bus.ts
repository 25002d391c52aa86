// The Lightning Message Service of the local console, between the record pages' components and the
// softphone. Scope, as documented
// (https://developer.salesforce.com/docs/platform/lwc/guide/use-message-channel-scope.html): a
// subscription made with APPLICATION_SCOPE hears every message of its channel; one made without it
// hears only while its component is in the active area (its workspace tab is the active one). The
// softphone is a utility item, which is always active, so its subscriptions (made through
// sforce.opencti.subscribe, https://developer.salesforce.com/docs/atlas.en-us.api_cti.meta/api_cti/sforce_api_cti_methods_lms.htm)
// hear every component's publish, and every subscriber of a channel hears the softphone's publish.
// A context from createMessageContext (a service module, not a component) has no area: the active
// area includes ES6 libraries, and scoping applies only to @wire(MessageContext) (same page).
// Subscriptions end with their context: releaseMessageContext, or the component's destruction for
// @wire(MessageContext) ("the Lightning message service unsubscribes automatically when the
// component is destroyed", https://developer.salesforce.com/docs/platform/lwc/guide/use-message-channel-subscribe.html;
// https://developer.salesforce.com/docs/platform/lightning-component-reference/guide/lightning-message-service).
// UNCONFIRMED: what a publish from a component in a background tab reaches. The documentation says
// only that cached components "still publish to and receive messages" with APPLICATION_SCOPE
// (https://developer.salesforce.com/docs/platform/lwc/guide/use-message-channel-publish.html); the
// console delivers such a publish as it delivers any other.
import { createLogger } from '../browser/logger';

const logger = createLogger('lwc-lms');

/** Where a component lives: a workspace tab (active or not). */
export interface LmsArea {
    isActive(): boolean;
}

/** What `@wire(MessageContext)` hands a component. */
export interface MessageContextValue {
    readonly area: LmsArea | undefined;
}

export interface MessageChannelReference {
    readonly channelName: string;
}

export type MessageListener = (message: unknown) => void;

export interface LmsSubscription {
    /** The context it was made with: releasing that context ends it. */
    readonly context: MessageContextValue | undefined;
    readonly channelName: string;
    readonly listener: MessageListener;
    readonly area: LmsArea | undefined;
    readonly applicationScope: boolean;
}

export class LmsBus {
    private readonly subscriptions = new Set<LmsSubscription>();

    /** @param toSoftphone hands a component's message to the softphone's subscriptions. */
    constructor(private readonly toSoftphone: (channelName: string, message: unknown) => void) {}

    subscribe(
        context: MessageContextValue | undefined,
        channel: MessageChannelReference,
        listener: MessageListener,
        applicationScope: boolean
    ): LmsSubscription {
        if (typeof listener !== 'function') {
            throw new TypeError('subscribe: the listener must be a function');
        }
        const subscription: LmsSubscription = {
            context,
            channelName: channelNameOf(channel),
            listener,
            area: context?.area,
            applicationScope
        };
        this.subscriptions.add(subscription);
        return subscription;
    }

    unsubscribe(subscription: LmsSubscription | undefined): void {
        if (subscription) {
            this.subscriptions.delete(subscription);
        }
    }

    /** Ends every subscription made with `context` (released, or its component destroyed). */
    release(context: MessageContextValue | undefined): void {
        if (context === undefined) {
            return;
        }
        for (const subscription of [...this.subscriptions]) {
            if (subscription.context === context) {
                this.subscriptions.delete(subscription);
            }
        }
    }

    /** A component publishes: other components in scope and the softphone hear it. */
    publishFromComponent(channel: MessageChannelReference, message: unknown): void {
        const channelName = channelNameOf(channel);
        const copy = serializable(message);
        this.deliver(channelName, copy);
        this.toSoftphone(channelName, copy);
    }

    /** The softphone published (sforce.opencti.publish): components in scope hear it. */
    publishFromSoftphone(channelName: string, message: unknown): void {
        this.deliver(channelName, serializable(message));
    }

    subscriptionCount(): number {
        return this.subscriptions.size;
    }

    private deliver(channelName: string, message: unknown): void {
        for (const subscription of [...this.subscriptions]) {
            const inScope =
                subscription.applicationScope ||
                subscription.area === undefined ||
                subscription.area.isActive();
            if (subscription.channelName !== channelName || !inScope) {
                continue;
            }
            // LMS calls listeners asynchronously, each with its own copy.
            const copy = structuredClone(message);
            queueMicrotask(() => {
                if (!this.subscriptions.has(subscription)) {
                    return;
                }
                try {
                    subscription.listener(copy);
                } catch (error) {
                    logger.error(`a ${channelName} listener failed`, error);
                }
            });
        }
    }
}

function channelNameOf(channel: MessageChannelReference): string {
    if (
        typeof channel !== 'object' ||
        channel === null ||
        typeof channel.channelName !== 'string'
    ) {
        throw new TypeError(
            'Lightning Message Service: the channel must be an @salesforce/messageChannel import'
        );
    }
    return channel.channelName;
}

/** Messages must be serializable (JSON-like), as LMS requires. */
function serializable(message: unknown): unknown {
    try {
        return JSON.parse(JSON.stringify(message ?? null)) as unknown;
    } catch (error) {
        throw new TypeError(
            `Lightning Message Service: the message is not serializable (${String(error)})`
        );
    }
}
