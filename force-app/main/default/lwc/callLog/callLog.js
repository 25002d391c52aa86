/**
 * Call history of a record (Contact, Lead, Account, Case) from its Phone_Call__c records, read
 * through the UI API related list adapter — no Apex — with an inline wrap-up of the latest call.
 *
 * Which related list: Phone_Call__c points at a record through one lookup per object (Contact__c,
 * Lead__c, Account__c, Case__c, all with the relationship name Phone_Calls). The component reads
 * the page object's ObjectInfo and takes its child relationship from Phone_Call__c (the lookup of
 * that object first), so it follows the metadata instead of a hard-coded list, and says so when an
 * object has no such lookup.
 *
 * Wrap-up is saved with LDS updateRecord on the Phone_Call__c record, not with the softphone's
 * `setDisposition` command: the record already exists when it is listed here (the softphone
 * published `callLogged`), updateRecord works whether or not the softphone is open or still holds
 * the call, it applies field-level security and validation rules with their messages, and it
 * updates the LDS cache so every component showing the record agrees at once.
 *
 * Refresh: when the softphone publishes `callLogged` for this record (or for a call already
 * listed), the wired related list is refreshed with refreshApex, which refreshes any wired LDS
 * value (no Apex involved); the page's own refresh (lightning/refresh) does the same.
 */
import { LightningElement, api, wire } from 'lwc';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { updateRecord } from 'lightning/uiRecordApi';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import { refreshApex } from '@salesforce/apex';
import {
    APPLICATION_SCOPE,
    MessageContext,
    publish,
    subscribe,
    unsubscribe
} from 'lightning/messageService';
import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone_Message__c';
import PHONE_CALL_OBJECT from '@salesforce/schema/Phone_Call__c';
import DISPOSITION_FIELD from '@salesforce/schema/Phone_Call__c.Disposition__c';
import NOTES_FIELD from '@salesforce/schema/Phone_Call__c.Notes__c';
import {
    buildGetState,
    createSoftphoneClient,
    formatDuration,
    formatLabel,
    sameRecordId
} from 'c/softphoneChannel';
import { reduceErrors } from 'c/ldsUtils';

import TITLE from '@salesforce/label/c.Softphone_Call_Log_Title';
import LOADING from '@salesforce/label/c.Softphone_Loading';
import EMPTY from '@salesforce/label/c.Softphone_Call_Log_Empty';
import LOAD_ERROR from '@salesforce/label/c.Softphone_Call_Log_Error';
import UNSUPPORTED from '@salesforce/label/c.Softphone_Call_Log_Unsupported';
import REFRESH from '@salesforce/label/c.Softphone_Refresh';
import INBOUND from '@salesforce/label/c.Softphone_Direction_Inbound';
import OUTBOUND from '@salesforce/label/c.Softphone_Direction_Outbound';
import MISSED from '@salesforce/label/c.Softphone_Direction_Missed';
import UNKNOWN_NUMBER from '@salesforce/label/c.Softphone_Unknown_Number';
import DURATION from '@salesforce/label/c.Softphone_Field_Duration';
import OUTCOME from '@salesforce/label/c.Softphone_Field_Outcome';
import DISPOSITION from '@salesforce/label/c.Softphone_Field_Disposition';
import AGENT from '@salesforce/label/c.Softphone_Field_Agent';
import NOTES from '@salesforce/label/c.Softphone_Field_Notes';
import NONE from '@salesforce/label/c.Softphone_Value_None';
import WRAP_UP_TITLE from '@salesforce/label/c.Softphone_Wrap_Up_Title';
import WRAPPED_UP from '@salesforce/label/c.Softphone_Call_Log_Wrapped_Up';
import EDIT_WRAP_UP from '@salesforce/label/c.Softphone_Call_Log_Edit_Wrap_Up';
import WRAPPED_UP_HEADING from '@salesforce/label/c.Softphone_Call_Bar_Wrapped_Up_Heading';
import EDIT_WRAP_UP_HEADING from '@salesforce/label/c.Softphone_Call_Bar_Edit_Wrap_Up_Heading';
import WRAP_UP_IN_SOFTPHONE from '@salesforce/label/c.Softphone_Call_Log_Wrap_Up_In_Softphone';
import SAVE from '@salesforce/label/c.Softphone_Save';
import SAVED from '@salesforce/label/c.Softphone_Saved';
import SAVE_ERROR from '@salesforce/label/c.Softphone_Save_Error';
import DISPOSITIONS_ERROR from '@salesforce/label/c.Softphone_Call_Log_Dispositions_Error';

const PHONE_CALL = 'Phone_Call__c';
/** The lookup to prefer on each object's page (others: the first non-agent lookup). */
const LOOKUP_BY_OBJECT = Object.freeze({
    Contact: 'Contact__c',
    Lead: 'Lead__c',
    Account: 'Account__c',
    Case: 'Case__c'
});
const CALL_FIELDS = [`${PHONE_CALL}.Id`];
// Optional: a field the user cannot see is left out instead of failing the whole list.
const OPTIONAL_CALL_FIELDS = [
    'Direction__c',
    'From_Number__c',
    'To_Number__c',
    'Started__c',
    'Duration_Seconds__c',
    'Outcome__c',
    'Disposition__c',
    'Notes__c',
    'Agent__r.Name',
    'Provider_Call_Id__c'
].map((field) => `${PHONE_CALL}.${field}`);
const SORT_BY = [`-${PHONE_CALL}.Started__c`];
const PAGE_SIZE = 20;
const NOTES_MAX = 32768;

function fieldValue(record, name) {
    const field = record.fields && record.fields[name];
    return field ? field.value : undefined;
}

function fieldDisplay(record, name) {
    const field = record.fields && record.fields[name];
    if (!field) {
        return undefined;
    }
    return field.displayValue || field.value;
}

function agentName(record) {
    const agent = record.fields && record.fields.Agent__r;
    if (!agent) {
        return undefined;
    }
    const nested = agent.value && agent.value.fields && agent.value.fields.Name;
    return (nested && nested.value) || agent.displayValue || undefined;
}

export default class CallLog extends LightningElement {
    @api recordId;
    @api objectApiName;

    labels = {
        title: TITLE,
        loading: LOADING,
        empty: EMPTY,
        unsupported: UNSUPPORTED,
        refresh: REFRESH,
        duration: DURATION,
        outcome: OUTCOME,
        disposition: DISPOSITION,
        agent: AGENT,
        notes: NOTES,
        wrapUpTitle: WRAP_UP_TITLE,
        editWrapUp: EDIT_WRAP_UP,
        wrapUpInSoftphone: WRAP_UP_IN_SOFTPHONE,
        save: SAVE
    };

    notesMax = NOTES_MAX;

    parentObjectInfo;
    phoneCallInfo;
    dispositionValues;
    dispositionsError;
    wiredCallsResult;
    callRecords;
    loadError;

    wrapUpRecordId;
    draftDisposition = '';
    draftNotes = '';
    saving = false;
    saveMessage = '';
    saveError;
    /** The agent opened the form of a call that already has its wrap-up. */
    editingWrapUp = false;
    /** The call whose wrap-up the softphone has open (from its `state` events). */
    softphoneWrapUpCallId;

    client;
    refreshHandlerId;

    @wire(MessageContext)
    messageContext;

    @wire(getObjectInfo, { objectApiName: '$objectApiName' })
    wiredParentObjectInfo({ data, error }) {
        if (data) {
            this.parentObjectInfo = data;
        } else if (error) {
            this.loadError = error;
        }
    }

    @wire(getObjectInfo, { objectApiName: PHONE_CALL_OBJECT })
    wiredPhoneCallInfo({ data }) {
        // Without it (no access) there is simply no wrap-up form.
        if (data) {
            this.phoneCallInfo = data;
        }
    }

    @wire(getPicklistValues, {
        recordTypeId: '$phoneCallRecordTypeId',
        fieldApiName: DISPOSITION_FIELD
    })
    wiredDispositionValues({ data, error }) {
        if (data) {
            this.dispositionValues = data.values;
            this.dispositionsError = undefined;
        } else if (error) {
            // Only None can be offered then: the agent is told why.
            this.dispositionsError = error;
        }
    }

    get dispositionsErrorText() {
        return this.dispositionsError
            ? formatLabel(DISPOSITIONS_ERROR, reduceErrors(this.dispositionsError).join(' '))
            : undefined;
    }

    @wire(getRelatedListRecords, {
        parentRecordId: '$recordId',
        relatedListId: '$relatedListId',
        fields: CALL_FIELDS,
        optionalFields: OPTIONAL_CALL_FIELDS,
        sortBy: SORT_BY,
        pageSize: PAGE_SIZE
    })
    wiredCalls(result) {
        this.wiredCallsResult = result;
        const { data, error } = result;
        if (data) {
            this.callRecords = data.records || [];
            this.loadError = undefined;
            this.resetDraftIfLatestChanged();
        } else if (error) {
            this.callRecords = undefined;
            this.loadError = error;
        }
    }

    connectedCallback() {
        this.client = createSoftphoneClient({
            // It only asks for the softphone's state (is a wrap-up open?); calls are the other
            // components' business.
            publish: (message) => publish(this.messageContext, SOFTPHONE_CHANNEL, message),
            subscribe: (listener) => {
                const subscription = subscribe(this.messageContext, SOFTPHONE_CHANNEL, listener, {
                    scope: APPLICATION_SCOPE
                });
                return () => unsubscribe(subscription);
            }
        });
        this.client.onEvent((event) => this.handleSoftphoneEvent(event));
        // A state published before this card subscribed is gone: ask for it.
        this.client.send(buildGetState());
        this.refreshHandlerId = registerRefreshHandler(this, this.refreshHandler.bind(this));
    }

    disconnectedCallback() {
        if (this.client) {
            this.client.dispose();
            this.client = undefined;
        }
        if (this.refreshHandlerId !== undefined) {
            unregisterRefreshHandler(this.refreshHandlerId);
            this.refreshHandlerId = undefined;
        }
    }

    // ---- which related list -----------------------------------------------------------------

    get phoneCallRelationships() {
        const relationships =
            (this.parentObjectInfo && this.parentObjectInfo.childRelationships) || [];
        return relationships.filter(
            (relationship) =>
                relationship.childObjectApiName === PHONE_CALL && relationship.relationshipName
        );
    }

    get relatedListId() {
        const candidates = this.phoneCallRelationships;
        const preferred =
            candidates.find((item) => item.fieldName === LOOKUP_BY_OBJECT[this.objectApiName]) ||
            candidates.find((item) => item.fieldName !== 'Agent__c') ||
            candidates[0];
        return preferred ? preferred.relationshipName : undefined;
    }

    get isUnsupported() {
        return Boolean(this.parentObjectInfo) && !this.relatedListId;
    }

    get phoneCallRecordTypeId() {
        return this.phoneCallInfo ? this.phoneCallInfo.defaultRecordTypeId : undefined;
    }

    // ---- list -------------------------------------------------------------------------------

    get calls() {
        if (!this.callRecords) {
            return [];
        }
        const started = (record) => fieldValue(record, 'Started__c') || '';
        return [...this.callRecords]
            .sort((left, right) => started(right).localeCompare(started(left)))
            .map((record) => {
                const outbound = fieldValue(record, 'Direction__c') === 'Outbound';
                const missed = fieldValue(record, 'Outcome__c') === 'Missed';
                let directionIcon = outbound ? 'utility:outbound_call' : 'utility:incoming_call';
                let directionLabel = outbound ? OUTBOUND : INBOUND;
                if (missed) {
                    directionIcon = 'utility:missed_call';
                    directionLabel = MISSED;
                }
                const number = fieldValue(record, outbound ? 'To_Number__c' : 'From_Number__c');
                const duration = formatDuration(fieldValue(record, 'Duration_Seconds__c'));
                return {
                    id: record.id,
                    directionIcon,
                    directionLabel,
                    number,
                    hasNumber: Boolean(number),
                    unknownNumber: UNKNOWN_NUMBER,
                    started: fieldValue(record, 'Started__c'),
                    duration: duration || NONE,
                    outcome: fieldDisplay(record, 'Outcome__c') || NONE,
                    disposition: fieldDisplay(record, 'Disposition__c') || NONE,
                    dispositionValue: fieldValue(record, 'Disposition__c') || '',
                    notes: fieldValue(record, 'Notes__c') || '',
                    providerCallId: fieldValue(record, 'Provider_Call_Id__c'),
                    agent: agentName(record) || NONE
                };
            });
    }

    get hasCalls() {
        return this.calls.length > 0;
    }

    get isLoading() {
        return !this.callRecords && !this.loadError && !this.isUnsupported;
    }

    get isEmpty() {
        return Boolean(this.callRecords) && this.callRecords.length === 0;
    }

    get loadErrorText() {
        return this.loadError
            ? formatLabel(LOAD_ERROR, reduceErrors(this.loadError).join(' '))
            : undefined;
    }

    // ---- refresh ----------------------------------------------------------------------------

    handleSoftphoneEvent(event) {
        if (event.type === 'state') {
            const wrapUp = event.payload.wrapUp;
            this.softphoneWrapUpCallId = wrapUp ? wrapUp.callId : undefined;
            return;
        }
        if (event.type !== 'callLogged') {
            return;
        }
        const { recordId, relatedRecordId } = event.payload;
        const forThisRecord = sameRecordId(relatedRecordId, this.recordId);
        const alreadyListed = (this.callRecords || []).some((record) =>
            sameRecordId(record.id, recordId)
        );
        if (forThisRecord || alreadyListed) {
            this.refresh();
        }
    }

    refresh() {
        if (!this.wiredCallsResult) {
            return Promise.resolve();
        }
        return refreshApex(this.wiredCallsResult);
    }

    refreshHandler() {
        return this.refresh().then(() => true);
    }

    handleRefresh() {
        this.refresh();
    }

    // ---- wrap-up ----------------------------------------------------------------------------

    get latestCall() {
        return this.calls[0];
    }

    get canWrapUp() {
        const info = this.phoneCallInfo;
        if (!info || !info.updateable || !info.fields) {
            return false;
        }
        const editable = (name) => Boolean(info.fields[name] && info.fields[name].updateable);
        return editable(DISPOSITION_FIELD.fieldApiName) || editable(NOTES_FIELD.fieldApiName);
    }

    get showWrapUp() {
        return this.canWrapUp && Boolean(this.latestCall) && !this.loadError;
    }

    /**
     * The softphone's own wrap-up of this call is open: a second form here would race it (the
     * softphone saves its form when the agent is done), so the card points there instead.
     */
    get wrapUpInSoftphone() {
        const latest = this.latestCall;
        return Boolean(
            latest &&
            this.softphoneWrapUpCallId &&
            latest.providerCallId === this.softphoneWrapUpCallId
        );
    }

    get isWrappedUp() {
        const latest = this.latestCall;
        return Boolean(latest && (latest.dispositionValue || latest.notes));
    }

    get showWrapUpForm() {
        return !this.wrapUpInSoftphone && (!this.isWrappedUp || this.editingWrapUp);
    }

    get showWrapUpSummary() {
        return !this.wrapUpInSoftphone && this.isWrappedUp && !this.editingWrapUp;
    }

    get wrappedUpText() {
        const latest = this.latestCall;
        return latest ? formatLabel(WRAPPED_UP, latest.disposition) : '';
    }

    handleEditWrapUp() {
        this.editingWrapUp = true;
        this.saveMessage = '';
    }

    get dispositionEditable() {
        const field = this.phoneCallInfo.fields[DISPOSITION_FIELD.fieldApiName];
        return Boolean(field && field.updateable);
    }

    get dispositionReadOnly() {
        return !this.dispositionEditable;
    }

    get notesReadOnly() {
        const field = this.phoneCallInfo.fields[NOTES_FIELD.fieldApiName];
        return !(field && field.updateable);
    }

    /** What the section is: a wrap-up to do, one done or open elsewhere, or one being edited. */
    get wrapUpHeading() {
        const latest = this.latestCall;
        if (!latest) {
            return '';
        }
        // A wrap-up to do here asks for it; one done, or open elsewhere, is named.
        const heading =
            this.showWrapUpSummary || this.wrapUpInSoftphone
                ? WRAPPED_UP_HEADING
                : this.isWrappedUp && this.editingWrapUp
                  ? EDIT_WRAP_UP_HEADING
                  : WRAP_UP_TITLE;
        return formatLabel(heading, latest.number || UNKNOWN_NUMBER);
    }

    get isUnchanged() {
        const latest = this.latestCall;
        return (
            !latest ||
            (this.draftDisposition === latest.dispositionValue && this.draftNotes === latest.notes)
        );
    }

    get saveDisabled() {
        return this.saving || this.isUnchanged;
    }

    get saveErrorText() {
        return this.saveError
            ? formatLabel(SAVE_ERROR, reduceErrors(this.saveError).join(' '))
            : undefined;
    }

    resetDraftIfLatestChanged() {
        const latest = this.latestCall;
        const latestId = latest ? latest.id : undefined;
        if (latestId !== this.wrapUpRecordId) {
            this.wrapUpRecordId = latestId;
            this.editingWrapUp = false;
            this.draftDisposition = latest ? latest.dispositionValue : '';
            this.draftNotes = latest ? latest.notes : '';
            this.saveMessage = '';
            this.saveError = undefined;
        }
    }

    handleDraftChange(event) {
        const { disposition, notes } = event.detail;
        if (disposition !== undefined) {
            this.draftDisposition = disposition;
        }
        if (notes !== undefined) {
            this.draftNotes = notes;
        }
        this.saveMessage = '';
    }

    async handleSave() {
        const latest = this.latestCall;
        if (!latest || this.saveDisabled) {
            return;
        }
        const fields = { Id: latest.id };
        if (this.dispositionEditable) {
            fields[DISPOSITION_FIELD.fieldApiName] = this.draftDisposition || null;
        }
        if (!this.notesReadOnly) {
            fields[NOTES_FIELD.fieldApiName] = this.draftNotes || null;
        }
        this.saving = true;
        this.saveError = undefined;
        this.saveMessage = '';
        try {
            await updateRecord({ fields });
            this.saveMessage = SAVED;
            this.editingWrapUp = false;
            await this.refresh();
        } catch (error) {
            this.saveError = error;
        } finally {
            this.saving = false;
        }
    }
}
