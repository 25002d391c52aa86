import type { AgentState } from '../calls/call-model';
import type { ConnectionStatus } from '../telephony/connector';
import { el, setAttr, setHidden, setText, untrusted, type IdFactory } from './dom';
import { agentStateLabels, connectionLabels } from './labels';
import type { SoftphoneViewModel } from './view-model';

const badgeThemes: Readonly<Record<ConnectionStatus, string>> = {
    connected: 'slds-theme_success',
    connecting: 'slds-theme_warning',
    reconnecting: 'slds-theme_warning',
    disconnected: 'slds-theme_error'
};

function isAgentState(value: string): value is AgentState {
    return Object.prototype.hasOwnProperty.call(agentStateLabels, value);
}

/** Connection status and the agent state picker. */
export class HeaderView {
    readonly element: HTMLElement;
    private readonly badge: HTMLElement;
    private readonly connectorLabel: HTMLElement;
    private readonly message: HTMLElement;
    /** The agent state picker (also the last-resort place for focus). */
    readonly select: HTMLSelectElement;
    private optionsKey = '';

    constructor(ids: IdFactory, onAgentState: (state: AgentState) => void) {
        const selectId = ids('agent-state');
        this.badge = el('span', { className: 'slds-badge' });
        this.connectorLabel = untrusted('softphone-header__connector slds-truncate');
        this.message = el('p', { className: 'softphone-header__message slds-text-body_small' });
        this.select = el('select', { className: 'slds-select', attrs: { id: selectId } });
        this.select.addEventListener('change', () => {
            if (isAgentState(this.select.value)) {
                onAgentState(this.select.value);
            }
        });
        this.element = el('header', { className: 'softphone-header' }, [
            el('div', { className: 'softphone-header__connection' }, [
                el('span', { className: 'slds-assistive-text', text: 'Phone system:' }),
                this.badge,
                this.connectorLabel
            ]),
            this.message,
            el('div', { className: 'slds-form-element softphone-header__state' }, [
                el('label', {
                    className: 'slds-form-element__label',
                    attrs: { for: selectId },
                    text: 'Status'
                }),
                el('div', { className: 'slds-form-element__control' }, [
                    el('div', { className: 'slds-select_container' }, [this.select])
                ])
            ])
        ]);
    }

    update(model: SoftphoneViewModel): void {
        const { status, connectorLabel, message } = model.connection;
        setText(this.badge, connectionLabels[status]);
        setAttr(this.badge, 'class', `slds-badge ${badgeThemes[status]}`);
        setText(this.connectorLabel, connectorLabel);
        setAttr(this.connectorLabel, 'title', connectorLabel);
        setText(this.message, message ?? '');
        setHidden(this.message, !message);
        this.updateOptions(model);
    }

    private updateOptions(model: SoftphoneViewModel): void {
        // The current state is always listed, so the picker never claims a state we are not in.
        const states = model.agentStateOptions.includes(model.agentState)
            ? model.agentStateOptions
            : [model.agentState, ...model.agentStateOptions];
        const key = states.join('|');
        if (key !== this.optionsKey) {
            // Rebuilding options keeps the <select> itself, so focus on it is not lost.
            this.select.replaceChildren(
                ...states.map((state) =>
                    el('option', { attrs: { value: state }, text: agentStateLabels[state] })
                )
            );
            this.optionsKey = key;
        }
        if (this.select.value !== model.agentState) {
            this.select.value = model.agentState;
        }
    }
}
