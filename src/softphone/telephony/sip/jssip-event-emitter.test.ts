import { JsSipEventEmitter } from './jssip-event-emitter';

describe("the event emitter JsSIP's classes extend in the softphone build", () => {
    it('calls the listeners of an event in the order they were added, with its arguments and the emitter as this', () => {
        const emitter = new JsSipEventEmitter();
        const calls: string[] = [];
        const selves: unknown[] = [];
        emitter.on('progress', (code: never) => calls.push(`first ${code}`));
        emitter.addListener('progress', function (this: unknown, code: never) {
            selves.push(this);
            calls.push(`second ${code}`);
        });
        emitter.on('ended', () => calls.push('ended'));
        expect(emitter.emit('progress', 180)).toBe(true);
        expect(calls).toEqual(['first 180', 'second 180']);
        expect(selves).toEqual([emitter]);
        expect(emitter.emit('failed')).toBe(false);
    });

    it('counts listeners the way JsSIP reads them (UA: is anybody listening for newRTCSession?)', () => {
        const emitter = new JsSipEventEmitter();
        expect(emitter.listeners('newRTCSession')).toEqual([]);
        const listener = (): void => undefined;
        emitter.on('newRTCSession', listener);
        expect(emitter.listeners('newRTCSession')).toEqual([listener]);
        expect(emitter.listenerCount('newRTCSession')).toBe(1);
    });

    it('removes the listener last added (a dialog forgets a transaction state listener), once', () => {
        const emitter = new JsSipEventEmitter();
        const calls: string[] = [];
        const stateChanged = (): number => calls.push('state');
        const other = (): number => calls.push('other');
        emitter
            .on('stateChanged', stateChanged)
            .on('stateChanged', other)
            .on('stateChanged', stateChanged);
        emitter.removeListener('stateChanged', stateChanged);
        expect(emitter.listeners('stateChanged')).toEqual([stateChanged, other]);
        emitter.off('stateChanged', stateChanged).off('stateChanged', stateChanged);
        emitter.emit('stateChanged');
        expect(calls).toEqual(['other']);
    });

    it('runs a listener removed while the event is emitted this time, not the next', () => {
        const emitter = new JsSipEventEmitter();
        const calls: string[] = [];
        const second = (): number => calls.push('second');
        emitter.on('ended', () => {
            calls.push('first');
            emitter.removeListener('ended', second);
        });
        emitter.on('ended', second);
        emitter.emit('ended');
        emitter.emit('ended');
        expect(calls).toEqual(['first', 'second', 'first']);
    });

    it('calls a once listener one time, and removeListener takes it by the function given', () => {
        const emitter = new JsSipEventEmitter();
        const calls: unknown[] = [];
        const listener = (value: never): number => calls.push(value);
        emitter.once('confirmed', listener);
        emitter.emit('confirmed', 1);
        emitter.emit('confirmed', 2);
        emitter.once('confirmed', listener);
        emitter.removeListener('confirmed', listener);
        emitter.emit('confirmed', 3);
        expect(calls).toEqual([1]);
    });

    it('removes every listener of an event, or of all events', () => {
        const emitter = new JsSipEventEmitter().setMaxListeners();
        emitter
            .on('a', () => undefined)
            .on('b', () => undefined)
            .on('b', () => undefined);
        emitter.removeAllListeners('b');
        expect([emitter.listenerCount('a'), emitter.listenerCount('b')]).toEqual([1, 0]);
        emitter.removeAllListeners();
        expect(emitter.listenerCount('a')).toBe(0);
    });

    it("throws an 'error' nobody listens to, as Node's emitter does", () => {
        const emitter = new JsSipEventEmitter();
        const failure = new Error('socket closed');
        expect(() => emitter.emit('error', failure)).toThrow(failure);
        expect(() => emitter.emit('error', 'socket closed')).toThrow(
            'Unhandled error. (socket closed)'
        );
        const heard: unknown[] = [];
        emitter.on('error', (error: never) => heard.push(error));
        expect(emitter.emit('error', failure)).toBe(true);
        expect(heard).toEqual([failure]);
    });
});
