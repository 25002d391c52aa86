import type { ConsoleState } from '../console-state';
import type { OpenCtiHost } from '../opencti-host';
import { batchedRender } from './batched-render';
import { h, replaceChildren } from './dom';

/** Badges in the header: what the softphone has told Salesforce so far. */
export function mountStatus(
    root: HTMLElement,
    state: ConsoleState,
    host: OpenCtiHost,
    refreshOn: (render: () => void) => void
): void {
    const badge = (testid: string, on: boolean, text: string) =>
        h(
            'span',
            {
                class: `slds-badge${on ? ' slds-theme_success' : ''}`,
                testid,
                attrs: { 'data-on': String(on) }
            },
            text
        );
    const render = () => {
        const utility = state.utility;
        replaceChildren(
            root,
            badge(
                'status-initialised',
                utility.initialised,
                utility.initialised ? 'softphone initialised' : 'softphone not initialised'
            ),
            badge(
                'status-click-to-dial',
                utility.clickToDialEnabled,
                utility.clickToDialEnabled ? 'click-to-dial enabled' : 'click-to-dial disabled'
            ),
            badge(
                'status-lms',
                host.subscriptionCount() > 0,
                `LMS subscriptions: ${host.subscriptionCount()}`
            )
        );
    };
    // Once per batch: every Open CTI call adds an activity entry and may change the state.
    const scheduleRender = batchedRender(render);
    state.onChange(scheduleRender);
    refreshOn(scheduleRender);
    render();
}
