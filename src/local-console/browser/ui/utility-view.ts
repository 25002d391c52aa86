import type { ConsoleState } from '../console-state';
import { h, icon, replaceChildren } from './dom';

/**
 * The softphone utility: the panel (its header and the iframe of the adapter page) docked above
 * the utility bar, and the utility bar item that opens and minimises it. The iframe is created
 * once and only hidden when minimised, as Salesforce keeps the softphone running.
 */
export interface SoftphoneUtilityView {
    readonly frame: HTMLIFrameElement;
    /** Loads the adapter page again (a new softphone instance). */
    reload(): void;
    /** Unloads the adapter page: no softphone runs until reload (e.g. it failed to load). */
    close(): void;
}

export function mountSoftphoneUtility(
    dock: HTMLElement,
    bar: HTMLElement,
    state: ConsoleState,
    adapterUrl: string
): SoftphoneUtilityView {
    const frame = h('iframe', {
        testid: 'softphone-frame',
        attrs: { title: 'Softphone', src: adapterUrl, allow: 'microphone; autoplay' }
    });
    const headerIcon = h('span', { class: 'slds-icon_container' });
    const headerLabel = h('span', {
        class: 'slds-text-title_bold lc-grow',
        testid: 'softphone-panel-label'
    });
    const minimise = h(
        'button',
        {
            class: 'slds-button slds-button_icon slds-button_icon-border-filled',
            testid: 'softphone-minimise',
            attrs: { type: 'button', title: 'Minimise', 'aria-label': 'Minimise' },
            on: { click: () => state.updateUtility({ visible: false }) }
        },
        icon('utility', 'minimize_window', 'slds-button__icon')
    );
    const panel = h(
        'section',
        {
            class: 'lc-softphone-panel',
            testid: 'softphone-panel',
            attrs: { 'aria-label': 'Softphone panel' }
        },
        h('header', { class: 'lc-softphone-panel__header' }, headerIcon, headerLabel, minimise),
        frame
    );
    replaceChildren(dock, panel);

    const itemIcon = h('span', { class: 'slds-icon_container' });
    const itemLabel = h('span', { testid: 'utility-item-label' });
    const item = h(
        'button',
        {
            class: 'slds-button lc-utility-bar__item',
            testid: 'utility-softphone',
            attrs: { type: 'button' },
            on: { click: () => state.updateUtility({ visible: !state.utility.visible }) }
        },
        itemIcon,
        itemLabel
    );
    const note = h('span', {
        class: 'lc-utility-bar__note slds-text-body_small',
        testid: 'softphone-status'
    });
    replaceChildren(bar, item, note);

    const render = () => {
        const utility = state.utility;
        panel.classList.toggle('lc-minimized', !utility.visible);
        panel.style.width = `${utility.widthPX}px`;
        panel.style.height = `${utility.heightPX}px`;
        item.classList.toggle('lc-active', utility.visible);
        item.setAttribute('aria-pressed', String(utility.visible));
        item.setAttribute('data-icon', utility.itemIcon);
        replaceChildren(
            itemIcon,
            icon(
                'utility',
                utility.itemIcon,
                'slds-icon slds-icon_x-small slds-icon-text-default slds-m-right_x-small'
            )
        );
        replaceChildren(
            headerIcon,
            icon('utility', utility.itemIcon, 'slds-icon slds-icon_x-small slds-icon-text-default')
        );
        itemLabel.textContent = utility.itemLabel;
        headerLabel.textContent = utility.itemLabel;
        note.textContent = utility.initialised
            ? 'softphone initialised'
            : 'waiting for the softphone to call notifyInitializationComplete';
    };
    state.onChange((change) => {
        if (change === 'utility') {
            render();
        }
    });
    render();
    return {
        frame,
        reload: () => {
            frame.src = 'about:blank';
            frame.src = adapterUrl;
        },
        close: () => {
            frame.src = 'about:blank';
        }
    };
}
