import type { CallbackResponse, HostMessage } from '../shared/host-protocol';
import { hostSource } from '../shared/host-protocol';
import type { EntryLog, LmsEntry } from './console-logs';
import { genericError, invalidParam, isRecord, ok } from './opencti-responses';
import type { Handler } from './opencti-utility-methods';

export interface LmsHostOptions {
    /** Channels that exist in the project's metadata; empty means any channel is accepted. */
    readonly messageChannels: readonly string[];
    readonly lmsLog: EntryLog<LmsEntry>;
    /** Whether the softphone's own LMS messages reach its own subscriptions (as LMS does). */
    readonly echo: () => boolean;
    /** The softphone page's instance id; undefined before it first calls. */
    readonly instanceId: () => string | undefined;
    /** Posts a message to the softphone iframe. */
    readonly send: (message: HostMessage) => void;
    readonly now: () => Date;
}

/**
 * Lightning Message Service between the softphone (Open CTI's publish, subscribe and
 * unsubscribe) and the console's components: the softphone's subscriptions, the components'
 * listeners, and the LMS log of both directions.
 */
export class ConsoleLms {
    /** LMS subscriptions of the softphone: subscription id → channel. */
    private readonly subscriptions = new Map<string, string>();
    /** The console's other LMS subscribers (the record pages' components). */
    private readonly publishListeners = new Set<(channelName: string, message: unknown) => void>();

    constructor(private readonly options: LmsHostOptions) {}

    methods(): Record<string, Handler> {
        return {
            publish: (args) => this.publish(args['channelName'], args['message']),
            subscribe: (args, request) => {
                const problem = this.checkChannel(args['channelName']);
                if (problem) {
                    return problem;
                }
                if (!request.listenerId) {
                    return invalidParam('listener', 'A function', undefined);
                }
                this.subscriptions.set(request.listenerId, args['channelName'] as string);
                const subscription = {
                    channelName: args['channelName'],
                    subscriptionId: request.listenerId
                };
                return { success: true, returnValue: { subscription }, errors: null, subscription };
            },
            unsubscribe: (args) => {
                const subscription = args['subscription'];
                const id = isRecord(subscription) ? subscription['subscriptionId'] : undefined;
                if (typeof id !== 'string' || !this.subscriptions.delete(id)) {
                    return invalidParam(
                        'subscription',
                        'A subscription returned by subscribe',
                        subscription
                    );
                }
                return ok();
            }
        };
    }

    /** A message an LWC publishes on an LMS channel: it reaches the softphone's subscriptions. */
    publishFromConsole(channelName: string, message: unknown): number {
        const delivered = this.deliver(channelName, message);
        this.options.lmsLog.add({
            at: this.options.now().toISOString(),
            direction: 'toSoftphone',
            channelName,
            message,
            delivered
        });
        return delivered;
    }

    /** Calls `listener` with every message the softphone publishes (for the components' LMS). */
    onSoftphonePublish(listener: (channelName: string, message: unknown) => void): () => void {
        this.publishListeners.add(listener);
        return () => this.publishListeners.delete(listener);
    }

    /** Forgets the softphone's subscriptions (its page is being reloaded). */
    clear(): void {
        this.subscriptions.clear();
    }

    subscriptionCount(): number {
        return this.subscriptions.size;
    }

    private publish(channelName: unknown, message: unknown): CallbackResponse {
        const problem = this.checkChannel(channelName);
        if (problem) {
            return problem;
        }
        const channel = channelName as string;
        const delivered = this.options.echo() ? this.deliver(channel, message) : 0;
        this.options.lmsLog.add({
            at: this.options.now().toISOString(),
            direction: 'fromSoftphone',
            channelName: channel,
            message,
            delivered
        });
        for (const listener of this.publishListeners) {
            listener(channel, message);
        }
        return ok();
    }

    private deliver(channelName: string, message: unknown): number {
        const instanceId = this.options.instanceId();
        let delivered = 0;
        if (instanceId === undefined) {
            return 0;
        }
        for (const [listenerId, channel] of this.subscriptions) {
            if (channel === channelName) {
                this.options.send({
                    source: hostSource,
                    kind: 'listener',
                    instanceId,
                    listenerId,
                    payload: message
                });
                delivered += 1;
            }
        }
        return delivered;
    }

    private checkChannel(channelName: unknown): CallbackResponse | undefined {
        if (typeof channelName !== 'string' || channelName.trim() === '') {
            return invalidParam(
                'channelName',
                'A message channel name such as Softphone_Message__c',
                channelName
            );
        }
        const known = this.options.messageChannels;
        if (known.length > 0 && !known.includes(channelName)) {
            return genericError(
                `The message channel ${channelName} does not exist in this org (known: ${known.join(', ')}).`
            );
        }
        return undefined;
    }
}
