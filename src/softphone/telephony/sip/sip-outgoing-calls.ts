import { label } from '../../i18n';
import type { DialPlan } from './dial-plan';
import { dialTarget } from './dial-plan';
import { cancelHeld, PreparedDial } from './prepared-dial';
import type { SipCallTable } from './sip-call-table';
import type { SipConnectorOptions } from './sip-connector-options';
import { errorText, microphoneError } from './sip-errors';
import type { SipSessionEvent, SipUserAgent } from './sip-user-agent';

export interface SipOutgoingCallsOptions {
    readonly calls: SipCallTable;
    readonly settings: SipConnectorOptions['settings'];
    readonly dialPlan: DialPlan;
    /** The registered user agent, if any. */
    readonly userAgent: () => SipUserAgent | undefined;
}

/**
 * The SIP connector's outbound calls: an INVITE to the number (dial-plan.ts), and its
 * preparation while the softphone checks Do Not Call (prepared-dial.ts).
 */
export class SipOutgoingCalls {
    /** The dial being checked, its INVITE held (prepareToDial). */
    private preparedDial?: PreparedDial;

    constructor(private readonly options: SipOutgoingCallsOptions) {}

    dial(number: string): Promise<string> {
        const calls = this.options.calls;
        const refusal = calls.connectionRefusal('dial');
        if (refusal) {
            return Promise.reject(refusal);
        }
        const target = dialTarget(number, this.options.settings.domain, this.options.dialPlan);
        if (!target.ok) {
            return Promise.reject(new Error(target.message));
        }
        const id = calls.newCallId('dial');
        if (id instanceof Error) {
            return Promise.reject(id);
        }
        return this.placeCall(id, target.uri);
    }

    /**
     * Gets the dial to `number` ready while the softphone checks Do Not Call: the microphone
     * opens and the INVITE is made (peer connection, offer, ICE) but held (prepared-dial.ts), so
     * that dial() only releases it. The returned function cancels it when no dial took it: then
     * nothing goes on the wire and the microphone closes. Without a number, the microphone only.
     */
    prepareToDial(number?: string): () => void {
        const { calls, settings, dialPlan } = this.options;
        if (calls.connectionRefusal('dial')) {
            return () => undefined;
        }
        this.preparedDial?.cancel();
        const target =
            number === undefined ? undefined : dialTarget(number, settings.domain, dialPlan);
        const prepared = new PreparedDial(
            target?.ok ? target.uri : undefined,
            calls.media,
            (uri, stream, gate, listener) =>
                calls.connectionRefusal('dial')
                    ? undefined
                    : this.options.userAgent()?.call(
                          uri,
                          {
                              mediaStream: stream,
                              iceServers: settings.iceServers,
                              holdUntil: gate
                          },
                          listener
                      )
        );
        this.preparedDial = prepared;
        return () => {
            prepared.cancel();
            if (this.preparedDial === prepared) {
                this.preparedDial = undefined;
            }
        };
    }

    private async placeCall(id: string, uri: string): Promise<string> {
        const calls = this.options.calls;
        const prepared = this.preparedDial;
        this.preparedDial = undefined;
        // Events of a held session are relayed once the call exists (none come before its INVITE).
        let onEvent: (event: SipSessionEvent) => void = () => undefined;
        const taken = (await prepared?.take(uri, (event) => onEvent(event))) ?? {};
        let stream: MediaStream;
        try {
            stream = taken.stream ?? (await calls.media.getLocalStream());
        } catch (error) {
            throw microphoneError('dial', error);
        }
        const ua = this.options.userAgent();
        const refusal = calls.connectionRefusal('dial');
        if (refusal || !ua) {
            cancelHeld(taken.held);
            calls.media.releaseLocalStream(stream);
            throw refusal ?? new Error(label('Softphone_Sip_Dial_Disconnected'));
        }
        const call = calls.add(id, 'outbound', 'dialing');
        call.dialledUri = uri;
        call.localStream = stream;
        if (taken.held) {
            call.session = taken.held.session;
            onEvent = (event) => calls.onSessionEvent(call, event);
            // The INVITE, ready since the check began, leaves now.
            taken.held.gate.open();
        } else {
            try {
                call.session = ua.call(
                    uri,
                    { mediaStream: stream, iceServers: this.options.settings.iceServers },
                    (event) => calls.onSessionEvent(call, event)
                );
            } catch (error) {
                calls.discard(id);
                calls.media.releaseLocalStream(stream);
                throw new Error(label('Softphone_Sip_Dial_Failed', uri, errorText(error)));
            }
        }
        call.sipCallId = call.session.sipCallId;
        // i18n-exempt: diagnostic log
        calls.logger('info', 'Placing a call.', {
            callId: id,
            sipCallId: call.sipCallId,
            uri,
            prepared: taken.held !== undefined
        });
        return id;
    }
}
