// The package's Softphone Call Bar as the second item of the shipped utility bar
// (flexipages/Softphone_Console_UtilityBar: "Call Controls", loaded in the background when the app
// opens). Its panel opens and minimises from its utility-bar item like the softphone's; the
// component is created once and keeps running while minimised. A utility item is always an
// active LMS area (https://developer.salesforce.com/docs/platform/lwc/guide/use-message-channel-scope.html).
import 'lwc/synthetic-shadow';
import { createElement } from 'lwc';
import SoftphoneCallBar from 'c/softphoneCallBar';
import { withArea } from './runtime-context';

export interface CallBarUtility {
    /** Opens (true) or minimises (false) the panel, as a click on the item does. */
    setOpen(open: boolean): void;
}

const LABEL = 'Call Controls';

export function mountCallBarUtility(
    dock: HTMLElement,
    bar: HTMLElement,
    options: { readonly open: boolean }
): CallBarUtility {
    const panel = document.createElement('section');
    panel.className = 'lc-softphone-panel lc-call-bar-panel';
    panel.dataset['testid'] = 'call-bar-panel';
    panel.setAttribute('aria-label', `${LABEL} panel`);
    panel.style.width = '340px';
    const header = document.createElement('header');
    header.className = 'lc-softphone-panel__header';
    const title = document.createElement('span');
    title.className = 'slds-text-title_bold lc-grow';
    title.textContent = LABEL;
    header.append(title);
    const body = document.createElement('div');
    body.className = 'lc-call-bar-panel__body';
    panel.append(header, body);
    dock.prepend(panel);

    const item = document.createElement('button');
    item.type = 'button';
    item.className = 'slds-button lc-utility-bar__item';
    item.dataset['testid'] = 'utility-call-bar';
    item.textContent = LABEL;
    const note = bar.querySelector('[data-testid="softphone-status"]');
    bar.insertBefore(item, note);

    withArea({ isActive: () => true }, () => {
        body.append(createElement('c-softphone-call-bar', { is: SoftphoneCallBar }));
    });

    const setOpen = (open: boolean) => {
        panel.classList.toggle('lc-minimized', !open);
        item.classList.toggle('lc-active', open);
        item.setAttribute('aria-pressed', String(open));
    };
    item.addEventListener('click', () => setOpen(panel.classList.contains('lc-minimized')));
    setOpen(options.open);
    return { setOpen };
}
