import type { HandoverSupport } from '../call-handover';
import type { Connector, ConnectionStatus, ConnectorListener } from '../connector';
import { ConnectorEvents } from '../connector-events';
import { label } from '../../i18n';
import { randomSipCallId } from './call-id';
import { DroppedDialogs } from './dropped-dialogs';
import { jsSipUserAgentFactory } from './jssip-adapter';
import { ReconnectSchedule } from './reconnect-schedule';
import type { SipCallDetails } from './sip-call';
import { SipCallTable } from './sip-call-table';
import type { MixerLevels } from './sip-conference-mixer';
import type { SipConnectorOptions } from './sip-connector-options';
import { sipConnectorDefaults } from './sip-connector-options';
import type { SipHandover, SipHandoverOptions } from './sip-handover';
import { errorText } from './sip-errors';
import { SipInCallRequests } from './sip-in-call-requests';
import { SipIncomingCalls } from './sip-incoming-calls';
import { silentSipLogger } from './sip-logger';
import { browserSipMedia } from './sip-media';
import { SipOutgoingCalls } from './sip-outgoing-calls';
import { SipRegistration } from './sip-registration';

/**
 * The connector for a SIP PBX over WebSocket (JsSIP, WebRTC audio). Its parts:
 * - the connection: registration, reconnection, dropped dialogs (sip-registration.ts);
 * - the live calls and what each part does with them (sip-call-table.ts; states in sip-call.ts);
 * - outbound calls, prepared while Do Not Call is checked (sip-outgoing-calls.ts);
 * - inbound calls, answered while they ring with the 200 OK held (sip-incoming-calls.ts);
 * - the agent's requests on a live call (sip-in-call-requests.ts);
 * - transfers and the conference mixed in the browser (sip-handover.ts).
 *
 * Requests the network confirms (answer, hold, resume, transfer) resolve on that confirmation;
 * hang-up and decline resolve once the call has ended locally.
 */
export class SipConnector implements Connector {
    readonly kind = 'sip';
    /** Blind and consult transfers (REFER) and the conference mixed in the browser. */
    readonly handoverSupport: HandoverSupport = {
        blindTransfer: true,
        consultTransfer: true,
        conference: true
    };

    private readonly events: ConnectorEvents;
    private readonly registration: SipRegistration;
    private readonly calls: SipCallTable;
    private readonly outgoing: SipOutgoingCalls;
    private readonly incoming: SipIncomingCalls;
    private readonly inCall: SipInCallRequests;
    private readonly handoverOptions: Omit<SipHandoverOptions, 'calls' | 'inCall' | 'outgoing'>;
    /** The handover part, a chunk of its own loaded on first use (loadHandover). */
    private handover?: Promise<SipHandover>;
    private loadedHandover?: SipHandover;

    constructor(options: SipConnectorOptions) {
        const settings = options.settings;
        const logger = options.logger ?? silentSipLogger;
        const media =
            options.media ??
            browserSipMedia({ remoteAudio: document.createElement('audio'), logger });
        const dialPlan = options.dialPlan ?? {};
        const droppedDialogs = new DroppedDialogs(logger);
        this.events = new ConnectorEvents({
            onListenerError: (error) =>
                // i18n-exempt: diagnostic log
                logger('error', 'A connector event listener threw.', { error: String(error) })
        });
        this.registration = new SipRegistration({
            credentials: options.credentials,
            settings,
            scheduler: options.scheduler,
            logger,
            events: this.events,
            createUserAgent: options.jssip ?? jsSipUserAgentFactory(),
            droppedDialogs,
            reconnects: new ReconnectSchedule(
                options.scheduler,
                options.random ?? Math.random,
                ...(options.reconnectPolicy ? [options.reconnectPolicy] : [])
            ),
            connectTimeoutMs: options.connectTimeoutMs ?? sipConnectorDefaults.connectTimeoutMs,
            unregisterTimeoutMs:
                options.unregisterTimeoutMs ?? sipConnectorDefaults.unregisterTimeoutMs,
            reconnectMinSeconds:
                options.reconnectMinSeconds ?? sipConnectorDefaults.reconnectMinSeconds,
            reconnectMaxSeconds:
                options.reconnectMaxSeconds ?? sipConnectorDefaults.reconnectMaxSeconds,
            onIncomingCall: (session, caller) => this.incoming.onIncomingCall(session, caller)
        });
        this.calls = new SipCallTable({
            events: this.events,
            media,
            logger,
            scheduler: options.scheduler,
            hasIceServers: settings.iceServers.length > 0,
            iceMaxWaitMs: options.iceMaxWaitMs ?? sipConnectorDefaults.iceMaxWaitMs,
            idGenerator: options.idGenerator ?? randomSipCallId,
            droppedDialogs,
            connectionRefusal: (action) => this.registration.connectionRefusal(action)
        });
        this.registration.attachCalls(this.calls);
        this.outgoing = new SipOutgoingCalls({
            calls: this.calls,
            settings,
            dialPlan,
            userAgent: () => this.registration.userAgent
        });
        this.incoming = new SipIncomingCalls({
            calls: this.calls,
            scheduler: options.scheduler,
            settings,
            callDataHeaders: options.callDataHeaders ?? []
        });
        this.inCall = new SipInCallRequests({
            calls: this.calls,
            declineStatus: options.declineStatus ?? sipConnectorDefaults.declineStatus,
            dtmfTransport: options.dtmfTransport ?? sipConnectorDefaults.dtmfTransport,
            dtmfInfoFallback: options.dtmfInfoFallback ?? sipConnectorDefaults.dtmfInfoFallback
        });
        this.handoverOptions = {
            settings,
            dialPlan,
            scheduler: options.scheduler,
            transferNotifyTimeoutMs:
                options.transferNotifyTimeoutMs ?? sipConnectorDefaults.transferNotifyTimeoutMs,
            ...(options.audioContext ? { audioContext: options.audioContext } : {})
        };
        // Only calls that are up can be handed over: the part is fetched as one is answered.
        this.events.on((event) => {
            if (event.type === 'answered') {
                void this.loadHandover().catch(() => undefined);
            }
        });
    }

    get connectionStatus(): ConnectionStatus {
        return this.events.status;
    }

    /** Ids of the calls that have not ended, oldest first. */
    liveCallIds(): string[] {
        return this.calls.ids();
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
        return this.registration.connect();
    }

    disconnect(): Promise<void> {
        return this.registration.disconnect();
    }

    dial(number: string): Promise<string> {
        return this.outgoing.dial(number);
    }

    /** The dial to `number` made ready while Do Not Call is checked (sip-outgoing-calls.ts). */
    prepareToDial(number?: string): () => void {
        return this.outgoing.prepareToDial(number);
    }

    answer(callId: string): Promise<void> {
        return this.incoming.answer(callId);
    }

    decline(callId: string): Promise<void> {
        return this.inCall.decline(callId);
    }

    hangup(callId: string): Promise<void> {
        return this.inCall.hangup(callId);
    }

    hold(callId: string): Promise<void> {
        return this.inCall.hold(callId);
    }

    resume(callId: string): Promise<void> {
        return this.inCall.resume(callId);
    }

    setMuted(callId: string, muted: boolean): Promise<void> {
        return this.inCall.setMuted(callId, muted);
    }

    sendDtmf(callId: string, digits: string): Promise<void> {
        return this.inCall.sendDtmf(callId, digits);
    }

    /** A REFER to `target` (sip-handover.ts). */
    blindTransfer(callId: string, target: string): Promise<void> {
        return this.withHandover((handover) => handover.blindTransfer(callId, target));
    }

    startConsult(callId: string, target: string): Promise<string> {
        return this.withHandover((handover) => handover.startConsult(callId, target));
    }

    completeConsult(callId: string, consultCallId: string): Promise<void> {
        return this.withHandover((handover) => handover.completeConsult(callId, consultCallId));
    }

    cancelConsult(callId: string, consultCallId: string): Promise<void> {
        return this.withHandover((handover) => handover.cancelConsult(callId, consultCallId));
    }

    mergeCalls(heldCallId: string, activeCallId: string): Promise<void> {
        return this.withHandover((handover) => handover.mergeCalls(heldCallId, activeCallId));
    }

    dropParty(callId: string): Promise<void> {
        return this.withHandover((handover) => handover.dropParty(callId));
    }

    conference(callIds: readonly string[]): Promise<void> {
        return this.withHandover((handover) => handover.conference(callIds));
    }

    /** The calls in the conference mixed in the browser, and what each hears (for tests, bench). */
    conferenceDetails(): { callIds: string[]; levels: MixerLevels } | undefined {
        return this.loadedHandover?.conferenceDetails();
    }

    /** Runs `request` on the handover part: at once when it is loaded, else once it is. */
    private withHandover<T>(request: (handover: SipHandover) => Promise<T>): Promise<T> {
        const loaded = this.loadedHandover;
        return loaded ? request(loaded) : this.loadHandover().then(request);
    }

    /**
     * The handover part (transfers, consult calls, the conference mix): only some agents use it,
     * so it is a chunk of its own, fetched on first use or as a call is answered.
     */
    private loadHandover(): Promise<SipHandover> {
        this.handover ??= import('./sip-handover').then(
            ({ SipHandover }) => {
                const handover = new SipHandover({
                    ...this.handoverOptions,
                    calls: this.calls,
                    inCall: this.inCall,
                    outgoing: this.outgoing
                });
                this.calls.attachConference(handover);
                this.loadedHandover = handover;
                return handover;
            },
            (error: unknown) => {
                // Tried again on the next request.
                this.handover = undefined;
                throw new Error(label('Softphone_Sip_Handover_Unavailable', errorText(error)));
            }
        );
        return this.handover;
    }
}
