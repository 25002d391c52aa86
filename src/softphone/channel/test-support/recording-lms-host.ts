import type { LmsHost } from '../lms-bridge';
import type { EventType, SoftphoneEventMessage } from '../message-contract';

type EventOf<K extends EventType> = Extract<SoftphoneEventMessage, { type: K }>;

/**
 * An LMS host that keeps every published message (and the channel it went to) and the one
 * subscription's listener. It has no unsubscribe, as a host may not.
 */
export class RecordingLmsHost implements LmsHost {
    /** Replaceable: a test may start a fresh list. */
    published: SoftphoneEventMessage[] = [];
    readonly channels: string[] = [];
    listener: ((message: unknown) => void) | undefined;
    /** Makes every publish reject, as when LMS is down (nothing is kept then). */
    failPublish = false;

    publish(args: { channelName: string; message: SoftphoneEventMessage }): Promise<unknown> {
        this.channels.push(args.channelName);
        if (this.failPublish) {
            return Promise.reject(new Error('LMS is down'));
        }
        this.published.push(args.message);
        return Promise.resolve(undefined);
    }

    subscribe(args: {
        channelName: string;
        listener: (message: unknown) => void;
    }): Promise<unknown> {
        this.listener = args.listener;
        return Promise.resolve({ id: 'subscription-1' });
    }

    /** The published event types, in order. */
    types(): EventType[] {
        return this.published.map((message) => message.type);
    }

    /** The payloads of every published event of one type. */
    payloadsOf<K extends EventType>(type: K): EventOf<K>['payload'][] {
        const payloads: EventOf<K>['payload'][] = [];
        for (const message of this.published) {
            if (message.type === type) {
                payloads.push(message.payload as EventOf<K>['payload']);
            }
        }
        return payloads;
    }
}
