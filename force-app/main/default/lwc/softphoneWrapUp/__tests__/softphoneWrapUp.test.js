import SoftphoneWrapUp from 'c/softphoneWrapUp';
import { $, cleanUpComponents, flush, mount, text } from '../../../../../test/lwc-test-utils';

const OPTIONS = [
    { label: 'Resolved', value: 'Resolved' },
    { label: 'Left Voicemail', value: 'Left Voicemail' }
];

async function render(props) {
    const element = mount('c-softphone-wrap-up', SoftphoneWrapUp, { options: OPTIONS, ...props });
    const events = [];
    for (const type of ['draftchange', 'save', 'done']) {
        element.addEventListener(type, (event) => events.push({ type, detail: event.detail }));
    }
    await flush();
    return { element, events };
}

function change(element, selector, value) {
    $(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-softphone-wrap-up', () => {
    afterEach(cleanUpComponents);

    it('offers None, the values, and a retired value the draft still has', async () => {
        const { element } = await render({ disposition: 'Old Value', notes: 'n' });
        const disposition = $(element, 'lightning-combobox.disposition');
        expect(disposition.options.map((option) => option.value)).toEqual([
            '',
            'Resolved',
            'Left Voicemail',
            'Old Value'
        ]);
        expect(disposition.value).toBe('Old Value');
        expect($(element, 'lightning-textarea.notes').value).toBe('n');
    });

    it('tells each edit, then saves the draft as edited', async () => {
        const { element, events } = await render({});
        change(element, 'lightning-combobox.disposition', 'Resolved');
        change(element, 'lightning-textarea.notes', 'Called back');
        $(element, 'lightning-button.save').click();
        expect(events).toEqual([
            { type: 'draftchange', detail: { disposition: 'Resolved' } },
            { type: 'draftchange', detail: { notes: 'Called back' } },
            { type: 'save', detail: { disposition: 'Resolved', notes: 'Called back' } }
        ]);
    });

    it('offers Done only when asked, with Save then neutral', async () => {
        const { element, events } = await render({ disposition: 'Resolved' });
        expect($(element, 'lightning-button.done')).toBeNull();
        expect($(element, 'lightning-button.save').variant).toBe('brand');
        element.offerDone = true;
        await flush();
        expect($(element, 'lightning-button.save').variant).toBe('neutral');
        $(element, 'lightning-button.done').click();
        expect(events).toEqual([{ type: 'done', detail: { disposition: 'Resolved', notes: '' } }]);
    });

    it('refuses Save and Done without a required disposition, and says why until one is chosen', async () => {
        const { element, events } = await render({ dispositionRequired: true, offerDone: true });
        $(element, 'lightning-button.done').click();
        $(element, 'lightning-button.save').click();
        await flush();
        expect(events).toEqual([]);
        expect(text(element, '.wrap-up-error')).toBe(
            'Choose a disposition before you finish this call.'
        );
        change(element, 'lightning-combobox.disposition', 'Resolved');
        await flush();
        expect($(element, '.wrap-up-error')).toBeNull();
    });

    it("shows the parent's error, read-only fields and a disabled Save", async () => {
        const { element } = await render({
            error: 'The log could not be saved.',
            dispositionReadOnly: true,
            notesReadOnly: true,
            saveDisabled: true,
            notesMax: 100
        });
        expect(text(element, '.wrap-up-error')).toBe('The log could not be saved.');
        expect($(element, 'lightning-combobox.disposition').readOnly).toBe(true);
        expect($(element, 'lightning-textarea.notes').readOnly).toBe(true);
        expect($(element, 'lightning-textarea.notes').maxLength).toBe(100);
        expect($(element, 'lightning-button.save').disabled).toBe(true);
    });

    it('is accessible', async () => {
        const { element } = await render({ dispositionRequired: true, offerDone: true });
        await expect(element).toBeAccessible();
    });
});
