import { isSoftphoneEvent, type LmsHost } from '../channel';
import type { LmsFacts } from './lms-check';

const ECHO_WAIT_MS = 3000;

/**
 * Watches the softphone's LMS subscription for the Check setup: which component command came
 * last, and whether a state event the softphone publishes comes back on the channel.
 */
export class LmsProbe {
    private lastCommand: string | undefined;
    private subscribed = false;
    private readonly waiting = new Map<string, () => void>();
    private next = 0;

    /** Wraps the host the LMS bridge uses; everything passes through unchanged. */
    watch(host: LmsHost): LmsHost {
        return {
            publish: (args) => host.publish(args),
            subscribe: async ({ channelName, listener }) => {
                const subscription = await host.subscribe({
                    channelName,
                    listener: (message: unknown) => {
                        this.saw(message);
                        listener(message);
                    }
                });
                this.subscribed = true;
                return subscription;
            },
            ...(host.unsubscribe === undefined
                ? {}
                : { unsubscribe: (args: { subscription: unknown }) => host.unsubscribe!(args) })
        };
    }

    /** Publishes (through `publishState`) and waits for the echo of its request id. */
    async facts(
        publishState: (requestId: string) => Promise<void>,
        timers: Pick<Window, 'setTimeout' | 'clearTimeout'>
    ): Promise<LmsFacts> {
        this.next += 1;
        const requestId = `setup-check-${this.next}`;
        const echoed = new Promise<LmsFacts['echo']>((resolve) => {
            const timer = timers.setTimeout(() => {
                this.waiting.delete(requestId);
                resolve({
                    ok: false,
                    message: `nothing came back within ${ECHO_WAIT_MS / 1000} seconds`
                });
            }, ECHO_WAIT_MS);
            this.waiting.set(requestId, () => {
                timers.clearTimeout(timer);
                resolve({ ok: true });
            });
        });
        let echo: LmsFacts['echo'];
        try {
            await publishState(requestId);
            echo = await echoed;
        } catch (error) {
            this.waiting.delete(requestId);
            echo = { ok: false, message: error instanceof Error ? error.message : String(error) };
        }
        return {
            subscribed: this.subscribed,
            echo,
            ...(this.lastCommand === undefined ? {} : { lastComponentCommand: this.lastCommand })
        };
    }

    private saw(message: unknown): void {
        if (typeof message !== 'object' || message === null) {
            return;
        }
        const { type, requestId } = message as { type?: unknown; requestId?: unknown };
        if (isSoftphoneEvent(message)) {
            if (typeof requestId === 'string') {
                this.waiting.get(requestId)?.();
                this.waiting.delete(requestId);
            }
            return;
        }
        if (typeof type === 'string') {
            this.lastCommand = type.slice(0, 40);
        }
    }
}
