import { button, el } from './dom';
import type { SoftphoneActions } from './view-model';

export const downloadLogsLabel = 'Download logs';
export const checkSetupLabel = 'Check setup';

/**
 * "Download logs": saves the softphone's recent events as a text file for a support case. Shown
 * only when the host wires the action (main.ts, with the diagnostic log); the view itself never
 * sees the log.
 */
export class DiagnosticsView {
    readonly element: HTMLElement;

    constructor(actions: Pick<SoftphoneActions, 'downloadLogs' | 'checkSetup'>) {
        const controls: HTMLButtonElement[] = [];
        if (actions.downloadLogs !== undefined) {
            controls.push(
                button(
                    downloadLogsLabel,
                    'slds-button slds-button_neutral softphone-diagnostics__download',
                    () => actions.downloadLogs?.(),
                    { title: 'Save recent softphone events as a text file for support' }
                )
            );
        }
        if (actions.checkSetup !== undefined) {
            const check: HTMLButtonElement = button(
                checkSetupLabel,
                'slds-button slds-button_neutral softphone-diagnostics__check-setup',
                () => actions.checkSetup?.(check),
                { title: 'Check what this org and browser need for the softphone, with the fixes' }
            );
            controls.push(check);
        }
        this.element = el('div', { className: 'softphone-diagnostics slds-m-top_small' }, controls);
        this.element.hidden = controls.length === 0;
    }
}
