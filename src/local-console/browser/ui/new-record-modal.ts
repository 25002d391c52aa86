import type { ConsoleState } from '../console-state';
import { recordTab } from '../opencti-host';
import type { RecordStore } from '../record-store';
import { button, field, h, replaceChildren } from './dom';

/**
 * screenPop NEW_RECORD_MODAL: "New <Entity>", prefilled; Save creates the record and opens it
 * (a navigation: onNavigationChange reports the new record, as the Open CTI guide says it fires
 * "on internal navigation such as the new-record modal from screenPop",
 * https://developer.salesforce.com/docs/atlas.en-us.api_cti.meta/api_cti/sforce_api_cti_onnavigationchange_lex.htm).
 *
 * Escape cancels, as a Lightning modal does (SLDS modal guidance:
 * https://www.lightningdesignsystem.com/components/modals/ — "Esc closes the modal").
 * It does not take keyboard focus: the softphone opens it (a screen pop), not the agent, and a
 * pop must never pull the keyboard away from a ringing call's Answer and Decline. The agent
 * reaches it with a click or Tab. How a real console moves focus for a screen-pop modal is
 * UNCONFIRMED; this plays the agent-safe choice.
 */
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
            // The new record's tab opens under the modal, then the modal closes: one navigation
            // that lands on the new record (not on the tab that was under the modal).
            const record = store.get(result.id);
            if (record) {
                state.openTab(recordTab(record, store.nameOf(record)));
            }
            state.closeModal();
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
                        // Not aria-modal: the softphone beside it stays usable.
                        'aria-modal': 'false',
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
        const section = root.querySelector('section');
        section?.addEventListener('keydown', (event) => {
            if (event.key === 'Escape') {
                event.preventDefault();
                state.closeModal();
            }
        });
    };
    state.onChange((change) => {
        if (change === 'modal') {
            render();
        }
    });
    render();
}
