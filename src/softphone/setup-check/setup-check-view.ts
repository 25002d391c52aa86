import { label, type LabelName } from '../i18n';
import { button, el, setHidden, setText } from '../ui/dom';
import { type CheckResult, type CheckStatus } from './check-result';
import { checkSetupLabel } from './lazy-setup-check';

const statusLabels: Readonly<Record<CheckStatus, LabelName>> = {
    pass: 'Softphone_Check_Pass',
    warn: 'Softphone_Check_Warning',
    fail: 'Softphone_Check_Fail',
    'not-run': 'Softphone_Check_Not_Run'
};

/** What the view asks of its controller (setup-check.ts). */
export interface SetupCheckActions {
    run(): Promise<readonly CheckResult[]>;
    runWriteTest(): Promise<readonly CheckResult[]>;
    report(results: readonly CheckResult[]): string;
    /** Resolves true when the text reached the clipboard. */
    copy(text: string): Promise<boolean>;
}

const BADGE_THEMES: Readonly<Record<CheckStatus, string>> = {
    pass: 'slds-theme_success',
    warn: 'slds-theme_warning',
    fail: 'slds-theme_error',
    'not-run': ''
};

function summaryOf(results: readonly CheckResult[]): string {
    const count = (status: CheckStatus) => results.filter((r) => r.status === status).length;
    const notRun = count('not-run');
    return notRun > 0
        ? label(
              'Softphone_Check_Summary_Not_Run',
              count('pass'),
              count('warn'),
              count('fail'),
              notRun
          )
        : label('Softphone_Check_Summary', count('pass'), count('warn'), count('fail'));
}

/**
 * The Check setup panel: every check with pass / warning / fail and its fix, Run again, Run write
 * test, and Copy results (plain text for a support ticket). Opens from the diagnostics area and
 * gives focus back to the button that opened it when closed.
 */
export class SetupCheckView {
    readonly element: HTMLElement;
    private readonly heading: HTMLHeadingElement;
    private readonly status: HTMLElement;
    private readonly list: HTMLUListElement;
    private readonly reportBox: HTMLTextAreaElement;
    private readonly reportLabel: HTMLElement;
    private readonly buttons: HTMLButtonElement[];
    private results: readonly CheckResult[] = [];
    private returnFocus: HTMLElement | undefined;
    private running = false;

    constructor(
        private readonly actions: SetupCheckActions,
        idPrefix: string
    ) {
        const headingId = `${idPrefix}-setup-check-heading`;
        const reportId = `${idPrefix}-setup-check-report`;
        this.heading = el('h2', {
            className: 'slds-text-heading_small softphone-setup-check__heading',
            attrs: { id: headingId, tabindex: '-1' },
            text: checkSetupLabel()
        });
        this.status = el('p', {
            className: 'softphone-setup-check__status',
            attrs: { role: 'status' }
        });
        this.list = el('ul', { className: 'softphone-setup-check__list' });
        this.reportLabel = el('label', {
            className: 'slds-form-element__label',
            attrs: { for: reportId },
            text: label('Softphone_Check_Results_Text')
        });
        this.reportBox = el('textarea', {
            className: 'slds-textarea softphone-setup-check__report',
            attrs: { id: reportId, readonly: '', rows: '6' }
        });
        const reportField = el('div', { className: 'slds-form-element' }, [
            this.reportLabel,
            el('div', { className: 'slds-form-element__control' }, [this.reportBox])
        ]);
        reportField.hidden = true;
        this.buttons = [
            button(
                label('Softphone_Check_Run_Again'),
                'slds-button slds-button_neutral',
                () => void this.runWith(() => this.actions.run())
            ),
            button(
                label('Softphone_Check_Run_Write_Test'),
                'slds-button slds-button_neutral',
                () => void this.runWith(() => this.actions.runWriteTest())
            ),
            button(
                label('Softphone_Check_Copy'),
                'slds-button slds-button_neutral',
                () => void this.copy(reportField)
            ),
            button(label('Softphone_Close'), 'slds-button slds-button_brand', () => this.close())
        ];
        this.element = el(
            'section',
            {
                className: 'softphone-setup-check slds-box slds-m-top_small',
                attrs: { 'aria-labelledby': headingId }
            },
            [
                this.heading,
                this.status,
                this.list,
                el(
                    'div',
                    { className: 'softphone-setup-check__actions slds-m-top_x-small' },
                    this.buttons
                ),
                reportField
            ]
        );
        this.element.hidden = true;
        this.element.addEventListener('keydown', (event) => {
            if (event.key === 'Escape') {
                event.preventDefault();
                this.close();
            }
        });
    }

    /** Shows the panel, focuses its heading and runs the checks. */
    open(opener?: HTMLElement): void {
        this.returnFocus = opener;
        setHidden(this.element, false);
        this.heading.focus();
        void this.runWith(() => this.actions.run());
    }

    close(): void {
        setHidden(this.element, true);
        this.returnFocus?.focus();
    }

    private async runWith(run: () => Promise<readonly CheckResult[]>): Promise<void> {
        if (this.running) {
            return;
        }
        this.running = true;
        this.element.dataset.setupCheck = 'running';
        setText(this.status, label('Softphone_Check_Running'));
        for (const control of this.buttons.slice(0, 3)) {
            control.disabled = true;
        }
        try {
            this.show(await run());
        } finally {
            this.running = false;
            for (const control of this.buttons.slice(0, 3)) {
                control.disabled = false;
            }
        }
    }

    private show(results: readonly CheckResult[]): void {
        this.results = results;
        this.list.replaceChildren(
            ...results.map((result) =>
                el(
                    'li',
                    {
                        className: `softphone-setup-check__item softphone-setup-check__item_${result.status}`,
                        attrs: { 'data-check': result.id, 'data-status': result.status }
                    },
                    [
                        el('p', {}, [
                            el('span', {
                                className: `slds-badge ${BADGE_THEMES[result.status]} softphone-setup-check__badge`,
                                text: label(statusLabels[result.status])
                            }),
                            el('strong', { text: ` ${result.title}` })
                        ]),
                        el('p', {
                            className: 'softphone-setup-check__summary',
                            text: result.summary
                        }),
                        ...(result.fix === undefined
                            ? []
                            : [
                                  el('p', {
                                      className: 'softphone-setup-check__fix',
                                      text: label('Softphone_Check_Fix', result.fix)
                                  })
                              ])
                    ]
                )
            )
        );
        setText(this.status, summaryOf(results));
        this.element.dataset.setupCheck = 'done';
    }

    private async copy(reportField: HTMLElement): Promise<void> {
        const text = this.actions.report(this.results);
        this.reportBox.value = text;
        const copied = await this.actions.copy(text).catch(() => false);
        setHidden(reportField, false);
        setText(
            this.reportLabel,
            label(copied ? 'Softphone_Check_Copied' : 'Softphone_Check_Copy_By_Hand')
        );
        if (!copied) {
            this.reportBox.focus();
            this.reportBox.select();
        }
    }
}
