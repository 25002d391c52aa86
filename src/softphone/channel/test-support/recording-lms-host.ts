import type { LmsHost } from '../../channel/lms-bridge';
import type { EventType, SoftphoneEventMessage } from '../../channel/message-contract';

type EventOf<K extends EventType> = Extract<SoftphoneEventMessage, { type: K }>;

/** An LMS host that keeps every published message and the one subscription's listener. */
export class RecordingLmsHost implements LmsHost {
    readonly published: SoftphoneEventMessage[] = [];
    readonly channels: string[] = [];
    listener: ((message: unknown) => void) | undefined;

    publish(args: { channelName: string; message: SoftphoneEventMessage }): Promise<unknown> {
        this.channels.push(args.channelName);
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
