import { el } from './dom';

/** The twelve keys of a phone keypad, with the letters printed under the digits. */
export const padKeys: readonly { readonly digit: string; readonly letters: string }[] = [
    { digit: '1', letters: '' },
    { digit: '2', letters: 'ABC' },
    { digit: '3', letters: 'DEF' },
    { digit: '4', letters: 'GHI' },
    { digit: '5', letters: 'JKL' },
    { digit: '6', letters: 'MNO' },
    { digit: '7', letters: 'PQRS' },
    { digit: '8', letters: 'TUV' },
    { digit: '9', letters: 'WXYZ' },
    { digit: '*', letters: '' },
    { digit: '0', letters: '+' },
    { digit: '#', letters: '' }
];

export function isPadDigit(key: string): boolean {
    return /^[0-9*#]$/.test(key);
}

/**
 * A 3×4 grid of digit buttons. The accessible name of each is its digit, from its own text (no
 * aria-label, so the name is what the agent reads: WCAG 2.5.3, axe label-content-name-mismatch).
 */
export function createDigitPad(groupLabel: string, onDigit: (digit: string) => void): HTMLElement {
    const keys = padKeys.map(({ digit, letters }) => {
        const key = el(
            'button',
            {
                className: 'slds-button slds-button_neutral softphone-pad__key',
                attrs: { type: 'button' }
            },
            [
                el('span', { className: 'softphone-pad__digit', text: digit }),
                // The letters are decoration: a screen reader hears "2", not "2 ABC".
                el('span', {
                    className: 'softphone-pad__letters',
                    attrs: { 'aria-hidden': 'true' },
                    text: letters
                })
            ]
        );
        key.addEventListener('click', () => onDigit(digit));
        return key;
    });
    return el(
        'div',
        { className: 'softphone-pad', attrs: { role: 'group', 'aria-label': groupLabel } },
        keys
    );
}
