/** @jest-environment jsdom */
import {
    T0,
    buttonNamed,
    cleanUp,
    makeCall,
    makeModel,
    mount,
    press,
    queryButton,
    visibleText,
    type Mounted
} from './test-support/softphone-fixtures';

describe('active call panel', () => {
    let mounted: Mounted | undefined;
    beforeEach(() => jest.useFakeTimers({ now: T0 }));
    afterEach(() => {
        cleanUp(mounted);
        jest.useRealTimers();
    });

    const panel = (root: HTMLElement) =>
        root.querySelector('.softphone-call:not([hidden])') as HTMLElement;

    it('shows a connected inbound call with its timer from answeredAt', () => {
        mounted = mount(makeModel({ calls: [makeCall()] }));
        expect(visibleText(panel(mounted.root))).toBe(
            '↙ Inbound call Ada Lovelace +44 20 7946 0018 Connected · 00:15 Hold Mute Keypad Hang up'
        );
    });

    it('shows a dialing call as "Calling…", timed from startedAt, with only Hang up enabled', () => {
        mounted = mount(
            makeModel({
                calls: [
                    makeCall({
                        direction: 'Outbound',
                        state: 'dialing',
                        name: undefined,
                        number: '+1 415-555-0132',
                        startedAt: T0 - 7000,
                        answeredAt: undefined
                    })
                ]
            })
        );
        const text = visibleText(panel(mounted.root));
        expect(text).toBe(
            '↗ Outbound call +1 415-555-0132 Calling… · 00:07 Hold Mute Keypad Hang up'
        );
        expect(buttonNamed(mounted.root, 'Hold').disabled).toBe(true);
        expect(buttonNamed(mounted.root, 'Mute').disabled).toBe(true);
        expect(buttonNamed(mounted.root, 'Keypad').disabled).toBe(true);
        expect(buttonNamed(mounted.root, 'Hang up').disabled).toBe(false);
    });

    it('shows a held call apart: an "On hold" badge, the time on hold and the total, Resume', () => {
        mounted = mount(makeModel({ calls: [makeCall({ state: 'held', heldAt: T0 - 12_000 })] }));
        expect(visibleText(panel(mounted.root))).toContain('On hold · 00:12 · Total 00:15');
        expect(panel(mounted.root).classList.contains('softphone-call_held')).toBe(true);
        expect(panel(mounted.root).querySelector('.slds-badge')?.textContent).toBe('On hold');
        expect(queryButton(mounted.root, 'Hold')).toBeUndefined();
        jest.advanceTimersByTime(3000);
        expect(visibleText(panel(mounted.root))).toContain('On hold · 00:15 · Total 00:18');
        buttonNamed(mounted.root, 'Resume').click();
        expect(mounted.actions.resume).toHaveBeenCalledWith('call-1');
        mounted.view.render(makeModel({ calls: [makeCall()] }));
        expect(panel(mounted.root).classList.contains('softphone-call_held')).toBe(false);
        expect(visibleText(panel(mounted.root))).not.toContain('On hold');
    });

    it('Hold, Mute and Hang up act on the call', () => {
        mounted = mount(makeModel({ calls: [makeCall()] }));
        buttonNamed(mounted.root, 'Hold').click();
        buttonNamed(mounted.root, 'Mute').click();
        buttonNamed(mounted.root, 'Hang up').click();
        expect(mounted.actions.hold).toHaveBeenCalledWith('call-1');
        expect(mounted.actions.setMuted).toHaveBeenCalledWith('call-1', true);
        expect(mounted.actions.hangup).toHaveBeenCalledWith('call-1');
    });

    it('shows muted: the button reads Unmute (aria-pressed), a badge; pressing it unmutes', () => {
        mounted = mount(makeModel({ calls: [makeCall()] }));
        const mute = buttonNamed(mounted.root, 'Mute');
        expect(mute.getAttribute('aria-pressed')).toBe('false');
        mounted.view.render(makeModel({ calls: [makeCall({ muted: true })] }));
        expect(buttonNamed(mounted.root, 'Unmute')).toBe(mute);
        expect(queryButton(mounted.root, 'Mute')).toBeUndefined();
        expect(mute.getAttribute('aria-pressed')).toBe('true');
        expect(visibleText(panel(mounted.root))).toContain('Muted');
        mute.click();
        expect(mounted.actions.setMuted).toHaveBeenCalledWith('call-1', false);
        mounted.view.render(makeModel({ calls: [makeCall({ muted: false })] }));
        expect(buttonNamed(mounted.root, 'Mute')).toBe(mute);
    });

    it('uses the number as the heading when there is no name, "Withheld number" when none', () => {
        mounted = mount(makeModel({ calls: [makeCall({ name: undefined })] }));
        expect(panel(mounted.root).querySelector('h2')?.textContent).toBe('+44 20 7946 0018');
        mounted.view.render(makeModel({ calls: [makeCall({ name: ' ', number: '' })] }));
        expect(panel(mounted.root).querySelector('h2')?.textContent).toBe('Withheld number');
    });

    it('the Keypad toggle opens a tone pad whose keys send DTMF to the call', () => {
        mounted = mount(makeModel({ calls: [makeCall()] }));
        const toggle = buttonNamed(mounted.root, 'Keypad');
        const pad = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
        expect(pad?.hidden).toBe(true);
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        toggle.click();
        expect(pad?.hidden).toBe(false);
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        expect(toggle.textContent).toBe('Hide keypad');
        buttonNamed(pad as HTMLElement, '5').click();
        buttonNamed(pad as HTMLElement, '#').click();
        expect(mounted.actions.sendDtmf.mock.calls).toEqual([
            ['call-1', '5'],
            ['call-1', '#']
        ]);
        expect(visibleText(pad as HTMLElement)).toContain('Tones sent: 5#');
    });

    it('typing digits while the tone pad has focus sends them; Escape closes it', () => {
        mounted = mount(makeModel({ calls: [makeCall()] }));
        const toggle = buttonNamed(mounted.root, 'Keypad');
        toggle.click();
        const pad = document.getElementById(
            toggle.getAttribute('aria-controls') ?? ''
        ) as HTMLElement;
        const key = buttonNamed(pad, '1');
        key.focus();
        press(key, '4');
        press(key, '*');
        press(key, 'x');
        expect(mounted.actions.sendDtmf.mock.calls).toEqual([
            ['call-1', '4'],
            ['call-1', '*']
        ]);
        press(key, 'Escape');
        expect(pad.hidden).toBe(true);
        expect(document.activeElement).toBe(toggle);
    });

    it('keeps the tone pad open across renders, hides it while held', () => {
        mounted = mount(makeModel({ calls: [makeCall()] }));
        const toggle = buttonNamed(mounted.root, 'Keypad');
        toggle.click();
        const pad = document.getElementById(
            toggle.getAttribute('aria-controls') ?? ''
        ) as HTMLElement;
        mounted.view.render(makeModel({ calls: [makeCall({ muted: true })] }));
        expect(pad.hidden).toBe(false);
        mounted.view.render(makeModel({ calls: [makeCall({ state: 'held' })] }));
        expect(pad.hidden).toBe(true);
        mounted.view.render(makeModel({ calls: [makeCall()] }));
        expect(pad.hidden).toBe(false);
    });

    it('shows a panel per live call: held and connected together', () => {
        mounted = mount(
            makeModel({
                calls: [
                    makeCall({ callId: 'a', state: 'held' }),
                    makeCall({ callId: 'b', name: 'Grace Hopper' })
                ]
            })
        );
        const panels = [...mounted.root.querySelectorAll('.softphone-call')];
        expect(panels.map((p) => p.querySelector('h2')?.textContent)).toEqual([
            'Ada Lovelace',
            'Grace Hopper'
        ]);
        buttonNamed(panels[1] as HTMLElement, 'Hang up').click();
        expect(mounted.actions.hangup).toHaveBeenCalledWith('b');
    });
});
