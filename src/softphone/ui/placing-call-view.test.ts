/** @jest-environment jsdom */
import {
    cleanUp,
    makeCall,
    makeModel,
    mount,
    type Mounted
} from './test-support/softphone-fixtures';

describe('a dial being placed', () => {
    let mounted: Mounted | undefined;
    afterEach(() => cleanUp(mounted));

    const panels = (root: HTMLElement) => [...root.querySelectorAll('.softphone-call')];

    it('shows "Calling…" with the number from the click, before the phone system has the call', () => {
        mounted = mount(
            makeModel({ dialAttempt: { id: 1, number: '(415) 555-0101', status: 'placing' } })
        );

        const [card] = panels(mounted.root);
        expect(card?.querySelector('h2')?.textContent).toBe('(415) 555-0101');
        expect(card?.querySelector('.softphone-call__status')?.textContent).toBe(
            'Calling… · checking the number'
        );
        expect(card?.getAttribute('role')).toBe('status');
    });

    it("gives way to the engine's call once it is dialling: one Calling… panel, never two", () => {
        mounted = mount(
            makeModel({ dialAttempt: { id: 1, number: '(415) 555-0101', status: 'placing' } })
        );

        mounted.view.render(
            makeModel({
                dialAttempt: { id: 1, number: '(415) 555-0101', status: 'placing' },
                calls: [makeCall({ direction: 'Outbound', state: 'dialing' })]
            })
        );

        expect(panels(mounted.root)).toHaveLength(1);
        expect(mounted.root.querySelector('.softphone-call_placing')).toBeNull();
    });

    it('leaves nothing behind for a refused or finished dial', () => {
        mounted = mount(
            makeModel({ dialAttempt: { id: 1, number: '(415) 555-0101', status: 'placing' } })
        );

        mounted.view.render(
            makeModel({
                dialAttempt: { id: 1, number: '(415) 555-0101', status: 'refused', message: 'No' }
            })
        );

        expect(panels(mounted.root)).toEqual([]);
    });

    it('shows a typed number as inert text', () => {
        const hostile = '<img src=x onerror=alert(1)>';
        mounted = mount(makeModel({ dialAttempt: { id: 1, number: hostile, status: 'placing' } }));

        expect(mounted.root.querySelector('.softphone-call_placing bdi')?.textContent).toBe(
            hostile
        );
        expect(mounted.root.querySelector('img')).toBeNull();
    });
});
