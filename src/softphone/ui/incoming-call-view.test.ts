/** @jest-environment jsdom */
import {
    buttonNamed,
    cleanUp,
    makeCall,
    makeModel,
    mount,
    visibleText,
    type Mounted
} from './test-support/softphone-fixtures';

describe('incoming call banner', () => {
    let mounted: Mounted | undefined;
    afterEach(() => cleanUp(mounted));

    const banners = (root: HTMLElement) =>
        [...root.querySelectorAll<HTMLElement>('.softphone-incoming')].filter((b) => !b.hidden);

    const ringing = makeCall({ callId: 'ring-1', state: 'ringing', answeredAt: undefined });

    it('shows "Incoming call" with the name and number', () => {
        mounted = mount(makeModel({ calls: [ringing] }));
        const [banner] = banners(mounted.root);
        expect(visibleText(banner as HTMLElement)).toBe(
            'Incoming call Ada Lovelace +44 20 7946 0018 Answer Decline'
        );
        expect(banner?.getAttribute('role')).toBe('group');
    });

    it('says "Withheld number" when the caller id is missing, and no name line', () => {
        mounted = mount(makeModel({ calls: [{ ...ringing, number: '', name: undefined }] }));
        expect(visibleText(banners(mounted.root)[0] as HTMLElement)).toBe(
            'Incoming call Withheld number Answer Decline'
        );
    });

    it('Answer and Decline act on that call', () => {
        mounted = mount(makeModel({ calls: [ringing] }));
        buttonNamed(mounted.root, 'Answer').click();
        buttonNamed(mounted.root, 'Decline').click();
        expect(mounted.actions.answer).toHaveBeenCalledWith('ring-1');
        expect(mounted.actions.decline).toHaveBeenCalledWith('ring-1');
    });

    it('Answer is brand and Decline destructive', () => {
        mounted = mount(makeModel({ calls: [ringing] }));
        expect(buttonNamed(mounted.root, 'Answer').classList).toContain('slds-button_brand');
        expect(buttonNamed(mounted.root, 'Decline').classList).toContain('slds-button_destructive');
    });

    it('says "Call waiting" while another call is live; answering only calls answer', () => {
        const live = makeCall({ callId: 'live-1', state: 'connected' });
        mounted = mount(makeModel({ calls: [live, ringing] }));
        const [banner] = banners(mounted.root);
        expect(visibleText(banner as HTMLElement)).toContain('Call waiting');
        expect(visibleText(banner as HTMLElement)).toContain(
            'Answering puts your current call on hold.'
        );
        buttonNamed(banner as HTMLElement, 'Answer').click();
        expect(mounted.actions.answer).toHaveBeenCalledWith('ring-1');
        expect(mounted.actions.hold).not.toHaveBeenCalled();
    });

    it('shows one banner per ringing inbound call, and none for other calls', () => {
        mounted = mount(
            makeModel({
                calls: [
                    ringing,
                    { ...ringing, callId: 'ring-2', name: 'Grace Hopper' },
                    makeCall({ callId: 'out', direction: 'Outbound', state: 'dialing' })
                ]
            })
        );
        expect(banners(mounted.root)).toHaveLength(2);
        mounted.view.render(makeModel({ calls: [] }));
        expect(banners(mounted.root)).toHaveLength(0);
    });
});
