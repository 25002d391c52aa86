/**
 * The wrap-up form shared by the call bar and the Call History card: disposition and notes, an
 * error, Save and (for the call bar) Done. The parent owns the draft and saves it its own way
 * (the softphone's setDisposition, or LDS on the record): the form fires `draftchange` with the
 * field edited (`{ disposition }` or `{ notes }`), and `save` or `done` with the draft once its one rule holds (a required disposition is
 * chosen; otherwise the form says so and fires nothing).
 */
import { LightningElement, api } from 'lwc';

import DISPOSITION from '@salesforce/label/c.Softphone_Field_Disposition';
import NOTES from '@salesforce/label/c.Softphone_Field_Notes';
import SAVE from '@salesforce/label/c.Softphone_Save';
import DONE from '@salesforce/label/c.Softphone_Done';
import VALUE_NONE from '@salesforce/label/c.Softphone_Value_None';
import DISPOSITION_REQUIRED from '@salesforce/label/c.Softphone_Call_Bar_Disposition_Required';

export default class SoftphoneWrapUp extends LightningElement {
    /** The disposition picklist's values, `{ label, value }` each (None is added here). */
    @api options = [];
    /** The draft's disposition; an edit here holds until the parent passes the draft back. */
    @api
    get disposition() {
        return this.current.disposition;
    }
    set disposition(value) {
        this.current = { ...this.current, disposition: value || '' };
    }

    @api
    get notes() {
        return this.current.notes;
    }
    set notes(value) {
        this.current = { ...this.current, notes: value || '' };
    }

    current = { disposition: '', notes: '' };
    @api dispositionRequired = false;
    @api dispositionReadOnly = false;
    @api notesReadOnly = false;
    @api notesMax;
    /** The parent's error about this wrap-up (a refused save), shown as an alert. */
    @api error;
    @api saveDisabled = false;
    /** Offers Done beside Save (the call bar: Done ends the after-call work). */
    @api offerDone = false;

    labels = { disposition: DISPOSITION, notes: NOTES, save: SAVE, done: DONE };

    missingDisposition = false;

    get dispositionOptions() {
        const options = [{ label: VALUE_NONE, value: '' }];
        for (const entry of this.options || []) {
            options.push({ label: entry.label, value: entry.value });
        }
        // A value retired from the picklist still shows for the call that has it.
        const current = this.disposition;
        if (current && !options.some((option) => option.value === current)) {
            options.push({ label: current, value: current });
        }
        return options;
    }

    get errorText() {
        return this.missingDisposition ? DISPOSITION_REQUIRED : this.error;
    }

    get saveVariant() {
        return this.offerDone ? 'neutral' : 'brand';
    }

    handleDispositionChange(event) {
        this.missingDisposition = false;
        this.edit({ disposition: event.detail.value || '' });
    }

    handleNotesChange(event) {
        this.edit({ notes: event.detail.value || '' });
    }

    edit(change) {
        this.current = { ...this.current, ...change };
        this.fire('draftchange', change);
    }

    handleSave() {
        this.submit('save');
    }

    handleDone() {
        this.submit('done');
    }

    submit(type) {
        const draft = this.current;
        this.missingDisposition =
            Boolean(this.dispositionRequired) && draft.disposition.trim() === '';
        if (!this.missingDisposition) {
            this.fire(type, { ...draft });
        }
    }

    fire(type, detail) {
        this.dispatchEvent(new CustomEvent(type, { detail }));
    }
}
