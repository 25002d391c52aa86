import type { ListenerCallMessage } from '../softphone/telephony/listener/listener-protocol';
import {
    listenerLimits,
    mergeAttributes,
    parseCallMessage
} from '../softphone/telephony/listener/listener-protocol';

interface RegisteredCall {
    readonly agent: string;
    readonly callid: string;
    /** The latest state of the call, merged over its events; absent for a call just dialled. */
    message?: ListenerCallMessage;
    expiresAt: number;
}

export interface WelcomeSnapshot {
    readonly calls: ListenerCallMessage[];
    /** Calls left out because the softphone's protocol would refuse them. */
    readonly invalid: number;
    /** Older calls left out beyond listenerLimits.welcomeCalls. */
    readonly overLimit: number;
}

export interface CallRegistryOptions {
    readonly now: () => number;
    /** How long a call with no ended event is kept (default 12 h). */
    readonly liveTtlMs?: number;
    /** How long an ended call is kept for softphones that reconnect (default 15 min). */
    readonly endedTtlMs?: number;
    /** At most this many calls (default 10,000); the oldest go first. */
    readonly capacity?: number;
}

/**
 * The calls the bridge has routed, per agent, in memory only: so that a softphone that
 * (re)connects catches up (its welcome lists them) and so that an agent acts only on their own
 * calls. Ended calls stay a few minutes, then everything is forgotten.
 */
export class CallRegistry {
    private readonly calls = new Map<string, RegisteredCall>();
    private readonly now: () => number;
    private readonly liveTtlMs: number;
    private readonly endedTtlMs: number;
    private readonly capacity: number;

    constructor(options: CallRegistryOptions) {
        this.now = options.now;
        this.liveTtlMs = options.liveTtlMs ?? 12 * 60 * 60 * 1000;
        this.endedTtlMs = options.endedTtlMs ?? 15 * 60 * 1000;
        this.capacity = options.capacity ?? 10_000;
    }

    /** True when the call was routed to the agent (live or recently ended). */
    knows(agent: string, callid: string): boolean {
        this.expire();
        return this.calls.has(key(agent, callid));
    }

    /** True when the call is the agent's and has not ended. */
    isLive(agent: string, callid: string): boolean {
        this.expire();
        const call = this.calls.get(key(agent, callid));
        return call !== undefined && call.message?.event !== 'ended';
    }

    /** The call's latest merged message (undefined for unknown or just-dialled calls). */
    latest(agent: string, callid: string): ListenerCallMessage | undefined {
        this.expire();
        return this.calls.get(key(agent, callid))?.message;
    }

    /** Records an event; returns the merged message to deliver. */
    record(agent: string, message: ListenerCallMessage): ListenerCallMessage {
        this.expire();
        const id = key(agent, message.callid);
        const previous = this.calls.get(id)?.message;
        const merged: ListenerCallMessage = previous
            ? {
                  ...message,
                  ani: message.ani || previous.ani,
                  dnis: message.dnis || previous.dnis,
                  attributes: mergeAttributes(previous.attributes, message.attributes)
              }
            : message;
        this.put(id, {
            agent,
            callid: message.callid,
            message: merged,
            expiresAt: this.now() + (merged.event === 'ended' ? this.endedTtlMs : this.liveTtlMs)
        });
        return merged;
    }

    /** A call the agent dialled: theirs to act on, listed only once the phone system reports on it. */
    recordDialled(agent: string, callid: string): void {
        this.expire();
        const id = key(agent, callid);
        if (!this.calls.has(id)) {
            this.put(id, { agent, callid, expiresAt: this.now() + this.liveTtlMs });
        }
    }

    /**
     * The agent's calls, oldest first, as the welcome lists them: only calls the softphone's
     * protocol accepts, and only the newest listenerLimits.welcomeCalls. What is left out is
     * counted, so that one bad or old call never keeps the agent from connecting.
     */
    snapshot(agent: string): WelcomeSnapshot {
        this.expire();
        const kept = [...this.calls.values()].flatMap((call) =>
            call.agent === agent && call.message ? [call.message] : []
        );
        const valid = kept.filter((message) => parseCallMessage(message).ok);
        const calls = valid.slice(-listenerLimits.welcomeCalls);
        return {
            calls,
            invalid: kept.length - valid.length,
            overLimit: valid.length - calls.length
        };
    }

    get size(): number {
        return this.calls.size;
    }

    private put(id: string, call: RegisteredCall): void {
        this.calls.delete(id);
        this.calls.set(id, call);
        while (this.calls.size > this.capacity) {
            const oldest = this.calls.keys().next();
            if (oldest.done) {
                break;
            }
            this.calls.delete(oldest.value);
        }
    }

    private expire(): void {
        const now = this.now();
        for (const [id, call] of this.calls) {
            if (call.expiresAt <= now) {
                this.calls.delete(id);
            }
        }
    }
}

function key(agent: string, callid: string): string {
    return `${agent}\n${callid}`;
}
