import { label } from '../../i18n';
import type { CallEndReason, ConnectionStatus, Connector, ConnectorListener } from '../connector';
import { callStateRefusal, ConnectorEvents } from '../connector-events';
import { normaliseDtmf } from '../dtmf';
import type { HandoverSupport } from '../call-handover';
import { systemScheduler } from '../scheduler';
import type { ListenerCredentials } from './listener-credentials';
import type { ListenerCall, ListenerCallState } from './listener-call-table';
import { ListenerCallTable } from './listener-call-table';
import type { ListenerCapabilities, ListenerConnectorOptions } from './listener-connector-options';
import { listenerConnectorDefaults, silentListenerLogger } from './listener-connector-options';
import { ListenerLink } from './listener-link';
import type { ListenerAction, ListenerActionMessage } from './listener-protocol';
import { listenerLimits } from './listener-protocol';
import {
    actionName,
    bridgeNotConnected,
    dialNumberRefusal,
    unknownCall
} from './listener-refusals';
import type { ListenerActionFields } from './listener-requests';
import { ListenerRequests } from './listener-requests';
import { defaultReconnectPolicy } from './reconnect-delay';

/**
 * The generic listener connector: a phone system that cannot speak SIP to the browser calls
 * the listener bridge's URL on each call event (ringing, answered, ended, with the caller, the
 * dialled number and extra key=value pairs); the bridge pushes the events to this connector
 * over a WebSocket, authenticated by the agent's token (see listener-protocol.ts).
 *
 * - ringing → 'incoming' (fromName from a `name` pair); the pairs stay readable through
 *   callAttributes() for screen-pop rules and the UI.
 * - answered → 'answered'; ended → 'ended' ('remote-hangup' when answered, else 'cancelled', or
 *   the phone system's own `reason` pair).
 * - Agent actions go to the phone system through the bridge when it has a callback URL
 *   (capabilities.controlledOnPhone false). Otherwise the call is controlled on the agent's
 *   phone: answer, decline, hang up, hold and resume resolve at once and change only what the
 *   softphone shows; dial, mute and tones are refused, saying so.
 * - A lost bridge: 'reconnecting' (calls stay up: they are on the agent's phone), new attempts
 *   with backoff; the bridge's welcome then replays the agent's calls, so events missed
 *   meanwhile are caught up and calls the bridge no longer knows end ('connection-lost').
 *   A refused token ends the connection for good: 'disconnected' with the reason.
 */
export class ListenerConnector implements Connector {
    readonly kind = 'listener';

    private readonly credentials: ListenerCredentials;
    private readonly events = new ConnectorEvents();
    private readonly calls: ListenerCallTable;
    private readonly requests: ListenerRequests;
    private readonly link: ListenerLink;
    private actionsSupported = false;

    constructor(options: ListenerConnectorOptions) {
        this.credentials = options.credentials;
        const scheduler = options.scheduler ?? systemScheduler;
        const logger = options.logger ?? silentListenerLogger;
        this.calls = new ListenerCallTable(scheduler, (event) => this.events.emit(event));
        this.link = new ListenerLink({
            url: options.settings.webSocketUrl,
            credentials: options.credentials,
            webSocketClass:
                options.webSocket ??
                (typeof globalThis.WebSocket === 'function' ? globalThis.WebSocket : undefined),
            scheduler,
            random: options.random ?? Math.random,
            logger,
            connectTimeoutMs:
                options.connectTimeoutMs ?? listenerConnectorDefaults.connectTimeoutMs,
            reconnectPolicy: options.reconnect ?? defaultReconnectPolicy,
            events: this.events,
            handler: {
                welcomed: (actions) => {
                    this.actionsSupported = actions;
                },
                catchUp: (calls) => this.calls.scheduleCatchUp(calls),
                call: (message) => this.calls.receive(message),
                actionResult: (message) => this.requests.answer(message),
                closed: () => {
                    this.calls.cancelCatchUp();
                    this.requests.failAll(
                        new Error(label('Softphone_Listener_Closed_Before_Answer'))
                    );
                },
                lost: () => this.calls.endAll('connection-lost')
            }
        });
        this.requests = new ListenerRequests(
            scheduler,
            options.actionTimeoutMs ?? listenerConnectorDefaults.actionTimeoutMs,
            logger,
            (message) => this.link.send(message)
        );
    }

    get connectionStatus(): ConnectionStatus {
        return this.events.status;
    }

    /** The agent id the connector signs in with. */
    get agent(): string {
        return this.credentials.agent.trim();
    }

    get capabilities(): ListenerCapabilities {
        const actions = this.actionsSupported;
        return {
            controlledOnPhone: !actions,
            canDial: actions,
            canMute: actions,
            canSendDtmf: actions
        };
    }

    /**
     * The extra key=value pairs the phone system sent with a call (merged over its events), for
     * screen-pop rules and the UI; undefined for a call never seen. Kept for the live calls and
     * the last few ended ones. Untrusted text: render it as text only.
     */
    callAttributes(callId: string): Readonly<Record<string, string>> | undefined {
        return this.calls.attributesOf(callId);
    }

    /** Ids of the calls that have not ended, oldest first. */
    liveCallIds(): string[] {
        return this.calls.liveIds();
    }

    onEvent(listener: ConnectorListener): () => void {
        return this.events.on(listener);
    }

    connect(): Promise<void> {
        return this.link.connect();
    }

    /** Closes the connection; every live call ends ('connection-lost'), then 'disconnected'. */
    disconnect(): Promise<void> {
        this.link.disconnect();
        return Promise.resolve();
    }

    dial(number: string): Promise<string> {
        const refusal =
            this.remoteRefusal('dial', label('Softphone_Listener_Dial_On_Phone')) ??
            dialNumberRefusal(number);
        if (refusal) {
            return Promise.reject(refusal);
        }
        return this.placeCall({ action: 'dial', number: number.trim() });
    }

    /**
     * The phone system's handover actions, when it takes actions at all (see the protocol):
     * with calls controlled on the agent's phone, the agent transfers there.
     */
    get handoverSupport(): HandoverSupport {
        const on = this.actionsSupported;
        return { blindTransfer: on, consultTransfer: on, conference: on };
    }

    /** 'transfer': a 2xx answer means the phone system took the call off the agent. */
    blindTransfer(callId: string, target: string): Promise<void> {
        const refusal =
            this.remoteRefusal('transfer', label('Softphone_Listener_Transfer_On_Phone')) ??
            dialNumberRefusal(target);
        if (refusal) {
            return Promise.reject(refusal);
        }
        const to = target.trim();
        return this.act(
            'transfer',
            callId,
            ['connected', 'held'],
            (call) => {
                this.events.emit({ type: 'transfer', callId, target: to, progress: 'accepted' });
                this.calls.endCall(call, 'transferred');
            },
            { number: to }
        );
    }

    /** 'consult': a second call about the held one, answered with its callid like a dial. */
    startConsult(callId: string, target: string): Promise<string> {
        const refusal =
            this.remoteRefusal('consult', label('Softphone_Listener_Consult_On_Phone')) ??
            dialNumberRefusal(target);
        if (refusal) {
            return Promise.reject(refusal);
        }
        const call = this.calls.get(callId);
        if (!call) {
            return Promise.reject(this.unknownCall('consult', callId));
        }
        const stateRefusal = callStateRefusal(actionName('consult'), callId, call.state, ['held']);
        if (stateRefusal) {
            return Promise.reject(stateRefusal);
        }
        return this.placeCall({ action: 'consult', callid: callId, number: target.trim() });
    }

    /** 'completeConsult': both calls end 'transferred' once the phone system accepts. */
    completeConsult(callId: string, consultCallId: string): Promise<void> {
        const consult = this.calls.get(consultCallId);
        if (consult?.state !== 'connected') {
            return Promise.reject(
                new Error(label('Softphone_Connector_Consult_Not_Connected', consultCallId))
            );
        }
        return this.act(
            'completeConsult',
            callId,
            ['held'],
            (call) => {
                this.events.emit({
                    type: 'transfer',
                    callId,
                    target: consult.number ?? '',
                    progress: 'accepted'
                });
                this.calls.endCall(call, 'transferred');
                const live = this.calls.get(consultCallId);
                if (live) {
                    this.calls.endCall(live, 'transferred');
                }
            },
            { othercallid: consultCallId }
        );
    }

    /** 'conference': the held call is resumed into one conference with the connected one. */
    mergeCalls(heldCallId: string, activeCallId: string): Promise<void> {
        if (this.calls.get(activeCallId)?.state !== 'connected') {
            return Promise.reject(
                new Error(label('Softphone_Connector_Merge_Not_Connected', activeCallId))
            );
        }
        return this.act(
            'conference',
            heldCallId,
            ['held'],
            (call) => {
                call.state = 'connected';
                this.events.emit({ type: 'resumed', callId: heldCallId });
                this.calls.merge(heldCallId, activeCallId);
            },
            { othercallid: activeCallId }
        );
    }

    /** 'drop': the party's call ends; the parties left are reported. */
    dropParty(callId: string): Promise<void> {
        if (!this.calls.inConference(callId)) {
            return Promise.reject(
                new Error(label('Softphone_Connector_Not_In_Conference', callId))
            );
        }
        return this.act('drop', callId, ['connected'], (call) =>
            this.calls.endCall(call, 'local-hangup')
        );
    }

    /** Sends a dial or consult and keeps the new outbound call the phone system names. */
    private placeCall(
        fields: Pick<ListenerActionMessage, 'action' | 'callid' | 'number'>
    ): Promise<string> {
        const number = fields.number ?? '';
        this.calls.dialStarted();
        return this.sendAction(fields).then(
            (callid) => this.calls.dialAnswered(callid, number),
            (error: unknown) => {
                this.calls.dialFailed();
                throw error;
            }
        );
    }

    answer(callId: string): Promise<void> {
        return this.act('answer', callId, ['ringing'], (call) => {
            if (call.state === 'ringing') {
                call.state = 'connected';
                call.answered = true;
                this.events.emit({ type: 'answered', callId });
            }
        });
    }

    decline(callId: string): Promise<void> {
        return this.actToEnd('decline', callId, ['ringing'], 'declined');
    }

    hangup(callId: string): Promise<void> {
        return this.actToEnd('hangup', callId, ['dialing', 'connected', 'held'], 'local-hangup');
    }

    hold(callId: string): Promise<void> {
        return this.act('hold', callId, ['connected'], (call) => {
            if (call.state === 'connected') {
                call.state = 'held';
                this.events.emit({ type: 'held', callId });
            }
        });
    }

    resume(callId: string): Promise<void> {
        return this.act('resume', callId, ['held'], (call) => {
            if (call.state === 'held') {
                call.state = 'connected';
                this.events.emit({ type: 'resumed', callId });
            }
        });
    }

    setMuted(callId: string, muted: boolean): Promise<void> {
        const refusal = this.remoteRefusal(
            muted ? 'mute' : 'unmute',
            label(muted ? 'Softphone_Listener_Mute_On_Phone' : 'Softphone_Listener_Unmute_On_Phone')
        );
        if (refusal) {
            return Promise.reject(refusal);
        }
        return this.act(
            muted ? 'mute' : 'unmute',
            callId,
            ['dialing', 'connected', 'held'],
            () => undefined
        );
    }

    sendDtmf(callId: string, digits: string): Promise<void> {
        const refusal = this.remoteRefusal('dtmf', label('Softphone_Listener_Keypad_On_Phone'));
        if (refusal) {
            return Promise.reject(refusal);
        }
        const tones = normaliseDtmf(digits);
        if (tones === undefined || tones.length > listenerLimits.dtmfLength) {
            return Promise.reject(
                new Error(
                    label(
                        'Softphone_Listener_Bad_Tones',
                        digits.slice(0, 40),
                        listenerLimits.dtmfLength
                    )
                )
            );
        }
        return this.act('dtmf', callId, ['connected'], () => undefined, { digits: tones });
    }

    // ---- agent actions -----------------------------------------------------------------

    /** Refuses an action that needs the phone system when it takes none, or is unreachable. */
    private remoteRefusal(
        action: ListenerAction,
        whenControlledOnPhone: string
    ): Error | undefined {
        if (this.events.status !== 'connected') {
            return bridgeNotConnected(action, this.events.status);
        }
        return this.actionsSupported ? undefined : new Error(whenControlledOnPhone);
    }

    private act(
        action: ListenerAction,
        callId: string,
        allowed: readonly ListenerCallState[],
        apply: (call: ListenerCall) => void,
        extra: Pick<ListenerActionMessage, 'digits' | 'number' | 'othercallid'> = {}
    ): Promise<void> {
        const call = this.calls.get(callId);
        if (!call) {
            return Promise.reject(this.unknownCall(action, callId));
        }
        const stateRefusal = callStateRefusal(actionName(action), callId, call.state, allowed);
        if (stateRefusal) {
            return Promise.reject(stateRefusal);
        }
        if (!this.actionsSupported) {
            // Controlled on the agent's phone: the softphone follows what the agent says. The
            // confirming event comes on a microtask, never inside the request.
            return Promise.resolve().then(() => {
                const live = this.calls.get(callId);
                if (live) {
                    apply(live);
                }
            });
        }
        if (this.events.status !== 'connected') {
            return Promise.reject(bridgeNotConnected(action, this.events.status));
        }
        return this.sendAction({ action, callid: callId, ...extra }).then(() => {
            const live = this.calls.get(callId);
            if (live) {
                apply(live);
            }
        });
    }

    private actToEnd(
        action: 'decline' | 'hangup',
        callId: string,
        allowed: readonly ListenerCallState[],
        reason: CallEndReason
    ): Promise<void> {
        const call = this.calls.get(callId);
        if (call && allowed.includes(call.state) && call.endingAs === undefined) {
            call.endingAs = reason;
        }
        return this.act(action, callId, allowed, (live) => {
            this.calls.endCall(live, reason);
        }).catch((error: unknown) => {
            const live = this.calls.get(callId);
            if (live && live.endingAs === reason) {
                delete live.endingAs;
            }
            throw error;
        });
    }

    private sendAction(fields: ListenerActionFields): Promise<string | undefined> {
        if (!this.link.ready) {
            return Promise.reject(bridgeNotConnected(fields.action, this.events.status));
        }
        return this.requests.request(fields);
    }

    private unknownCall(action: ListenerAction, callId: string): Error {
        return unknownCall(action, callId, this.calls.hasEnded(callId));
    }
}
