import { AppStore } from './app-state';

describe('AppStore: errors and notices', () => {
    it('shows the same error for the same cause once', () => {
        const store = new AppStore();

        store.addError('Wait for the answer request on this call to complete.', undefined, 'c1');
        store.addError('Wait for the answer request on this call to complete.', undefined, 'c1');
        store.addError('Wait for the answer request on this call to complete.', undefined, 'c2');

        expect(store.state.errors).toEqual([
            {
                id: 'error-1',
                message: 'Wait for the answer request on this call to complete.',
                callId: 'c1'
            },
            {
                id: 'error-2',
                message: 'Wait for the answer request on this call to complete.',
                callId: 'c2'
            }
        ]);
    });

    it('takes an error about a call away when the call ends, and leaves the rest', () => {
        const store = new AppStore();
        store.addError('Could not hold the call: timeout', undefined, 'c1');
        store.addError('The call log could not be stored: quota');
        store.setNotice('dial-warning-c1', 'warning', 'Do Not Call not checked', { callId: 'c1' });
        store.setNotice('log-not-durable', 'warning', 'Logs are in memory');

        store.clearCall('c1');

        expect(store.state.errors.map((error) => error.message)).toEqual([
            'The call log could not be stored: quota'
        ]);
        expect(store.state.notices.map((notice) => notice.id)).toEqual(['log-not-durable']);
    });

    it('does not re-render when an ended call had nothing to clear', () => {
        const store = new AppStore();
        const listener = jest.fn();
        store.subscribe(listener);

        store.clearCall('c9');

        expect(listener).not.toHaveBeenCalled();
    });

    it('keeps one notice per text: a new id with the same text replaces the old one', () => {
        const store = new AppStore();
        store.setNotice('reload-0', 'warning', 'The softphone reloaded during wrap-up.');
        store.setNotice('reload-1', 'warning', 'The softphone reloaded during wrap-up.');
        store.setNotice('other', 'info', 'Something else');

        expect(store.state.notices).toEqual([
            { id: 'reload-1', kind: 'warning', message: 'The softphone reloaded during wrap-up.' },
            { id: 'other', kind: 'info', message: 'Something else' }
        ]);
    });

    it('keeps a notice set again under its id in one place, and clears it by id', () => {
        const store = new AppStore();
        store.setNotice('missed', 'info', 'Missed call from Maria');
        store.setNotice('missed', 'info', 'Missed calls from Maria (2)');

        expect(store.state.notices).toEqual([
            { id: 'missed', kind: 'info', message: 'Missed calls from Maria (2)' }
        ]);
        store.setNotice('missed', 'info', undefined);
        expect(store.state.notices).toEqual([]);
    });

    it('dismisses any error or notice by id', () => {
        const store = new AppStore();
        store.addError('Setting broken', '/dialing/internalNumberPattern');
        store.setNotice('n', 'info', 'Hello');

        store.dismissError('error-1');
        store.dismissError('n');

        expect(store.state.errors).toEqual([]);
        expect(store.state.notices).toEqual([]);
    });
});
