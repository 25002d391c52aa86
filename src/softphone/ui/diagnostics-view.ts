import { button, el } from './dom';
import type { SoftphoneActions } from './view-model';

export const downloadLogsLabel = 'Download logs';

/**
 * "Download logs": saves the softphone's recent events as a text file for a support case. Shown
 * only when the host wires the action (main.ts, with the diagnostic log); the view itself never
 * sees the log.
 */
export class DiagnosticsView {
    readonly element: HTMLElement;

    constructor(actions: Pick<SoftphoneActions, 'downloadLogs'>) {
        const available = actions.downloadLogs !== undefined;
        this.element = el(
            'div',
            { className: 'softphone-diagnostics slds-m-top_small' },
            available
                ? [
                      button(
                          downloadLogsLabel,
                          'slds-button slds-button_neutral softphone-diagnostics__download',
                          () => actions.downloadLogs?.(),
                          { title: 'Save recent softphone events as a text file for support' }
                      )
                  ]
                : []
        );
        this.element.hidden = !available;
    }
}
