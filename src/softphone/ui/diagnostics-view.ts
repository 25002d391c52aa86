import { label } from '../i18n';
import { button, el } from './dom';
import type { SoftphoneActions } from './view-model';

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
                    label('Softphone_Download_Logs'),
                    'slds-button slds-button_neutral softphone-diagnostics__download',
                    () => actions.downloadLogs?.(),
                    { title: label('Softphone_Download_Logs_Title') }
                )
            );
        }
        if (actions.checkSetup !== undefined) {
            const check: HTMLButtonElement = button(
                label('Softphone_Check_Setup'),
                'slds-button slds-button_neutral softphone-diagnostics__check-setup',
                () => actions.checkSetup?.(check),
                { title: label('Softphone_Check_Setup_Title') }
            );
            controls.push(check);
        }
        this.element = el('div', { className: 'softphone-diagnostics slds-m-top_small' }, controls);
        this.element.hidden = controls.length === 0;
    }
}
