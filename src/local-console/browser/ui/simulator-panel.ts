import type { SimulatorMessage } from '../../shared/simulator-protocol';
import { incomingCallMessage, remoteHangupMessage } from '../../shared/simulator-protocol';
import { button, card, field, h } from './dom';

/** Inbound calls to simulate, by the deliberate cases of data/README.md. */
export const inboundPresets: readonly {
    testid: string;
    label: string;
    from: string;
    fromName?: string;
    /** Call data the phone system sends with the call (see callData/* settings). */
    data?: Readonly<Record<string, string>>;
}[] = [
    { testid: 'sim-known', label: 'Known caller (Maria Lopez)', from: '+14155550101' },
    { testid: 'sim-unknown', label: 'Unknown number', from: '+12125550199' },
    { testid: 'sim-ambiguous-contacts', label: 'Ambiguous: two Contacts', from: '+15105550121' },
    { testid: 'sim-ambiguous-objects', label: 'Ambiguous: Contact and Lead', from: '+14155550105' },
    { testid: 'sim-withheld', label: 'Withheld number', from: 'anonymous', fromName: 'Anonymous' },
    {
        testid: 'sim-ivr-account',
        label: 'IVR: account 10442 in Billing queue',
        from: '+12125550199',
        data: {
            AccountNumber: '10442',
            Queue: 'Billing',
            DNIS: '+18005550142',
            RecordingUrl: 'https://recordings.example.com/calls/ivr-10442.wav',
            IvrPath: 'Billing > Balance'
        }
    }
];

/**
 * Drives the adapter's simulator connector through the documented postMessage (see README):
 * the console cannot reach the simulator directly.
 */
export function simulatorPanel(send: (message: SimulatorMessage) => void): HTMLElement {
    const number = h('input', {
        class: 'slds-input',
        testid: 'sim-custom-number',
        attrs: { type: 'text', placeholder: '+1 415 555 0199' }
    });
    const name = h('input', {
        class: 'slds-input',
        testid: 'sim-custom-name',
        attrs: { type: 'text', placeholder: 'optional' }
    });
    return card(
        'Simulate inbound call',
        'simulator-panel',
        h(
            'div',
            { class: 'lc-buttons' },
            ...inboundPresets.map((preset) =>
                button(preset.label, preset.testid, () =>
                    send(incomingCallMessage(preset.from, preset.fromName, preset.data))
                )
            )
        ),
        h(
            'div',
            { class: 'lc-inline slds-m-top_x-small' },
            field('Number', number),
            field('Display name', name),
            button(
                'Ring',
                'sim-custom-ring',
                () => send(incomingCallMessage(number.value, name.value)),
                'brand'
            )
        ),
        h(
            'div',
            { class: 'slds-m-top_small' },
            button(
                'Remote party hangs up',
                'sim-remote-hangup',
                () => send(remoteHangupMessage()),
                'destructive'
            )
        )
    );
}
