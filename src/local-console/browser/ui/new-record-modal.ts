import type { ConsoleState } from '../console-state';
import { recordTab } from '../opencti-host';
import type { RecordStore } from '../record-store';
import { button, field, h, replaceChildren } from './dom';

/** screenPop NEW_RECORD_MODAL: "New <Entity>", prefilled; Save creates the record. */
export function mountNewRecordModal(
    root: HTMLElement,
    state: ConsoleState,
    store: RecordStore
): void {
    const render = () => {
        const modal = state.modal;
        const definition = modal ? store.catalog.get(modal.entityName) : undefined;
        if (!modal || !definition) {
            replaceChildren(root);
            return;
        }
        const names = [
            ...new Set([...definition.newRecordFields, ...Object.keys(modal.defaultFieldValues)])
        ];
        const inputs = names.map((name) => {
            const input = h('input', {
                class: 'slds-input',
                attrs: { type: 'text', name, 'data-field': name }
            });
            const value = modal.defaultFieldValues[name];
            input.value = value === undefined || value === null ? '' : String(value);
            const rule = definition.fields[name];
            const suffix = rule?.type === 'Reference' ? ' (record Id)' : '';
            return {
                name,
                input,
                label: `${rule?.required ? '* ' : ''}${rule?.label ?? name}${suffix}`
            };
        });
        const error = h('div', {
            class: 'slds-text-color_error slds-m-top_small',
            testid: 'modal-error',
            attrs: { role: 'alert' }
        });
        const save = () => {
            const values: Record<string, string> = {};
            for (const { name, input } of inputs) {
                if (input.value.trim() !== '') {
                    values[name] = input.value.trim();
                }
            }
            const result = store.create(definition.apiName, values);
            if (!result.ok) {
                error.textContent = result.error.message;
                return;
            }
            state.closeModal();
            const record = store.get(result.id);
            if (record) {
                state.openTab(recordTab(record, store.nameOf(record)));
            }
        };
        const headingId = 'lc-new-record-heading';
        replaceChildren(
            root,
            h(
                'section',
                {
                    class: 'slds-modal slds-fade-in-open',
                    testid: 'new-record-modal',
                    attrs: {
                        role: 'dialog',
                        'aria-modal': 'true',
                        'aria-labelledby': headingId,
                        'data-entity': definition.apiName
                    }
                },
                h(
                    'div',
                    { class: 'slds-modal__container' },
                    h(
                        'div',
                        { class: 'slds-modal__header' },
                        h(
                            'h1',
                            { class: 'slds-modal__title slds-hyphenate', attrs: { id: headingId } },
                            `New ${definition.label}`
                        )
                    ),
                    h(
                        'div',
                        { class: 'slds-modal__content slds-p-around_medium' },
                        ...inputs.map(({ input, label }) => field(label, input)),
                        error
                    ),
                    h(
                        'div',
                        { class: 'slds-modal__footer' },
                        button('Cancel', 'modal-cancel', () => state.closeModal()),
                        button('Save', 'modal-save', save, 'brand')
                    )
                )
            ),
            h('div', { class: 'slds-backdrop slds-backdrop_open', attrs: { role: 'presentation' } })
        );
        inputs[0]?.input.focus();
    };
    state.onChange((change) => {
        if (change === 'modal') {
            render();
        }
    });
    render();
}
