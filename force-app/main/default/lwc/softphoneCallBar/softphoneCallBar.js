/**
 * Call controls over LMS, for the utility bar (headless mode) and for record and app pages: the
 * agent's status with not-ready reasons, an incoming call (Answer, Decline), the active call (timer,
 * Hold, Mute, keypad, Hang Up), a call waiting, and wrap-up (disposition and notes, with the
 * softphone's rules). Every action is a command of the softphone's contract (c/softphoneChannel);
 * the softphone decides, and refuses with its reason, which this component shows.
 *
 * Every open instance shows the same state (the softphone publishes it to all); only the instance
 * whose command the softphone accepts acts, so a ringing call is answered once.
 *
 * On connect it asks for the current state (getState) and pings; while the softphone is there a
 * heartbeat ping notices when it stops; a reloaded softphone announces its state and is picked up.
 */
import { LightningElement, api, wire } from 'lwc';
import {
    APPLICATION_SCOPE,
    MessageContext,
    publish,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone_Message__c';
import {
    buildAnswer,
    buildCancelConsult,
    buildCompleteConsult,
    buildCompleteWrapUp,
    buildConference,
    buildDecline,
    buildDropParty,
    buildGetState,
    buildHangup,
    buildHold,
    buildMute,
    buildResume,
    buildSendDtmf,
    buildSetDisposition,
    buildSwap,
    buildTransfer,
    createSoftphoneClient,
    formatDuration,
    formatLabel,
    toDialableNumber,
    watchSoftphonePresence
} from 'c/softphoneChannel';

import { partyName, transferText, twoCallsView } from './twoCalls';
import {
    fixedStatusText,
    setAgentStateCommand,
    statusFixed,
    statusOptions,
    statusValue
} from './agentStatus';

import TITLE from '@salesforce/label/c.Softphone_Call_Bar_Title';
import AGENT_STATUS from '@salesforce/label/c.Softphone_Agent_Status';
import ANSWER from '@salesforce/label/c.Softphone_Answer';
import DECLINE from '@salesforce/label/c.Softphone_Decline';
import HOLD from '@salesforce/label/c.Softphone_Hold';
import RESUME from '@salesforce/label/c.Softphone_Resume';
import MUTE from '@salesforce/label/c.Softphone_Mute';
import UNMUTE from '@salesforce/label/c.Softphone_Unmute';
import KEYPAD from '@salesforce/label/c.Softphone_Keypad';
import SEND_TONE from '@salesforce/label/c.Softphone_Send_Tone';
import CALL_WAITING from '@salesforce/label/c.Softphone_Call_Bar_Waiting';
import SOFTPHONE_STOPPED from '@salesforce/label/c.Softphone_Stopped';
import STATE_RINGING from '@salesforce/label/c.Softphone_State_Ringing';
import STATE_DIALING from '@salesforce/label/c.Softphone_State_Dialing';
import STATE_CONNECTED from '@salesforce/label/c.Softphone_State_Connected';
import STATE_HELD from '@salesforce/label/c.Softphone_State_Held';
import CALL_DURATION from '@salesforce/label/c.Softphone_Call_Duration';
import HANG_UP from '@salesforce/label/c.Softphone_Hang_Up';
import COMMAND_FAILED from '@salesforce/label/c.Softphone_Command_Failed';
import CHECKING from '@salesforce/label/c.Softphone_Checking';
import NOT_ANSWERING from '@salesforce/label/c.Softphone_Not_Answering';
import WRAP_UP_TITLE from '@salesforce/label/c.Softphone_Wrap_Up_Title';
import TRANSFER from '@salesforce/label/c.Softphone_Transfer';
import TRANSFER_TO from '@salesforce/label/c.Softphone_Transfer_To';
import TRANSFER_NOW from '@salesforce/label/c.Softphone_Transfer_Now';
import NUMBER_NOT_DIALABLE from '@salesforce/label/c.Softphone_Number_Not_Dialable';
import CONSULT_FIRST from '@salesforce/label/c.Softphone_Consult_First';
import COMPLETE_TRANSFER from '@salesforce/label/c.Softphone_Complete_Transfer';
import CANCEL_CONSULT from '@salesforce/label/c.Softphone_Cancel_Consult';
import CONFERENCE from '@salesforce/label/c.Softphone_Conference';
import MERGE_CALLS from '@salesforce/label/c.Softphone_Merge_Calls';
import DROP from '@salesforce/label/c.Softphone_Drop';
import SWAP from '@salesforce/label/c.Softphone_Swap';
import YOUR_CALLS from '@salesforce/label/c.Softphone_Call_Bar_Your_Calls';

const TIMER_INTERVAL_MS = 1000;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
export default class SoftphoneCallBar extends LightningElement {
    /** How long the component waits for the softphone before it says none is running. */
    @api pingTimeoutSeconds = 3;

    @wire(MessageContext)
    messageContext;

    labels = {
        title: TITLE,
        agentStatus: AGENT_STATUS,
        answer: ANSWER,
        decline: DECLINE,
        hangUp: HANG_UP,
        keypad: KEYPAD,
        callDuration: CALL_DURATION,
        checking: CHECKING,
        notAnswering: NOT_ANSWERING,
        transfer: TRANSFER,
        transferTo: TRANSFER_TO,
        transferNow: TRANSFER_NOW,
        consultFirst: CONSULT_FIRST,
        completeTransfer: COMPLETE_TRANSFER,
        cancelConsult: CANCEL_CONSULT,
        conference: CONFERENCE,
        mergeCalls: MERGE_CALLS,
        drop: DROP,
        swap: SWAP,
        yourCalls: YOUR_CALLS
    };

    /** 'checking' | 'ready' | 'missing' | 'stopped' */
    softphoneStatus = 'checking';
    state;
    commandError;
    keypadOpen = false;
    transferOpen = false;
    transferTarget = '';
    /** The last transferUpdate event: how a transfer goes ("Transferring to …", failed: busy). */
    transferNote;
    dialed = '';
    draft = { callId: undefined, disposition: '', notes: '', edited: false };
    now = Date.now();
    client;
    pendingDone;
    ownRequestIds = new Set();
    presence;

    connectedCallback() {
        this.client = createSoftphoneClient({
            publish: (message) => publish(this.messageContext, SOFTPHONE_CHANNEL, message),
            subscribe: (listener) => {
                const subscription = subscribe(this.messageContext, SOFTPHONE_CHANNEL, listener, {
                    scope: APPLICATION_SCOPE
                });
                return () => unsubscribe(subscription);
            }
        });
        this.unsubscribeEvents = this.client.onEvent((event) => this.handleSoftphoneEvent(event));
        // Events published before this component subscribed are gone: ask for the state now.
        this.client.send(buildGetState());
        this.presence = watchSoftphonePresence(this.client, {
            timeoutMs: this.timeoutMs,
            // Noticing that the softphone stopped needs a clock: one ping per timeout period.
            heartbeat: true,
            onChange: (status) => this.handlePresence(status)
        });
    }

    disconnectedCallback() {
        this.stopTimer();
        if (this.presence) {
            this.presence.dispose();
        }
        if (this.unsubscribeEvents) {
            this.unsubscribeEvents();
        }
        if (this.client) {
            this.client.dispose();
            this.client = undefined;
        }
    }

    // ---- softphone presence -----------------------------------------------------------------

    get timeoutMs() {
        const seconds = Number(this.pingTimeoutSeconds);
        return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 3000;
    }

    handlePresence(status) {
        this.softphoneStatus = status;
        if (status === 'missing' || status === 'stopped') {
            this.state = undefined;
            this.stopTimer();
        }
    }

    handleCheckAgain() {
        this.client.send(buildGetState());
        this.presence.check();
    }

    get isChecking() {
        return this.softphoneStatus === 'checking';
    }

    get isUnavailable() {
        return this.softphoneStatus === 'missing' || this.softphoneStatus === 'stopped';
    }

    get unavailableTitle() {
        return this.softphoneStatus === 'stopped' ? SOFTPHONE_STOPPED : NOT_ANSWERING;
    }

    get isReady() {
        return this.softphoneStatus === 'ready' && Boolean(this.state);
    }

    // ---- events -----------------------------------------------------------------------------

    handleSoftphoneEvent(event) {
        if (event.type === 'error') {
            if (event.requestId && this.ownRequestIds.has(event.requestId)) {
                this.commandError = formatLabel(COMMAND_FAILED, event.payload.message);
                this.pendingDone = undefined;
            }
            return;
        }
        if (event.type === 'state') {
            this.applyState(event.payload);
        } else if (event.type === 'transferUpdate') {
            this.transferNote = event.payload;
        } else if (event.type === 'callStarted' || event.type === 'callEnded') {
            // The state event that follows carries the whole picture; ask in case it was missed.
            this.client.send(buildGetState());
        }
    }

    applyState(payload) {
        this.state = payload;
        const call = payload.activeCall;
        if (call && (call.state === 'connected' || call.state === 'held')) {
            this.startTimer();
        } else {
            this.stopTimer();
            this.keypadOpen = false;
            this.dialed = '';
            this.transferOpen = false;
            this.transferTarget = '';
        }
        if (!call) {
            // A transfer's progress belongs to the call it was about.
            this.transferNote = undefined;
        }
        const wrapUp = payload.wrapUp;
        if (!wrapUp) {
            this.draft = { callId: undefined, disposition: '', notes: '', edited: false };
            this.pendingDone = undefined;
            return;
        }
        if (this.draft.callId !== wrapUp.callId || !this.draft.edited) {
            this.draft = {
                callId: wrapUp.callId,
                disposition: wrapUp.disposition,
                notes: wrapUp.notes,
                edited: false
            };
        }
        if (wrapUp.error) {
            this.pendingDone = undefined;
        } else if (
            this.pendingDone &&
            this.pendingDone.callId === wrapUp.callId &&
            wrapUp.disposition === this.pendingDone.disposition &&
            wrapUp.notes === this.pendingDone.notes
        ) {
            // The draft is on the log: now the agent is done.
            this.pendingDone = undefined;
            this.send(buildCompleteWrapUp({ callId: wrapUp.callId }));
        }
    }

    startTimer() {
        this.now = Date.now();
        if (this.timer) {
            return;
        }
        // A visible call timer needs a clock.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setInterval(() => {
            this.now = Date.now();
        }, TIMER_INTERVAL_MS);
    }

    stopTimer() {
        if (this.timer) {
            clearInterval(this.timer);
            this.timer = undefined;
        }
    }

    // ---- agent status -----------------------------------------------------------------------

    get statusValue() {
        return statusValue(this.state);
    }

    get statusOptions() {
        return statusOptions(this.state);
    }

    get statusFixed() {
        return statusFixed(this.state);
    }

    get fixedStatusText() {
        return fixedStatusText(this.state);
    }

    handleStatusChange(event) {
        this.send(setAgentStateCommand(event.detail.value));
    }

    // ---- the call ---------------------------------------------------------------------------

    get activeCall() {
        return this.state ? this.state.activeCall : undefined;
    }

    get isRinging() {
        const call = this.activeCall;
        return Boolean(call) && call.state === 'ringing' && call.direction === 'Inbound';
    }

    get isOnCall() {
        const call = this.activeCall;
        return Boolean(call) && ['dialing', 'connected', 'held'].includes(call.state);
    }

    get isConnected() {
        return this.isOnCall && this.activeCall.state === 'connected';
    }

    get isHeld() {
        return this.isOnCall && this.activeCall.state === 'held';
    }

    get callStateText() {
        const call = this.activeCall;
        if (!call) {
            return '';
        }
        const templates = {
            ringing: STATE_RINGING,
            dialing: STATE_DIALING,
            connected: STATE_CONNECTED,
            held: STATE_HELD
        };
        return formatLabel(templates[call.state] || '', partyName(call, this.state));
    }

    get showTimer() {
        const call = this.activeCall;
        return Boolean(call && call.answeredAt) && (this.isConnected || this.isHeld);
    }

    get elapsed() {
        const call = this.activeCall;
        return call && call.answeredAt
            ? formatDuration(Math.max(0, (this.now - call.answeredAt) / 1000))
            : '';
    }

    get holdLabel() {
        return this.isHeld ? RESUME : HOLD;
    }

    get holdIcon() {
        return this.isHeld ? 'utility:play' : 'utility:pause';
    }

    get holdDisabled() {
        return !this.isConnected && !this.isHeld;
    }

    get muteLabel() {
        return this.activeCall && this.activeCall.muted ? UNMUTE : MUTE;
    }

    get muteIcon() {
        return this.activeCall && this.activeCall.muted ? 'utility:unmuted' : 'utility:muted';
    }

    get mutePressed() {
        return this.activeCall && this.activeCall.muted ? 'true' : 'false';
    }

    get keypadExpanded() {
        return this.keypadOpen ? 'true' : 'false';
    }

    get keypadKeys() {
        return KEYS.map((key) => ({ key, label: key, title: formatLabel(SEND_TONE, key) }));
    }

    get waitingCall() {
        return this.state ? this.state.waitingCall : undefined;
    }

    get waitingText() {
        return formatLabel(CALL_WAITING, partyName(this.waitingCall, this.state));
    }

    handleAnswer() {
        this.send(buildAnswer({ callId: this.activeCall.callId }));
    }

    handleDecline() {
        this.send(buildDecline({ callId: this.activeCall.callId }));
    }

    handleAnswerWaiting() {
        this.send(buildAnswer({ callId: this.waitingCall.callId }));
    }

    handleDeclineWaiting() {
        this.send(buildDecline({ callId: this.waitingCall.callId }));
    }

    handleHold() {
        const callId = this.activeCall.callId;
        this.send(this.isHeld ? buildResume({ callId }) : buildHold({ callId }));
    }

    handleMute() {
        const call = this.activeCall;
        this.send(buildMute({ muted: !call.muted, callId: call.callId }));
    }

    handleKeypad() {
        this.keypadOpen = !this.keypadOpen;
    }

    handleKey(event) {
        const key = event.currentTarget.dataset.key;
        const result = this.send(buildSendDtmf({ digits: key, callId: this.activeCall.callId }));
        if (result.ok) {
            this.dialed = `${this.dialed}${key}`.slice(-32);
        }
    }

    get transferExpanded() {
        return this.transferOpen ? 'true' : 'false';
    }

    handleTransferToggle() {
        this.transferOpen = !this.transferOpen;
    }

    handleTransferTarget(event) {
        this.transferTarget = event.detail.value;
    }

    /** Transfer now (blind) or Consult first, to the number typed (refused with a reason). */
    handleTransfer(event) {
        const mode = event.currentTarget.dataset.mode === 'consult' ? 'consult' : 'blind';
        const target = toDialableNumber(this.transferTarget);
        if (!target) {
            this.commandError = NUMBER_NOT_DIALABLE;
            return;
        }
        const result = this.send(buildTransfer({ target, mode, callId: this.activeCall.callId }));
        if (result.ok) {
            this.transferOpen = false;
            this.transferTarget = '';
        }
    }

    handleHangUp() {
        this.send(buildHangup({ callId: this.activeCall.callId }));
    }

    // ---- two calls: consult, conference, swap -----------------------------------------------

    /** A second call beside the active one: consult, conference or two separate calls. */
    get twoCalls() {
        return this.isOnCall ? twoCallsView(this.activeCall, this.state) : undefined;
    }

    /** One call: Hold and Transfer; with two, the calls' own controls replace them. */
    get isOneCall() {
        return !this.twoCalls;
    }

    get showTransferForm() {
        return this.transferOpen && this.isOneCall;
    }

    handleCompleteConsult() {
        this.send(buildCompleteConsult());
    }

    handleCancelConsult() {
        this.send(buildCancelConsult());
    }

    handleConference() {
        this.send(buildConference());
    }

    handleSwap() {
        this.send(buildSwap());
    }

    handleDrop(event) {
        this.send(buildDropParty({ callId: event.currentTarget.dataset.callId }));
    }

    get transferText() {
        return transferText(this.transferNote);
    }

    // ---- wrap-up ----------------------------------------------------------------------------

    get wrapUp() {
        return this.state ? this.state.wrapUp : undefined;
    }

    get showWrapUp() {
        return Boolean(this.wrapUp) && !this.isOnCall && !this.isRinging;
    }

    get wrapUpTitle() {
        return formatLabel(WRAP_UP_TITLE, this.wrapUp.remoteLabel);
    }

    /** The softphone's dispositions, for the wrap-up form. */
    get dispositionOptions() {
        return this.wrapUp.dispositions.map((value) => ({ label: value, value }));
    }

    get wrapUpError() {
        return this.wrapUp && this.wrapUp.error ? this.wrapUp.error : undefined;
    }

    handleDraftChange(event) {
        this.draft = { ...this.draft, ...event.detail, edited: true };
    }

    /** Save: the draft goes on the softphone's log (the form checked a required disposition). */
    handleSave() {
        const result = this.sendDraft();
        if (result.ok) {
            this.draft = { ...this.draft, edited: false };
        }
    }

    handleDone() {
        const wrapUp = this.wrapUp;
        const unsaved =
            this.draft.disposition !== wrapUp.disposition || this.draft.notes !== wrapUp.notes;
        if (!unsaved) {
            this.send(buildCompleteWrapUp({ callId: wrapUp.callId }));
            return;
        }
        // Save first; Done follows once the softphone's state shows the draft saved.
        const result = this.sendDraft();
        if (result.ok) {
            this.pendingDone = {
                callId: wrapUp.callId,
                disposition: this.draft.disposition,
                notes: this.draft.notes
            };
            this.draft = { ...this.draft, edited: false };
        }
    }

    sendDraft() {
        return this.send(
            buildSetDisposition({
                callId: this.wrapUp.callId,
                disposition: this.draft.disposition,
                notes: this.draft.notes
            })
        );
    }

    // ---- commands ---------------------------------------------------------------------------

    send(message) {
        this.commandError = undefined;
        // Known before publishing: the answer may arrive while publish is still running.
        this.ownRequestIds.add(message.requestId);
        const result = this.client ? this.client.send(message) : { ok: false };
        if (!result.ok) {
            this.commandError = formatLabel(
                COMMAND_FAILED,
                result.error ? result.error.message : ''
            );
        }
        return result;
    }
}
