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
                reasonPhrase: status === 603 ? 'Decline' : 'Busy Here'
            });
            return Promise.resolve();
        });
    }

    hangup(callId: string): Promise<void> {
        const calls = this.options.calls;
        return calls.request(
            'hang up',
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
                    throw new Error(
                        `Cannot hold call "${call.id}" now: another SIP request on it is in progress.`
                    );
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
                    throw new Error(
                        `Cannot resume call "${call.id}" now: another SIP request on it is in progress.`
                    );
                }
                return Promise.resolve();
            })
        );
    }

    setMuted(callId: string, muted: boolean): Promise<void> {
        const calls = this.options.calls;
        return calls.request('mute', callId, ['dialing', 'connected', 'held'], (call) => {
            if (!call.session) {
                return Promise.reject(
                    new Error(`Cannot mute call "${call.id}": its audio is not set up yet.`)
                );
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
            return Promise.reject(
                new Error(`Cannot send DTMF "${digits}": use only 0-9, *, # and A-D.`)
            );
        }
        return calls.request('send DTMF on', callId, ['connected'], (call) => {
            const session = call.session;
            if (!session) {
                return Promise.reject(new Error(`Cannot send DTMF on call "${call.id}" yet.`));
            }
            try {
                if (this.options.dtmfTransport === 'info') {
                    session.sendDtmf(tones, 'INFO');
                } else if (!session.sendDtmf(tones, 'RFC2833')) {
                    if (!this.options.dtmfInfoFallback) {
                        throw new Error('the call has no audio channel for RFC 4733 tones');
                    }
                    calls.logger('info', 'No RTP channel for tones; sending DTMF by SIP INFO.', {
                        callId
                    });
                    session.sendDtmf(tones, 'INFO');
                }
            } catch (error) {
                return Promise.reject(
                    new Error(`Cannot send DTMF on call "${call.id}": ${errorText(error)}`)
                );
            }
            return Promise.resolve();
        });
    }
}
