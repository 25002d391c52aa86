/** @jest-environment jsdom */
import { createIdFactory, el } from './dom';
import { PanelTabs } from './panel-tabs';

function tabsOf(): { tabs: PanelTabs; buttons: HTMLButtonElement[]; panels: HTMLElement[] } {
    const tabs = new PanelTabs(createIdFactory('t'), 'Dial', [
        { label: 'Keypad', content: el('p', { text: 'pad' }) },
        { label: 'Recent calls', content: el('p', { text: 'list' }) },
        { label: 'Third', content: el('p', { text: 'more' }) }
    ]);
    document.body.append(tabs.element);
    const buttons = [...tabs.element.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const panels = [...tabs.element.querySelectorAll<HTMLElement>('[role="tabpanel"]')];
    return { tabs, buttons, panels };
}

const key = (target: HTMLElement, name: string) => {
    const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return event;
};

describe('panel tabs', () => {
    afterEach(() => document.body.replaceChildren());

    it('is an SLDS tab list: each tab names and controls its panel, the first one shows', () => {
        const { tabs, buttons, panels } = tabsOf();

        expect(tabs.element.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe(
            'Dial'
        );
        expect(buttons.map((button) => button.textContent)).toEqual([
            'Keypad',
            'Recent calls',
            'Third'
        ]);
        buttons.forEach((button, index) => {
            expect(button.getAttribute('aria-controls')).toBe(panels[index]?.id);
            expect(panels[index]?.getAttribute('aria-labelledby')).toBe(button.id);
        });
        expect(buttons.map((button) => button.getAttribute('aria-selected'))).toEqual([
            'true',
            'false',
            'false'
        ]);
        expect(buttons.map((button) => button.tabIndex)).toEqual([0, -1, -1]);
        expect(panels.map((panel) => panel.hidden)).toEqual([false, true, true]);
        expect(tabs.selectedIndex).toBe(0);
    });

    it('shows the panel of the tab clicked', () => {
        const { tabs, buttons, panels } = tabsOf();

        buttons[1]?.click();

        expect(tabs.selectedIndex).toBe(1);
        expect(panels.map((panel) => panel.hidden)).toEqual([true, false, true]);
        expect(buttons[1]?.parentElement?.classList.contains('slds-is-active')).toBe(true);
        expect(buttons[0]?.parentElement?.classList.contains('slds-is-active')).toBe(false);
    });

    it('moves with the arrow keys (wrapping), Home and End, and focuses the tab', () => {
        const { tabs, buttons } = tabsOf();
        const first = buttons[0] as HTMLButtonElement;

        expect(key(first, 'ArrowLeft').defaultPrevented).toBe(true);
        expect(tabs.selectedIndex).toBe(2);
        expect(document.activeElement).toBe(buttons[2]);
        key(buttons[2] as HTMLButtonElement, 'ArrowRight');
        expect(tabs.selectedIndex).toBe(0);
        key(first, 'ArrowRight');
        expect(tabs.selectedIndex).toBe(1);
        key(buttons[1] as HTMLButtonElement, 'ArrowLeft');
        expect(tabs.selectedIndex).toBe(0);
        key(first, 'End');
        expect(tabs.selectedIndex).toBe(2);
        key(buttons[2] as HTMLButtonElement, 'Home');
        expect(tabs.selectedIndex).toBe(0);
        expect(key(first, 'a').defaultPrevented).toBe(false);
        expect(tabs.selectedIndex).toBe(0);
    });

    it('renames a tab', () => {
        const { tabs, buttons } = tabsOf();

        tabs.setLabel(1, 'Recent calls (3)');
        tabs.setLabel(9, 'nothing');

        expect(buttons[1]?.textContent).toBe('Recent calls (3)');
    });
});
