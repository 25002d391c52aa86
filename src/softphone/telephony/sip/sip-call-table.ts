import type { CallEndReason } from '../connector';
import { callStateRefusal, type ConnectorEvents } from '../connector-events';
import { actionWord, type ConnectorAction } from '../connector-words';
import { label } from '../../i18n';
import type { Scheduler } from '../scheduler';
import type { DroppedDialogs } from './dropped-dialogs';
import { callEndReasonFor, sipEndMessage } from './end-reason';
import { IceCutoff } from './ice-cutoff';
import type { PendingRequest, SipCall, SipCallState } from './sip-call';
import { errorText } from './sip-errors';
import type { SipLogger } from './sip-logger';
import type { SipMedia } from './sip-media';
import { transferredMessage } from './sip-transfer';
import type { SipEnd, SipSessionEvent } from './sip-user-agent';

/** The conference mixed in the browser, as the calls' life sees it (sip-handover.ts). */
export interface SipConferenceView {
    has(callId: string): boolean;
    /** The calls in the mix (one microphone feeds them all). */
    partyIds(): string[];
    /** The call ended: it leaves the mix. */
    leave(callId: string): void;
}

export interface SipCallTableOptions {
    readonly events: ConnectorEvents;
    readonly media: SipMedia;
    readonly logger: SipLogger;
    readonly scheduler: Scheduler;
    readonly hasIceServers: boolean;
    readonly iceMaxWaitMs: number;
    readonly idGenerator: () => string;
    readonly droppedDialogs: DroppedDialogs;
    /** Why a request cannot be made on the connection now (sip-registration.ts); else undefined. */
    readonly connectionRefusal: (action: ConnectorAction) => Error | undefined;
}

/**
 * The SIP connector's live calls and what every part of it does with them (call states in
 * sip-call.ts): a session's events, the end of a call (once, with its reason), which call is
 * heard, the ringtone, and the agent's requests that wait for the network's confirmation.
 */
export class SipCallTable {
    readonly events: ConnectorEvents;
    readonly media: SipMedia;
    readonly logger: SipLogger;
    // The handover part (sip-handover.ts); an ES private field: no cycle in a JSON dump.
    #conference?: SipConferenceView;
    private readonly calls = new Map<string, SipCall>();
    private readonly endedCallIds = new Set<string>();
    /** The call whose far end the remote audio element plays. */
    private audibleCallId?: string;

    constructor(private readonly options: SipCallTableOptions) {
        this.events = options.events;
        this.media = options.media;
        this.logger = options.logger;
    }

    /** The conference mixed in the browser, as far as the calls' life needs it. */
    get conference(): SipConferenceView | undefined {
        return this.#conference;
    }

    attachConference(conference: SipConferenceView): void {
        this.#conference = conference;
    }

    get(callId: string): SipCall | undefined {
        return this.calls.get(callId);
    }

    has(callId: string): boolean {
        return this.calls.has(callId);
    }

    /** Ids of the calls that have not ended, oldest first. */
    ids(): string[] {
        return [...this.calls.keys()];
    }

    connectionRefusal(action: ConnectorAction): Error | undefined {
        return this.options.connectionRefusal(action);
    }

    add(id: string, direction: SipCall['direction'], state: SipCallState): SipCall {
        const call: SipCall = {
            id,
            direction,
            state,
            sipCallId: '',
            ringingReported: false,
            ice: new IceCutoff(
                this.options.hasIceServers,
                this.options.iceMaxWaitMs,
                this.options.scheduler
            )
        };
        this.calls.set(id, call);
        return call;
    }

    /** A call that never got going (the stack refused it): gone, its id never reused. */
    discard(id: string): void {
        this.calls.delete(id);
        this.endedCallIds.add(id);
    }

    newCallId(action: ConnectorAction): string | Error {
        const id = this.options.idGenerator();
        return this.calls.has(id) || this.endedCallIds.has(id)
            ? new Error(label('Softphone_Sip_Repeated_Call_Id', actionWord(action), id))
            : id;
    }

    onSessionEvent(call: SipCall, event: SipSessionEvent): void {
        if (!this.calls.has(call.id)) {
            return;
        }
        switch (event.type) {
            case 'progress':
                if (
                    call.direction === 'outbound' &&
                    event.originator === 'remote' &&
                    !call.ringingReported
                ) {
                    call.ringingReported = true;
                    this.events.emit({ type: 'remoteRinging', callId: call.id });
                }
                return;
            case 'accepted':
                this.onAccepted(call);
                return;
            case 'ended':
            case 'failed':
                this.finish(call, event.end);
                return;
            case 'iceCandidate':
                call.ice.onCandidate(event.candidate);
                return;
            case 'remoteStream':
                call.remoteStream = event.stream;
                // A call answered while ringing has its far end's track before the agent answers.
                if (call.state !== 'held' && call.state !== 'ringing') {
                    this.makeAudible(call);
                }
                return;
            case 'hold':
            case 'unhold':
                if (event.originator === 'remote') {
                    // i18n-exempt: diagnostic log
                    this.logger('info', `The far end sent ${event.type}.`, { callId: call.id });
                }
                return;
            case 'confirmed':
                return;
        }
    }

    /** The agent ends the call: their reason wins over whatever SIP cause JsSIP reports. */
    endByAgent(
        call: SipCall,
        reason: CallEndReason,
        response: { statusCode?: number; reasonPhrase?: string } = {},
        message?: string
    ): void {
        call.localEnd = { reason, ...(message === undefined ? {} : { message }) };
        try {
            call.session?.terminate(response);
        } catch (error) {
            // i18n-exempt: diagnostic log
            this.logger('debug', 'The SIP session was already over.', { error: errorText(error) });
        }
        // JsSIP reports the end synchronously; this covers a session that had already ended.
        this.finish(call, { originator: 'local', cause: 'Terminated' });
    }

    finish(call: SipCall, end: SipEnd): void {
        if (!this.calls.has(call.id)) {
            return;
        }
        const transfer = call.transfer;
        if (transfer) {
            transfer.cancel();
            call.transfer = undefined;
            if (transfer.accepted && !call.localEnd) {
                // The PBX took the transfer: whoever ends the call now, it has been handed on.
                transfer.onTransferred?.();
                call.localEnd = {
                    reason: 'transferred',
                    message: transferredMessage(transfer.target)
                };
            }
        }
        const reason = call.localEnd?.reason ?? callEndReasonFor(end);
        const message = call.localEnd ? call.localEnd.message : endMessage(call, end);
        this.calls.delete(call.id);
        this.endedCallIds.add(call.id);
        call.ice.cancel();
        // A held 200 OK of an ended session: JsSIP's set-up sees the end and sends nothing.
        call.heldAnswer?.open();
        call.microphone?.release();
        if (call.localStream) {
            this.media.releaseLocalStream(call.localStream);
        }
        if (call.standIn) {
            this.media.releaseLocalStream(call.standIn);
        }
        if (this.audibleCallId === call.id) {
            this.audibleCallId = undefined;
            this.media.playRemoteStream(null);
        }
        this.updateRingtone();
        if (call.pending) {
            const pending = call.pending;
            call.pending = undefined;
            pending.reject(
                new Error(
                    label(
                        'Softphone_Simulator_Ended_Before',
                        call.id,
                        reason,
                        actionWord(pending.action)
                    )
                )
            );
        }
        // i18n-exempt: diagnostic log
        this.logger('info', 'Call ended.', {
            callId: call.id,
            reason,
            cause: end.cause,
            statusCode: end.statusCode
        });
        this.events.emit({
            type: 'ended',
            callId: call.id,
            reason,
            ...(message === undefined ? {} : { message })
        });
        this.conference?.leave(call.id);
    }

    /**
     * Ends every live call; their JsSIP sessions are terminated too, closing their media. With
     * keepDialogs (the WebSocket is gone), an established call's session is kept instead, to
     * send its BYE when the WebSocket is back (dropped-dialogs.ts).
     */
    endAll(reason: CallEndReason, { keepDialogs = false } = {}): void {
        for (const call of [...this.calls.values()]) {
            call.localEnd = { reason };
            const established = call.state === 'connected' || call.state === 'held';
            if (keepDialogs && established && call.session) {
                this.options.droppedDialogs.keep(call.id, call.session);
            } else {
                try {
                    call.session?.terminate();
                } catch {
                    // Already over: finish() below reports it either way.
                }
            }
            // i18n-exempt: JsSIP's cause name for a lost connection (end-reason.ts reads it)
            this.finish(call, { originator: 'system', cause: 'Connection Error' });
        }
    }

    /** The remote audio element plays this call's far end (unless the conference mix does). */
    makeAudible(call: SipCall): void {
        if (this.conference?.has(call.id)) {
            // The conference mix plays every party already.
            return;
        }
        if (call.remoteStream) {
            this.audibleCallId = call.id;
            this.media.playRemoteStream(call.remoteStream);
        }
    }

    /** The conference mix plays now: no single call is the audible one. */
    mixAudio(): void {
        this.audibleCallId = undefined;
    }

    /** Rings while any inbound call rings, and only then. */
    updateRingtone(): void {
        const ringing = [...this.calls.values()].some((call) => call.state === 'ringing');
        if (ringing) {
            this.media.startRingtone();
        } else {
            this.media.stopRingtone();
        }
    }

    /**
     * Runs `start` as the call's pending request; the returned promise settles when settle()
     * is called for it (the network confirmed) or the call ends, or rejects when start throws.
     */
    awaitConfirmation(
        call: SipCall,
        action: ConnectorAction,
        start: (pending: PendingRequest) => Promise<void>
    ): Promise<void> {
        return new Promise<void>((resolve, reject) => {
            const pending: PendingRequest = { action, resolve, reject };
            call.pending = pending;
            let started: Promise<void>;
            try {
                started = start(pending);
            } catch (error) {
                started = Promise.reject(error);
            }
            // A request that cannot start clears its pending mark, so the next one may run.
            started.catch((error: unknown) => {
                this.settle(
                    call,
                    pending,
                    error instanceof Error ? error : new Error(String(error))
                );
            });
        });
    }

    settle(call: SipCall, pending: PendingRequest, error?: Error): void {
        if (call.pending !== pending) {
            return;
        }
        call.pending = undefined;
        if (error) {
            pending.reject(error);
        } else {
            pending.resolve();
        }
    }

    /** Validates a request against the connection and the call's state, then performs it. */
    request(
        action: ConnectorAction,
        callId: string,
        allowed: readonly SipCallState[],
        perform: (call: SipCall) => Promise<void>
    ): Promise<void> {
        const refusal = this.connectionRefusal(action);
        if (refusal) {
            return Promise.reject(refusal);
        }
        const call = this.calls.get(callId);
        if (!call) {
            return Promise.reject(
                new Error(
                    label(
                        this.endedCallIds.has(callId)
                            ? 'Softphone_Connector_Call_Ended'
                            : 'Softphone_Listener_No_Such_Call',
                        actionWord(action),
                        callId
                    )
                )
            );
        }
        if (call.pending && action !== 'hangup' && action !== 'mute') {
            return Promise.reject(
                new Error(
                    label(
                        'Softphone_Sip_Request_In_Progress',
                        actionWord(action),
                        callId,
                        actionWord(call.pending.action)
                    )
                )
            );
        }
        if (call.transfer && action !== 'hangup' && action !== 'mute') {
            return Promise.reject(
                new Error(label('Softphone_Sip_Being_Transferred', actionWord(action), callId))
            );
        }
        const wrongState = callStateRefusal(actionWord(action), callId, call.state, allowed);
        if (wrongState) {
            return Promise.reject(wrongState);
        }
        return perform(call);
    }

    private onAccepted(call: SipCall): void {
        if (call.state !== 'dialing' && call.state !== 'answering') {
            return;
        }
        call.state = 'connected';
        call.ice.cancel();
        if (call.remoteStream) {
            this.makeAudible(call);
        }
        this.events.emit({ type: 'answered', callId: call.id });
        if (call.pending?.action === 'answer') {
            this.settle(call, call.pending);
        }
    }
}

/** JsSIP ends a call whose hold or resume re-INVITE was refused: say that, not 'WebRTC Error'. */
function endMessage(call: SipCall, end: SipEnd): string | undefined {
    const action = call.pending?.action;
    if (end.originator === 'local' && (action === 'hold' || action === 'resume')) {
        return label('Softphone_Sip_Refused_Ended', actionWord(action));
    }
    return sipEndMessage(end);
}
