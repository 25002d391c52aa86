import {
    ChannelEndpoint,
    errorMessage,
    isSoftphoneEvent,
    type LmsBridgeError,
    type LmsHost
} from './channel-endpoint';

/**
 * The LMS channel of a softphone that follows another tab's (see tabs/): the LWCs' messages go
 * to the leading softphone unread (its LmsBridge validates and answers them), and the events it
 * sends back are published here once they pass the contract.
 */
export class LmsRelay extends ChannelEndpoint {
    private readonly forward: (message: unknown) => void;

    constructor(options: {
        readonly host: LmsHost;
        readonly channelName: string;
        readonly forward: (message: unknown) => void;
        readonly onError?: (error: LmsBridgeError) => void;
    }) {
        super(options.host, options.channelName, options.onError);
        this.forward = options.forward;
    }

    protected receive(message: unknown): void {
        if (isSoftphoneEvent(message)) {
            return;
        }
        try {
            this.forward(message);
        } catch (error) {
            this.report({ kind: 'publish', message: errorMessage(error) });
        }
    }

    /** Publishes an event the leading softphone built (checked again: it came from another tab). */
    async relay(event: unknown): Promise<void> {
        await this.publish(event);
    }
}
