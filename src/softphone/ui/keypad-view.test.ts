/** @jest-environment jsdom */
import {
    buttonNamed,
    cleanUp,
    fieldLabelled,
    makeCall,
    makeModel,
    isShown,
    mount,
    nameOf,
    press,
    typeInto,
    visibleText,
    type Mounted
} from './test-support/softphone-fixtures';

describe('keypad', () => {
    let mounted: Mounted | undefined;
    afterEach(() => cleanUp(mounted));

    const numberField = (root: HTMLElement) =>
        fieldLabelled<HTMLInputElement>(root, 'Phone number');
    const keypad = (root: HTMLElement) => root.querySelector('.softphone-keypad') as HTMLElement;

    it('has a labelled tel input, twelve digit keys with letters, Call, Backspace and Clear', () => {
        mounted = mount();
        expect(numberField(mounted.root).type).toBe('tel');
        const keys = [...keypad(mounted.root).querySelectorAll('.softphone-pad__key')];
        // Named by their own text (the letters are aria-hidden): no aria-label to disagree with it.
        expect(keys.every((key) => !key.hasAttribute('aria-label'))).toBe(true);
        expect(keys.map((key) => nameOf(key))).toEqual([
            '1',
            '2',
            '3',
            '4',
            '5',
            '6',
            '7',
            '8',
            '9',
            '*',
            '0',
            '#'
        ]);
        expect(visibleText(keys[1] as Element)).toBe('2 ABC');
        for (const name of ['Call', 'Backspace', 'Clear']) {
            expect(buttonNamed(mounted.root, name)).toBeDefined();
        }
    });

    it('digit keys type into the number; Backspace and Clear edit it', () => {
        mounted = mount();
        const pad = keypad(mounted.root);
        for (const digit of ['0', '2', '0', '7', '#']) {
            buttonNamed(pad, digit).click();
        }
        expect(numberField(mounted.root).value).toBe('0207#');
        buttonNamed(mounted.root, 'Backspace').click();
        expect(numberField(mounted.root).value).toBe('0207');
        buttonNamed(mounted.root, 'Clear').click();
        expect(numberField(mounted.root).value).toBe('');
        expect(document.activeElement).toBe(numberField(mounted.root));
    });

    it('typing a digit while a dial-pad key has focus adds it', () => {
        mounted = mount();
        const key = buttonNamed(keypad(mounted.root), '5');
        key.focus();
        expect(press(key, '9').defaultPrevented).toBe(true);
        press(key, 'a');
        expect(numberField(mounted.root).value).toBe('9');
    });

    it('Call dials the trimmed number, keeps it while the call is placed, clears it once placed', () => {
        mounted = mount();
        typeInto(numberField(mounted.root), '  +1 415 555 0132 ');
        buttonNamed(mounted.root, 'Call').click();
        expect(mounted.actions.dial).toHaveBeenCalledWith('+1 415 555 0132');
        mounted.view.render(
            makeModel({ dialAttempt: { id: 1, number: '+1 415 555 0132', status: 'placing' } })
        );
        expect(numberField(mounted.root).value).toBe('  +1 415 555 0132 ');
        expect(visibleText(keypad(mounted.root))).toContain('Calling +1 415 555 0132…');
        // A second press while the first is placed does not dial twice.
        buttonNamed(mounted.root, 'Call').click();
        expect(mounted.actions.dial).toHaveBeenCalledTimes(1);
        mounted.view.render(makeModel());
        expect(numberField(mounted.root).value).toBe('');
    });

    it('a refused Call keeps the number and says why beside the field, once', () => {
        mounted = mount();
        const input = numberField(mounted.root);
        typeInto(input, '650.555.0131');
        buttonNamed(mounted.root, 'Call').click();
        const refused = makeModel({
            dialAttempt: {
                id: 1,
                number: '650.555.0131',
                status: 'refused',
                message: 'Robert Hayes has asked not to be called (Do Not Call)'
            }
        });
        mounted.view.render(refused);

        expect(input.value).toBe('650.555.0131');
        expect(input.getAttribute('aria-invalid')).toBe('true');
        const reason = document.getElementById(input.getAttribute('aria-describedby') ?? '');
        expect(reason?.textContent).toBe('Robert Hayes has asked not to be called (Do Not Call)');
        expect(reason?.hidden).toBe(false);
        expect(buttonNamed(mounted.root, 'Call').getAttribute('aria-describedby')).toContain(
            reason?.id
        );
        // The agent edits the number: the reason goes and does not come back on the next render.
        typeInto(input, '650.555.0130');
        mounted.view.render(refused);
        expect(input.hasAttribute('aria-invalid')).toBe(false);
        expect(reason?.hidden).toBe(true);
    });

    it('Redial puts the number in the field and dials it from there', () => {
        mounted = mount(
            makeModel({
                recentCalls: [
                    {
                        callId: 'r1',
                        direction: 'Outbound',
                        number: '(415) 555-0102',
                        endedAt: Date.now(),
                        outcome: 'Connected',
                        durationSeconds: 10
                    }
                ]
            })
        );
        buttonNamed(mounted.root, 'Recent calls').click();
        buttonNamed(mounted.root, 'Redial (415) 555-0102').click();
        expect(mounted.actions.dial).toHaveBeenCalledWith('(415) 555-0102');
        expect(numberField(mounted.root).value).toBe('(415) 555-0102');
        expect(isShown(keypad(mounted.root))).toBe(true);
    });

    it('Enter in the number field dials', () => {
        mounted = mount();
        const input = numberField(mounted.root);
        typeInto(input, '0207 946 0018');
        const event = press(input, 'Enter');
        expect(event.defaultPrevented).toBe(true);
        expect(mounted.actions.dial).toHaveBeenCalledWith('0207 946 0018');
    });

    it('an empty number shows a field error instead of dialing', () => {
        mounted = mount();
        const input = numberField(mounted.root);
        press(input, 'Enter');
        expect(mounted.actions.dial).not.toHaveBeenCalled();
        expect(input.getAttribute('aria-invalid')).toBe('true');
        const errorId = input.getAttribute('aria-describedby') ?? '';
        expect(document.getElementById(errorId)?.textContent).toBe(
            'Enter a phone number or an extension.'
        );
        typeInto(input, '1');
        expect(input.hasAttribute('aria-invalid')).toBe(false);
    });

    it('when dialing is not allowed, Call is disabled, Enter does nothing and the reason shows', () => {
        mounted = mount(makeModel({ canDial: false, dialBlockedReason: 'Go Available to call' }));
        const input = numberField(mounted.root);
        typeInto(input, '123');
        press(input, 'Enter');
        const call = buttonNamed(mounted.root, 'Call');
        expect(call.disabled).toBe(true);
        expect(mounted.actions.dial).not.toHaveBeenCalled();
        const reason = document.getElementById(call.getAttribute('aria-describedby') ?? '');
        expect(reason?.textContent).toBe('Go Available to call');
        expect(reason?.hidden).toBe(false);
    });

    it('words a reason itself when none is given', () => {
        mounted = mount(
            makeModel({
                canDial: false,
                connection: { status: 'disconnected', connectorLabel: 'SIP' }
            })
        );
        expect(visibleText(keypad(mounted.root))).toContain(
            'Calling is unavailable until the phone system is connected.'
        );
    });

    it('tells an agent who chose Offline how to make calls again', () => {
        mounted = mount(
            makeModel({
                canDial: false,
                agentState: 'Offline',
                connection: { status: 'disconnected', connectorLabel: 'SIP', offlineByChoice: true }
            })
        );
        expect(visibleText(keypad(mounted.root))).toContain(
            'You are Offline: choose Available in Status to make calls.'
        );
    });

    it('hides while a call is live, shows again after it', () => {
        mounted = mount();
        mounted.view.render(makeModel({ calls: [makeCall({ state: 'dialing' })] }));
        expect(isShown(keypad(mounted.root))).toBe(false);
        mounted.view.render(makeModel());
        expect(isShown(keypad(mounted.root))).toBe(true);
    });

    it('stays while a call only rings', () => {
        mounted = mount(makeModel({ calls: [makeCall({ state: 'ringing' })] }));
        expect(keypad(mounted.root).hidden).toBe(false);
    });

    it('keeps a half-typed number across renders', () => {
        mounted = mount();
        const input = numberField(mounted.root);
        typeInto(input, '0207');
        mounted.view.render(makeModel({ agentState: 'Break', canDial: false }));
        mounted.view.render(makeModel());
        expect(input.value).toBe('0207');
        expect(document.activeElement).toBe(input);
    });
});
