import { label } from '../i18n';
import { button, el, setHidden, type IdFactory } from './dom';

function textField(id: string, label: string, type: string, input: HTMLInputElement): HTMLElement {
    input.id = id;
    input.type = type;
    return el('div', { className: 'slds-form-element' }, [
        el('label', { className: 'slds-form-element__label', attrs: { for: id }, text: label }),
        el('div', { className: 'slds-form-element__control' }, [input])
    ]);
}

/** Test controls shown only when the simulator is the connector. */
export class SimulatorPanelView {
    readonly element: HTMLElement;
    private readonly from = el('input', {
        className: 'slds-input',
        attrs: { autocomplete: 'off' }
    });
    private readonly fromName = el('input', {
        className: 'slds-input',
        attrs: { autocomplete: 'off' }
    });

    constructor(ids: IdFactory, onSimulate: (caller: { from: string; fromName?: string }) => void) {
        const headingId = ids('simulator');
        const simulate = (): void => {
            const from = this.from.value.trim();
            const fromName = this.fromName.value.trim();
            // An empty number simulates a withheld caller id.
            onSimulate(fromName === '' ? { from } : { from, fromName });
        };
        this.element = el(
            'section',
            {
                className: 'slds-card softphone-card softphone-simulator',
                attrs: { 'aria-labelledby': headingId }
            },
            [
                el('h2', {
                    className: 'slds-text-heading_small',
                    attrs: { id: headingId },
                    text: label('Softphone_Simulator')
                }),
                textField(ids('sim-from'), label('Softphone_Simulator_Number'), 'tel', this.from),
                textField(
                    ids('sim-name'),
                    label('Softphone_Simulator_Name'),
                    'text',
                    this.fromName
                ),
                el('div', { className: 'softphone-actions' }, [
                    button(
                        label('Softphone_Simulator_Ring'),
                        'slds-button slds-button_neutral',
                        simulate
                    )
                ]),
                el('p', {
                    className: 'slds-text-body_small slds-text-color_weak',
                    text: label('Softphone_Simulator_Hint')
                })
            ]
        );
    }

    update(visible: boolean): void {
        setHidden(this.element, !visible);
    }
}
