import { label } from '../../i18n';
import { normaliseDtmf } from '../dtmf';
import type { SipCallTable } from './sip-call-table';
import type { SipConnectorOptions } from './sip-connector-options';
import { errorText } from './sip-errors';

export type SipInCallRequestsOptions = Required<
    Pick<SipConnectorOptions, 'declineStatus' | 'dtmfTransport' | 'dtmfInfoFallback'>
> & { readonly calls: SipCallTable };

/**
 * The agent's requests on a live SIP call: decline, hang up, hold and resume (re-INVITEs that
 * resolve on the far end's answer), mute, and DTMF (RFC 4733, or SIP INFO).
 */
export class SipInCallRequests {
    constructor(private readonly options: SipInCallRequestsOptions) {}

    decline(callId: string): Promise<void> {
        const calls = this.options.calls;
        return calls.request('decline', callId, ['ringing'], (call) => {
            const status = this.options.declineStatus;
            calls.endByAgent(call, 'declined', {
                statusCode: status,
                // i18n-exempt: SIP reason phrases sent to the PBX
                reasonPhrase: status === 603 ? 'Decline' : 'Busy Here'
            });
            return Promise.resolve();
        });
    }

    hangup(callId: string): Promise<void> {
        const calls = this.options.calls;
        return calls.request(
            'hangup',
            callId,
            ['dialing', 'answering', 'connected', 'held'],
            (call) => {
                calls.endByAgent(call, 'local-hangup');
                return Promise.resolve();
            }
        );
    }

    hold(callId: string): Promise<void> {
        const calls = this.options.calls;
        return calls.request('hold', callId, ['connected'], (call) =>
            calls.awaitConfirmation(call, 'hold', (pending) => {
                const sent = call.session?.hold(() => {
                    if (call.pending === pending && calls.has(call.id)) {
                        call.state = 'held';
                        calls.events.emit({ type: 'held', callId: call.id });
                        calls.settle(call, pending);
                    }
                });
                if (!sent) {
                    throw new Error(label('Softphone_Sip_Hold_Busy', call.id));
                }
                return Promise.resolve();
            })
        );
    }

    resume(callId: string): Promise<void> {
        const calls = this.options.calls;
        return calls.request('resume', callId, ['held'], (call) =>
            calls.awaitConfirmation(call, 'resume', (pending) => {
                const sent = call.session?.unhold(() => {
                    if (call.pending === pending && calls.has(call.id)) {
                        call.state = 'connected';
                        calls.makeAudible(call);
                        calls.events.emit({ type: 'resumed', callId: call.id });
                        calls.settle(call, pending);
                    }
                });
                if (!sent) {
                    throw new Error(label('Softphone_Sip_Resume_Busy', call.id));
                }
                return Promise.resolve();
            })
        );
    }

    setMuted(callId: string, muted: boolean): Promise<void> {
        const calls = this.options.calls;
        return calls.request('mute', callId, ['dialing', 'connected', 'held'], (call) => {
            if (!call.session) {
                return Promise.reject(new Error(label('Softphone_Sip_Mute_No_Audio', call.id)));
            }
            call.session.setMuted(muted);
            // In a conference one microphone feeds every mix: muting one party mutes them all.
            for (const id of calls.conference?.has(call.id) ? calls.conference.partyIds() : []) {
                calls.get(id)?.session?.setMuted(muted);
            }
            return Promise.resolve();
        });
    }

    sendDtmf(callId: string, digits: string): Promise<void> {
        const calls = this.options.calls;
        const tones = normaliseDtmf(digits);
        if (tones === undefined) {
            return Promise.reject(new Error(label('Softphone_Simulator_Bad_Dtmf', digits)));
        }
        return calls.request('sendDtmf', callId, ['connected'], (call) => {
            const session = call.session;
            if (!session) {
                return Promise.reject(new Error(label('Softphone_Sip_Dtmf_Not_Yet', call.id)));
            }
            try {
                if (this.options.dtmfTransport === 'info') {
                    session.sendDtmf(tones, 'INFO');
                } else if (!session.sendDtmf(tones, 'RFC2833')) {
                    if (!this.options.dtmfInfoFallback) {
                        throw new Error(label('Softphone_Sip_No_Tone_Channel'));
                    }
                    // i18n-exempt: diagnostic log
                    calls.logger('info', 'No RTP channel for tones; sending DTMF by SIP INFO.', {
                        callId
                    });
                    session.sendDtmf(tones, 'INFO');
                }
            } catch (error) {
                return Promise.reject(
                    new Error(label('Softphone_Sip_Dtmf_Failed', call.id, errorText(error)))
                );
            }
            return Promise.resolve();
        });
    }
}
