import { button, el, setAttr, setDisabled, setHidden, setText, type IdFactory } from './dom';
import { handoverLabels } from './labels';
import type {
    CallHandoverView,
    CallView,
    SoftphoneActions,
    TransferSuggestionView
} from './view-model';

/**
 * A call card's transfer, consult and conference controls:
 * - Transfer opens a small form: the target typed or chosen from recent numbers, then
 *   "Transfer now" (blind) or "Consult first" (a consult call while this one is held);
 * - on a consult call: Complete transfer, Cancel consult, Conference;
 * - on a call in conference: Drop;
 * - the transfer's progress or failure, as a line of text.
 * Each control shows only when the engine would accept it (CallHandoverView) and the softphone
 * offers the action (a tab that only mirrors the softphone does not).
 */
export class HandoverControls {
    readonly element: HTMLElement;
    /** Where the call card puts its Swap / Live badge: read by the card. */
    readonly liveBadge = el('span', {
        className: 'slds-badge slds-theme_success softphone-call__live',
        text: handoverLabels.live
    });
    readonly conferenceBadge = el('span', {
        className: 'slds-badge softphone-call__conference',
        text: handoverLabels.inConference
    });
    private readonly status = el('p', {
        className: 'slds-text-body_small softphone-call__transfer',
        attrs: { role: 'status' }
    });
    private readonly consultAbout = el('p', { className: 'slds-text-body_small' });
    private readonly toggle: HTMLButtonElement;
    private readonly form: HTMLElement;
    private readonly input: HTMLInputElement;
    private readonly picker: HTMLSelectElement;
    private readonly transferNow: HTMLButtonElement;
    private readonly consultFirst: HTMLButtonElement;
    private readonly complete: HTMLButtonElement;
    private readonly cancel: HTMLButtonElement;
    private readonly merge: HTMLButtonElement;
    private readonly drop: HTMLButtonElement;
    private readonly row: HTMLElement;
    private callId: string;
    private open = false;
    private suggestions: readonly TransferSuggestionView[] = [];

    constructor(ids: IdFactory, call: CallView, actions: SoftphoneActions) {
        this.callId = call.callId;
        const formId = ids('transfer');
        const inputId = ids('transfer-to');
        const pickerId = ids('transfer-pick');
        this.toggle = button(
            handoverLabels.transfer,
            'slds-button slds-button_neutral',
            () => this.setOpen(!this.open),
            { 'aria-controls': formId, 'aria-expanded': 'false' }
        );
        this.input = el('input', {
            className: 'slds-input',
            attrs: {
                id: inputId,
                type: 'tel',
                autocomplete: 'off',
                placeholder: handoverLabels.transferPlaceholder
            }
        });
        this.picker = el('select', { className: 'slds-select', attrs: { id: pickerId } });
        this.picker.addEventListener('change', () => {
            if (this.picker.value !== '') {
                this.input.value = this.picker.value;
                this.updateTargetButtons();
                this.input.focus();
            }
        });
        this.input.addEventListener('input', () => this.updateTargetButtons());
        const send = (mode: 'blind' | 'consult') => {
            const target = this.input.value.trim();
            if (target === '' || actions.transfer === undefined) {
                return;
            }
            actions.transfer(this.callId, target, mode);
            this.input.value = '';
            this.setOpen(false);
        };
        this.transferNow = button(handoverLabels.transferNow, 'slds-button slds-button_brand', () =>
            send('blind')
        );
        this.consultFirst = button(
            handoverLabels.consultFirst,
            'slds-button slds-button_neutral',
            () => send('consult')
        );
        this.input.addEventListener('keydown', (event) => {
            if (event.key === 'Enter') {
                event.preventDefault();
                send(this.transferNow.hidden ? 'consult' : 'blind');
            }
        });
        this.form = el(
            'div',
            { className: 'softphone-transfer', attrs: { id: formId, role: 'group' } },
            [
                el('div', { className: 'slds-form-element' }, [
                    el('label', {
                        className: 'slds-form-element__label',
                        attrs: { for: inputId },
                        text: handoverLabels.transferTo
                    }),
                    el('div', { className: 'slds-form-element__control' }, [this.input])
                ]),
                el('div', { className: 'slds-form-element' }, [
                    el('label', {
                        className: 'slds-form-element__label',
                        attrs: { for: pickerId },
                        text: handoverLabels.suggestions
                    }),
                    el('div', { className: 'slds-form-element__control' }, [
                        el('div', { className: 'slds-select_container' }, [this.picker])
                    ])
                ]),
                el('div', { className: 'softphone-actions' }, [this.transferNow, this.consultFirst])
            ]
        );
        setAttr(this.form, 'aria-label', handoverLabels.transfer);
        // Escape closes the form and gives focus back to its button.
        this.form.addEventListener('keydown', (event) => {
            if (event.key === 'Escape') {
                this.setOpen(false);
                this.toggle.focus();
            }
        });
        this.complete = button(
            handoverLabels.completeTransfer,
            'slds-button slds-button_brand',
            () => actions.completeConsult?.()
        );
        this.cancel = button(handoverLabels.cancelConsult, 'slds-button slds-button_neutral', () =>
            actions.cancelConsult?.()
        );
        this.merge = button(handoverLabels.conference, 'slds-button slds-button_neutral', () =>
            actions.mergeCalls?.()
        );
        this.drop = button(handoverLabels.drop, 'slds-button slds-button_destructive', () =>
            actions.dropParty?.(this.callId)
        );
        this.row = el('div', { className: 'softphone-actions softphone-call__handover' }, [
            this.toggle,
            this.complete,
            this.cancel,
            this.merge,
            this.drop
        ]);
        this.element = el('div', {}, [this.consultAbout, this.status, this.row, this.form]);
        this.hideAll(actions);
        this.actions = actions;
    }

    private readonly actions: SoftphoneActions;

    update(call: CallView, suggestions: readonly TransferSuggestionView[]): void {
        this.callId = call.callId;
        const view = call.handover;
        setHidden(this.element, view === undefined);
        if (view === undefined) {
            this.hideAll(this.actions);
            return;
        }
        const has = (action: keyof SoftphoneActions) => this.actions[action] !== undefined;
        const canTransfer = has('transfer') && (view.canTransfer || view.canConsult);
        setHidden(this.toggle, !canTransfer);
        if (!canTransfer && this.open) {
            this.setOpen(false);
        }
        setHidden(this.transferNow, !view.canTransfer);
        setHidden(this.consultFirst, !view.canConsult);
        setHidden(this.complete, !(has('completeConsult') && view.canComplete));
        setHidden(this.cancel, !(has('cancelConsult') && view.canCancelConsult));
        setHidden(this.merge, !(has('mergeCalls') && view.canMerge));
        setHidden(this.drop, !(has('dropParty') && view.canDrop));
        setHidden(this.liveBadge, view.live !== true);
        setHidden(this.conferenceBadge, view.inConference !== true);
        setText(
            this.consultAbout,
            view.consultAbout === undefined
                ? ''
                : `${handoverLabels.consultAbout} ${view.consultAbout}`
        );
        setHidden(this.consultAbout, view.consultAbout === undefined);
        setText(this.status, transferText(view));
        setHidden(this.status, view.transfer === undefined);
        setHidden(
            this.row,
            [this.toggle, this.complete, this.cancel, this.merge, this.drop].every(
                (control) => control.hidden
            )
        );
        if (suggestions !== this.suggestions) {
            this.suggestions = suggestions;
            if (this.open) {
                this.fillPicker();
            }
        }
        this.updateTargetButtons();
    }

    private hideAll(actions: SoftphoneActions): void {
        for (const control of [
            this.toggle,
            this.complete,
            this.cancel,
            this.merge,
            this.drop,
            this.liveBadge,
            this.conferenceBadge,
            this.status,
            this.consultAbout
        ]) {
            setHidden(control, true);
        }
        setHidden(this.form, !this.open || actions.transfer === undefined);
    }

    private setOpen(open: boolean): void {
        this.open = open;
        // The numbers are in the page only while the form is open (no hidden names elsewhere).
        if (open) {
            this.fillPicker();
        } else {
            this.picker.replaceChildren();
        }
        setHidden(this.form, !open);
        setAttr(this.toggle, 'aria-expanded', open ? 'true' : 'false');
        setText(this.toggle, open ? handoverLabels.closeTransfer : handoverLabels.transfer);
        if (open) {
            this.input.focus();
        }
    }

    private updateTargetButtons(): void {
        const empty = this.input.value.trim() === '';
        setDisabled(this.transferNow, empty);
        setDisabled(this.consultFirst, empty);
    }

    private fillPicker(): void {
        this.picker.replaceChildren(
            el('option', { attrs: { value: '' }, text: handoverLabels.suggestionsNone }),
            ...this.suggestions.map((suggestion) =>
                el('option', { attrs: { value: suggestion.number }, text: suggestion.label })
            )
        );
        setDisabled(this.picker, this.suggestions.length === 0);
    }
}

/** "Transferring to +1 415…", "Ringing +1 415…", "Transfer failed to +1 415…: busy". */
function transferText(view: CallHandoverView): string {
    const transfer = view.transfer;
    if (transfer === undefined) {
        return '';
    }
    const words = handoverLabels.transferProgress[transfer.progress];
    if (transfer.progress === 'failed') {
        const why = handoverLabels.transferFailure[transfer.reason ?? 'failed'];
        return `${words} ${transfer.target}: ${why}`;
    }
    return `${words} ${transfer.target}`;
}
