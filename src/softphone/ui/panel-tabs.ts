import { el, setAttr, setClass, setHidden, setText, type IdFactory } from './dom';

export interface TabPanel {
    readonly label: string;
    readonly content: HTMLElement;
}

/**
 * SLDS default tabs (https://www.lightningdesignsystem.com/components/tabs/) over panels that
 * would not fit one above the other in a 360 × 560 softphone (the keypad and recent calls).
 * Keyboard as the ARIA tabs pattern: the selected tab is the one tab stop; arrow keys, Home and
 * End move between tabs and select them.
 */
export class PanelTabs {
    readonly element: HTMLElement;
    private readonly tabs: HTMLButtonElement[];
    private readonly panels: HTMLElement[];
    private selected = 0;

    constructor(ids: IdFactory, label: string, panels: readonly TabPanel[]) {
        this.tabs = [];
        this.panels = [];
        const items = panels.map((panel, index) => {
            const tabId = ids('tab');
            const panelId = ids('tabpanel');
            const tab = el('button', {
                className: 'slds-tabs_default__link softphone-tabs__tab',
                attrs: { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId },
                text: panel.label
            });
            tab.addEventListener('click', () => this.select(index));
            tab.addEventListener('keydown', (event) => this.onKey(event, index));
            this.tabs.push(tab);
            this.panels.push(
                el(
                    'div',
                    {
                        className: 'slds-tabs_default__content softphone-tabs__panel',
                        attrs: { role: 'tabpanel', id: panelId, 'aria-labelledby': tabId }
                    },
                    [panel.content]
                )
            );
            return el(
                'li',
                { className: 'slds-tabs_default__item', attrs: { role: 'presentation' } },
                [tab]
            );
        });
        this.element = el('div', { className: 'slds-tabs_default softphone-tabs' }, [
            el(
                'ul',
                {
                    className: 'slds-tabs_default__nav softphone-tabs__nav',
                    attrs: { role: 'tablist', 'aria-label': label }
                },
                items
            ),
            ...this.panels
        ]);
        this.select(0);
    }

    get selectedIndex(): number {
        return this.selected;
    }

    select(index: number, focus = false): void {
        this.selected = index;
        this.tabs.forEach((tab, at) => {
            const on = at === index;
            setAttr(tab, 'aria-selected', on ? 'true' : 'false');
            setAttr(tab, 'tabindex', on ? '0' : '-1');
            setClass(tab.parentElement as HTMLElement, 'slds-is-active', on);
        });
        this.panels.forEach((panel, at) => setHidden(panel, at !== index));
        if (focus) {
            this.tabs[index]?.focus();
        }
    }

    /** Changes a tab's visible label (its accessible name follows: it is the text). */
    setLabel(index: number, text: string): void {
        const tab = this.tabs[index];
        if (tab !== undefined) {
            setText(tab, text);
        }
    }

    private onKey(event: KeyboardEvent, index: number): void {
        const last = this.tabs.length - 1;
        const target =
            event.key === 'ArrowRight'
                ? index === last
                    ? 0
                    : index + 1
                : event.key === 'ArrowLeft'
                  ? index === 0
                      ? last
                      : index - 1
                  : event.key === 'Home'
                    ? 0
                    : event.key === 'End'
                      ? last
                      : undefined;
        if (target !== undefined) {
            event.preventDefault();
            this.select(target, true);
        }
    }
}
