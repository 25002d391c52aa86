/** @jest-environment jsdom */
import {
    T0,
    buttonNamed,
    choose,
    cleanUp,
    fieldLabelled,
    makeCall,
    makeModel,
    mount,
    press,
    queryButton,
    typeInto,
    visibleText,
    type Mounted
} from './test-support/softphone-fixtures';
import type { CallHandoverView } from './view-model';

const none: CallHandoverView = {
    canTransfer: false,
    canConsult: false,
    canComplete: false,
    canCancelConsult: false,
    canMerge: false,
    canDrop: false,
    canSwap: false
};

describe('transfer, consult and conference controls', () => {
    let mounted: Mounted | undefined;
    beforeEach(() => jest.useFakeTimers({ now: T0 }));
    afterEach(() => {
        cleanUp(mounted);
        jest.useRealTimers();
    });

    it('opens the Transfer form, fills it from a recent number and transfers blind', () => {
        mounted = mount(
            makeModel({
                calls: [makeCall({ handover: { ...none, canTransfer: true, canConsult: true } })],
                transferSuggestions: [
                    { number: '+1 415-555-0123', label: 'Grace · +1 415-555-0123' }
                ]
            })
        );
        const toggle = buttonNamed(mounted.root, 'Transfer');
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        toggle.click();
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        const field = fieldLabelled<HTMLInputElement>(mounted.root, 'Transfer to');
        expect(document.activeElement).toBe(field);
        expect(buttonNamed(mounted.root, 'Transfer now').disabled).toBe(true);
        choose(
            fieldLabelled<HTMLSelectElement>(mounted.root, 'Suggested numbers'),
            '+1 415-555-0123'
        );
        expect(field.value).toBe('+1 415-555-0123');
        buttonNamed(mounted.root, 'Transfer now').click();
        expect(mounted.actions.transfer).toHaveBeenCalledWith('call-1', '+1 415-555-0123', 'blind');
        expect(queryButton(mounted.root, 'Transfer now')).toBeUndefined();
    });

    it('consults with the keyboard: Enter sends, Escape closes', () => {
        mounted = mount(
            makeModel({ calls: [makeCall({ handover: { ...none, canConsult: true } })] })
        );
        buttonNamed(mounted.root, 'Transfer').click();
        const field = fieldLabelled<HTMLInputElement>(mounted.root, 'Transfer to');
        expect(queryButton(mounted.root, 'Transfer now')).toBeUndefined();
        press(field, 'Escape');
        expect(document.activeElement).toBe(buttonNamed(mounted.root, 'Transfer'));
        buttonNamed(mounted.root, 'Transfer').click();
        typeInto(field, ' 201 ');
        press(field, 'Enter');
        expect(mounted.actions.transfer).toHaveBeenCalledWith('call-1', '201', 'consult');
    });

    it('shows the consult call with Complete, Cancel and Conference, and the Live badge', () => {
        mounted = mount(
            makeModel({
                calls: [
                    makeCall({ state: 'held', heldAt: T0, handover: { ...none, canSwap: true } }),
                    makeCall({
                        callId: 'call-2',
                        direction: 'Outbound',
                        name: undefined,
                        number: '201',
                        handover: {
                            ...none,
                            live: true,
                            canComplete: true,
                            canCancelConsult: true,
                            canMerge: true,
                            consultAbout: 'Ada Lovelace'
                        }
                    })
                ]
            })
        );
        const cards = [...mounted.root.querySelectorAll<HTMLElement>('.softphone-call')];
        expect(visibleText(cards[1] as HTMLElement)).toContain('Live');
        expect(visibleText(cards[1] as HTMLElement)).toContain('Consult call about Ada Lovelace');
        expect(visibleText(cards[0] as HTMLElement)).not.toContain('Live');
        buttonNamed(cards[0] as HTMLElement, 'Swap').click();
        expect(mounted.actions.swapCalls).toHaveBeenCalled();
        buttonNamed(mounted.root, 'Complete transfer').click();
        buttonNamed(mounted.root, 'Cancel consult').click();
        buttonNamed(mounted.root, 'Conference').click();
        expect(mounted.actions.completeConsult).toHaveBeenCalled();
        expect(mounted.actions.cancelConsult).toHaveBeenCalled();
        expect(mounted.actions.mergeCalls).toHaveBeenCalled();
    });

    it('heads a conference with its size and drops a party', () => {
        const party = { ...none, canDrop: true, inConference: true };
        mounted = mount(
            makeModel({
                calls: [
                    makeCall({ handover: party }),
                    makeCall({ callId: 'call-2', name: 'Grace', handover: party })
                ],
                conference: { parties: 3 }
            })
        );
        expect(mounted.root.querySelector('h2')?.textContent).toBe('Conference (3)');
        const cards = [...mounted.root.querySelectorAll<HTMLElement>('.softphone-call')];
        expect(buttonNamed(cards[0] as HTMLElement, 'Hold').disabled).toBe(true);
        buttonNamed(cards[1] as HTMLElement, 'Remove from call').click();
        expect(mounted.actions.dropParty).toHaveBeenCalledWith('call-2');
        expect(visibleText(cards[0] as HTMLElement)).toContain('In conference');
    });

    it('says what ends the whole conference and what removes one party: no Hang up on a party', () => {
        const party = { ...none, canDrop: true, inConference: true };
        mounted = mount(
            makeModel({
                calls: [
                    makeCall({ handover: party }),
                    makeCall({ callId: 'call-2', name: 'Grace', handover: party })
                ],
                conference: { parties: 3 }
            })
        );
        for (const card of mounted.root.querySelectorAll<HTMLElement>('.softphone-call')) {
            expect(queryButton(card, 'Hang up')).toBeUndefined();
            expect(buttonNamed(card, 'Remove from call')).toBeDefined();
        }
        buttonNamed(mounted.root, 'End conference').click();
        expect(mounted.actions.hangup.mock.calls).toEqual([['call-2'], ['call-1']]);
        expect(mounted.actions.dropParty).not.toHaveBeenCalled();

        // Once the conference is over the remaining call has its Hang up again.
        mounted.view.render(
            makeModel({ calls: [makeCall({ callId: 'call-2', name: 'Grace', handover: none })] })
        );
        expect(queryButton(mounted.root, 'End conference')).toBeUndefined();
        expect(buttonNamed(mounted.root, 'Hang up')).toBeDefined();
    });

    it.each([
        [{ target: '(415) 555-0000', progress: 'ringing' }, 'Ringing (415) 555-0000'],
        [{ target: '201', progress: 'requested' }, 'Transferring to 201'],
        [{ target: '201', progress: 'failed', reason: 'busy' }, 'Transfer failed to 201: busy'],
        [{ target: '201', progress: 'failed' }, 'Transfer failed to 201: failed']
    ] as const)('says how the transfer goes: %j', (transfer, words) => {
        mounted = mount(makeModel({ calls: [makeCall({ handover: { ...none, transfer } })] }));
        expect(visibleText(mounted.root)).toContain(words);
        expect(queryButton(mounted.root, 'Transfer')).toBeUndefined();
    });

    it('shows no controls without handover, or in a tab that cannot act', () => {
        mounted = mount(makeModel({ calls: [makeCall()] }));
        expect(queryButton(mounted.root, 'Transfer')).toBeUndefined();
        mounted.view.render(
            makeModel({ calls: [makeCall({ handover: { ...none, canTransfer: true } })] })
        );
        expect(queryButton(mounted.root, 'Transfer')).toBeDefined();
        mounted.view.render(makeModel({ calls: [makeCall()] }));
        expect(queryButton(mounted.root, 'Transfer')).toBeUndefined();
    });
});
