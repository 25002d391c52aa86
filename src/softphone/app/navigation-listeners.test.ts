import { NavigationListeners } from './navigation-listeners';

describe('NavigationListeners', () => {
    it('hands each payload to every listener until it is removed', () => {
        const listeners = new NavigationListeners();
        const first = jest.fn();
        const second = jest.fn();
        listeners.add(first);
        const removeSecond = listeners.add(second);
        listeners.receive({ recordId: '001' });
        removeSecond();
        listeners.receive(undefined);
        expect(first.mock.calls).toEqual([[{ recordId: '001' }], [undefined]]);
        expect(second.mock.calls).toEqual([[{ recordId: '001' }]]);
    });
});
