import { label } from '../i18n';
import { el, setHidden, setText, untrusted, type IdFactory } from './dom';
import type { LoggedToView as LoggedTo, SoftphoneActions } from './view-model';

export function notRelatedLabel(): string {
    return label('Softphone_Not_Related');
}

/**
 * Which record the call's log goes to ("Logged to: Maria Lopez (Contact)"), and a select of the
 * records seen during the call to change it. Record names are untrusted: text only.
 */
export class LoggedToView {
    readonly element: HTMLElement;
    private readonly current = untrusted();
    private readonly choice: HTMLElement;
    private readonly select: HTMLSelectElement;
    private callId = '';
    private optionsKey = '';

    constructor(ids: IdFactory, actions: SoftphoneActions) {
        const selectId = ids('logged-to');
        this.select = el('select', { className: 'slds-select', attrs: { id: selectId } });
        this.select.addEventListener('change', () => {
            if (this.select.value !== '') {
                actions.relateCall(this.callId, this.select.value);
            }
        });
        this.choice = el('div', { className: 'slds-form-element softphone-logged-to__choice' }, [
            el('label', {
                className: 'slds-form-element__label',
                attrs: { for: selectId },
                text: label('Softphone_Log_Call_To')
            }),
            el('div', { className: 'slds-form-element__control' }, [
                el('div', { className: 'slds-select_container' }, [this.select])
            ])
        ]);
        this.element = el('div', { className: 'softphone-logged-to' }, [
            el('p', { className: 'slds-text-body_small softphone-logged-to__current' }, [
                el('span', { text: `${label('Softphone_Logged_To')} ` }),
                this.current
            ]),
            this.choice
        ]);
    }

    update(callId: string, loggedTo: LoggedTo | undefined): void {
        this.callId = callId;
        // Shown only where the softphone knows the call's records (not in a placeholder view).
        setHidden(this.element, loggedTo === undefined);
        const current = loggedTo?.current;
        setText(this.current, current?.label ?? notRelatedLabel());
        const options = loggedTo?.options ?? [];
        // A choice only when there is another record to choose.
        const choosable = options.some((option) => option.recordId !== current?.recordId);
        setHidden(this.choice, !choosable);
        const key = JSON.stringify([options, current?.recordId]);
        if (key === this.optionsKey) {
            return;
        }
        this.optionsKey = key;
        this.select.replaceChildren(
            ...(current === undefined
                ? [el('option', { attrs: { value: '' }, text: notRelatedLabel() })]
                : []),
            ...options.map((option) =>
                el('option', { attrs: { value: option.recordId }, text: option.label })
            )
        );
        this.select.value = current?.recordId ?? '';
    }
}
