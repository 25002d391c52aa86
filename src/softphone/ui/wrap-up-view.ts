import {
    button,
    el,
    setAttr,
    setClass,
    setDisabled,
    setHidden,
    setText,
    untrusted,
    type IdFactory
} from './dom';
import { formatDuration, secondsUntil } from './format-duration';
import { LoggedToView } from './logged-to-view';
import type { SoftphoneActions, WrapUpView } from './view-model';

export const notesMaxLength = 32768;

/** After-call work: disposition and notes for the call just ended, then Done. */
export class WrapUpFormView {
    readonly element: HTMLElement;
    /** Focus lands here when wrap-up starts while the agent was on a control that went away. */
    readonly heading: HTMLElement;
    private readonly party = untrusted('slds-truncate');
    private readonly outcome = el('span');
    private readonly duration = el('span');
    private readonly countdown = el('p', { className: 'softphone-wrapup__countdown' });
    private readonly dispositionField: HTMLElement;
    private readonly requiredMarker: HTMLElement;
    private readonly disposition: HTMLSelectElement;
    private readonly dispositionError: HTMLElement;
    private readonly notes: HTMLTextAreaElement;
    private readonly saveError = untrusted();
    private readonly saveErrorBox: HTMLElement;
    private readonly status = el('p', {
        className: 'slds-text-body_small softphone-wrapup__status'
    });
    private readonly saveButton: HTMLButtonElement;
    private readonly doneButton: HTMLButtonElement;
    private wrapUp: WrapUpView | undefined;
    private optionsKey = '';
    /** Which record the log goes to, and the choice of another (issue 12, Deliver 2). */
    private readonly loggedTo: LoggedToView;

    constructor(ids: IdFactory, actions: SoftphoneActions) {
        const headingId = ids('wrapup');
        const selectId = ids('disposition');
        const errorId = ids('disposition-error');
        const notesId = ids('notes');
        const statusId = ids('wrapup-status');
        this.loggedTo = new LoggedToView(ids, actions);
        this.heading = el('h2', {
            className: 'slds-text-heading_small',
            attrs: { id: headingId, tabindex: '-1' },
            text: 'Wrap up'
        });
        this.requiredMarker = el('abbr', {
            className: 'slds-required',
            attrs: { title: 'required' },
            text: '*'
        });
        this.disposition = el('select', { className: 'slds-select', attrs: { id: selectId } });
        this.disposition.addEventListener('change', () => {
            this.showDispositionError(false);
            this.updateStatus();
        });
        this.dispositionError = el('div', {
            className: 'slds-form-element__help',
            attrs: { id: errorId },
            text: 'Choose a disposition'
        });
        this.dispositionField = el('div', { className: 'slds-form-element' }, [
            el('label', { className: 'slds-form-element__label', attrs: { for: selectId } }, [
                this.requiredMarker,
                el('span', { text: 'Disposition' })
            ]),
            el('div', { className: 'slds-form-element__control' }, [
                el('div', { className: 'slds-select_container' }, [this.disposition])
            ]),
            this.dispositionError
        ]);
        this.notes = el('textarea', {
            className: 'slds-textarea softphone-wrapup__notes',
            attrs: { id: notesId, maxlength: String(notesMaxLength), rows: '3' }
        });
        this.notes.addEventListener('input', () => this.updateStatus());
        this.saveErrorBox = el(
            'p',
            {
                className: 'slds-text-color_error softphone-wrapup__error',
                attrs: { role: 'alert' }
            },
            [this.saveError]
        );
        this.saveButton = button('Save', 'slds-button slds-button_brand', () => this.save(actions));
        this.doneButton = button(
            'Done',
            'slds-button slds-button_neutral',
            () => actions.completeWrapUp(),
            { 'aria-describedby': statusId }
        );
        setAttr(this.status, 'id', statusId);
        this.element = el(
            'section',
            {
                className: 'slds-card softphone-card softphone-wrapup',
                attrs: { 'aria-labelledby': headingId }
            },
            [
                this.heading,
                el('p', { className: 'softphone-wrapup__party' }, [this.party]),
                el('p', { className: 'slds-text-body_small softphone-wrapup__facts' }, [
                    el('span', { text: 'Outcome: ' }),
                    this.outcome,
                    el('span', { attrs: { 'aria-hidden': 'true' }, text: ' · ' }),
                    el('span', { text: 'Duration: ' }),
                    this.duration
                ]),
                this.countdown,
                this.loggedTo.element,
                this.dispositionField,
                el('div', { className: 'slds-form-element' }, [
                    el('label', {
                        className: 'slds-form-element__label',
                        attrs: { for: notesId },
                        text: 'Notes'
                    }),
                    el('div', { className: 'slds-form-element__control' }, [this.notes])
                ]),
                this.saveErrorBox,
                el('div', { className: 'softphone-actions' }, [this.saveButton, this.doneButton]),
                this.status
            ]
        );
        this.showDispositionError(false);
    }

    update(wrapUp: WrapUpView | undefined, now: number): void {
        const previous = this.wrapUp;
        this.wrapUp = wrapUp;
        setHidden(this.element, !wrapUp);
        if (!wrapUp) {
            return;
        }
        this.updateOptions(wrapUp);
        this.loggedTo.update(wrapUp.callId, wrapUp.loggedTo);
        if (wrapUp.callId !== previous?.callId) {
            // Fields are set only when a new wrap-up starts: a re-render must not undo typing.
            this.disposition.value = wrapUp.disposition;
            this.notes.value = wrapUp.notes;
            this.showDispositionError(false);
        }
        setText(this.party, wrapUp.remoteLabel);
        setAttr(this.party, 'title', wrapUp.remoteLabel);
        setText(this.outcome, wrapUp.outcome);
        setText(this.duration, formatDuration(wrapUp.durationSeconds));
        setHidden(this.requiredMarker, !wrapUp.dispositionRequired);
        this.disposition.required = wrapUp.dispositionRequired;
        setText(this.saveError, wrapUp.error ?? '');
        setHidden(this.saveErrorBox, !wrapUp.error);
        // aria-disabled rather than disabled: the Save button keeps focus while saving.
        setAttr(this.saveButton, 'aria-disabled', wrapUp.saving ? 'true' : null);
        setText(this.saveButton, wrapUp.saving ? 'Saving…' : 'Save');
        setDisabled(this.doneButton, wrapUp.saving || this.needsSave(wrapUp));
        this.updateStatus();
        this.tick(now);
    }

    tick(now: number): void {
        const endsAt = this.wrapUp?.endsAt;
        setHidden(this.countdown, endsAt === undefined);
        if (endsAt !== undefined) {
            setText(this.countdown, `Available in ${formatDuration(secondsUntil(endsAt, now))}`);
        }
    }

    private needsSave(wrapUp: WrapUpView): boolean {
        return wrapUp.dispositionRequired && wrapUp.disposition === '';
    }

    private save(actions: SoftphoneActions): void {
        const wrapUp = this.wrapUp;
        if (!wrapUp || wrapUp.saving) {
            return;
        }
        if (wrapUp.dispositionRequired && this.disposition.value === '') {
            this.showDispositionError(true);
            this.disposition.focus();
            return;
        }
        actions.saveWrapUp(wrapUp.callId, {
            disposition: this.disposition.value,
            notes: this.notes.value
        });
    }

    private updateOptions(wrapUp: WrapUpView): void {
        // A saved value no longer offered (an admin edited the picklist) stays selectable.
        const values = [...wrapUp.dispositionOptions];
        if (wrapUp.disposition !== '' && !values.includes(wrapUp.disposition)) {
            values.push(wrapUp.disposition);
        }
        const key = JSON.stringify(values);
        if (key === this.optionsKey) {
            return;
        }
        const selected = this.disposition.value;
        this.disposition.replaceChildren(
            el('option', { attrs: { value: '' }, text: '-- None --' }),
            ...values.map((value) => el('option', { attrs: { value }, text: value }))
        );
        this.disposition.value = values.includes(selected) ? selected : '';
        this.optionsKey = key;
    }

    private updateStatus(): void {
        const wrapUp = this.wrapUp;
        if (!wrapUp) {
            return;
        }
        const dirty =
            this.disposition.value !== wrapUp.disposition || this.notes.value !== wrapUp.notes;
        let text = '';
        if (wrapUp.saving) {
            text = 'Saving…';
        } else if (dirty) {
            text = 'Changes not saved';
        } else if (this.needsSave(wrapUp)) {
            text = 'Save a disposition to finish wrap-up.';
        }
        setText(this.status, text);
        setHidden(this.status, text === '');
    }

    private showDispositionError(on: boolean): void {
        setClass(this.dispositionField, 'slds-has-error', on);
        setHidden(this.dispositionError, !on);
        setAttr(this.disposition, 'aria-invalid', on ? 'true' : null);
        setAttr(this.disposition, 'aria-describedby', on ? this.dispositionError.id : null);
    }
}
