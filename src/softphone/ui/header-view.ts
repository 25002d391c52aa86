import { label } from '../i18n';
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

/** An option of the status menu: a state, or Break with one of the admin's reasons. */
interface StatusOption {
    readonly value: string;
    readonly label: string;
}

const BREAK_REASON_PREFIX = 'Break:';

function statusOptions(model: SoftphoneViewModel, states: readonly AgentState[]): StatusOption[] {
    const reasons = model.breakReasons ?? [];
    return states.flatMap((state): StatusOption[] => {
        const plain = { value: state, label: agentStateLabels[state] };
        if (state !== 'Break' || reasons.length === 0) {
            return [plain];
        }
        const withReasons = reasons.map((reason) => ({
            value: `${BREAK_REASON_PREFIX}${reason}`,
            label: breakLabel(reason)
        }));
        // A Break without a reason (e.g. chosen from another tab) stays listed while it is current.
        return model.agentState === 'Break' && model.breakReason === undefined
            ? [plain, ...withReasons]
            : withReasons;
    });
}

/** "Break: Lunch", as the status menu and the header show a Break with its reason. */
export function breakLabel(reason: string): string {
    return `${agentStateLabels.Break}: ${reason}`;
}

function currentValue(model: SoftphoneViewModel): string {
    return model.agentState === 'Break' && model.breakReason !== undefined
        ? `${BREAK_REASON_PREFIX}${model.breakReason}`
        : model.agentState;
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

    constructor(ids: IdFactory, onAgentState: (state: AgentState, reason?: string) => void) {
        const selectId = ids('agent-state');
        this.badge = el('span', { className: 'slds-badge' });
        this.connectorLabel = untrusted('softphone-header__connector slds-truncate');
        this.message = el('p', { className: 'softphone-header__message slds-text-body_small' });
        this.select = el('select', { className: 'slds-select', attrs: { id: selectId } });
        this.select.addEventListener('change', () => {
            const value = this.select.value;
            if (value.startsWith(BREAK_REASON_PREFIX)) {
                onAgentState('Break', value.slice(BREAK_REASON_PREFIX.length));
            } else if (isAgentState(value)) {
                onAgentState(value);
            }
        });
        this.element = el('header', { className: 'softphone-header' }, [
            el('div', { className: 'softphone-header__connection' }, [
                el('span', {
                    className: 'slds-assistive-text',
                    text: label('Softphone_Phone_System')
                }),
                this.badge,
                this.connectorLabel
            ]),
            this.message,
            el('div', { className: 'slds-form-element softphone-header__state' }, [
                el('label', {
                    className: 'slds-form-element__label',
                    attrs: { for: selectId },
                    text: label('Softphone_Status')
                }),
                el('div', { className: 'slds-form-element__control' }, [
                    el('div', { className: 'slds-select_container' }, [this.select])
                ])
            ])
        ]);
    }

    update(model: SoftphoneViewModel): void {
        const { status, connectorLabel, message } = model.connection;
        // Offline chosen by the agent is a status (a neutral badge); a lost line is a fault.
        const chosenOffline =
            status === 'disconnected' && model.connection.offlineByChoice === true;
        setText(this.badge, chosenOffline ? agentStateLabels.Offline : connectionLabels[status]);
        setAttr(
            this.badge,
            'class',
            chosenOffline ? 'slds-badge' : `slds-badge ${badgeThemes[status]}`
        );
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
        const options = statusOptions(model, states);
        const key = options.map((option) => option.value).join('|');
        if (key !== this.optionsKey) {
            // Rebuilding options keeps the <select> itself, so focus on it is not lost.
            this.select.replaceChildren(
                ...options.map((option) =>
                    el('option', { attrs: { value: option.value }, text: option.label })
                )
            );
            this.optionsKey = key;
        }
        const current = currentValue(model);
        if (this.select.value !== current) {
            this.select.value = current;
        }
    }
}
