// Replaces the sfdx-lwc-jest stub so that a test's publish() really reaches the subscribers of the
// same channel (the stock stub's functions are unconnected jest.fn()s).
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');
export const MessageContext = createTestWireAdapter(jest.fn());

const subscribersByChannel = new Map();

export const createMessageContext = jest.fn(() => ({}));
export const releaseMessageContext = jest.fn();

export const publish = jest.fn((messageContext, channel, message) => {
    (subscribersByChannel.get(channel) || []).forEach((subscription) =>
        subscription.listener(message)
    );
});

export const subscribe = jest.fn((messageContext, channel, listener, options) => {
    const subscription = { channel, listener, options };
    const subscribers = subscribersByChannel.get(channel) || [];
    subscribers.push(subscription);
    subscribersByChannel.set(channel, subscribers);
    return subscription;
});

export const unsubscribe = jest.fn((subscription) => {
    if (!subscription) {
        return;
    }
    const subscribers = subscribersByChannel.get(subscription.channel) || [];
    subscribersByChannel.set(
        subscription.channel,
        subscribers.filter((candidate) => candidate !== subscription)
    );
});

/** Test helper: forget every subscription (call in afterEach). */
export const resetSubscriptions = () => subscribersByChannel.clear();
