/**
 * Click to dial for record pages: lists the record's phone numbers and calls one through the Open CTI
 * softphone by publishing the LMS `dial` command (with the record, so the call is logged to it).
 *
 * Why an own Call button rather than lightning-click-to-dial: lightning-click-to-dial hands the
 * number to Open CTI's onClickToDial, outside this component, so it could not honour Do Not Call,
 * could not stay disabled while a call is active and could not tell that no softphone is open.
 * The numbers are therefore shown with lightning-formatted-phone `disabled` (formatted text, no
 * `tel:` link that would dial around the softphone and its call log), and the one way to dial from
 * this card is its Call button. Standard record details keep their own click-to-dial fields.
 *
 * Live call state comes from the softphone's events (state, callStarted, callEnded, error); when no
 * softphone answers the `ping`, the card says so and how to open it.
 */
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import {
    APPLICATION_SCOPE,
    MessageContext,
    publish,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone_Message__c';
import {
    buildDial,
    buildHangup,
    clipText,
    createSoftphoneClient,
    formatDuration,
    formatLabel,
    isSalesforceId,
    remotePartyName,
    toDialableNumber,
    watchSoftphonePresence
} from 'c/softphoneChannel';
import { reduceErrors } from 'c/ldsUtils';

import TITLE from '@salesforce/label/c.Softphone_Click_To_Dial_Title';
import CALL_FIELD from '@salesforce/label/c.Softphone_Call_Field';
import CALL_FIELD_TITLE from '@salesforce/label/c.Softphone_Call_Field_Title';
import PHONE_NUMBERS from '@salesforce/label/c.Softphone_Phone_Numbers';
import NO_PHONE_NUMBERS from '@salesforce/label/c.Softphone_No_Phone_Numbers';
import DO_NOT_CALL from '@salesforce/label/c.Softphone_Do_Not_Call';
import DO_NOT_CALL_CASE_CONTACT from '@salesforce/label/c.Softphone_Do_Not_Call_Case_Contact';
import NUMBER_NOT_DIALABLE from '@salesforce/label/c.Softphone_Number_Not_Dialable';
import CHECKING from '@salesforce/label/c.Softphone_Checking';
import NOT_ANSWERING from '@salesforce/label/c.Softphone_Not_Answering';
import STATE_RINGING from '@salesforce/label/c.Softphone_State_Ringing';
import STATE_DIALING from '@salesforce/label/c.Softphone_State_Dialing';
import STATE_CONNECTED from '@salesforce/label/c.Softphone_State_Connected';
import STATE_HELD from '@salesforce/label/c.Softphone_State_Held';
import STATE_ENDED from '@salesforce/label/c.Softphone_State_Ended';
import CALL_DURATION from '@salesforce/label/c.Softphone_Call_Duration';
import HANG_UP from '@salesforce/label/c.Softphone_Hang_Up';
import CALL_IN_PROGRESS from '@salesforce/label/c.Softphone_Call_In_Progress';
import COMMAND_FAILED from '@salesforce/label/c.Softphone_Command_Failed';
import LOAD_ERROR from '@salesforce/label/c.Softphone_Load_Error';

/** Phone fields listed when the page's design attribute names none, by object. */
const DEFAULT_PHONE_FIELDS = Object.freeze({
    Contact: ['Phone', 'MobilePhone', 'HomePhone', 'OtherPhone', 'AssistantPhone'],
    Lead: ['Phone', 'MobilePhone'],
    // Person-account fields are optional fields: they are simply absent in business accounts.
    Account: ['Phone', 'PersonMobilePhone', 'PersonHomePhone', 'PersonOtherPhone'],
    Case: ['ContactPhone', 'ContactMobile']
});
const FALLBACK_PHONE_FIELDS = ['Phone'];

/** Do Not Call flags by object; a Case honours its contact's flag. */
const DO_NOT_CALL_FIELDS = Object.freeze({
    Contact: ['DoNotCall'],
    Lead: ['DoNotCall'],
    Account: ['PersonDoNotCall'],
    Case: ['Contact.DoNotCall']
});

const NAME_FIELDS = Object.freeze({ Case: 'CaseNumber' });

const FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const TIMER_INTERVAL_MS = 1000;
/** A dial the softphone neither starts nor refuses within this time is given up (and re-checked). */
const DIAL_ANSWER_TIMEOUT_MS = 10000;

export default class ClickToDial extends LightningElement {
    @api recordId;
    @api objectApiName;

    /**
     * Design attribute: comma-separated API names of the phone fields to list (e.g. "Phone,
     * MobilePhone"). Empty: the defaults of the page's object (DEFAULT_PHONE_FIELDS).
     */
    @api phoneFields;

    /** Design attribute: how long to wait for the softphone to answer, in seconds. */
    @api pingTimeoutSeconds = 3;

    labels = {
        title: TITLE,
        phoneNumbers: PHONE_NUMBERS,
        noPhoneNumbers: NO_PHONE_NUMBERS,
        checking: CHECKING,
        notAnswering: NOT_ANSWERING,
        callDuration: CALL_DURATION,
        hangUp: HANG_UP
    };

    record;
    recordError;
    objectInfo;

    /** 'checking' | 'ready' | 'missing' | 'stopped' (see watchSoftphonePresence) */
    softphoneStatus = 'checking';
    presence;
    activeCall;
    /** { number, requestId } between our `dial` and the softphone's answer. */
    pendingDial;
    lastEnded;
    commandError;
    now = Date.now();

    /**
     * Where the keyboard goes once the card has re-rendered: 'hangUp', or the phone field whose
     * Call button dialed. The button the agent pressed is disabled or removed by the press itself,
     * which would drop the focus on the page body.
     */
    pendingFocus;
    lastDialField;

    client;
    ownRequestIds = new Set();
    timer;
    unsubscribeEvents;

    @wire(MessageContext)
    messageContext;

    @wire(getRecord, {
        recordId: '$recordId',
        fields: '$recordFields',
        optionalFields: '$optionalRecordFields'
    })
    wiredRecord({ data, error }) {
        if (data) {
            this.record = data;
            this.recordError = undefined;
        } else if (error) {
            this.record = undefined;
            this.recordError = error;
        }
    }

    @wire(getObjectInfo, { objectApiName: '$objectApiName' })
    wiredObjectInfo({ data }) {
        // Only labels come from here: without it the field API names are shown.
        if (data) {
            this.objectInfo = data;
        }
    }

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
        const seconds = Number(this.pingTimeoutSeconds);
        this.presence = watchSoftphonePresence(this.client, {
            timeoutMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 3000,
            onChange: (status) => {
                this.softphoneStatus = status;
            }
        });
    }

    renderedCallback() {
        this.moveFocus();
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

    // ---- record fields ----------------------------------------------------------------------

    get configuredPhoneFields() {
        return (this.phoneFields || '')
            .split(',')
            .map((name) => name.trim())
            .filter((name) => FIELD_NAME_PATTERN.test(name));
    }

    get phoneFieldNames() {
        const configured = this.configuredPhoneFields;
        if (configured.length > 0) {
            return configured;
        }
        return DEFAULT_PHONE_FIELDS[this.objectApiName] || FALLBACK_PHONE_FIELDS;
    }

    qualify(fieldName) {
        return `${this.objectApiName}.${fieldName}`;
    }

    /** Fields an admin named are required (a misspelt one shows its error); Id is always there. */
    get recordFields() {
        if (!this.objectApiName) {
            return undefined;
        }
        return [
            this.qualify('Id'),
            ...this.configuredPhoneFields.map((name) => this.qualify(name))
        ];
    }

    /** Defaults, names and Do Not Call flags may not exist (person accounts) or be hidden: optional. */
    get optionalRecordFields() {
        if (!this.objectApiName) {
            return undefined;
        }
        const names = [
            ...(this.configuredPhoneFields.length > 0 ? [] : this.phoneFieldNames),
            ...(DO_NOT_CALL_FIELDS[this.objectApiName] || []),
            NAME_FIELDS[this.objectApiName] || 'Name'
        ];
        return names.map((name) => this.qualify(name));
    }

    get recordName() {
        const name = this.record
            ? getFieldValue(this.record, this.qualify(NAME_FIELDS[this.objectApiName] || 'Name'))
            : undefined;
        return typeof name === 'string' && name ? clipText(name) : undefined;
    }

    get doNotCall() {
        if (!this.record) {
            return false;
        }
        return (DO_NOT_CALL_FIELDS[this.objectApiName] || []).some(
            (name) => getFieldValue(this.record, this.qualify(name)) === true
        );
    }

    get doNotCallReason() {
        if (!this.doNotCall) {
            return undefined;
        }
        return this.objectApiName === 'Case' ? DO_NOT_CALL_CASE_CONTACT : DO_NOT_CALL;
    }

    fieldLabel(fieldName) {
        const field =
            this.objectInfo && this.objectInfo.fields && this.objectInfo.fields[fieldName];
        return field && field.label ? field.label : fieldName;
    }

    get phoneEntries() {
        if (!this.record) {
            return [];
        }
        const busy = this.isCallActive;
        const canDial = this.softphoneStatus === 'ready' && !this.doNotCall && !busy;
        return this.phoneFieldNames
            .map((fieldName) => ({
                fieldName,
                value: getFieldValue(this.record, this.qualify(fieldName))
            }))
            .filter(({ value }) => typeof value === 'string' && value.trim() !== '')
            .map(({ fieldName, value }) => {
                const label = this.fieldLabel(fieldName);
                const dialable = toDialableNumber(value);
                return {
                    key: fieldName,
                    label,
                    number: value,
                    buttonLabel: formatLabel(CALL_FIELD, label),
                    buttonTitle: formatLabel(CALL_FIELD_TITLE, label, value),
                    disabled: !canDial || !dialable,
                    reason: dialable ? undefined : NUMBER_NOT_DIALABLE
                };
            });
    }

    get hasPhoneEntries() {
        return this.phoneEntries.length > 0;
    }

    get showNoPhoneNumbers() {
        return Boolean(this.record) && !this.hasPhoneEntries;
    }

    get recordErrorText() {
        return this.recordError
            ? formatLabel(LOAD_ERROR, reduceErrors(this.recordError).join(' '))
            : undefined;
    }

    // ---- softphone --------------------------------------------------------------------------

    get isChecking() {
        return this.softphoneStatus === 'checking';
    }

    get isSoftphoneMissing() {
        return this.softphoneStatus === 'missing' || this.softphoneStatus === 'stopped';
    }

    checkSoftphone() {
        if (this.presence) {
            this.presence.check();
        }
    }

    handleCheckAgain() {
        this.checkSoftphone();
    }

    handleSoftphoneEvent(event) {
        switch (event.type) {
            case 'state':
                this.applyActiveCall(event.payload.activeCall);
                break;
            case 'callStarted':
                this.applyActiveCall(event.payload.call);
                break;
            case 'callEnded':
                this.handleCallEnded(event.payload);
                break;
            case 'error':
                if (event.requestId && this.ownRequestIds.has(event.requestId)) {
                    this.commandError = formatLabel(COMMAND_FAILED, event.payload.message);
                    this.pendingDial = undefined;
                }
                break;
            default:
                break;
        }
    }

    applyActiveCall(call) {
        if (!(call && call.state !== 'ended')) {
            this.keepFocusInCard();
        }
        if (call && call.state !== 'ended') {
            this.activeCall = call;
            this.pendingDial = undefined;
            this.lastEnded = undefined;
            this.commandError = undefined;
            this.startTimer();
        } else {
            this.activeCall = undefined;
            this.stopTimer();
        }
    }

    handleCallEnded(payload) {
        this.keepFocusInCard();
        this.activeCall = undefined;
        this.pendingDial = undefined;
        this.stopTimer();
        this.lastEnded = {
            outcome: payload.outcome,
            duration: formatDuration(payload.durationSeconds)
        };
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

    // ---- commands ---------------------------------------------------------------------------

    send(message) {
        this.commandError = undefined;
        const result = this.client ? this.client.send(message) : { ok: false };
        if (result.ok) {
            this.ownRequestIds.add(result.requestId);
        } else {
            const reason = result.error ? result.error.message : '';
            this.commandError = formatLabel(COMMAND_FAILED, reason);
        }
        return result;
    }

    handleDial(event) {
        const fieldName = event.currentTarget.dataset.field;
        const entry = this.phoneEntries.find((candidate) => candidate.key === fieldName);
        if (!entry || entry.disabled) {
            return;
        }
        const number = toDialableNumber(entry.number);
        const related = isSalesforceId(this.recordId)
            ? {
                  recordId: this.recordId,
                  objectType: this.objectApiName,
                  recordName: this.recordName
              }
            : {};
        const result = this.send(buildDial({ number, ...related }));
        this.lastDialField = fieldName;
        this.pendingFocus = 'hangUp';
        if (result.ok) {
            this.lastEnded = undefined;
            this.pendingDial = { number: entry.number, requestId: result.requestId };
            this.watchPendingDial(result.requestId);
        }
    }

    /** Frees the buttons if the softphone went silent after our dial, and says whether it is there. */
    watchPendingDial(requestId) {
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        setTimeout(() => {
            if (this.pendingDial && this.pendingDial.requestId === requestId && !this.activeCall) {
                this.pendingDial = undefined;
                this.checkSoftphone();
            }
        }, DIAL_ANSWER_TIMEOUT_MS);
    }

    handleHangUp() {
        this.pendingFocus = this.lastDialField || 'dial';
        const callId = this.activeCall ? this.activeCall.callId : undefined;
        this.send(buildHangup({ callId }));
    }

    // ---- keyboard focus ---------------------------------------------------------------------

    /** The call is going away while the agent works in this card: keep the focus here. */
    keepFocusInCard() {
        if (this.template.activeElement && this.pendingFocus === undefined) {
            this.pendingFocus = this.lastDialField || 'dial';
        }
    }

    focusIsElsewhere() {
        const active = document.activeElement;
        return !this.template.activeElement && Boolean(active) && active !== document.body;
    }

    /** Hands the focus to Hang Up once it shows, and back to a Call button once one is enabled. */
    moveFocus() {
        const wanted = this.pendingFocus;
        if (wanted === undefined) {
            return;
        }
        if (this.focusIsElsewhere()) {
            // The agent went on elsewhere (the softphone, another field): leave the focus there.
            this.pendingFocus = undefined;
            return;
        }
        if (wanted === 'hangUp') {
            const hangUp = this.template.querySelector('lightning-button.hang-up');
            if (hangUp) {
                this.pendingFocus = undefined;
                hangUp.focus();
            } else if (!this.isCallActive) {
                // Refused or given up: back to the Call button.
                this.pendingFocus = this.lastDialField || 'dial';
                this.moveFocus();
            }
            return;
        }
        if (this.isCallActive) {
            return;
        }
        const entries = this.phoneEntries.filter((entry) => !entry.disabled);
        const entry = entries.find((candidate) => candidate.key === wanted) || entries[0];
        this.pendingFocus = undefined;
        const button =
            entry &&
            [...this.template.querySelectorAll('lightning-button.dial')].find(
                (candidate) => candidate.dataset.field === entry.key
            );
        if (button) {
            button.focus();
        }
    }

    // ---- call state for the template --------------------------------------------------------

    get isCallActive() {
        return Boolean(this.activeCall || this.pendingDial);
    }

    get showCallInProgress() {
        return this.isCallActive && !this.doNotCall && this.softphoneStatus === 'ready';
    }

    get callInProgressText() {
        return CALL_IN_PROGRESS;
    }

    get remoteParty() {
        const call = this.activeCall;
        if (!call) {
            return this.pendingDial ? this.pendingDial.number : '';
        }
        // An outbound call shows the number it dials until it is answered, then the party's name
        // (the phone system's, else the related record's, as the softphone shows it): the
        // softphone sends no remoteName for a call it places to a record.
        const answered = call.state === 'connected' || call.state === 'held';
        return call.direction === 'Inbound' || answered
            ? remotePartyName(call)
            : call.remoteName || call.to;
    }

    get callStateText() {
        if (!this.activeCall) {
            return this.pendingDial ? formatLabel(STATE_DIALING, this.remoteParty) : undefined;
        }
        switch (this.activeCall.state) {
            case 'ringing':
                return formatLabel(STATE_RINGING, this.remoteParty);
            case 'dialing':
                return formatLabel(STATE_DIALING, this.remoteParty);
            case 'held':
                return formatLabel(STATE_HELD, this.remoteParty);
            default:
                return formatLabel(STATE_CONNECTED, this.remoteParty);
        }
    }

    get showTimer() {
        const state = this.activeCall && this.activeCall.state;
        return state === 'connected' || state === 'held';
    }

    get elapsed() {
        if (!this.activeCall) {
            return '';
        }
        const since = this.activeCall.answeredAt || this.activeCall.startedAt;
        return formatDuration(Math.max(0, Math.floor((this.now - since) / 1000)));
    }

    /**
     * An inbound call that still rings is answered or declined in the softphone (or the call bar):
     * this card only hangs up calls that are under way.
     */
    get canHangUp() {
        const call = this.activeCall;
        return Boolean(call) && !(call.direction === 'Inbound' && call.state === 'ringing');
    }

    get endedText() {
        return this.lastEnded
            ? formatLabel(STATE_ENDED, this.lastEnded.outcome, this.lastEnded.duration)
            : undefined;
    }

    get statusText() {
        return this.callStateText || this.endedText;
    }
}
