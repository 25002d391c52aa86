import { label } from '../i18n';
import { outcomeLabel } from './labels';
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

/**
 * After-call work: disposition and notes for the call just ended, then Done. Every pick and
 * keystroke goes to the app as the draft (actions.editWrapUp), so nothing depends on Save.
 */
export class WrapUpFormView {
    readonly element: HTMLElement;
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
        const heading = el('h2', {
            className: 'slds-text-heading_small',
            attrs: { id: headingId },
            text: label('Softphone_Wrap_Up')
        });
        this.requiredMarker = el('abbr', {
            className: 'slds-required',
            attrs: { title: 'required' },
            text: '*'
        });
        this.disposition = el('select', { className: 'slds-select', attrs: { id: selectId } });
        this.disposition.addEventListener('change', () => {
            this.showDispositionError(false);
            this.sendDraft(actions);
        });
        this.dispositionError = el('div', {
            className: 'slds-form-element__help',
            attrs: { id: errorId },
            text: label('Softphone_Choose_Disposition')
        });
        this.dispositionField = el('div', { className: 'slds-form-element' }, [
            el('label', { className: 'slds-form-element__label', attrs: { for: selectId } }, [
                this.requiredMarker,
                el('span', { text: label('Softphone_Disposition') })
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
        this.notes.addEventListener('input', () => this.sendDraft(actions));
        this.saveErrorBox = el(
            'p',
            {
                className: 'slds-text-color_error softphone-wrapup__error',
                attrs: { role: 'alert' }
            },
            [this.saveError]
        );
        this.saveButton = button(label('Softphone_Save'), 'slds-button slds-button_brand', () =>
            this.save(actions)
        );
        this.doneButton = button(
            label('Softphone_Done'),
            'slds-button slds-button_neutral',
            () => this.done(actions),
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
                heading,
                el('p', { className: 'softphone-wrapup__party' }, [this.party]),
                el('p', { className: 'slds-text-body_small softphone-wrapup__facts' }, [
                    el('span', { text: `${label('Softphone_Outcome')} ` }),
                    this.outcome,
                    el('span', { attrs: { 'aria-hidden': 'true' }, text: ' · ' }),
                    el('span', { text: `${label('Softphone_Duration')} ` }),
                    this.duration
                ]),
                this.countdown,
                this.loggedTo.element,
                this.dispositionField,
                el('div', { className: 'slds-form-element' }, [
                    el('label', {
                        className: 'slds-form-element__label',
                        attrs: { for: notesId },
                        text: label('Softphone_Notes')
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
        } else if (
            wrapUp.error !== undefined &&
            wrapUp.error !== previous.error &&
            this.needsSave(wrapUp)
        ) {
            // Refused for want of a disposition (Done, countdown, status menu): show where.
            this.showDispositionError(true);
        }
        setText(this.party, wrapUp.remoteLabel);
        setAttr(this.party, 'title', wrapUp.remoteLabel);
        setText(this.outcome, outcomeLabel(wrapUp.outcome));
        setText(this.duration, formatDuration(wrapUp.durationSeconds));
        setHidden(this.requiredMarker, !wrapUp.dispositionRequired);
        this.disposition.required = wrapUp.dispositionRequired;
        setText(this.saveError, wrapUp.error ?? '');
        setHidden(this.saveErrorBox, !wrapUp.error);
        // aria-disabled rather than disabled: the Save button keeps focus while saving.
        setAttr(this.saveButton, 'aria-disabled', wrapUp.saving ? 'true' : null);
        setText(
            this.saveButton,
            wrapUp.saving ? label('Softphone_Saving') : label('Softphone_Save')
        );
        setDisabled(this.doneButton, wrapUp.saving);
        this.updateStatus();
        this.tick(now);
    }

    /** Where keyboard focus goes when wrap-up starts after Hang up: the disposition. */
    focusTarget(): HTMLElement {
        return this.disposition;
    }

    tick(now: number): void {
        const endsAt = this.wrapUp?.endsAt;
        const pausedMsLeft = this.wrapUp?.pausedMsLeft;
        setHidden(this.countdown, endsAt === undefined && pausedMsLeft === undefined);
        if (pausedMsLeft !== undefined) {
            setText(
                this.countdown,
                label('Softphone_Countdown_Paused', formatDuration(Math.ceil(pausedMsLeft / 1000)))
            );
        } else if (endsAt !== undefined) {
            setText(
                this.countdown,
                label('Softphone_Available_In', formatDuration(secondsUntil(endsAt, now)))
            );
        }
    }

    private sendDraft(actions: SoftphoneActions): void {
        const wrapUp = this.wrapUp;
        if (wrapUp) {
            actions.editWrapUp(wrapUp.callId, {
                disposition: this.disposition.value,
                notes: this.notes.value
            });
        }
    }

    private done(actions: SoftphoneActions): void {
        const wrapUp = this.wrapUp;
        if (wrapUp?.dispositionRequired && this.disposition.value === '') {
            this.showDispositionError(true);
            this.disposition.focus();
        }
        actions.completeWrapUp();
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
        const typed = wrapUp.disposition !== '' || wrapUp.notes !== '';
        let text = '';
        let saved = false;
        if (wrapUp.saving) {
            text = label('Softphone_Saving');
        } else if (this.needsSave(wrapUp)) {
            text = label('Softphone_Disposition_Required');
        } else if (wrapUp.draftSaved && wrapUp.confirmedAt !== undefined) {
            text = label('Softphone_Wrap_Up_Saved');
            saved = true;
        } else if (typed && !wrapUp.draftSaved) {
            text = label('Softphone_Wrap_Up_Draft');
        }
        setText(this.status, text);
        setHidden(this.status, text === '');
        setClass(this.status, 'slds-text-color_success', saved);
    }

    private showDispositionError(on: boolean): void {
        setClass(this.dispositionField, 'slds-has-error', on);
        setHidden(this.dispositionError, !on);
        setAttr(this.disposition, 'aria-invalid', on ? 'true' : null);
        setAttr(this.disposition, 'aria-describedby', on ? this.dispositionError.id : null);
    }
}
