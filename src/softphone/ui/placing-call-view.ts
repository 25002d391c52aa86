import { el, setText, untrusted } from './dom';
import { label } from '../i18n';
import { callStateLabels, directionArrows, directionLabel } from './labels';
import type { SoftphoneViewModel } from './view-model';

/**
 * The call the agent asked for while the softphone checks it (Do Not Call) and before the phone
 * system has it: "Calling…" shows from the click, whichever way the dial came (keypad, a record's
 * phone field, an LWC), so nobody clicks twice or wonders whether the click was taken.
 */
export class PlacingCallView {
    /** Holds the card only while a dial is being placed: no hidden call panel lingers. */
    readonly element = el('div', { className: 'softphone-placing' });
    private readonly card: HTMLElement;
    private readonly number = untrusted();

    constructor() {
        this.card = el(
            'div',
            {
                className: 'slds-card softphone-card softphone-call softphone-call_placing',
                attrs: { role: 'status' }
            },
            [
                el('p', { className: 'slds-text-body_small softphone-call__direction' }, [
                    el('span', {
                        attrs: { 'aria-hidden': 'true' },
                        text: directionArrows.Outbound
                    }),
                    el('span', { text: ` ${directionLabel('Outbound')}` })
                ]),
                el(
                    'h2',
                    { className: 'slds-text-heading_small slds-truncate softphone-call__name' },
                    [this.number]
                ),
                el('p', { className: 'softphone-call__status' }, [
                    el('span', {
                        className: 'softphone-call__state',
                        text: callStateLabels.dialing
                    }),
                    el('span', { attrs: { 'aria-hidden': 'true' }, text: ' · ' }),
                    el('span', { text: label('Softphone_Placing_Checking') })
                ])
            ]
        );
    }

    update(model: SoftphoneViewModel): void {
        const attempt = model.dialAttempt;
        // Once the engine has the call, its own panel says "Calling…".
        const placing =
            attempt?.status === 'placing' &&
            !model.calls.some(
                (call) =>
                    call.direction === 'Outbound' &&
                    (call.state === 'dialing' || call.state === 'ringing')
            );
        if (placing) {
            setText(this.number, attempt.number);
        }
        if (placing !== this.element.contains(this.card)) {
            this.element.replaceChildren(...(placing ? [this.card] : []));
        }
    }
}
