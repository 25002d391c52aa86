import { TypedEmitter } from './typed-emitter';

interface TestEvents {
    count: number;
    text: string;
}

describe('TypedEmitter', () => {
    it('calls the listeners of an event type in registration order with the payload', () => {
        const emitter = new TypedEmitter<TestEvents>();
        const seen: string[] = [];
        emitter.on('count', (n) => seen.push(`a${n}`));
        emitter.on('count', (n) => seen.push(`b${n}`));
        emitter.on('text', (t) => seen.push(`text:${t}`));

        emitter.emit('count', 1);
        emitter.emit('text', 'hi');

        expect(seen).toEqual(['a1', 'b1', 'text:hi']);
    });

    it('does nothing when an event type has no listener', () => {
        const emitter = new TypedEmitter<TestEvents>();
        expect(() => emitter.emit('count', 1)).not.toThrow();
        expect(emitter.listenerCount('count')).toBe(0);
    });

    it('unsubscribes only the registration whose function is called', () => {
        const emitter = new TypedEmitter<TestEvents>();
        const listener = jest.fn();
        const first = emitter.on('count', listener);
        emitter.on('count', listener);

        first();
        first();
        emitter.emit('count', 7);

        expect(listener).toHaveBeenCalledTimes(1);
        expect(emitter.listenerCount('count')).toBe(1);
    });

    it('delivers a once listener a single time', () => {
        const emitter = new TypedEmitter<TestEvents>();
        const listener = jest.fn();
        emitter.once('count', listener);

        emitter.emit('count', 1);
        emitter.emit('count', 2);

        expect(listener).toHaveBeenCalledTimes(1);
        expect(listener).toHaveBeenCalledWith(1);
    });

    it('lets a once listener be cancelled before it fires', () => {
        const emitter = new TypedEmitter<TestEvents>();
        const listener = jest.fn();
        const cancel = emitter.once('count', listener);

        cancel();
        emitter.emit('count', 1);

        expect(listener).not.toHaveBeenCalled();
    });

    it('calls the listeners registered when the emit started, even if one unsubscribes another', () => {
        const emitter = new TypedEmitter<TestEvents>();
        const second = jest.fn();
        let unsubscribeSecond = (): void => undefined;
        emitter.on('count', () => unsubscribeSecond());
        unsubscribeSecond = emitter.on('count', second);
        const added = jest.fn();
        emitter.on('count', () => emitter.on('count', added));

        emitter.emit('count', 1);
        expect(second).toHaveBeenCalledTimes(1);
        expect(added).not.toHaveBeenCalled();

        emitter.emit('count', 2);
        expect(second).toHaveBeenCalledTimes(1);
        expect(added).toHaveBeenCalledTimes(1);
    });

    it('reports a throwing listener and still calls the others', () => {
        const errors: [unknown, string][] = [];
        const emitter = new TypedEmitter<TestEvents>({
            onListenerError: (error, eventName) => errors.push([error, eventName])
        });
        const failure = new Error('listener bug');
        const after = jest.fn();
        emitter.on('text', () => {
            throw failure;
        });
        emitter.on('text', after);

        emitter.emit('text', 'x');

        expect(errors).toEqual([[failure, 'text']]);
        expect(after).toHaveBeenCalledWith('x');
    });

    it('rethrows a listener error on a microtask by default', () => {
        const emitter = new TypedEmitter<TestEvents>();
        const failure = new Error('listener bug');
        const queued: (() => void)[] = [];
        const spy = jest
            .spyOn(globalThis, 'queueMicrotask')
            .mockImplementation((callback) => queued.push(callback));
        try {
            emitter.on('count', () => {
                throw failure;
            });
            expect(() => emitter.emit('count', 1)).not.toThrow();
        } finally {
            spy.mockRestore();
        }
        expect(queued).toHaveLength(1);
        expect(() => queued[0]?.()).toThrow(failure);
    });

    it('removes every listener', () => {
        const emitter = new TypedEmitter<TestEvents>();
        const listener = jest.fn();
        emitter.on('count', listener);
        emitter.on('text', listener);

        emitter.removeAllListeners();
        emitter.emit('count', 1);
        emitter.emit('text', 'x');

        expect(listener).not.toHaveBeenCalled();
    });
});
