import { label } from '../../i18n';
import type { CallEndReason, ConnectorEvent } from '../connector';
import { CALL_DATA_KEYS, toCallData } from '../call-data';
import type { Scheduler } from '../scheduler';
import { listenerConnectorDefaults } from './listener-connector-options';
import type { ListenerCallMessage } from './listener-protocol';
import { emptyAttributes, mergeAttributes } from './listener-protocol';

export type ListenerCallState = 'ringing' | 'dialing' | 'connected' | 'held';

export interface ListenerCall {
    readonly id: string;
    readonly direction: 'inbound' | 'outbound';
    /** The number the softphone dialled (dial, consult): the target of a completed consult. */
    readonly number?: string;
    state: ListenerCallState;
    answered: boolean;
    /** Set while the agent's decline or hang-up is on its way: the reason its end gets. */
    endingAs?: CallEndReason;
}

/** Reasons a phone system may put in an ended event's `reason` pair. */
const endReasonsFromPhoneSystem: readonly CallEndReason[] = [
    'remote-hangup',
    'local-hangup',
    'declined',
    'busy',
    'no-answer',
    'cancelled',
    'voicemail',
    'unreachable',
    'failed',
    'transferred'
];

/**
 * The listener connector's calls as the phone system reports them: the live calls, the ids of
 * ended ones (late or repeated events for them change nothing), each call's key=value pairs,
 * the conference, and the call events that wait — for a dial's call id, or behind the welcome's
 * catch-up. Every change is told through `emit` as a connector event.
 */
export class ListenerCallTable {
    private readonly calls = new Map<string, ListenerCall>();
    private readonly endedCallIds = new Set<string>();
    private readonly attributes = new Map<string, Readonly<Record<string, string>>>();
    /** The calls merged into the agent's conference. */
    private readonly conference = new Set<string>();
    /** Dials waiting for their call id; call events for unknown ids wait for them. */
    private dialsInFlight = 0;
    private heldBack: ListenerCallMessage[] = [];
    /** The welcome's calls wait for the next tick (see catchUp()); live events wait behind them. */
    private welcomeReplay: { timer: unknown; calls: readonly ListenerCallMessage[] } | undefined;
    private afterReplay: ListenerCallMessage[] = [];

    constructor(
        private readonly scheduler: Scheduler,
        private readonly emit: (event: ConnectorEvent) => void
    ) {}

    get(callId: string): ListenerCall | undefined {
        return this.calls.get(callId);
    }

    hasEnded(callId: string): boolean {
        return this.endedCallIds.has(callId);
    }

    /** Ids of the calls that have not ended, oldest first. */
    liveIds(): string[] {
        return [...this.calls.keys()];
    }

    /** A copy of a call's pairs; undefined for a call never seen (or long ended). */
    attributesOf(callId: string): Readonly<Record<string, string>> | undefined {
        const attributes = this.attributes.get(callId);
        return attributes ? Object.assign(emptyAttributes(), attributes) : undefined;
    }

    inConference(callId: string): boolean {
        return this.conference.has(callId);
    }

    /** The held call was resumed into one conference with the connected one. */
    merge(heldCallId: string, activeCallId: string): void {
        this.conference.add(heldCallId);
        this.conference.add(activeCallId);
        this.emit({ type: 'conference', callIds: [...this.conference] });
    }

    /** A dial or consult is on its way: call events for unknown ids wait for its call id. */
    dialStarted(): void {
        this.dialsInFlight += 1;
    }

    /**
     * The phone system answered a dial or consult with the new outbound call's id: keeps the
     * call, then applies the events that waited. Throws when the answer is unusable.
     */
    dialAnswered(callid: string | undefined, number: string): string {
        this.dialsInFlight -= 1;
        try {
            if (callid === undefined) {
                throw new Error(label('Softphone_Listener_No_Call_Id'));
            }
            if (this.calls.has(callid) || this.endedCallIds.has(callid)) {
                throw new Error(label('Softphone_Listener_Reused_Call_Id', callid));
            }
            this.calls.set(callid, {
                id: callid,
                direction: 'outbound',
                number,
                state: 'dialing',
                answered: false
            });
            this.attributes.set(callid, emptyAttributes());
            return callid;
        } finally {
            this.releaseHeldBack();
        }
    }

    /** A dial or consult failed: the events that waited for it are applied. */
    dialFailed(): void {
        this.dialsInFlight -= 1;
        this.releaseHeldBack();
    }

    /** A live call event from the bridge; it waits while the welcome's catch-up is pending. */
    receive(message: ListenerCallMessage): void {
        if (this.welcomeReplay) {
            this.afterReplay.push(message);
        } else {
            this.apply(message);
        }
    }

    /**
     * The welcome's calls are applied on the next tick, once whoever awaited connect() has run:
     * a softphone that reloads during a ringing call must make the agent Available before the
     * call is offered again, or the engine would decline it.
     */
    scheduleCatchUp(calls: readonly ListenerCallMessage[]): void {
        this.welcomeReplay = {
            calls,
            timer: this.scheduler.setTimeout(() => this.catchUp(), 0)
        };
    }

    cancelCatchUp(): void {
        if (this.welcomeReplay) {
            this.scheduler.clearTimeout(this.welcomeReplay.timer);
            this.welcomeReplay = undefined;
        }
        this.afterReplay = [];
    }

    endCall(call: ListenerCall, reason: CallEndReason, message?: string): void {
        if (!this.forget(call)) {
            return;
        }
        this.emit({
            type: 'ended',
            callId: call.id,
            reason,
            ...(message === undefined ? {} : { message })
        });
        if (this.conference.delete(call.id)) {
            const left = this.conference.size < 2 ? [] : [...this.conference];
            if (left.length === 0) {
                this.conference.clear();
            }
            this.emit({ type: 'conference', callIds: left });
        }
    }

    endAll(reason: CallEndReason): void {
        this.heldBack = [];
        for (const call of [...this.calls.values()]) {
            this.endCall(call, reason);
        }
    }

    /** Catches up with the bridge: ends calls it no longer knows, applies the listed ones. */
    private catchUp(): void {
        const replay = this.welcomeReplay;
        if (!replay) {
            return;
        }
        this.welcomeReplay = undefined;
        const known = new Set(replay.calls.map((call) => call.callid));
        for (const call of [...this.calls.values()]) {
            if (!known.has(call.id)) {
                this.endCall(
                    call,
                    'connection-lost',
                    label('Softphone_Listener_Call_Unknown_To_Bridge')
                );
            }
        }
        for (const call of replay.calls) {
            this.apply(call);
        }
        const waiting = this.afterReplay;
        this.afterReplay = [];
        for (const call of waiting) {
            this.apply(call);
        }
    }

    /** Applies a call event; repeated or late events change nothing. */
    private apply(message: ListenerCallMessage): void {
        const call = this.calls.get(message.callid);
        if (!call && this.dialsInFlight > 0) {
            // It may be the call being dialled: wait for its id.
            this.heldBack.push(message);
            return;
        }
        if (!call) {
            if (message.event !== 'ended' && !this.endedCallIds.has(message.callid)) {
                this.ring(message);
                if (message.event === 'answered') {
                    this.apply(message);
                }
            }
            return;
        }
        this.mergeAttributes(call.id, message.attributes);
        switch (message.event) {
            case 'ringing':
                if (call.direction === 'outbound' && call.state === 'dialing') {
                    this.emit({ type: 'remoteRinging', callId: call.id });
                }
                return;
            case 'answered':
                if (call.state === 'ringing' || call.state === 'dialing') {
                    call.state = 'connected';
                    call.answered = true;
                    this.emit({ type: 'answered', callId: call.id });
                }
                return;
            case 'ended':
                this.endCall(call, this.endReason(call, message.attributes['reason']));
                return;
        }
    }

    private ring(message: ListenerCallMessage): void {
        const attributes = Object.assign(emptyAttributes(), message.attributes);
        this.calls.set(message.callid, {
            id: message.callid,
            direction: 'inbound',
            state: 'ringing',
            answered: false
        });
        this.attributes.set(message.callid, attributes);
        const name = attributes['name']?.trim();
        // The extra pairs are the call data, with the dialled number as DNIS (see call-data.ts).
        const { data } = toCallData([
            ...(message.dnis === '' ? [] : [[CALL_DATA_KEYS.dialledNumber, message.dnis] as const]),
            ...Object.entries(attributes)
        ]);
        this.emit({
            type: 'incoming',
            callId: message.callid,
            from: message.ani,
            to: message.dnis,
            ...(name ? { fromName: name } : {}),
            ...(Object.keys(data).length === 0 ? {} : { data })
        });
    }

    private endReason(call: ListenerCall, fromPhoneSystem: string | undefined): CallEndReason {
        if (call.endingAs) {
            return call.endingAs;
        }
        const named = endReasonsFromPhoneSystem.find((reason) => reason === fromPhoneSystem);
        if (named) {
            return named;
        }
        if (call.answered) {
            return 'remote-hangup';
        }
        return call.direction === 'inbound' ? 'cancelled' : 'no-answer';
    }

    private mergeAttributes(callId: string, update: Readonly<Record<string, string>>): void {
        this.attributes.set(
            callId,
            mergeAttributes(this.attributes.get(callId) ?? emptyAttributes(), update)
        );
    }

    private releaseHeldBack(): void {
        if (this.dialsInFlight > 0) {
            return;
        }
        const messages = this.heldBack;
        this.heldBack = [];
        for (const message of messages) {
            this.apply(message);
        }
    }

    /** Removes a live call, remembering its id and, for a while, its attributes. */
    private forget(call: ListenerCall): boolean {
        if (!this.calls.delete(call.id)) {
            return false;
        }
        remember(this.endedCallIds, call.id, listenerConnectorDefaults.endedCallMemory);
        const attributes = this.attributes.get(call.id);
        if (attributes) {
            // Re-inserted last, so that the oldest ended call's attributes go first.
            this.attributes.delete(call.id);
            this.attributes.set(call.id, attributes);
        }
        let ended = [...this.attributes.keys()].filter((id) => !this.calls.has(id));
        while (ended.length > listenerConnectorDefaults.endedAttributesMemory) {
            this.attributes.delete(ended[0] ?? '');
            ended = ended.slice(1);
        }
        return true;
    }
}

function remember(set: Set<string>, value: string, limit: number): void {
    set.add(value);
    if (set.size > limit) {
        const oldest = set.values().next();
        if (!oldest.done) {
            set.delete(oldest.value);
        }
    }
}
