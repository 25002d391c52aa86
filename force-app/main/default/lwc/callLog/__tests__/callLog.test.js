// Tests drive the wire adapters through their test doubles (emit, error, getLastConfig).
/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages */
import CallLog from 'c/callLog';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { updateRecord } from 'lightning/uiRecordApi';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import { refreshApex } from '@salesforce/apex';
import { publish, subscribe } from 'lightning/messageService';
import {
    $,
    $$,
    $deep,
    cleanUpComponents,
    flush,
    mount,
    text
} from '../../../../../test/lwc-test-utils';

jest.mock(
    '@salesforce/apex',
    () => ({
        refreshApex: jest.fn(() => Promise.resolve())
    }),
    { virtual: true }
);

const CHANNEL = 'Softphone_Message__c';
const CONTACT_ID = '0035g00000AbCdEAAZ';

const mockContactInfo = require('./data/getObjectInfoContact.json');
const mockAccountInfo = require('./data/getObjectInfoAccountTwoLookups.json');
const mockOpportunityInfo = require('./data/getObjectInfoOpportunity.json');
const mockPhoneCallInfo = require('./data/getObjectInfoPhoneCall.json');
const mockPhoneCallInfoReadOnly = require('./data/getObjectInfoPhoneCallReadOnly.json');
const mockDispositions = require('./data/getPicklistValuesDisposition.json');
const mockCalls = require('./data/getRelatedListRecords.json');
const mockNoCalls = require('./data/getRelatedListRecordsEmpty.json');

const isParentInfo = (objectApiName) => (config) => config.objectApiName === objectApiName;
const isPhoneCallInfo = (config) =>
    Boolean(config.objectApiName) && config.objectApiName.objectApiName === 'Phone_Call__c';

function createComponent(props = {}) {
    return mount('c-call-log', CallLog, {
        recordId: CONTACT_ID,
        objectApiName: 'Contact',
        ...props
    });
}

async function renderWithCalls({
    parentInfo = mockContactInfo,
    objectApiName = 'Contact',
    phoneCallInfo = mockPhoneCallInfo,
    calls = mockCalls
} = {}) {
    const element = createComponent({ objectApiName });
    // Reactive wire configs reach the adapters a microtask after connection.
    await flush();
    getObjectInfo.emit(parentInfo, isParentInfo(objectApiName));
    getObjectInfo.emit(phoneCallInfo, isPhoneCallInfo);
    getPicklistValues.emit(mockDispositions);
    await flush();
    if (calls) {
        getRelatedListRecords.emit(calls);
        await flush();
    }
    return element;
}

function publishEvent(event) {
    publish(null, CHANNEL, event);
}

describe('c-call-log', () => {
    afterEach(cleanUpComponents);

    describe('which related list', () => {
        it("reads the Phone_Call__c relationship from the page object's ObjectInfo", async () => {
            await renderWithCalls();
            const config = getRelatedListRecords.getLastConfig();
            expect(config.parentRecordId).toBe(CONTACT_ID);
            expect(config.relatedListId).toBe('Phone_Calls__r');
            expect(config.fields).toEqual(['Phone_Call__c.Id']);
            expect(config.optionalFields).toEqual(
                expect.arrayContaining([
                    'Phone_Call__c.Direction__c',
                    'Phone_Call__c.From_Number__c',
                    'Phone_Call__c.To_Number__c',
                    'Phone_Call__c.Started__c',
                    'Phone_Call__c.Duration_Seconds__c',
                    'Phone_Call__c.Outcome__c',
                    'Phone_Call__c.Disposition__c',
                    'Phone_Call__c.Notes__c',
                    'Phone_Call__c.Agent__r.Name'
                ])
            );
            expect(config.sortBy).toEqual(['-Phone_Call__c.Started__c']);
        });

        it("prefers the object's own lookup when Phone_Call__c has several", async () => {
            await renderWithCalls({ parentInfo: mockAccountInfo, objectApiName: 'Account' });
            expect(getRelatedListRecords.getLastConfig().relatedListId).toBe('Phone_Calls__r');
        });

        it('says so when the object has no Phone_Call__c lookup', async () => {
            const element = await renderWithCalls({
                parentInfo: mockOpportunityInfo,
                objectApiName: 'Opportunity',
                calls: null
            });
            expect(text(element, '.unsupported')).toBe(
                "Call history isn't available for this type of record."
            );
            expect($(element, 'lightning-spinner')).toBeNull();
        });
    });

    describe('states', () => {
        it('shows a spinner while loading', async () => {
            const element = createComponent();
            await flush();
            expect($(element, 'lightning-spinner').alternativeText).toBe('Loading');
        });

        it('shows the empty state', async () => {
            const element = await renderWithCalls({ calls: mockNoCalls });
            expect(text(element, '.empty')).toBe('No calls yet.');
            expect($(element, '.wrap-up')).toBeNull();
            expect($(element, 'lightning-spinner')).toBeNull();
        });

        it('says why only None is offered when the dispositions cannot be read', async () => {
            const element = await renderWithCalls();
            expect($(element, '.dispositions-error')).toBeNull();
            getPicklistValues.error([
                { errorCode: 'INSUFFICIENT_ACCESS', message: 'No access to Disposition.' }
            ]);
            await flush();
            expect(text(element, '.dispositions-error')).toBe(
                "Couldn't load the dispositions: No access to Disposition."
            );
            getPicklistValues.emit(mockDispositions);
            await flush();
            expect($(element, '.dispositions-error')).toBeNull();
        });

        it('shows the error text when the calls cannot be read', async () => {
            const element = await renderWithCalls({ calls: null });
            getRelatedListRecords.error([
                {
                    errorCode: 'INSUFFICIENT_ACCESS',
                    message: "You don't have access to Phone Call."
                }
            ]);
            await flush();
            expect(text(element, '.load-error')).toBe(
                "Couldn't load the call history: You don't have access to Phone Call."
            );
            expect($(element, '[role="alert"]')).not.toBeNull();
            expect($(element, 'lightning-spinner')).toBeNull();
        });
    });

    describe('history', () => {
        it('lists the calls newest first with direction, number, time, duration, outcome, disposition and agent', async () => {
            const element = await renderWithCalls();
            const rows = $$(element, 'li.call-row');
            expect(rows.map((row) => row.dataset.id)).toEqual([
                'a015g00000Call3AAA',
                'a015g00000Call2AAA',
                'a015g00000Call1AAA'
            ]);

            const icons = $$(element, 'li.call-row lightning-icon');
            expect(icons.map((icon) => icon.iconName)).toEqual([
                'utility:incoming_call',
                'utility:missed_call',
                'utility:outbound_call'
            ]);
            expect(icons.map((icon) => icon.alternativeText)).toEqual([
                'Inbound call',
                'Missed call',
                'Outbound call'
            ]);

            const [inbound, missed, outbound] = rows;
            // Inbound calls show the caller, outbound ones the number dialed.
            expect(inbound.querySelector('lightning-formatted-phone').value).toBe('+14155550100');
            expect(outbound.querySelector('lightning-formatted-phone').value).toBe('+14155550100');
            expect(missed.querySelector('.call-number').textContent.trim()).toBe('Unknown number');
            expect(inbound.querySelector('lightning-formatted-date-time').value).toBe(
                '2026-01-07T14:30:00.000Z'
            );

            const details = (row) => ({
                duration: row.querySelector('.call-duration').textContent,
                outcome: row.querySelector('.call-outcome').textContent,
                disposition: row.querySelector('.call-disposition').textContent,
                agent: row.querySelector('.call-agent').textContent
            });
            expect(details(inbound)).toEqual({
                duration: '0:42',
                outcome: 'Connected',
                disposition: 'None',
                agent: 'Ada Agent'
            });
            expect(details(missed)).toEqual({
                duration: '0:00',
                outcome: 'Missed',
                disposition: 'Callback Requested',
                agent: 'None'
            });
            expect(details(outbound).duration).toBe('2:05');
        });

        it('refreshes itself when the softphone logs a call for this record', async () => {
            await renderWithCalls();
            publishEvent({
                version: 1,
                type: 'callLogged',
                payload: {
                    callId: 'call-9',
                    recordId: 'a015g00000Call9AAA',
                    // The 15-character form of the page's Id still matches.
                    relatedRecordId: CONTACT_ID.slice(0, 15)
                }
            });
            await flush();
            expect(refreshApex).toHaveBeenCalledTimes(1);
            expect(refreshApex).toHaveBeenCalledWith(expect.objectContaining({ data: mockCalls }));
        });

        it('refreshes when a call it lists is logged again (an update)', async () => {
            await renderWithCalls();
            publishEvent({
                version: 1,
                type: 'callLogged',
                payload: { callId: 'call-1', recordId: 'a015g00000Call1AAA' }
            });
            await flush();
            expect(refreshApex).toHaveBeenCalledTimes(1);
        });

        it('follows a call the agent moved to another record: it leaves this list and shows on the other', async () => {
            const ACCOUNT_ID = '0015g00000AcMeRAAZ';
            const onContact = createComponent();
            const onAccount = createComponent({ recordId: ACCOUNT_ID, objectApiName: 'Account' });
            await flush();
            getObjectInfo.emit(mockContactInfo, isParentInfo('Contact'));
            getObjectInfo.emit(mockAccountInfo, isParentInfo('Account'));
            getObjectInfo.emit(mockPhoneCallInfo, isPhoneCallInfo);
            getPicklistValues.emit(mockDispositions);
            await flush();
            const forRecord = (recordId) => (config) => config.parentRecordId === recordId;
            getRelatedListRecords.emit(mockCalls, forRecord(CONTACT_ID));
            getRelatedListRecords.emit(mockNoCalls, forRecord(ACCOUNT_ID));
            await flush();
            const moved = mockCalls.records.find((record) => record.id === 'a015g00000Call1AAA');

            // The softphone logs the call again, now related to the Account.
            publishEvent({
                version: 1,
                type: 'callLogged',
                payload: {
                    callId: 'call-1',
                    recordId: moved.id,
                    relatedRecordId: ACCOUNT_ID
                }
            });
            await flush();
            // Both lists refresh: the Contact's lists the call, the Account's is its new home.
            expect(refreshApex).toHaveBeenCalledTimes(2);
            getRelatedListRecords.emit(
                {
                    ...mockCalls,
                    count: 2,
                    records: mockCalls.records.filter((record) => record !== moved)
                },
                forRecord(CONTACT_ID)
            );
            getRelatedListRecords.emit(
                { ...mockNoCalls, count: 1, records: [moved] },
                forRecord(ACCOUNT_ID)
            );
            await flush();
            const ids = (element) => $$(element, 'li.call-row').map((row) => row.dataset.id);
            expect(ids(onContact)).toEqual(['a015g00000Call3AAA', 'a015g00000Call2AAA']);
            expect(ids(onAccount)).toEqual([moved.id]);
        });

        it('ignores calls logged for other records and messages that break the contract', async () => {
            await renderWithCalls();
            publishEvent({
                version: 1,
                type: 'callLogged',
                payload: {
                    callId: 'call-9',
                    recordId: 'a015g00000Call9AAA',
                    relatedRecordId: '0035g00000ZzZzZAAZ'
                }
            });
            publishEvent({
                version: 1,
                type: 'callLogged',
                payload: { callId: 'call-9', relatedRecordId: CONTACT_ID }
            });
            publishEvent({ version: 2, type: 'callLogged', payload: {} });
            await flush();
            expect(refreshApex).not.toHaveBeenCalled();
        });

        it('listens on the softphone channel with application scope and only asks for its state', async () => {
            await renderWithCalls();
            expect(subscribe).toHaveBeenCalledWith(
                undefined,
                CHANNEL,
                expect.any(Function),
                expect.objectContaining({ scope: expect.anything() })
            );
            const sent = publish.mock.calls.map(([, channel, message]) => [channel, message.type]);
            expect(sent).toEqual([[CHANNEL, 'getState']]);
        });

        it('refreshes from its refresh button and from the page refresh', async () => {
            const element = await renderWithCalls();
            $(element, 'lightning-button-icon.refresh').click();
            await flush();
            expect(refreshApex).toHaveBeenCalledTimes(1);

            expect(registerRefreshHandler).toHaveBeenCalledWith(
                expect.anything(),
                expect.any(Function)
            );
            const [context, handler] = registerRefreshHandler.mock.calls[0];
            await expect(handler.call(context)).resolves.toBe(true);
            expect(refreshApex).toHaveBeenCalledTimes(2);

            document.body.removeChild(element);
            expect(unregisterRefreshHandler).toHaveBeenCalled();
        });
    });

    describe('wrap-up', () => {
        it('offers the latest call with its disposition values', async () => {
            const element = await renderWithCalls();
            expect(text(element, '.wrap-up h3')).toBe('Wrap up the call with +14155550100');
            const disposition = $deep(element, 'lightning-combobox.disposition');
            expect(disposition.value).toBe('');
            expect(disposition.options.map((option) => option.value)).toEqual([
                '',
                'Resolved',
                'Follow-up Required',
                'Callback Requested',
                'Left Voicemail'
            ]);
            expect(getPicklistValues.getLastConfig().recordTypeId).toBe('012000000000000AAA');
            expect($deep(element, 'lightning-textarea.notes').value).toBe('');
            expect($deep(element, 'lightning-button.save').disabled).toBe(true);
        });

        it('saves disposition and notes with updateRecord, then refreshes', async () => {
            const element = await renderWithCalls();
            const disposition = $deep(element, 'lightning-combobox.disposition');
            disposition.dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Follow-up Required' } })
            );
            const notes = $deep(element, 'lightning-textarea.notes');
            notes.dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Call back Monday.' } })
            );
            await flush();
            expect($deep(element, 'lightning-button.save').disabled).toBe(false);

            $deep(element, 'lightning-button.save').click();
            await flush();
            expect(updateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: 'a015g00000Call3AAA',
                    Disposition__c: 'Follow-up Required',
                    Notes__c: 'Call back Monday.'
                }
            });
            expect(text(element, '.save-message')).toBe('Wrap-up saved.');
            expect(refreshApex).toHaveBeenCalledTimes(1);
        });

        it('shows why a save failed', async () => {
            updateRecord.mockRejectedValueOnce({
                body: {
                    message: 'An error occurred while trying to update the record.',
                    output: {
                        errors: [],
                        fieldErrors: {
                            Disposition__c: [
                                { message: 'Choose a disposition for a connected call.' }
                            ]
                        }
                    }
                }
            });
            const element = await renderWithCalls();
            $deep(element, 'lightning-textarea.notes').dispatchEvent(
                new CustomEvent('change', { detail: { value: 'x' } })
            );
            await flush();
            $deep(element, 'lightning-button.save').click();
            await flush();
            expect(text(element, '.save-error')).toBe(
                "Couldn't save the wrap-up: Choose a disposition for a connected call."
            );
            expect(text(element, '.save-message')).toBe('');
            expect($deep(element, 'lightning-button.save').disabled).toBe(false);
        });

        /** The sample calls with the latest one (call-3) already wrapped up. */
        function callsWithLatestWrappedUp() {
            const copy = JSON.parse(JSON.stringify(mockCalls));
            const latest = copy.records.find((record) => record.id === 'a015g00000Call3AAA');
            latest.fields.Disposition__c = {
                displayValue: 'Left Voicemail',
                value: 'Left Voicemail'
            };
            return copy;
        }

        function softphoneState(wrapUpCallId) {
            return {
                version: 1,
                type: 'state',
                payload: {
                    agentState: wrapUpCallId ? 'AfterCallWork' : 'Available',
                    connectionStatus: 'connected',
                    softphoneVersion: '1.0.0',
                    ...(wrapUpCallId
                        ? {
                              wrapUp: {
                                  callId: wrapUpCallId,
                                  remoteLabel: '+14155550100',
                                  disposition: '',
                                  notes: 'typed in the softphone',
                                  dispositionRequired: false,
                                  dispositions: ['Resolved']
                              }
                          }
                        : {})
                }
            };
        }

        it('shows a call already wrapped up as done, and opens its form on Edit', async () => {
            const element = await renderWithCalls({ calls: callsWithLatestWrappedUp() });
            expect(text(element, '.wrap-up h3')).toBe('Wrap-up of the call with +14155550100');
            expect(text(element, '.wrapped-up')).toBe('Wrapped up: Left Voicemail');
            expect($deep(element, 'lightning-combobox.disposition')).toBeNull();

            $(element, 'lightning-button.edit-wrap-up').click();
            await flush();
            expect(text(element, '.wrap-up h3')).toBe(
                'Edit the wrap-up of the call with +14155550100'
            );
            expect($deep(element, 'lightning-combobox.disposition').value).toBe('Left Voicemail');
            expect($(element, '.wrapped-up')).toBeNull();
            $deep(element, 'lightning-textarea.notes').dispatchEvent(
                new CustomEvent('change', { detail: { value: 'No answer, left a message.' } })
            );
            await flush();
            $deep(element, 'lightning-button.save').click();
            await flush();
            expect(updateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: 'a015g00000Call3AAA',
                    Disposition__c: 'Left Voicemail',
                    Notes__c: 'No answer, left a message.'
                }
            });
            expect(text(element, '.save-message')).toBe('Wrap-up saved.');
            expect(text(element, '.wrapped-up')).toBe('Wrapped up: Left Voicemail');
            expect(text(element, '.wrap-up h3')).toBe('Wrap-up of the call with +14155550100');
        });

        it("points to the softphone while the softphone's wrap-up of the latest call is open", async () => {
            const element = await renderWithCalls();
            publishEvent(softphoneState('call-3'));
            await flush();
            expect(text(element, '.wrap-up h3')).toBe('Wrap-up of the call with +14155550100');
            expect(text(element, '.wrap-up-in-softphone')).toBe(
                'The wrap-up of this call is open in the softphone or the call controls: finish it there.'
            );
            expect($deep(element, 'lightning-combobox.disposition')).toBeNull();
            expect($deep(element, 'lightning-button.save')).toBeNull();

            // Another call's wrap-up does not hide this one's form.
            publishEvent(softphoneState('call-9'));
            await flush();
            expect($(element, '.wrap-up-in-softphone')).toBeNull();
            expect($deep(element, 'lightning-combobox.disposition')).not.toBeNull();

            publishEvent(softphoneState('call-3'));
            await flush();
            publishEvent(softphoneState(undefined));
            await flush();
            expect($(element, '.wrap-up-in-softphone')).toBeNull();
            expect($deep(element, 'lightning-combobox.disposition')).not.toBeNull();
        });

        it('is not offered without edit access to Phone Call', async () => {
            const element = await renderWithCalls({ phoneCallInfo: mockPhoneCallInfoReadOnly });
            expect($(element, '.wrap-up')).toBeNull();
            expect($$(element, 'li.call-row')).toHaveLength(3);
        });
    });

    describe('accessibility', () => {
        it('is accessible with calls and the wrap-up form', async () => {
            const element = await renderWithCalls();
            await expect(element).toBeAccessible();
        });

        it('is accessible while loading and when empty', async () => {
            const loading = createComponent();
            await flush();
            await expect(loading).toBeAccessible();
            document.body.removeChild(loading);

            const empty = await renderWithCalls({ calls: mockNoCalls });
            await expect(empty).toBeAccessible();
        });
    });
});
