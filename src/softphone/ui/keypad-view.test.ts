/** @jest-environment jsdom */
import {
    buttonNamed,
    cleanUp,
    fieldLabelled,
    makeCall,
    makeModel,
    mount,
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
        expect(keys.map((key) => key.getAttribute('aria-label'))).toEqual([
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

    it('Call dials the trimmed number and clears the field', () => {
        mounted = mount();
        typeInto(numberField(mounted.root), '  +1 415 555 0132 ');
        buttonNamed(mounted.root, 'Call').click();
        expect(mounted.actions.dial).toHaveBeenCalledWith('+1 415 555 0132');
        expect(numberField(mounted.root).value).toBe('');
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
        expect(document.getElementById(errorId)?.textContent).toBe('Enter a phone number');
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
        expect(keypad(mounted.root).hidden).toBe(true);
        mounted.view.render(makeModel());
        expect(keypad(mounted.root).hidden).toBe(false);
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
