import { label } from '../i18n';
import { el } from './dom';

export interface CredentialField {
    /** Key of the value in the result, e.g. 'user'. */
    readonly name: string;
    readonly label: string;
    /** Masked input, never autofilled into other sites' fields. */
    readonly secret?: boolean;
    readonly autocomplete?: string;
}

export interface CredentialsPrompt {
    readonly title: string;
    readonly explanation: string;
    readonly fields: readonly CredentialField[];
    /** Shown above the fields, e.g. why the last attempt was refused. */
    readonly error?: string;
}

/**
 * Asks the agent for connector credentials (SIP user and password, a listener token) before the
 * softphone starts. The values go to the connector and nowhere else: not to storage, not to
 * logs, not to the call center.
 */
export function askForCredentials(
    root: HTMLElement,
    prompt: CredentialsPrompt
): Promise<Record<string, string>> {
    return new Promise((resolve) => {
        const inputs = prompt.fields.map((field, index) => {
            const id = `credential-${index}`;
            const input = el('input', {
                className: 'slds-input',
                attrs: {
                    id,
                    name: field.name,
                    type: field.secret ? 'password' : 'text',
                    required: '',
                    autocomplete:
                        field.autocomplete ?? (field.secret ? 'current-password' : 'username'),
                    spellcheck: 'false'
                }
            });
            const wrapper = el('div', { className: 'slds-form-element' }, [
                el('label', {
                    className: 'slds-form-element__label',
                    attrs: { for: id },
                    text: field.label
                }),
                el('div', { className: 'slds-form-element__control' }, [input])
            ]);
            return { field, input, wrapper };
        });
        const message = el('p', {
            className: 'slds-text-color_error',
            attrs: { role: 'alert' },
            text: prompt.error ?? ''
        });
        const connect = el('button', {
            className: 'slds-button slds-button_brand',
            attrs: { type: 'submit' },
            text: label('Softphone_Connect')
        });
        const form = el('form', { className: 'slds-card softphone-card softphone-credentials' }, [
            el('h2', { className: 'slds-text-heading_small', text: prompt.title }),
            el('p', { className: 'slds-text-body_small', text: prompt.explanation }),
            message,
            ...inputs.map(({ wrapper }) => wrapper),
            connect
        ]);
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            const missing = inputs.find(({ input }) => input.value.trim() === '');
            if (missing) {
                message.textContent = label('Softphone_Enter_Field', missing.field.label);
                missing.input.focus();
                return;
            }
            const values: Record<string, string> = {};
            for (const { field, input } of inputs) {
                values[field.name] = field.secret ? input.value : input.value.trim();
                input.value = '';
            }
            form.remove();
            resolve(values);
        });
        root.replaceChildren(form);
        inputs[0]?.input.focus();
    });
}
