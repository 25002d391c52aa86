// Tests drive the wire adapters through their test doubles (emit, error, getLastConfig).
/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages */
import ClickToDial from 'c/clickToDial';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { publish, subscribe, unsubscribe } from 'lightning/messageService';
import { $, $$, cleanUpComponents, flush, mount, text } from '../../../../../test/lwc-test-utils';

const CHANNEL = 'Softphone_Message__c';
const CONTACT_ID = '0035g00000AbCdEAAZ';

const mockRecordContact = require('./data/getRecordContact.json');
const mockRecordContactDoNotCall = require('./data/getRecordContactDoNotCall.json');
const mockRecordCaseContactDoNotCall = require('./data/getRecordCaseContactDoNotCall.json');
const mockRecordLeadNoPhones = require('./data/getRecordLeadNoPhones.json');
const mockObjectInfoContact = require('./data/getObjectInfoContact.json');
const events = require('./data/softphoneEvents.json');

/**
 * A stand-in for the adapter on the channel: records the commands it receives and, when
 * `answersPing`, answers each ping with pong (and a state event) as the LmsBridge does.
 */
function fakeSoftphone({ answersPing = true, activeCall } = {}) {
    const commands = [];
    const subscription = subscribe(null, CHANNEL, (message) => {
        if (!message || !['dial', 'hangup', 'ping'].includes(message.type)) {
            return;
        }
        commands.push(message);
        if (message.type === 'ping' && answersPing) {
            publish(null, CHANNEL, {
                version: 1,
                type: 'pong',
                requestId: message.requestId,
                payload: {}
            });
            const payload = {
                agentState: activeCall ? 'Busy' : 'Available',
                connectionStatus: 'connected',
                softphoneVersion: '0.1.0'
            };
            if (activeCall) {
                payload.activeCall = activeCall;
            }
            publish(null, CHANNEL, {
                version: 1,
                type: 'state',
                requestId: message.requestId,
                payload
            });
        }
    });
    return {
        commands,
        commandsOf: (type) => commands.filter((command) => command.type === type),
        emit: (event) => publish(null, CHANNEL, event),
        stop: () => unsubscribe(subscription)
    };
}

function createComponent(props = {}) {
    return mount('c-click-to-dial', ClickToDial, {
        recordId: CONTACT_ID,
        objectApiName: 'Contact',
        ...props
    });
}

async function renderContact(record = mockRecordContact, props = {}) {
    const element = createComponent(props);
    getRecord.emit(record);
    getObjectInfo.emit(mockObjectInfoContact);
    await flush();
    return element;
}

const dialButton = (element, field) => $(element, `lightning-button.dial[data-field="${field}"]`);

describe('c-click-to-dial', () => {
    afterEach(() => {
        cleanUpComponents();
        jest.useRealTimers();
    });

    describe('record data', () => {
        it('asks for the Id and, as optional fields, the default phones, Do Not Call and the name', async () => {
            fakeSoftphone();
            await renderContact();
            const config = getRecord.getLastConfig();
            expect(config.recordId).toBe(CONTACT_ID);
            expect(config.fields).toEqual(['Contact.Id']);
            expect(config.optionalFields).toEqual([
                'Contact.Phone',
                'Contact.MobilePhone',
                'Contact.HomePhone',
                'Contact.OtherPhone',
                'Contact.AssistantPhone',
                'Contact.DoNotCall',
                'Contact.Name'
            ]);
        });

        it('requires the phone fields named in the design attribute and lists only those', async () => {
            fakeSoftphone();
            const element = await renderContact(mockRecordContact, {
                phoneFields: ' MobilePhone , bad field!, Phone'
            });
            expect(getRecord.getLastConfig().fields).toEqual([
                'Contact.Id',
                'Contact.MobilePhone',
                'Contact.Phone'
            ]);
            expect(getRecord.getLastConfig().optionalFields).toEqual([
                'Contact.DoNotCall',
                'Contact.Name'
            ]);
            expect($$(element, 'li.phone-entry').map((li) => li.dataset.field)).toEqual([
                'MobilePhone',
                'Phone'
            ]);
        });

        it('uses the Case contact fields and the contact Do Not Call flag on a case', async () => {
            fakeSoftphone();
            createComponent({ recordId: '5005g00000QrStUAAV', objectApiName: 'Case' });
            await flush();
            expect(getRecord.getLastConfig().optionalFields).toEqual([
                'Case.ContactPhone',
                'Case.ContactMobile',
                'Case.Contact.DoNotCall',
                'Case.CaseNumber'
            ]);
        });

        it('lists the non-empty numbers as formatted phones with the field labels', async () => {
            fakeSoftphone();
            const element = await renderContact();
            const entries = $$(element, 'li.phone-entry');
            expect(entries.map((li) => li.dataset.field)).toEqual([
                'Phone',
                'MobilePhone',
                'AssistantPhone'
            ]);
            const phones = $$(element, 'lightning-formatted-phone');
            expect(phones.map((phone) => phone.value)).toEqual([
                '(415) 555-0100',
                '+1 415 555 0199',
                '555-0142 ext. 12'
            ]);
            // Formatted text, not a tel: link that would dial around the softphone.
            expect(phones.every((phone) => phone.disabled)).toBe(true);
            expect(dialButton(element, 'MobilePhone').label).toBe('Call Mobile');
            expect(dialButton(element, 'MobilePhone').title).toBe('Call Mobile: +1 415 555 0199');
        });

        it('says when the record has no phone number', async () => {
            fakeSoftphone();
            const element = createComponent({
                recordId: '00Q5g00000AbCdEEAZ',
                objectApiName: 'Lead'
            });
            getRecord.emit(mockRecordLeadNoPhones);
            await flush();
            expect($(element, 'li.phone-entry')).toBeNull();
            expect(text(element, '.no-phone-numbers')).toBe('This record has no phone numbers.');
        });

        it('shows the error text when the record cannot be read', async () => {
            fakeSoftphone();
            const element = createComponent();
            getRecord.error([{ message: 'No such column AssistantPhone' }]);
            await flush();
            expect(text(element, '.record-error')).toBe(
                "Couldn't load the phone numbers: No such column AssistantPhone"
            );
        });
    });

    describe('softphone check', () => {
        it('pings the softphone on the channel with application scope', async () => {
            const softphone = fakeSoftphone();
            await renderContact();
            expect(subscribe).toHaveBeenCalledWith(
                undefined,
                CHANNEL,
                expect.any(Function),
                expect.objectContaining({ scope: expect.anything() })
            );
            const pings = softphone.commandsOf('ping');
            expect(pings).toHaveLength(1);
            expect(publish).toHaveBeenCalledWith(undefined, CHANNEL, {
                version: 1,
                type: 'ping',
                requestId: pings[0].requestId,
                payload: {}
            });
        });

        it('enables dialing once the softphone answers', async () => {
            fakeSoftphone();
            const element = await renderContact();
            expect($(element, '.softphone-checking')).toBeNull();
            expect($(element, '.softphone-missing')).toBeNull();
            expect(dialButton(element, 'Phone').disabled).toBe(false);
        });

        it('says that no softphone answers, and how to open it, after the timeout', async () => {
            jest.useFakeTimers();
            const softphone = fakeSoftphone({ answersPing: false });
            const element = await renderContact(mockRecordContact, { pingTimeoutSeconds: 2 });
            expect(text(element, '.softphone-checking')).toBe('Looking for the softphone…');
            expect(dialButton(element, 'Phone').disabled).toBe(true);

            jest.advanceTimersByTime(1999);
            await flush();
            expect($(element, '.softphone-missing')).toBeNull();

            jest.advanceTimersByTime(1);
            await flush();
            const missing = $(element, 'c-softphone-unavailable').shadowRoot;
            expect(missing.textContent).toContain('No softphone is answering.');
            expect(missing.textContent).toContain('Open the Phone utility');
            expect(dialButton(element, 'Phone').disabled).toBe(true);
            expect(softphone.commandsOf('dial')).toHaveLength(0);
        });

        it('checks again on request and recovers when the softphone answers', async () => {
            jest.useFakeTimers();
            const silent = fakeSoftphone({ answersPing: false });
            const element = await renderContact();
            jest.advanceTimersByTime(3000);
            await flush();
            expect($(element, '.softphone-missing')).not.toBeNull();

            silent.stop();
            const softphone = fakeSoftphone();
            $($(element, 'c-softphone-unavailable'), 'lightning-button.check-again').click();
            await flush();
            expect(softphone.commandsOf('ping')).toHaveLength(1);
            expect($(element, '.softphone-missing')).toBeNull();
            expect(dialButton(element, 'Phone').disabled).toBe(false);
        });

        it('treats any valid softphone event as a sign of life', async () => {
            jest.useFakeTimers();
            const softphone = fakeSoftphone({ answersPing: false });
            const element = await renderContact();
            jest.advanceTimersByTime(3000);
            await flush();
            expect($(element, '.softphone-missing')).not.toBeNull();

            softphone.emit(events.idle);
            await flush();
            expect($(element, '.softphone-missing')).toBeNull();
            expect(dialButton(element, 'Phone').disabled).toBe(false);
        });

        it('unsubscribes when removed from the page', async () => {
            fakeSoftphone();
            const element = await renderContact();
            document.body.removeChild(element);
            expect(unsubscribe).toHaveBeenCalledWith(expect.objectContaining({ channel: CHANNEL }));
        });
    });

    describe('dialing', () => {
        it('publishes dial with the number and the record, then shows the call being placed', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            dialButton(element, 'Phone').click();
            await flush();

            const dials = softphone.commandsOf('dial');
            expect(dials).toHaveLength(1);
            expect(publish).toHaveBeenCalledWith(undefined, CHANNEL, {
                version: 1,
                type: 'dial',
                requestId: dials[0].requestId,
                payload: {
                    number: '(415) 555-0100',
                    recordId: CONTACT_ID,
                    objectType: 'Contact',
                    recordName: 'Jane Doe'
                }
            });
            expect(dials[0].requestId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
            expect(text(element, '.call-state')).toBe('Calling (415) 555-0100…');
            // One call at a time: every dial button is off until this one ends.
            expect($$(element, 'lightning-button.dial').every((button) => button.disabled)).toBe(
                true
            );
            expect(text(element, '.call-in-progress')).toBe(
                'Finish the current call before you start another one.'
            );
        });

        it('gives up a dial the softphone never answers and checks the softphone again', async () => {
            jest.useFakeTimers();
            const softphone = fakeSoftphone();
            const element = await renderContact();
            dialButton(element, 'Phone').click();
            await flush();
            softphone.stop();
            fakeSoftphone({ answersPing: false });

            jest.advanceTimersByTime(10000);
            await flush();
            expect($(element, '.call-state')).toBeNull();
            jest.advanceTimersByTime(3000);
            await flush();
            expect($(element, '.softphone-missing')).not.toBeNull();
        });

        it('keeps a number with letters or an extension undialable, with the reason', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            const entry = $(element, 'li.phone-entry[data-field="AssistantPhone"]');
            expect(entry.querySelector('.number-reason').textContent).toContain("can't be dialed");
            expect(dialButton(element, 'AssistantPhone').disabled).toBe(true);
            dialButton(element, 'AssistantPhone').click();
            expect(softphone.commandsOf('dial')).toHaveLength(0);
        });

        it('shows the softphone error that answers its dial, and ignores others', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            softphone.emit({
                version: 1,
                type: 'error',
                requestId: 'someone-else',
                payload: { code: 'BUSY', message: 'Not yours' }
            });
            await flush();
            expect($(element, '.command-error')).toBeNull();

            dialButton(element, 'Phone').click();
            const [dial] = softphone.commandsOf('dial');
            softphone.emit({
                version: 1,
                type: 'error',
                requestId: dial.requestId,
                payload: {
                    code: 'NOT_LOGGED_IN',
                    message: 'Log in to the phone system first.',
                    inResponseTo: 'dial'
                }
            });
            await flush();
            expect(text(element, '.command-error')).toBe(
                "The softphone couldn't do that: Log in to the phone system first."
            );
            expect($(element, '.call-state')).toBeNull();
            expect(dialButton(element, 'Phone').disabled).toBe(false);
        });
    });

    describe('Do Not Call', () => {
        it('shows the reason and does not dial a Do Not Call contact', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact(mockRecordContactDoNotCall);
            expect(text(element, '.do-not-call')).toBe(
                'This record is marked Do Not Call, so calling is turned off.'
            );
            expect(dialButton(element, 'Phone').disabled).toBe(true);
            dialButton(element, 'Phone').click();
            await flush();
            expect(softphone.commandsOf('dial')).toHaveLength(0);
        });

        it("honours the case contact's Do Not Call flag", async () => {
            const softphone = fakeSoftphone();
            const element = createComponent({
                recordId: '5005g00000QrStUAAV',
                objectApiName: 'Case'
            });
            getRecord.emit(mockRecordCaseContactDoNotCall);
            await flush();
            expect(text(element, '.do-not-call')).toBe(
                'The contact on this case is marked Do Not Call, so calling is turned off.'
            );
            expect(dialButton(element, 'ContactPhone').disabled).toBe(true);
            dialButton(element, 'ContactPhone').click();
            expect(softphone.commandsOf('dial')).toHaveLength(0);
        });
    });

    describe('live call state', () => {
        it('follows the call from dialing to connected (with a timer), held and ended', async () => {
            jest.useFakeTimers();
            jest.setSystemTime(1767225605000);
            const softphone = fakeSoftphone();
            const element = await renderContact();
            dialButton(element, 'Phone').click();

            softphone.emit(events.dialing);
            await flush();
            expect(text(element, '.call-state')).toBe('Calling (415) 555-0100…');
            expect($(element, '.call-timer')).toBeNull();

            softphone.emit(events.connected);
            await flush();
            expect(text(element, '.call-state')).toBe('Connected with Jane Doe');
            expect(text(element, '.call-timer')).toBe('0:00');

            jest.advanceTimersByTime(65000);
            await flush();
            expect(text(element, '.call-timer')).toBe('1:05');

            softphone.emit(events.held);
            await flush();
            expect(text(element, '.call-state')).toBe('On hold with Jane Doe');
            expect($$(element, 'lightning-button.dial').every((button) => button.disabled)).toBe(
                true
            );

            softphone.emit(events.ended);
            await flush();
            expect(text(element, '.call-state')).toBe('Call ended: No Answer (0:42)');
            expect($(element, '.call-timer')).toBeNull();
            expect($(element, 'lightning-button.hang-up')).toBeNull();
            expect(dialButton(element, 'Phone').disabled).toBe(false);
        });

        it('names an answered outbound call by its related record when the phone system gives no name', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            const { remoteName, ...call } = events.connected.payload.activeCall;
            expect(remoteName).toBe('Jane Doe');
            softphone.emit(events.dialing);
            await flush();
            expect(text(element, '.call-state')).toBe('Calling (415) 555-0100…');
            softphone.emit({
                ...events.connected,
                payload: {
                    ...events.connected.payload,
                    activeCall: {
                        ...call,
                        to: '+14155550100',
                        related: {
                            recordId: CONTACT_ID,
                            objectType: 'Contact',
                            recordName: 'Jane Doe'
                        }
                    }
                }
            });
            await flush();
            expect(text(element, '.call-state')).toBe('Connected with Jane Doe');
        });

        it('shows an incoming call by its number', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            softphone.emit(events.ringing);
            await flush();
            expect(text(element, '.call-state')).toBe('Incoming call from +14155550123');
            expect(dialButton(element, 'Phone').disabled).toBe(true);
            // A ringing call is answered or declined in the softphone, not hung up from here.
            expect($(element, 'lightning-button.hang-up')).toBeNull();
        });

        it('names an incoming caller the softphone matched to a record, and hangs up once answered', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            const call = {
                ...events.ringing.payload.call,
                related: {
                    recordId: '0035g00000AbCdEAAZ',
                    objectType: 'Contact',
                    recordName: 'Jane Doe'
                }
            };
            softphone.emit({
                ...events.ringing,
                payload: { call }
            });
            await flush();
            expect(text(element, '.call-state')).toBe('Incoming call from Jane Doe');
            expect($(element, 'lightning-button.hang-up')).toBeNull();

            softphone.emit({
                ...events.ringing,
                payload: { call: { ...call, state: 'connected', answeredAt: call.startedAt } }
            });
            await flush();
            expect(text(element, '.call-state')).toBe('Connected with Jane Doe');
            expect($(element, 'lightning-button.hang-up')).not.toBeNull();
        });

        it('picks up a call already in progress from the answer to its ping', async () => {
            fakeSoftphone({ activeCall: events.connected.payload.activeCall });
            const element = await renderContact();
            expect(text(element, '.call-state')).toBe('Connected with Jane Doe');
            expect($(element, 'lightning-button.hang-up')).not.toBeNull();
        });

        it('hangs up the active call by its id', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            softphone.emit(events.connected);
            await flush();
            $(element, 'lightning-button.hang-up').click();
            const hangups = softphone.commandsOf('hangup');
            expect(hangups).toEqual([
                {
                    version: 1,
                    type: 'hangup',
                    requestId: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
                    payload: { callId: 'call-7' }
                }
            ]);
        });

        it('ignores events that break the contract', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            softphone.emit(events.connected);
            await flush();
            softphone.emit(events.invalidState);
            softphone.emit({ type: 'state' });
            softphone.emit('not a message');
            await flush();
            expect(text(element, '.call-state')).toBe('Connected with Jane Doe');
        });

        it('clears the call when the softphone reports no active call', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            softphone.emit(events.connected);
            await flush();
            softphone.emit(events.idle);
            await flush();
            expect($(element, '.call-state')).toBeNull();
            expect(dialButton(element, 'Phone').disabled).toBe(false);
        });
    });

    describe('keyboard focus', () => {
        let focused;
        beforeEach(() => {
            focused = jest.spyOn(HTMLElement.prototype, 'focus');
        });
        afterEach(() => {
            focused.mockRestore();
        });
        const focusedElements = () => focused.mock.instances;

        it('moves the keyboard to Hang Up once the dialed call shows, and back to that Call button when it ends', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            dialButton(element, 'MobilePhone').click();
            await flush();
            expect(focusedElements()).toEqual([]);
            softphone.emit(events.dialing);
            await flush();
            const hangUp = $(element, 'lightning-button.hang-up');
            expect(focusedElements()).toEqual([hangUp]);
            hangUp.click();
            softphone.emit(events.ended);
            await flush();
            expect(focusedElements()).toEqual([hangUp, dialButton(element, 'MobilePhone')]);
        });

        it('returns the keyboard to the Call button when the softphone refuses the dial', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            dialButton(element, 'Phone').click();
            const [dial] = softphone.commandsOf('dial');
            softphone.emit({
                version: 1,
                type: 'error',
                requestId: dial.requestId,
                payload: { code: 'BUSY', message: 'On another call.', inResponseTo: 'dial' }
            });
            await flush();
            expect(focusedElements()).toEqual([dialButton(element, 'Phone')]);
        });

        it('keeps the focus in the card when a call ends while the agent is on its Hang Up', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            softphone.emit(events.connected);
            await flush();
            expect(focusedElements()).toEqual([]);
            const hangUp = $(element, 'lightning-button.hang-up');
            hangUp.tabIndex = 0;
            hangUp.focus();
            softphone.emit(events.ended);
            await flush();
            expect(focusedElements()).toEqual([hangUp, dialButton(element, 'Phone')]);
        });

        it('leaves the focus where the agent went meanwhile', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact();
            const elsewhere = document.createElement('input');
            document.body.appendChild(elsewhere);
            dialButton(element, 'Phone').click();
            elsewhere.focus();
            softphone.emit(events.dialing);
            await flush();
            softphone.emit(events.ended);
            await flush();
            expect(focusedElements()).toEqual([elsewhere]);
            elsewhere.remove();
        });
    });

    describe('accessibility', () => {
        it('is accessible when ready to dial', async () => {
            fakeSoftphone();
            const element = await renderContact();
            await expect(element).toBeAccessible();
        });

        it('is accessible during a call and with Do Not Call', async () => {
            const softphone = fakeSoftphone();
            const element = await renderContact(mockRecordContactDoNotCall);
            softphone.emit(events.connected);
            await flush();
            expect($(element, '[role="status"]').getAttribute('aria-live')).toBe('polite');
            expect($(element, '.call-timer').getAttribute('role')).toBe('timer');
            await expect(element).toBeAccessible();
        });

        it('is accessible when no softphone answers', async () => {
            jest.useFakeTimers();
            fakeSoftphone({ answersPing: false });
            const element = await renderContact();
            jest.advanceTimersByTime(3000);
            await flush();
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });
    });
});
