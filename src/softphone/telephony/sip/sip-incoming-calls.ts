import { label } from '../../i18n';
import type { CallData } from '../call-data';
import type { Scheduler } from '../scheduler';
import { callerIdFrom, callerNumber } from './caller-id';
import { callerIdPolicyFor } from './caller-id-policy';
import { MicrophonePrefetch } from './microphone-prefetch';
import { SdpGate } from './sdp-gate';
import type { PendingRequest, SipCall } from './sip-call';
import { sipCallData, type SipDataHeader } from './sip-call-data';
import type { SipCallTable } from './sip-call-table';
import type { SipConnectorOptions } from './sip-connector-options';
import { errorText, microphoneError } from './sip-errors';
import type { RawCallerIdentity, SipSession } from './sip-user-agent';

/** JsSIP's no_answer_timeout (its default, which the connector keeps): then 408. */
export const SIP_NO_ANSWER_MS = 60_000;

export interface SipIncomingCallsOptions {
    readonly calls: SipCallTable;
    readonly scheduler: Scheduler;
    readonly settings: SipConnectorOptions['settings'];
    readonly callDataHeaders: readonly SipDataHeader[];
}

/**
 * The SIP connector's inbound calls: the INVITE announced as 'incoming' (who calls: caller-id.ts;
 * the call data: sip-call-data.ts), the microphone opened and the answer made while it rings, its
 * 200 OK held until the agent answers (sdp-gate.ts).
 */
export class SipIncomingCalls {
    constructor(private readonly options: SipIncomingCallsOptions) {}

    onIncomingCall(session: SipSession, caller: RawCallerIdentity): void {
        const calls = this.options.calls;
        if (calls.connectionRefusal('receiveCall')) {
            // i18n-exempt: the SIP reason phrase
            session.terminate({ statusCode: 480, reasonPhrase: 'Temporarily Unavailable' });
            return;
        }
        const id = calls.newCallId('receiveCall');
        if (id instanceof Error) {
            calls.logger('error', id.message);
            // i18n-exempt: the SIP reason phrase
            session.terminate({ statusCode: 500, reasonPhrase: 'Server Internal Error' });
            return;
        }
        const call = calls.add(id, 'inbound', 'ringing');
        call.session = session;
        call.sipCallId = session.sipCallId;
        session.setListener((event) => calls.onSessionEvent(call, event));
        const callerId = callerIdFrom(caller, callerIdPolicyFor(this.options.settings));
        // i18n-exempt: diagnostic log
        calls.logger('info', 'Incoming call.', {
            callId: id,
            sipCallId: call.sipCallId,
            callerIdSource: callerId.source
        });
        calls.events.emit({
            type: 'incoming',
            callId: id,
            from: callerId.from,
            ...(callerId.fromName === undefined ? {} : { fromName: callerId.fromName }),
            to: callerNumber(caller.toUser),
            ...this.callDataOf(caller)
        });
        // After the event: the screen pop's search goes out before the ringtone starts.
        calls.updateRingtone();
        if (calls.has(id)) {
            call.microphone = new MicrophonePrefetch(calls.media);
            if (!this.prepareAnswerWithStandIn(call, call.microphone)) {
                void this.prepareAnswer(call, call.microphone);
            }
        }
    }

    answer(callId: string): Promise<void> {
        const calls = this.options.calls;
        return calls.request('answer', callId, ['ringing'], (call) =>
            calls.awaitConfirmation(call, 'answer', async (pending) => {
                call.state = 'answering';
                calls.updateRingtone();
                const held = call.heldAnswer;
                if (held) {
                    if (call.standIn && call.microphone?.failure !== undefined) {
                        // The microphone failed while ringing: asked again before the answer.
                        const again = await this.microphoneForAnswer(call, pending, () =>
                            calls.media.getLocalStream()
                        );
                        if (!again) {
                            return;
                        }
                        void this.putMicrophoneOn(call, held, again);
                    }
                    // The answer was made while the call rang: its 200 OK leaves now (or as
                    // soon as it is made).
                    call.heldAnswer = undefined;
                    held.open();
                    return;
                }
                const stream = await this.microphoneForAnswer(
                    call,
                    pending,
                    () => call.microphone?.take() ?? calls.media.getLocalStream()
                );
                if (!stream) {
                    return;
                }
                call.localStream = stream;
                try {
                    call.session?.answer({
                        mediaStream: stream,
                        iceServers: this.options.settings.iceServers
                    });
                } catch (error) {
                    call.state = 'ringing';
                    call.localStream = undefined;
                    calls.media.releaseLocalStream(stream);
                    calls.updateRingtone();
                    throw new Error(
                        label('Softphone_Sip_Answer_Failed', call.id, errorText(error))
                    );
                }
            })
        );
    }

    /**
     * The microphone for an answer, or undefined when the call ended or the request changed
     * meanwhile. A refusal leaves the call ringing and tells the agent why.
     */
    private async microphoneForAnswer(
        call: SipCall,
        pending: PendingRequest,
        open: () => Promise<MediaStream>
    ): Promise<MediaStream | undefined> {
        const calls = this.options.calls;
        let stream: MediaStream;
        try {
            stream = await open();
        } catch (error) {
            if (call.pending === pending) {
                call.state = 'ringing';
                calls.updateRingtone();
            }
            throw microphoneError('answer', error);
        }
        if (!calls.has(call.id) || call.pending !== pending) {
            calls.media.releaseLocalStream(stream);
            return undefined;
        }
        return stream;
    }

    /**
     * Answers the ringing call at once with a silent stand-in for the microphone, its 200 OK
     * held (sdp-gate.ts), when the browser says the microphone may open: getUserMedia takes
     * tens of milliseconds, which an agent who answers at once would otherwise wait for. The
     * microphone replaces the stand-in as soon as it opens; nothing is sent before Answer.
     * False when there is no stand-in (the answer then waits for the microphone).
     */
    private prepareAnswerWithStandIn(call: SipCall, microphone: MicrophonePrefetch): boolean {
        const calls = this.options.calls;
        const standIn = calls.media.silentStandIn?.();
        if (!standIn) {
            return false;
        }
        const gate = this.answerHeld(call, standIn);
        if (!gate) {
            return false;
        }
        call.standIn = standIn;
        void this.swapInMicrophone(call, gate, microphone);
        return true;
    }

    /**
     * The microphone, once open, replaces the stand-in. If it cannot open, a call still ringing
     * waits for Answer (which asks again); a call already answered ends, saying why: the caller
     * could not hear the agent.
     */
    private async swapInMicrophone(
        call: SipCall,
        gate: SdpGate,
        microphone: MicrophonePrefetch
    ): Promise<void> {
        const calls = this.options.calls;
        const stream = await microphone.takeIfOpen();
        if (calls.get(call.id) !== call) {
            if (stream) {
                calls.media.releaseLocalStream(stream);
            }
            return;
        }
        if (stream) {
            await this.putMicrophoneOn(call, gate, stream);
        } else if (microphone.failure !== undefined && gate.isOpen) {
            calls.endByAgent(
                call,
                'failed',
                {},
                microphoneError('answer', microphone.failure).message
            );
        }
    }

    /** Sends the microphone instead of the stand-in, muted or held as the stand-in was. */
    private async putMicrophoneOn(
        call: SipCall,
        gate: SdpGate,
        stream: MediaStream
    ): Promise<void> {
        const calls = this.options.calls;
        // Kept on the call at once: a call ending meanwhile stops the microphone with it.
        call.localStream = stream;
        await gate.prepared;
        const track = stream.getAudioTracks()[0];
        const sender = call.session?.audioSender();
        if (calls.get(call.id) !== call || !track || !sender) {
            return;
        }
        // JsSIP disables the sent track while muted or held: the microphone's follows.
        track.enabled = sender.track?.enabled ?? true;
        try {
            await sender.replaceTrack(track);
        } catch (error) {
            // i18n-exempt: a diagnostic log line
            calls.logger('warn', 'Could not send the microphone instead of the silent stand-in.', {
                callId: call.id,
                error: errorText(error)
            });
            return;
        }
        if (call.standIn) {
            calls.media.releaseLocalStream(call.standIn);
            call.standIn = undefined;
        }
    }

    /**
     * Answers the ringing call as soon as its microphone is open, its 200 OK held (sdp-gate.ts):
     * the peer connection, the answer and ICE gathering are done while it rings, and answer()
     * only releases the 200 OK. Nothing reaches the caller before then; a call that ends first
     * gets its final response as before.
     */
    private async prepareAnswer(call: SipCall, microphone: MicrophonePrefetch): Promise<void> {
        const calls = this.options.calls;
        const stream = await microphone.takeIfOpen();
        if (!stream) {
            return;
        }
        if (calls.get(call.id) !== call || call.state !== 'ringing' || call.pending) {
            calls.media.releaseLocalStream(stream);
            return;
        }
        if (this.answerHeld(call, stream)) {
            call.localStream = stream;
        }
    }

    /**
     * Answers with `stream`, the 200 OK held until the agent answers. Undefined when the stack
     * refused (the stream is stopped; answer() asks for the microphone again and tries then).
     */
    private answerHeld(call: SipCall, stream: MediaStream): SdpGate | undefined {
        const calls = this.options.calls;
        const gate = new SdpGate();
        try {
            call.session?.answer({
                mediaStream: stream,
                iceServers: this.options.settings.iceServers,
                holdUntil: gate
            });
        } catch (error) {
            calls.media.releaseLocalStream(stream);
            // i18n-exempt: a diagnostic log line
            calls.logger('debug', 'Could not prepare the answer while ringing.', {
                callId: call.id,
                error: errorText(error)
            });
            return undefined;
        }
        call.heldAnswer = gate;
        this.keepNoAnswerTimeout(call);
        return gate;
    }

    /** JsSIP's answer() stops its own no-answer timer: the same 408, after the same time. */
    private keepNoAnswerTimeout(call: SipCall): void {
        const calls = this.options.calls;
        this.options.scheduler.setTimeout(() => {
            if (calls.get(call.id) === call && call.state === 'ringing') {
                calls.endByAgent(call, 'no-answer', {
                    statusCode: 408,
                    // i18n-exempt: the SIP reason phrase
                    reasonPhrase: 'Request Timeout'
                });
            }
        }, SIP_NO_ANSWER_MS);
    }

    /** The INVITE's call data (DNIS, redirecting number, the admin's headers); none when empty. */
    private callDataOf(caller: RawCallerIdentity): { data?: CallData } {
        const data = sipCallData(caller, this.options.callDataHeaders);
        return Object.keys(data).length === 0 ? {} : { data };
    }
}
