import type { TransferProgress } from '../call-handover';
import { label } from '../../i18n';
import { callStateRefusal } from '../connector-events';
import { actionWord } from '../connector-words';
import type { Scheduler } from '../scheduler';
import type { DialPlan } from './dial-plan';
import { dialTarget } from './dial-plan';
import type { SipCall } from './sip-call';
import type { SipCallTable, SipConferenceView } from './sip-call-table';
import type { MixerAudioContext, MixerLevels } from './sip-conference-mixer';
import { SipConferenceMixer } from './sip-conference-mixer';
import type { SipConnectorOptions } from './sip-connector-options';
import { errorText } from './sip-errors';
import type { SipInCallRequests } from './sip-in-call-requests';
import type { SipOutgoingCalls } from './sip-outgoing-calls';
import type { SipTransferResult } from './sip-transfer';
import {
    consultTarget,
    followRefer,
    transferProgressFor,
    transferredMessage
} from './sip-transfer';

type SipTransferFailure = Extract<SipTransferResult, { ok: false }>;

export interface SipHandoverOptions {
    readonly calls: SipCallTable;
    readonly inCall: SipInCallRequests;
    readonly outgoing: SipOutgoingCalls;
    readonly settings: SipConnectorOptions['settings'];
    readonly dialPlan: DialPlan;
    readonly scheduler: Scheduler;
    readonly transferNotifyTimeoutMs: number;
    readonly audioContext?: () => MixerAudioContext;
}

/**
 * The SIP connector's handover: transfers by REFER (sip-transfer.ts), consult calls, and the
 * conference mixed in the browser (sip-conference-mixer.ts).
 */
export class SipHandover implements SipConferenceView {
    /** The conference mixed in the browser, while there is one. */
    private mixer?: SipConferenceMixer;

    constructor(private readonly options: SipHandoverOptions) {}

    has(callId: string): boolean {
        return this.mixer?.has(callId) ?? false;
    }

    partyIds(): string[] {
        return this.mixer?.partyIds() ?? [];
    }

    /**
     * Blind transfer: a REFER to `target` on the call's dialog. Resolves when the PBX accepted
     * the REFER (202); 'transfer' events then follow its NOTIFYs (sip-transfer.ts) and, once
     * the target took the call, the agent's leg ends with 'transferred'. A refused REFER
     * rejects; a NOTIFY with a failure reports 'failed', the call staying as it was.
     */
    blindTransfer(callId: string, target: string): Promise<void> {
        const destination = dialTarget(target, this.options.settings.domain, this.options.dialPlan);
        if (!destination.ok) {
            return Promise.reject(new Error(destination.message));
        }
        return this.options.calls.request('transfer', callId, ['connected', 'held'], (call) =>
            this.referCall(call, destination.uri, destination.user)
        );
    }

    /** A consult call: holds the call if it is not yet, then dials `target` (a new call). */
    async startConsult(callId: string, target: string): Promise<string> {
        const call = this.options.calls.get(callId);
        if (call?.state === 'connected') {
            await this.options.inCall.hold(callId);
        } else {
            const refusal =
                this.options.calls.connectionRefusal('consult') ??
                (call
                    ? callStateRefusal(actionWord('consult'), callId, call.state, [
                          'connected',
                          'held'
                      ])
                    : new Error(
                          label('Softphone_Listener_No_Such_Call', actionWord('consult'), callId)
                      ));
            if (refusal) {
                throw refusal;
            }
        }
        return this.options.outgoing.dial(target);
    }

    /**
     * Consult transfer: REFERs the held call to the far end of the consult call, with Replaces
     * (RFC 3891), so that the two far ends talk and both agent legs end ('transferred'). Same
     * promise and events as blindTransfer(), the target being the consult call's number.
     */
    completeConsult(callId: string, consultCallId: string): Promise<void> {
        const consult = this.options.calls.get(consultCallId);
        if (!consult || consultCallId === callId) {
            return Promise.reject(
                new Error(
                    label(
                        consult ? 'Softphone_Sip_Consult_Is_Itself' : 'Softphone_Sip_Consult_Ended',
                        consultCallId
                    )
                )
            );
        }
        const consultRefusal = callStateRefusal(
            actionWord('completeConsult'),
            consultCallId,
            consult.state,
            ['connected', 'held']
        );
        if (consultRefusal) {
            return Promise.reject(consultRefusal);
        }
        const target = consultTarget(consult.dialledUri);
        if (!target) {
            return Promise.reject(
                new Error(label('Softphone_Sip_Consult_Not_Dialled', consultCallId))
            );
        }
        return this.options.calls.request('transfer', callId, ['connected', 'held'], (call) =>
            this.referCall(call, target.uri, target.user, consult)
        );
    }

    /** Ends the consult call and resumes the held one. */
    async cancelConsult(callId: string, consultCallId: string): Promise<void> {
        if (this.options.calls.has(consultCallId)) {
            await this.options.inCall.hangup(consultCallId);
        }
        await this.options.inCall.resume(callId);
    }

    /**
     * Merges the held and the active call into a conference mixed in the browser: the held
     * call is resumed, then each party hears the agent and the other, and the agent hears
     * both (sip-conference-mixer.ts). Reported with a 'conference' event.
     */
    mergeCalls(heldCallId: string, activeCallId: string): Promise<void> {
        return this.conference([heldCallId, activeCallId]);
    }

    /** Hangs up one party of the conference; the others stay. */
    dropParty(callId: string): Promise<void> {
        if (!this.mixer?.has(callId)) {
            return Promise.reject(
                new Error(label('Softphone_Connector_Not_In_Conference', callId))
            );
        }
        return this.options.inCall.hangup(callId);
    }

    /**
     * Merges calls into one conference mixed in the browser: held calls are resumed, then each
     * party hears the agent and the others and the agent hears everyone. A call that ends
     * leaves the mix; with one call left, the mix closes.
     */
    async conference(callIds: readonly string[]): Promise<void> {
        const ids = [...new Set(callIds)];
        if (ids.length < 2) {
            throw new Error(label('Softphone_Sip_Merge_Needs_Two'));
        }
        for (const id of ids) {
            const call = this.options.calls.get(id);
            if (call?.state === 'held') {
                await this.options.inCall.resume(id);
            } else if (!call || call.state !== 'connected') {
                const refusal =
                    this.options.calls.connectionRefusal('merge') ??
                    (call
                        ? callStateRefusal(actionWord('merge'), id, call.state, [
                              'connected',
                              'held'
                          ])
                        : new Error(
                              label('Softphone_Connector_Call_Ended', actionWord('merge'), id)
                          ));
                throw refusal ?? new Error(label('Softphone_Sip_Cannot_Merge', id));
            }
        }
        const calls = ids.map((id) => this.options.calls.get(id));
        const parties = calls.map((call, index) => {
            const sender = call?.session?.audioSender();
            if (!call || !sender || !call.remoteStream) {
                const id = ids[index] ?? '';
                throw new Error(
                    call
                        ? label('Softphone_Sip_Merge_No_Audio', id)
                        : label('Softphone_Connector_Call_Ended', actionWord('merge'), id)
                );
            }
            return { id: call.id, remoteStream: call.remoteStream, sender };
        });
        const microphone = calls.find((call) => call?.localStream)?.localStream;
        if (!microphone) {
            throw new Error(label('Softphone_Sip_Merge_No_Microphone'));
        }
        let mixer = this.mixer;
        if (!mixer) {
            mixer = new SipConferenceMixer({
                context: this.createAudioContext(),
                microphone,
                play: (stream) => this.options.calls.media.playRemoteStream(stream),
                onError: (partyId, error) =>
                    // i18n-exempt: diagnostic log
                    this.options.calls.logger('warn', 'A call did not take the conference mix.', {
                        callId: partyId,
                        error: errorText(error)
                    })
            });
            this.mixer = mixer;
            this.options.calls.mixAudio();
        }
        for (const party of parties) {
            mixer.add(party);
        }
        // i18n-exempt: diagnostic log
        this.options.calls.logger('info', 'Conference mixed in the browser.', {
            callIds: mixer.partyIds()
        });
        this.options.calls.events.emit({ type: 'conference', callIds: mixer.partyIds() });
    }

    /** The calls in the conference mixed in the browser, and what each hears (for tests, bench). */
    conferenceDetails(): { callIds: string[]; levels: MixerLevels } | undefined {
        return this.mixer
            ? { callIds: this.mixer.partyIds(), levels: this.mixer.levels() }
            : undefined;
    }

    /**
     * Sends the REFER and follows its NOTIFYs (sip-transfer.ts). The request settles on the
     * answer to the REFER; the call keeps a transfer mark (refusing other requests but hang-up
     * and mute) until the final NOTIFY, reported as 'transfer' events.
     */
    private referCall(
        call: SipCall,
        uri: string,
        target: string,
        consult?: SipCall
    ): Promise<void> {
        return this.options.calls.awaitConfirmation(call, 'transfer', (pending) => {
            const session = call.session;
            if (!session) {
                throw new Error(label('Softphone_Sip_Transfer_No_Session', call.id));
            }
            let progress: TransferProgress | undefined;
            const report = (next: TransferProgress, failure?: SipTransferFailure): void => {
                if (next === progress) {
                    return;
                }
                progress = next;
                this.options.calls.events.emit({
                    type: 'transfer',
                    callId: call.id,
                    target,
                    progress: next,
                    ...(failure ? { reason: failure.reason, message: failure.message } : {})
                });
            };
            const marks: { leg: SipCall; mark: NonNullable<SipCall['transfer']> }[] = [];
            const following = followRefer({
                session,
                uri,
                target,
                ...(consult?.session ? { replaces: consult.session } : {}),
                scheduler: this.options.scheduler,
                notifyTimeoutMs: this.options.transferNotifyTimeoutMs,
                onAccepted: () => {
                    for (const { mark } of marks) {
                        mark.accepted = true;
                    }
                    // i18n-exempt: diagnostic log
                    this.options.calls.logger('info', 'The phone system accepted the transfer.', {
                        callId: call.id,
                        target
                    });
                    this.options.calls.settle(call, pending);
                    report('trying');
                },
                onProgress: (statusCode) => {
                    // i18n-exempt: diagnostic log
                    this.options.calls.logger('info', 'Transfer progress.', {
                        callId: call.id,
                        statusCode
                    });
                    report(transferProgressFor(statusCode));
                }
            });
            // Only the REFERred call's end stops the following: the consult leg's end is the
            // target replacing it.
            marks.push({
                leg: call,
                mark: {
                    target,
                    accepted: false,
                    cancel: following.cancel,
                    onTransferred: () => report('accepted')
                }
            });
            if (consult) {
                marks.push({
                    leg: consult,
                    mark: { target, accepted: false, cancel: () => undefined }
                });
            }
            for (const { leg, mark } of marks) {
                leg.transfer = mark;
            }
            void following.result.then((result) => {
                for (const { leg, mark } of marks) {
                    if (leg.transfer === mark) {
                        leg.transfer = undefined;
                    }
                }
                if (!this.options.calls.has(call.id)) {
                    return;
                }
                if (!result.ok) {
                    if (call.pending === pending) {
                        this.options.calls.settle(call, pending, new Error(result.message));
                    } else {
                        report('failed', result);
                    }
                    return;
                }
                report('accepted');
                for (const { leg } of marks) {
                    if (this.options.calls.has(leg.id)) {
                        this.options.calls.endByAgent(
                            leg,
                            'transferred',
                            {},
                            transferredMessage(target)
                        );
                    }
                }
            });
            return Promise.resolve();
        });
    }

    /** A call that ended leaves the browser's mix; with fewer than two calls it closes. */
    leave(callId: string): void {
        const mixer = this.mixer;
        if (!mixer?.has(callId)) {
            return;
        }
        mixer.remove(callId);
        this.options.calls.events.emit({ type: 'conference', callIds: mixer.partyIds() });
        if (mixer.partyIds().length >= 2) {
            return;
        }
        const left = mixer.partyIds()[0];
        mixer.close();
        this.mixer = undefined;
        const remaining = left === undefined ? undefined : this.options.calls.get(left);
        if (remaining && remaining.state !== 'held') {
            this.options.calls.makeAudible(remaining);
        }
    }

    private createAudioContext(): MixerAudioContext {
        return this.options.audioContext ? this.options.audioContext() : new AudioContext();
    }
}
