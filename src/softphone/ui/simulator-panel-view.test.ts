/** @jest-environment jsdom */
import {
    buttonNamed,
    cleanUp,
    fieldLabelled,
    makeModel,
    mount,
    typeInto,
    type Mounted
} from './test-support/softphone-fixtures';

describe('simulator panel', () => {
    let mounted: Mounted | undefined;
    afterEach(() => cleanUp(mounted));

    const panel = (root: HTMLElement) => root.querySelector('.softphone-simulator') as HTMLElement;

    it('shows only when the simulator is the connector', () => {
        mounted = mount(makeModel({ simulatorControlsVisible: false }));
        expect(panel(mounted.root).hidden).toBe(true);
        mounted.view.render(makeModel({ simulatorControlsVisible: true }));
        expect(panel(mounted.root).hidden).toBe(false);
    });

    it('simulates an inbound call from the number and name given', () => {
        mounted = mount(makeModel({ simulatorControlsVisible: true }));
        typeInto(fieldLabelled(mounted.root, 'Caller number'), ' +44 20 7946 0018 ');
        typeInto(fieldLabelled(mounted.root, 'Caller name (optional)'), 'Ada Lovelace');
        buttonNamed(mounted.root, 'Simulate inbound call').click();
        expect(mounted.actions.simulateIncoming).toHaveBeenCalledWith({
            from: '+44 20 7946 0018',
            fromName: 'Ada Lovelace'
        });
    });

    it('leaves the name out when empty, and allows a withheld number', () => {
        mounted = mount(makeModel({ simulatorControlsVisible: true }));
        buttonNamed(mounted.root, 'Simulate inbound call').click();
        expect(mounted.actions.simulateIncoming).toHaveBeenCalledWith({ from: '' });
    });
});
