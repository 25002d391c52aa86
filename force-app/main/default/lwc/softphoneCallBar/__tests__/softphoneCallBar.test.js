import { subscribe, unsubscribe } from 'lightning/messageService';
import { $, $$, $deep, cleanUpComponents, flush, text } from '../../../../../test/lwc-test-utils';
import {
    CHANNEL,
    CONFERENCE,
    CONNECTED,
    CONSULTING,
    IDLE,
    RINGING,
    WRAP_UP,
    button,
    click,
    fakeSoftphone,
    render
} from '../../../../../test/call-bar-test-support';

describe('c-softphone-call-bar', () => {
    afterEach(() => {
        cleanUpComponents();
        jest.useRealTimers();
    });

    describe('start-up and loss', () => {
        it('asks for the current state on subscribe, then pings', async () => {
            const softphone = fakeSoftphone();
            await render();
            expect(softphone.commands.map((command) => command.type)).toEqual(['getState', 'ping']);
            expect(subscribe).toHaveBeenCalledWith(
                undefined,
                CHANNEL,
                expect.any(Function),
                expect.objectContaining({ scope: expect.anything() })
            );
        });

        it('shows the state it is given on subscribe (events published before are not lost)', async () => {
            fakeSoftphone({ state: { ...IDLE, activeCall: CONNECTED, agentState: 'Busy' } });
            const element = await render();
            expect(text(element, '.call-state')).toBe('Connected with Jane Doe');
            expect(text(element, '.status-text')).toBe('On a call');
        });

        it('says that no softphone is running, and how to fix it, within the ping timeout', async () => {
            jest.useFakeTimers();
            fakeSoftphone({ answers: false });
            const element = await render({ pingTimeoutSeconds: 2 });
            expect(text(element, '.softphone-checking')).toBe('Looking for the softphone…');
            jest.advanceTimersByTime(1999);
            await flush();
            expect($(element, '.softphone-missing')).toBeNull();
            jest.advanceTimersByTime(1);
            await flush();
            expect(text($(element, 'c-softphone-unavailable'), '.unavailable-title')).toBe(
                'No softphone is answering.'
            );
            expect($(element, 'c-softphone-unavailable').shadowRoot.textContent).toContain(
                'Open the Phone utility'
            );
            expect($(element, '.agent-status')).toBeNull();
        });

        it('says that the softphone stopped when its heartbeat goes unanswered', async () => {
            jest.useFakeTimers();
            const softphone = fakeSoftphone({
                state: { ...IDLE, activeCall: CONNECTED, agentState: 'Busy' }
            });
            const element = await render({ pingTimeoutSeconds: 2 });
            expect(text(element, '.call-state')).toBe('Connected with Jane Doe');

            softphone.stopAnswering();
            jest.advanceTimersByTime(2000); // the heartbeat ping
            await flush();
            jest.advanceTimersByTime(2000); // its timeout
            await flush();
            expect(text($(element, 'c-softphone-unavailable'), '.unavailable-title')).toBe(
                'The softphone stopped answering.'
            );
            expect($(element, '.call-state')).toBeNull();
        });

        it('picks up a reloaded softphone from the state it announces, without a page reload', async () => {
            jest.useFakeTimers();
            const softphone = fakeSoftphone({ answers: false });
            const element = await render();
            jest.advanceTimersByTime(3000);
            await flush();
            expect($(element, '.softphone-missing')).not.toBeNull();

            softphone.setState({ ...IDLE, activeCall: CONNECTED, agentState: 'Busy' });
            await flush();
            expect($(element, '.softphone-missing')).toBeNull();
            expect(text(element, '.call-state')).toBe('Connected with Jane Doe');
        });

        it('checks again on request', async () => {
            jest.useFakeTimers();
            const silent = fakeSoftphone({ answers: false });
            const element = await render();
            jest.advanceTimersByTime(3000);
            await flush();
            silent.stop();
            const softphone = fakeSoftphone();
            $($(element, 'c-softphone-unavailable'), 'lightning-button.check-again').click();
            await flush();
            expect(softphone.commandsOf('getState')).toHaveLength(1);
            expect($(element, '.softphone-missing')).toBeNull();
            expect($(element, 'lightning-combobox.status')).not.toBeNull();
        });

        it('unsubscribes when removed from the page', async () => {
            fakeSoftphone();
            const element = await render();
            element.remove();
            expect(unsubscribe).toHaveBeenCalled();
        });
    });

    describe('agent status', () => {
        it('offers Available, Break with each not-ready reason, and Offline', async () => {
            fakeSoftphone();
            const element = await render();
            const status = $(element, 'lightning-combobox.status');
            expect(status.label).toBe('Status');
            expect(status.value).toBe('Available');
            expect(status.options.map((option) => option.label)).toEqual([
                'Available',
                'Break: Lunch',
                'Break: Training',
                'Offline'
            ]);
        });

        it('offers plain Break without reasons, and shows Break with its reason', async () => {
            const softphone = fakeSoftphone({ state: { ...IDLE, breakReasons: undefined } });
            const element = await render();
            const labels = $(element, 'lightning-combobox.status').options.map((o) => o.label);
            expect(labels).toEqual(['Available', 'Break', 'Offline']);
            softphone.setState({ ...IDLE, agentState: 'Break', breakReason: 'Lunch' });
            await flush();
            expect($(element, 'lightning-combobox.status').value).toBe('Break:Lunch');
        });

        it('sends setAgentState with the reason the agent picks', async () => {
            const softphone = fakeSoftphone();
            const element = await render();
            const status = $(element, 'lightning-combobox.status');
            status.dispatchEvent(new CustomEvent('change', { detail: { value: 'Break:Lunch' } }));
            status.dispatchEvent(new CustomEvent('change', { detail: { value: 'Offline' } }));
            await flush();
            expect(softphone.commandsOf('setAgentState').map((c) => c.payload)).toEqual([
                { state: 'Break', reason: 'Lunch' },
                { state: 'Offline' }
            ]);
        });

        it('shows the softphone refusal with its reason', async () => {
            fakeSoftphone({
                refuse: { setAgentState: 'Choose a disposition before you go Available.' }
            });
            const element = await render();
            $(element, 'lightning-combobox.status').dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Available' } })
            );
            await flush();
            expect(text(element, '.command-error')).toBe(
                "The softphone couldn't do that: Choose a disposition before you go Available."
            );
        });
    });

    describe('incoming call', () => {
        it('shows the caller with Answer and Decline, and sends them for that call', async () => {
            const softphone = fakeSoftphone({ state: { ...IDLE, activeCall: RINGING } });
            const element = await render();
            expect(text(element, '.call-state')).toBe('Incoming call from Jane Doe');
            await click(element, 'answer');
            await click(element, 'decline');
            expect(softphone.commandsOf('answer')[0].payload).toEqual({ callId: 'call-1' });
            expect(softphone.commandsOf('decline')[0].payload).toEqual({ callId: 'call-1' });
        });

        it('shows that another instance answered first (the softphone refuses this one)', async () => {
            fakeSoftphone({
                state: { ...IDLE, activeCall: RINGING },
                refuse: { answer: 'There is no ringing call to answer.' }
            });
            const element = await render();
            await click(element, 'answer');
            expect(text(element, '.command-error')).toContain(
                'There is no ringing call to answer.'
            );
        });

        it('ignores errors that answer other components', async () => {
            const softphone = fakeSoftphone({ state: { ...IDLE, activeCall: RINGING } });
            const element = await render();
            softphone.emit({
                version: 1,
                type: 'error',
                requestId: 'someone-else',
                payload: { code: 'x', message: 'Not yours' }
            });
            await flush();
            expect($(element, '.command-error')).toBeNull();
        });
    });

    describe('active call', () => {
        it('shows the timer and sends Hold, Mute and Hang Up for the call', async () => {
            jest.useFakeTimers();
            jest.setSystemTime(CONNECTED.answeredAt + 42000);
            const softphone = fakeSoftphone({
                state: { ...IDLE, agentState: 'Busy', activeCall: CONNECTED }
            });
            const element = await render();
            expect(text(element, '.call-timer')).toBe('0:42');
            jest.advanceTimersByTime(1000);
            await flush();
            expect(text(element, '.call-timer')).toBe('0:43');
            await click(element, 'hold');
            await click(element, 'mute');
            await click(element, 'hang-up');
            expect(softphone.commandsOf('hold')[0].payload).toEqual({ callId: 'call-1' });
            expect(softphone.commandsOf('mute')[0].payload).toEqual({
                muted: true,
                callId: 'call-1'
            });
            expect(softphone.commandsOf('hangup')[0].payload).toEqual({ callId: 'call-1' });
        });

        it('offers Resume and Unmute on a held, muted call', async () => {
            const softphone = fakeSoftphone({
                state: {
                    ...IDLE,
                    agentState: 'Busy',
                    activeCall: { ...CONNECTED, state: 'held', muted: true }
                }
            });
            const element = await render();
            expect(text(element, '.call-state')).toBe('On hold with Jane Doe');
            expect(button(element, 'hold').label).toBe('Resume');
            expect(button(element, 'mute').label).toBe('Unmute');
            await click(element, 'hold');
            await click(element, 'mute');
            expect(softphone.commandsOf('resume')).toHaveLength(1);
            expect(softphone.commandsOf('mute')[0].payload.muted).toBe(false);
        });

        it('shows an outbound call being dialed with Hang Up only active', async () => {
            fakeSoftphone({
                state: {
                    ...IDLE,
                    agentState: 'Busy',
                    activeCall: {
                        ...RINGING,
                        direction: 'Outbound',
                        state: 'dialing',
                        remoteName: undefined,
                        to: '+442071838750'
                    }
                }
            });
            const element = await render();
            expect(text(element, '.call-state')).toBe('Calling +442071838750…');
            expect(button(element, 'hold').disabled).toBe(true);
            expect(button(element, 'hang-up').disabled).toBeFalsy();
            expect($(element, '.call-timer')).toBeNull();
        });

        it('sends tones from the keypad', async () => {
            const softphone = fakeSoftphone({
                state: { ...IDLE, agentState: 'Busy', activeCall: CONNECTED }
            });
            const element = await render();
            expect($(element, '.keypad')).toBeNull();
            await click(element, 'keypad-toggle');
            expect(button(element, 'keypad-toggle').getAttribute('aria-expanded')).toBe('true');
            const keys = $$(element, 'lightning-button.key');
            expect(keys.map((key) => key.label).join('')).toBe('123456789*0#');
            expect(keys[0].title).toBe('Send tone 1');
            keys[0].click();
            keys[11].click();
            await flush();
            expect(softphone.commandsOf('sendDtmf').map((c) => c.payload)).toEqual([
                { digits: '1', callId: 'call-1' },
                { digits: '#', callId: 'call-1' }
            ]);
            expect(text(element, '.dialed')).toBe('1#');
        });

        it('transfers the call blind to the number typed, and refuses a number that cannot be dialed', async () => {
            const softphone = fakeSoftphone({
                state: { ...IDLE, agentState: 'Busy', activeCall: CONNECTED },
                refuse: { transfer: 'The phone system refused the transfer.' }
            });
            const element = await render();
            await click(element, 'transfer-toggle');
            expect(button(element, 'transfer-toggle').getAttribute('aria-expanded')).toBe('true');
            const target = $(element, 'lightning-input.transfer-target');
            expect(target.label).toBe('Transfer to');
            target.dispatchEvent(new CustomEvent('change', { detail: { value: 'call me' } }));
            await click(element, 'transfer-now');
            expect(text(element, '.command-error')).toContain("can't be dialed");
            expect(softphone.commandsOf('transfer')).toHaveLength(0);

            target.dispatchEvent(new CustomEvent('change', { detail: { value: ' 201 ' } }));
            await click(element, 'transfer-now');
            expect(softphone.commandsOf('transfer')[0].payload).toEqual({
                target: '201',
                mode: 'blind',
                callId: 'call-1'
            });
            expect(text(element, '.command-error')).toContain(
                'The phone system refused the transfer.'
            );
        });

        it('shows a call waiting and answers or declines it by its id', async () => {
            const softphone = fakeSoftphone({
                state: {
                    ...IDLE,
                    agentState: 'Busy',
                    activeCall: CONNECTED,
                    waitingCall: { ...RINGING, callId: 'call-2', remoteName: 'Ann Lee' }
                }
            });
            const element = await render();
            expect(text(element, '.waiting-text')).toBe('Call waiting: Ann Lee');
            await click(element, 'answer-waiting');
            await click(element, 'decline-waiting');
            expect(softphone.commandsOf('answer')[0].payload).toEqual({ callId: 'call-2' });
            expect(softphone.commandsOf('decline')[0].payload).toEqual({ callId: 'call-2' });
        });
    });

    describe('wrap-up', () => {
        const inWrapUp = (wrapUp = WRAP_UP) => ({ ...IDLE, agentState: 'AfterCallWork', wrapUp });

        it('shows the disposition and notes form with the softphone dispositions', async () => {
            fakeSoftphone({ state: inWrapUp() });
            const element = await render();
            expect(text(element, '.wrap-up-title')).toBe('Wrap up the call with Jane Doe');
            expect(text(element, '.status-text')).toBe('After-call work');
            const disposition = $deep(element, 'lightning-combobox.disposition');
            expect(disposition.required).toBe(true);
            expect(disposition.options.map((option) => option.value)).toEqual([
                '',
                'Sale',
                'No sale'
            ]);
        });

        it('refuses Save and Done without a required disposition, sending nothing', async () => {
            const softphone = fakeSoftphone({ state: inWrapUp() });
            const element = await render();
            await click(element, 'done');
            expect($deep(element, '.wrap-up-error').textContent).toBe(
                'Choose a disposition before you finish this call.'
            );
            await click(element, 'save');
            expect(softphone.commandsOf('setDisposition')).toHaveLength(0);
            expect(softphone.commandsOf('completeWrapUp')).toHaveLength(0);
        });

        it('saves the draft, then completes once the softphone shows it saved', async () => {
            const softphone = fakeSoftphone({ state: inWrapUp() });
            const element = await render();
            $deep(element, 'lightning-combobox.disposition').dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Sale' } })
            );
            $deep(element, 'lightning-textarea.notes').dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Wants a call back.' } })
            );
            await click(element, 'done');
            expect(softphone.commandsOf('setDisposition')[0].payload).toEqual({
                callId: 'call-1',
                disposition: 'Sale',
                notes: 'Wants a call back.'
            });
            expect(softphone.commandsOf('completeWrapUp')).toHaveLength(0);

            softphone.setState(
                inWrapUp({ ...WRAP_UP, disposition: 'Sale', notes: 'Wants a call back.' })
            );
            await flush();
            expect(softphone.commandsOf('completeWrapUp')[0].payload).toEqual({
                callId: 'call-1'
            });
        });

        it('completes at once when nothing is unsaved, and Save sends the draft', async () => {
            const softphone = fakeSoftphone({
                state: inWrapUp({ ...WRAP_UP, disposition: 'Sale', dispositionRequired: false })
            });
            const element = await render();
            await click(element, 'save');
            await click(element, 'done');
            expect(softphone.commandsOf('setDisposition')).toHaveLength(1);
            expect(softphone.commandsOf('completeWrapUp')).toHaveLength(1);
        });

        it('shows the softphone wrap-up error and does not complete', async () => {
            const softphone = fakeSoftphone({ state: inWrapUp() });
            const element = await render();
            $deep(element, 'lightning-combobox.disposition').dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Sale' } })
            );
            await click(element, 'done');
            softphone.setState(inWrapUp({ ...WRAP_UP, error: 'The log could not be saved.' }));
            await flush();
            expect($deep(element, '.wrap-up-error').textContent).toBe(
                'The log could not be saved.'
            );
            expect(softphone.commandsOf('completeWrapUp')).toHaveLength(0);
        });

        it('closes the form when wrap-up ends', async () => {
            const softphone = fakeSoftphone({ state: inWrapUp() });
            const element = await render();
            softphone.setState(IDLE);
            await flush();
            expect($(element, '.wrap-up')).toBeNull();
            expect($(element, 'lightning-combobox.status').value).toBe('Available');
        });
    });

    describe('accessibility', () => {
        it.each([
            ['idle', IDLE],
            ['ringing', { ...IDLE, activeCall: RINGING }],
            ['on a call', { ...IDLE, agentState: 'Busy', activeCall: CONNECTED }],
            [
                'call waiting',
                { ...IDLE, agentState: 'Busy', activeCall: CONNECTED, waitingCall: RINGING }
            ],
            ['wrap-up', { ...IDLE, agentState: 'AfterCallWork', wrapUp: WRAP_UP }],
            ['consulting', CONSULTING],
            ['in a conference', CONFERENCE]
        ])('is accessible %s', async (name, state) => {
            fakeSoftphone({ state });
            const element = await render();
            if ($(element, 'lightning-button.keypad-toggle')) {
                await click(element, 'keypad-toggle');
            }
            if (button(element, 'transfer-toggle')) {
                await click(element, 'transfer-toggle');
            }
            await expect(element).toBeAccessible();
        });

        it('is accessible when no softphone answers', async () => {
            jest.useFakeTimers();
            fakeSoftphone({ answers: false });
            const element = await render();
            jest.advanceTimersByTime(3000);
            await flush();
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });
    });
});
