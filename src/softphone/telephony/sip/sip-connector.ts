import type { CallData } from '../call-data';
import type { HandoverSupport, TransferProgress } from '../call-handover';
import type { CallEndReason, Connector, ConnectionStatus, ConnectorListener } from '../connector';
import { callStateRefusal, ConnectorEvents } from '../connector-events';
import { normaliseDtmf } from '../dtmf';
import type { Scheduler } from '../scheduler';
import { randomSipCallId } from './call-id';
import { ReconnectSchedule } from './reconnect-schedule';
import { callerIdFrom, callerNumber } from './caller-id';
import { callerIdPolicyFor } from './caller-id-policy';
import type { DialPlan } from './dial-plan';
import { dialTarget } from './dial-plan';
import { DroppedDialogs } from './dropped-dialogs';
import { callEndReasonFor, sipEndMessage } from './end-reason';
import { IceCutoff } from './ice-cutoff';
import { MicrophonePrefetch } from './microphone-prefetch';
import { cancelHeld, PreparedDial } from './prepared-dial';
import { SdpGate } from './sdp-gate';
import { jsSipUserAgentFactory, SipConfigurationError } from './jssip-adapter';
import { registrationFailureMessage } from './registration-message';
import type { PendingRequest, SipCall, SipCallDetails, SipCallState } from './sip-call';
import type { SipConnectorOptions, SipCredentials } from './sip-connector-options';
import { sipConnectorDefaults, sipUserPattern } from './sip-connector-options';
import { sipCallData, type SipDataHeader } from './sip-call-data';
import type { MixerAudioContext, MixerLevels } from './sip-conference-mixer';
import { SipConferenceMixer } from './sip-conference-mixer';
import type { SipLogger } from './sip-logger';
import { silentSipLogger } from './sip-logger';
import type { SipMedia } from './sip-media';
import { browserSipMedia } from './sip-media';
import type { SipTransferResult } from './sip-transfer';
import {
    consultTarget,
    followRefer,
    transferProgressFor,
    transferredMessage
} from './sip-transfer';
import type {
    RawCallerIdentity,
    SipEnd,
    SipSession,
    SipSessionEvent,
    SipUserAgent,
    SipUserAgentEvent,
    SipUserAgentFactory
} from './sip-user-agent';

interface Attempt {
    readonly promise: Promise<void>;
    readonly resolve: () => void;
    readonly reject: (error: Error) => void;
    readonly timer: unknown;
}

type Settings = Required<
    Pick<
        SipConnectorOptions,
        | 'declineStatus'
        | 'dtmfTransport'
        | 'dtmfInfoFallback'
        | 'iceMaxWaitMs'
        | 'connectTimeoutMs'
        | 'unregisterTimeoutMs'
        | 'reconnectMinSeconds'
        | 'reconnectMaxSeconds'
        | 'transferNotifyTimeoutMs'
    >
>;

/**
 * The connector for a SIP PBX over WebSocket (JsSIP, WebRTC audio).
 *
 * Connection (ConnectorEvent 'connection'):
 *
 *   disconnected ──connect()──▶ connecting ──registered──▶ connected
 *        ▲                         │ refused / timeout          │ WebSocket lost
 *        └────── disconnected ◀────┘                            ▼
 *        ◀──────── registration refused ─────────────── reconnecting ──registered──▶ connected
 *
 * JsSIP reconnects the WebSocket with backoff and registers again by itself; while it does,
 * live calls end with 'connection-lost' (their signalling path is gone). Call states are in
 * sip-call.ts. Requests the network confirms (answer, hold, resume, transfer) resolve on that
 * confirmation; hang-up and decline resolve once the call has ended locally.
 */
export class SipConnector implements Connector {
    readonly kind = 'sip';
    readonly handoverSupport: HandoverSupport = {
        blindTransfer: true,
        consultTransfer: true,
        conference: true
    };

    // An ES private field: credentials stay out of JSON.stringify and object dumps.
    readonly #credentials: SipCredentials;
    private readonly settings: SipConnectorOptions['settings'];
    private readonly scheduler: Scheduler;
    private readonly logger: SipLogger;
    private readonly createUserAgent: SipUserAgentFactory;
    private readonly media: SipMedia;
    private readonly idGenerator: () => string;
    private readonly dialPlan: DialPlan;
    private readonly options: Settings;
    private readonly callDataHeaders: readonly SipDataHeader[];
    private readonly events: ConnectorEvents;
    private readonly calls = new Map<string, SipCall>();
    private readonly endedCallIds = new Set<string>();
    /** Established calls lost with the WebSocket, ended toward the far end once it is back. */
    private readonly droppedDialogs: DroppedDialogs;
    private readonly reconnects: ReconnectSchedule;
    // Private too: the user agent holds the password in its configuration.
    #ua?: SipUserAgent;
    private attempt?: Attempt;
    /** Whether this connect attempt already said that the server cannot be reached. */
    private retryingConnect = false;
    private unregistering?: () => void;
    /** The call whose far end the remote audio element plays. */
    private audibleCallId?: string;
    /** The dial being checked, its INVITE held (prepareToDial). */
    private preparedDial?: PreparedDial;
    /** The conference mixed in the browser, while there is one. */
    private mixer?: SipConferenceMixer;
    private readonly audioContextFactory?: () => MixerAudioContext;

    constructor(options: SipConnectorOptions) {
        this.#credentials = options.credentials;
        this.settings = options.settings;
        this.scheduler = options.scheduler;
        this.logger = options.logger ?? silentSipLogger;
        this.createUserAgent = options.jssip ?? jsSipUserAgentFactory();
        this.media =
            options.media ??
            browserSipMedia({ remoteAudio: document.createElement('audio'), logger: this.logger });
        this.idGenerator = options.idGenerator ?? randomSipCallId;
        this.dialPlan = options.dialPlan ?? {};
        this.callDataHeaders = options.callDataHeaders ?? [];
        this.audioContextFactory = options.audioContext;
        this.options = {
            declineStatus: options.declineStatus ?? sipConnectorDefaults.declineStatus,
            dtmfTransport: options.dtmfTransport ?? sipConnectorDefaults.dtmfTransport,
            dtmfInfoFallback: options.dtmfInfoFallback ?? sipConnectorDefaults.dtmfInfoFallback,
            iceMaxWaitMs: options.iceMaxWaitMs ?? sipConnectorDefaults.iceMaxWaitMs,
            connectTimeoutMs: options.connectTimeoutMs ?? sipConnectorDefaults.connectTimeoutMs,
            unregisterTimeoutMs:
                options.unregisterTimeoutMs ?? sipConnectorDefaults.unregisterTimeoutMs,
            reconnectMinSeconds:
                options.reconnectMinSeconds ?? sipConnectorDefaults.reconnectMinSeconds,
            reconnectMaxSeconds:
                options.reconnectMaxSeconds ?? sipConnectorDefaults.reconnectMaxSeconds,
            transferNotifyTimeoutMs:
                options.transferNotifyTimeoutMs ?? sipConnectorDefaults.transferNotifyTimeoutMs
        };
        this.droppedDialogs = new DroppedDialogs(this.logger);
        this.reconnects = new ReconnectSchedule(
            this.scheduler,
            options.random ?? Math.random,
            ...(options.reconnectPolicy ? [options.reconnectPolicy] : [])
        );
        this.events = new ConnectorEvents({
            onListenerError: (error) =>
                this.logger('error', 'A connector event listener threw.', {
                    error: String(error)
                })
        });
    }

    get connectionStatus(): ConnectionStatus {
        return this.events.status;
    }

    /** Ids of the calls that have not ended, oldest first. */
    liveCallIds(): string[] {
        return [...this.calls.keys()];
    }

    /** The SIP side of a live call (Call-ID for the PBX's logs), or undefined. */
    callDetails(callId: string): SipCallDetails | undefined {
        const call = this.calls.get(callId);
        return call
            ? { direction: call.direction, state: call.state, sipCallId: call.sipCallId }
            : undefined;
    }

    onEvent(listener: ConnectorListener): () => void {
        return this.events.on(listener);
    }

    connect(): Promise<void> {
        const answered = this.events.connectWithoutAttempt(
            this.attempt?.promise,
            'The SIP connection is reconnecting by itself; wait for it.'
        );
        if (answered) {
            return answered;
        }
        const credentials = this.#credentials;
        if (!sipUserPattern.test(credentials.user)) {
            return Promise.reject(
                new Error('Cannot connect: the SIP user name is empty or has invalid characters.')
            );
        }
        let ua: SipUserAgent;
        try {
            ua = this.createUserAgent({
                webSocketUrl: this.settings.webSocketUrl,
                uri: `sip:${credentials.user}@${this.settings.domain}`,
                authorizationUser: credentials.authorizationUser || credentials.user,
                password: credentials.password,
                ...(credentials.displayName ? { displayName: credentials.displayName } : {}),
                registerExpiresSeconds: this.settings.registerExpiresSeconds,
                ...(this.settings.outboundProxy
                    ? { routeHeader: routeHeaderFor(this.settings.outboundProxy) }
                    : {}),
                userAgentString: sipConnectorDefaults.userAgentString,
                reconnectMinSeconds: this.options.reconnectMinSeconds,
                reconnectMaxSeconds: this.options.reconnectMaxSeconds
            });
        } catch (error) {
            const message =
                error instanceof SipConfigurationError
                    ? error.message
                    : 'The SIP stack could not start.';
            this.events.setStatus('disconnected', message);
            return Promise.reject(new Error(message));
        }
        this.#ua = ua;
        ua.setListener((event) => {
            // Events of a user agent that was replaced or stopped no longer matter.
            if (this.#ua === ua) {
                this.onUserAgentEvent(event);
            }
        });
        let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
        const promise = new Promise<void>((resolve, reject) => {
            settle = { resolve, reject };
        });
        const timer = this.scheduler.setTimeout(() => {
            this.fail(
                `Could not register with the SIP server at ${this.settings.webSocketUrl} within ${Math.round(this.options.connectTimeoutMs / 1000)} s.`
            );
        }, this.options.connectTimeoutMs);
        this.attempt = {
            promise,
            resolve: () => settle?.resolve(),
            reject: (error) => settle?.reject(error),
            timer
        };
        this.retryingConnect = false;
        this.events.setStatus('connecting');
        this.logger('info', 'Registering with the SIP server.', {
            webSocketUrl: this.settings.webSocketUrl,
            domain: this.settings.domain
        });
        ua.start();
        return promise;
    }

    async disconnect(): Promise<void> {
        const ua = this.#ua;
        if (!ua) {
            return;
        }
        const wasRegistered = this.events.status === 'connected';
        this.settleAttempt(new Error('Disconnected before the SIP registration finished.'));
        this.endAllCalls('connection-lost');
        if (wasRegistered) {
            // Unregister first, so the PBX stops offering calls to this browser at once.
            await new Promise<void>((resolve) => {
                const timer = this.scheduler.setTimeout(
                    () => done(),
                    this.options.unregisterTimeoutMs
                );
                const done = (): void => {
                    this.scheduler.clearTimeout(timer);
                    this.unregistering = undefined;
                    resolve();
                };
                this.unregistering = done;
                ua.unregister();
            });
        }
        if (this.#ua !== ua) {
            return;
        }
        this.#ua = undefined;
        this.reconnects.cancel();
        ua.stop();
        this.events.setStatus('disconnected');
    }

    dial(number: string): Promise<string> {
        const refusal = this.connectionRefusal('dial');
        if (refusal) {
            return Promise.reject(refusal);
        }
        const target = dialTarget(number, this.settings.domain, this.dialPlan);
        if (!target.ok) {
            return Promise.reject(new Error(target.message));
        }
        const id = this.newCallId('dial');
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
        if (this.connectionRefusal('dial')) {
            return () => undefined;
        }
        this.preparedDial?.cancel();
        const target =
            number === undefined
                ? undefined
                : dialTarget(number, this.settings.domain, this.dialPlan);
        const prepared = new PreparedDial(
            target?.ok ? target.uri : undefined,
            this.media,
            (uri, stream, gate, listener) =>
                this.connectionRefusal('dial')
                    ? undefined
                    : this.#ua?.call(
                          uri,
                          {
                              mediaStream: stream,
                              iceServers: this.settings.iceServers,
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

    answer(callId: string): Promise<void> {
        return this.request('answer', callId, ['ringing'], (call) =>
            this.awaitConfirmation(call, 'answer', async (pending) => {
                call.state = 'answering';
                this.updateRingtone();
                const held = call.heldAnswer;
                if (held) {
                    // The answer was made while the call rang: its 200 OK leaves now.
                    call.heldAnswer = undefined;
                    held.open();
                    return;
                }
                let stream: MediaStream;
                try {
                    stream = await (call.microphone?.take() ?? this.media.getLocalStream());
                } catch (error) {
                    if (call.pending === pending) {
                        call.state = 'ringing';
                        this.updateRingtone();
                    }
                    throw microphoneError('answer', error);
                }
                if (!this.calls.has(call.id) || call.pending !== pending) {
                    this.media.releaseLocalStream(stream);
                    return;
                }
                call.localStream = stream;
                try {
                    call.session?.answer({
                        mediaStream: stream,
                        iceServers: this.settings.iceServers
                    });
                } catch (error) {
                    call.state = 'ringing';
                    call.localStream = undefined;
                    this.media.releaseLocalStream(stream);
                    this.updateRingtone();
                    throw new Error(`Cannot answer call "${call.id}": ${errorText(error)}`);
                }
            })
        );
    }

    decline(callId: string): Promise<void> {
        return this.request('decline', callId, ['ringing'], (call) => {
            const status = this.options.declineStatus;
            this.endByAgent(call, 'declined', {
                statusCode: status,
                reasonPhrase: status === 603 ? 'Decline' : 'Busy Here'
            });
            return Promise.resolve();
        });
    }

    hangup(callId: string): Promise<void> {
        return this.request(
            'hang up',
            callId,
            ['dialing', 'answering', 'connected', 'held'],
            (call) => {
                this.endByAgent(call, 'local-hangup');
                return Promise.resolve();
            }
        );
    }

    hold(callId: string): Promise<void> {
        return this.request('hold', callId, ['connected'], (call) =>
            this.awaitConfirmation(call, 'hold', (pending) => {
                const sent = call.session?.hold(() => {
                    if (call.pending === pending && this.calls.has(call.id)) {
                        call.state = 'held';
                        this.events.emit({ type: 'held', callId: call.id });
                        this.settle(call, pending);
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
        return this.request('resume', callId, ['held'], (call) =>
            this.awaitConfirmation(call, 'resume', (pending) => {
                const sent = call.session?.unhold(() => {
                    if (call.pending === pending && this.calls.has(call.id)) {
                        call.state = 'connected';
                        this.makeAudible(call);
                        this.events.emit({ type: 'resumed', callId: call.id });
                        this.settle(call, pending);
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
        return this.request('mute', callId, ['dialing', 'connected', 'held'], (call) => {
            if (!call.session) {
                return Promise.reject(
                    new Error(`Cannot mute call "${call.id}": its audio is not set up yet.`)
                );
            }
            call.session.setMuted(muted);
            // In a conference one microphone feeds every mix: muting one party mutes them all.
            for (const id of this.mixer?.has(call.id) ? this.mixer.partyIds() : []) {
                this.calls.get(id)?.session?.setMuted(muted);
            }
            return Promise.resolve();
        });
    }

    sendDtmf(callId: string, digits: string): Promise<void> {
        const tones = normaliseDtmf(digits);
        if (tones === undefined) {
            return Promise.reject(
                new Error(`Cannot send DTMF "${digits}": use only 0-9, *, # and A-D.`)
            );
        }
        return this.request('send DTMF on', callId, ['connected'], (call) => {
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
                    this.logger('info', 'No RTP channel for tones; sending DTMF by SIP INFO.', {
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

    /**
     * Blind transfer: a REFER to `target` on the call's dialog. Resolves when the PBX accepted
     * the REFER (202); 'transfer' events then follow its NOTIFYs (sip-transfer.ts) and, once
     * the target took the call, the agent's leg ends with 'transferred'. A refused REFER
     * rejects; a NOTIFY with a failure reports 'failed', the call staying as it was.
     */
    blindTransfer(callId: string, target: string): Promise<void> {
        const destination = dialTarget(target, this.settings.domain, this.dialPlan);
        if (!destination.ok) {
            return Promise.reject(new Error(destination.message));
        }
        return this.request('transfer', callId, ['connected', 'held'], (call) =>
            this.referCall(call, destination.uri, destination.user)
        );
    }

    /** A consult call: holds the call if it is not yet, then dials `target` (a new call). */
    async startConsult(callId: string, target: string): Promise<string> {
        const call = this.calls.get(callId);
        if (call?.state === 'connected') {
            await this.hold(callId);
        } else {
            const refusal =
                this.connectionRefusal('consult about') ??
                (call
                    ? callStateRefusal('consult about', callId, call.state, ['connected', 'held'])
                    : new Error(`Cannot consult about call "${callId}": there is no such call.`));
            if (refusal) {
                throw refusal;
            }
        }
        return this.dial(target);
    }

    /**
     * Consult transfer: REFERs the held call to the far end of the consult call, with Replaces
     * (RFC 3891), so that the two far ends talk and both agent legs end ('transferred'). Same
     * promise and events as blindTransfer(), the target being the consult call's number.
     */
    completeConsult(callId: string, consultCallId: string): Promise<void> {
        const consult = this.calls.get(consultCallId);
        if (!consult || consultCallId === callId) {
            return Promise.reject(
                new Error(
                    `Cannot complete the transfer: the consult call "${consultCallId}" ${consult ? 'is the call itself' : 'has ended'}.`
                )
            );
        }
        const consultRefusal = callStateRefusal(
            'complete the transfer to',
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
                new Error(
                    `Cannot complete the transfer: the consult call "${consultCallId}" was not dialled from here.`
                )
            );
        }
        return this.request('transfer', callId, ['connected', 'held'], (call) =>
            this.referCall(call, target.uri, target.user, consult)
        );
    }

    /** Ends the consult call and resumes the held one. */
    async cancelConsult(callId: string, consultCallId: string): Promise<void> {
        if (this.calls.has(consultCallId)) {
            await this.hangup(consultCallId);
        }
        await this.resume(callId);
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
                new Error(`Cannot drop call "${callId}": it is not in the conference.`)
            );
        }
        return this.hangup(callId);
    }

    /**
     * Merges calls into one conference mixed in the browser: held calls are resumed, then each
     * party hears the agent and the others and the agent hears everyone. A call that ends
     * leaves the mix; with one call left, the mix closes.
     */
    async conference(callIds: readonly string[]): Promise<void> {
        const ids = [...new Set(callIds)];
        if (ids.length < 2) {
            throw new Error('Cannot merge: a conference needs two calls.');
        }
        for (const id of ids) {
            const call = this.calls.get(id);
            if (call?.state === 'held') {
                await this.resume(id);
            } else if (!call || call.state !== 'connected') {
                const refusal =
                    this.connectionRefusal('merge') ??
                    (call
                        ? callStateRefusal('merge', id, call.state, ['connected', 'held'])
                        : new Error(`Cannot merge call "${id}": it has ended.`));
                throw refusal ?? new Error(`Cannot merge call "${id}".`);
            }
        }
        const calls = ids.map((id) => this.calls.get(id));
        const parties = calls.map((call, index) => {
            const sender = call?.session?.audioSender();
            if (!call || !sender || !call.remoteStream) {
                throw new Error(
                    `Cannot merge call "${ids[index] ?? ''}": ${call ? 'its audio is not set up' : 'it has ended'}.`
                );
            }
            return { id: call.id, remoteStream: call.remoteStream, sender };
        });
        const microphone = calls.find((call) => call?.localStream)?.localStream;
        if (!microphone) {
            throw new Error('Cannot merge: no call has the microphone.');
        }
        let mixer = this.mixer;
        if (!mixer) {
            mixer = new SipConferenceMixer({
                context: this.createAudioContext(),
                microphone,
                play: (stream) => this.media.playRemoteStream(stream),
                onError: (partyId, error) =>
                    this.logger('warn', 'A call did not take the conference mix.', {
                        callId: partyId,
                        error: errorText(error)
                    })
            });
            this.mixer = mixer;
            this.audibleCallId = undefined;
        }
        for (const party of parties) {
            mixer.add(party);
        }
        this.logger('info', 'Conference mixed in the browser.', { callIds: mixer.partyIds() });
        this.events.emit({ type: 'conference', callIds: mixer.partyIds() });
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
        return this.awaitConfirmation(call, 'transfer', (pending) => {
            const session = call.session;
            if (!session) {
                throw new Error(`Cannot transfer call "${call.id}": it has no SIP session.`);
            }
            let progress: TransferProgress | undefined;
            const report = (next: TransferProgress, failure?: SipTransferFailure): void => {
                if (next === progress) {
                    return;
                }
                progress = next;
                this.events.emit({
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
                scheduler: this.scheduler,
                notifyTimeoutMs: this.options.transferNotifyTimeoutMs,
                onAccepted: () => {
                    for (const { mark } of marks) {
                        mark.accepted = true;
                    }
                    this.logger('info', 'The phone system accepted the transfer.', {
                        callId: call.id,
                        target
                    });
                    this.settle(call, pending);
                    report('trying');
                },
                onProgress: (statusCode) => {
                    this.logger('info', 'Transfer progress.', { callId: call.id, statusCode });
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
                if (!this.calls.has(call.id)) {
                    return;
                }
                if (!result.ok) {
                    if (call.pending === pending) {
                        this.settle(call, pending, new Error(result.message));
                    } else {
                        report('failed', result);
                    }
                    return;
                }
                report('accepted');
                for (const { leg } of marks) {
                    if (this.calls.has(leg.id)) {
                        this.endByAgent(leg, 'transferred', {}, transferredMessage(target));
                    }
                }
            });
            return Promise.resolve();
        });
    }

    private async placeCall(id: string, uri: string): Promise<string> {
        const prepared = this.preparedDial;
        this.preparedDial = undefined;
        // Events of a held session are relayed once the call exists (none come before its INVITE).
        let onEvent: (event: SipSessionEvent) => void = () => undefined;
        const taken = (await prepared?.take(uri, (event) => onEvent(event))) ?? {};
        let stream: MediaStream;
        try {
            stream = taken.stream ?? (await this.media.getLocalStream());
        } catch (error) {
            throw microphoneError('dial', error);
        }
        const ua = this.#ua;
        const refusal = this.connectionRefusal('dial');
        if (refusal || !ua) {
            cancelHeld(taken.held);
            this.media.releaseLocalStream(stream);
            throw refusal ?? new Error('Cannot dial: the SIP connector is disconnected.');
        }
        const call = this.addCall(id, 'outbound', 'dialing');
        call.dialledUri = uri;
        call.localStream = stream;
        if (taken.held) {
            call.session = taken.held.session;
            onEvent = (event) => this.onSessionEvent(call, event);
            // The INVITE, ready since the check began, leaves now.
            taken.held.gate.open();
        } else {
            try {
                call.session = ua.call(
                    uri,
                    { mediaStream: stream, iceServers: this.settings.iceServers },
                    (event) => this.onSessionEvent(call, event)
                );
            } catch (error) {
                this.calls.delete(id);
                this.endedCallIds.add(id);
                this.media.releaseLocalStream(stream);
                throw new Error(`Cannot dial ${uri}: ${errorText(error)}`);
            }
        }
        call.sipCallId = call.session.sipCallId;
        this.logger('info', 'Placing a call.', {
            callId: id,
            sipCallId: call.sipCallId,
            uri,
            prepared: taken.held !== undefined
        });
        return id;
    }

    private onUserAgentEvent(event: SipUserAgentEvent): void {
        switch (event.type) {
            case 'registered':
                this.settleAttempt();
                if (this.events.status !== 'connected') {
                    this.events.setStatus('connected');
                }
                return;
            case 'registrationFailed':
                this.onRegistrationFailed(event);
                return;
            case 'unregistered':
                this.unregistering?.();
                return;
            case 'transportDisconnected':
                this.logger('warn', 'The SIP WebSocket closed.', {
                    error: event.error,
                    code: event.code
                });
                if (!this.unregistering) {
                    this.scheduleReconnect();
                }
                if (this.events.status === 'connected') {
                    this.events.setStatus(
                        'reconnecting',
                        'Lost the connection to the SIP server; reconnecting.'
                    );
                    this.endAllCalls('connection-lost', { keepDialogs: true });
                } else if (this.events.status === 'connecting' && !this.retryingConnect) {
                    // JsSIP keeps retrying until registered or the connect timeout; say so once.
                    this.retryingConnect = true;
                    this.events.setStatus(
                        'connecting',
                        `Cannot reach the SIP server at ${this.settings.webSocketUrl}; retrying.`
                    );
                }
                this.unregistering?.();
                return;
            case 'transportConnected':
                this.logger('debug', `SIP WebSocket: ${event.type}.`);
                this.reconnects.connected();
                this.droppedDialogs.endAll();
                return;
            case 'transportConnecting':
                this.logger('debug', `SIP WebSocket: ${event.type}.`);
                return;
            case 'incomingCall':
                this.onIncomingCall(event.session, event.caller);
                return;
        }
    }

    private onRegistrationFailed(
        event: Extract<SipUserAgentEvent, { type: 'registrationFailed' }>
    ): void {
        if (this.unregistering) {
            this.unregistering();
            return;
        }
        // A REGISTER lost with its WebSocket is retried when JsSIP reconnects.
        if (event.statusCode === undefined && event.cause === 'Connection Error') {
            return;
        }
        this.fail(registrationFailureMessage(event));
    }

    private onIncomingCall(session: SipSession, caller: RawCallerIdentity): void {
        if (this.connectionRefusal('receive a call')) {
            session.terminate({ statusCode: 480, reasonPhrase: 'Temporarily Unavailable' });
            return;
        }
        const id = this.newCallId('receive a call');
        if (id instanceof Error) {
            this.logger('error', id.message);
            session.terminate({ statusCode: 500, reasonPhrase: 'Server Internal Error' });
            return;
        }
        const call = this.addCall(id, 'inbound', 'ringing');
        call.session = session;
        call.sipCallId = session.sipCallId;
        session.setListener((event) => this.onSessionEvent(call, event));
        const callerId = callerIdFrom(caller, callerIdPolicyFor(this.settings));
        this.logger('info', 'Incoming call.', {
            callId: id,
            sipCallId: call.sipCallId,
            callerIdSource: callerId.source
        });
        this.events.emit({
            type: 'incoming',
            callId: id,
            from: callerId.from,
            ...(callerId.fromName === undefined ? {} : { fromName: callerId.fromName }),
            to: callerNumber(caller.toUser),
            ...this.callDataOf(caller)
        });
        // After the event: the screen pop's search goes out before the ringtone starts.
        this.updateRingtone();
        if (this.calls.has(id)) {
            call.microphone = new MicrophonePrefetch(this.media);
            void this.prepareAnswer(call, call.microphone);
        }
    }

    /**
     * Answers the ringing call as soon as its microphone is open, its 200 OK held (sdp-gate.ts):
     * the peer connection, the answer and ICE gathering are done while it rings, and answer()
     * only releases the 200 OK. Nothing reaches the caller before then; a call that ends first
     * gets its final response as before.
     */
    private async prepareAnswer(call: SipCall, microphone: MicrophonePrefetch): Promise<void> {
        const stream = await microphone.takeIfOpen();
        if (!stream) {
            return;
        }
        if (this.calls.get(call.id) !== call || call.state !== 'ringing' || call.pending) {
            this.media.releaseLocalStream(stream);
            return;
        }
        const gate = new SdpGate();
        try {
            call.session?.answer({
                mediaStream: stream,
                iceServers: this.settings.iceServers,
                holdUntil: gate
            });
        } catch (error) {
            // answer() asks for the microphone again and tries then.
            this.media.releaseLocalStream(stream);
            this.logger('debug', 'Could not prepare the answer while ringing.', {
                callId: call.id,
                error: errorText(error)
            });
            return;
        }
        call.localStream = stream;
        call.heldAnswer = gate;
    }

    /** The INVITE's call data (DNIS, redirecting number, the admin's headers); none when empty. */
    private callDataOf(caller: RawCallerIdentity): { data?: CallData } {
        const data = sipCallData(caller, this.callDataHeaders);
        return Object.keys(data).length === 0 ? {} : { data };
    }

    private onSessionEvent(call: SipCall, event: SipSessionEvent): void {
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
                    this.logger('info', `The far end sent ${event.type}.`, { callId: call.id });
                }
                return;
            case 'confirmed':
                return;
        }
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

    /** The agent ends the call: their reason wins over whatever SIP cause JsSIP reports. */
    private endByAgent(
        call: SipCall,
        reason: CallEndReason,
        response: { statusCode?: number; reasonPhrase?: string } = {},
        message?: string
    ): void {
        call.localEnd = { reason, ...(message === undefined ? {} : { message }) };
        try {
            call.session?.terminate(response);
        } catch (error) {
            this.logger('debug', 'The SIP session was already over.', { error: errorText(error) });
        }
        // JsSIP reports the end synchronously; this covers a session that had already ended.
        this.finish(call, { originator: 'local', cause: 'Terminated' });
    }

    private finish(call: SipCall, end: SipEnd): void {
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
                    `Call "${call.id}" ended (${reason}) before the ${pending.action} completed.`
                )
            );
        }
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
        this.leaveConference(call.id);
    }

    /**
     * Ends every live call; their JsSIP sessions are terminated too, closing their media. With
     * keepDialogs (the WebSocket is gone), an established call's session is kept instead, to
     * send its BYE when the WebSocket is back (dropped-dialogs.ts).
     */
    private endAllCalls(reason: CallEndReason, { keepDialogs = false } = {}): void {
        for (const call of [...this.calls.values()]) {
            call.localEnd = { reason };
            const established = call.state === 'connected' || call.state === 'held';
            if (keepDialogs && established && call.session) {
                this.droppedDialogs.keep(call.id, call.session);
            } else {
                try {
                    call.session?.terminate();
                } catch {
                    // Already over: finish() below reports it either way.
                }
            }
            this.finish(call, { originator: 'system', cause: 'Connection Error' });
        }
    }

    /** Opens the WebSocket of the current user agent again after the schedule's next delay. */
    private scheduleReconnect(): void {
        const ua = this.#ua;
        const delay = this.reconnects.lost(() => {
            if (this.#ua === ua && !this.unregistering) {
                ua?.reconnect();
            }
        });
        this.logger('debug', 'Opening the SIP WebSocket again soon.', { delayMs: delay });
    }

    /** Ends the connection for good: stops the user agent and reports why. */
    private fail(message: string): void {
        const ua = this.#ua;
        this.#ua = undefined;
        this.reconnects.cancel();
        this.settleAttempt(new Error(message));
        this.endAllCalls('connection-lost');
        ua?.stop();
        this.logger('warn', message);
        this.events.setStatus('disconnected', message);
    }

    private settleAttempt(error?: Error): void {
        const attempt = this.attempt;
        if (!attempt) {
            return;
        }
        this.attempt = undefined;
        this.scheduler.clearTimeout(attempt.timer);
        if (error) {
            attempt.reject(error);
        } else {
            attempt.resolve();
        }
    }

    /**
     * Runs `start` as the call's pending request; the returned promise settles when settle()
     * is called for it (the network confirmed) or the call ends, or rejects when start throws.
     */
    private awaitConfirmation(
        call: SipCall,
        action: string,
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

    private settle(call: SipCall, pending: PendingRequest, error?: Error): void {
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
    private request(
        action: string,
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
                    this.endedCallIds.has(callId)
                        ? `Cannot ${action} call "${callId}": it has ended.`
                        : `Cannot ${action} call "${callId}": there is no such call.`
                )
            );
        }
        if (call.pending && action !== 'hang up' && action !== 'mute') {
            return Promise.reject(
                new Error(
                    `Cannot ${action} call "${callId}": the ${call.pending.action} is still in progress.`
                )
            );
        }
        if (call.transfer && action !== 'hang up' && action !== 'mute') {
            return Promise.reject(
                new Error(`Cannot ${action} call "${callId}": it is being transferred.`)
            );
        }
        const wrongState = callStateRefusal(action, callId, call.state, allowed);
        if (wrongState) {
            return Promise.reject(wrongState);
        }
        return perform(call);
    }

    private addCall(id: string, direction: SipCall['direction'], state: SipCallState): SipCall {
        const call: SipCall = {
            id,
            direction,
            state,
            sipCallId: '',
            ringingReported: false,
            ice: new IceCutoff(
                this.settings.iceServers.length > 0,
                this.options.iceMaxWaitMs,
                this.scheduler
            )
        };
        this.calls.set(id, call);
        return call;
    }

    private newCallId(action: string): string | Error {
        const id = this.idGenerator();
        return this.calls.has(id) || this.endedCallIds.has(id)
            ? new Error(`Cannot ${action}: the id generator repeated call id "${id}".`)
            : id;
    }

    /** A call that ended leaves the browser's mix; with fewer than two calls it closes. */
    private leaveConference(callId: string): void {
        const mixer = this.mixer;
        if (!mixer?.has(callId)) {
            return;
        }
        mixer.remove(callId);
        this.events.emit({ type: 'conference', callIds: mixer.partyIds() });
        if (mixer.partyIds().length >= 2) {
            return;
        }
        const left = mixer.partyIds()[0];
        mixer.close();
        this.mixer = undefined;
        const remaining = left === undefined ? undefined : this.calls.get(left);
        if (remaining && remaining.state !== 'held') {
            this.makeAudible(remaining);
        }
    }

    private createAudioContext(): MixerAudioContext {
        return this.audioContextFactory ? this.audioContextFactory() : new AudioContext();
    }

    private makeAudible(call: SipCall): void {
        if (this.mixer?.has(call.id)) {
            // The conference mix plays every party already.
            return;
        }
        if (call.remoteStream) {
            this.audibleCallId = call.id;
            this.media.playRemoteStream(call.remoteStream);
        }
    }

    /** Rings while any inbound call rings, and only then. */
    private updateRingtone(): void {
        const ringing = [...this.calls.values()].some((call) => call.state === 'ringing');
        if (ringing) {
            this.media.startRingtone();
        } else {
            this.media.stopRingtone();
        }
    }

    private connectionRefusal(action: string): Error | undefined {
        if (this.unregistering) {
            return new Error(`Cannot ${action}: the SIP connector is disconnecting.`);
        }
        return this.events.status === 'connected'
            ? undefined
            : new Error(`Cannot ${action}: the SIP connection is ${this.events.status}.`);
    }
}

type SipTransferFailure = Extract<SipTransferResult, { ok: false }>;

/** A Route header for the outbound proxy; loose routing (;lr) is what a proxy expects. */
function routeHeaderFor(proxy: string): string {
    return `Route: <${/;lr(;|$)/.test(proxy) ? proxy : `${proxy};lr`}>`;
}

/** JsSIP ends a call whose hold or resume re-INVITE was refused: say that, not 'WebRTC Error'. */
function endMessage(call: SipCall, end: SipEnd): string | undefined {
    const action = call.pending?.action;
    if (end.originator === 'local' && (action === 'hold' || action === 'resume')) {
        return `The phone system refused the ${action}; the call was ended.`;
    }
    return sipEndMessage(end);
}

function microphoneError(action: string, error: unknown): Error {
    const name = typeof error === 'object' && error !== null ? (error as Error).name : '';
    const reason =
        name === 'NotAllowedError'
            ? 'the browser was not allowed to use the microphone'
            : name === 'NotFoundError'
              ? 'no microphone was found'
              : `the microphone is not available (${errorText(error)})`;
    return new Error(`Cannot ${action}: ${reason}.`);
}

function errorText(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
