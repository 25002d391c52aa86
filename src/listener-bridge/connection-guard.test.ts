import { EventEmitter } from 'node:events';
import { ConnectionGuard } from './connection-guard';
import { isLoopbackAddress, isLoopbackHost, sourceAddress } from './source-address';

class FakeSocket extends EventEmitter {
    destroyed = false;
    constructor(
        readonly remoteAddress: string,
        readonly remotePort: number
    ) {
        super();
    }
    destroy(): void {
        if (!this.destroyed) {
            this.destroyed = true;
            this.emit('close');
        }
    }
}

describe('ConnectionGuard', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    const guard = (logs: string[] = []) =>
        new ConnectionGuard({
            maxPerAddress: 2,
            deadlineMs: 1000,
            logger: (_level, message) => logs.push(message)
        });

    it('closes a connection beyond the cap of its address at once, and logs the address', () => {
        const logs: string[] = [];
        const connections = guard(logs);
        const [a, b, c] = [1, 2, 3].map((port) => new FakeSocket('::ffff:10.0.0.1', port));
        const c2 = new FakeSocket('10.0.0.1', 33);
        const other = new FakeSocket('10.0.0.2', 1);
        for (const socket of [a, b, c, c2, other]) {
            connections.admit(socket as FakeSocket);
        }
        expect([a, b, c, c2, other].map((socket) => socket?.destroyed)).toEqual([
            false,
            false,
            true,
            true,
            false
        ]);
        // One line for the flood, not one per connection.
        expect(logs).toEqual([
            'Closing connections from 10.0.0.1: it already has 2 that have not signed in.'
        ]);
        expect(connections.unauthenticatedFrom('10.0.0.1')).toBe(2);
        // One that signs in, or closes, makes room.
        connections.authenticated(a as FakeSocket);
        b?.destroy();
        expect(connections.unauthenticatedFrom('10.0.0.1')).toBe(0);
        const d = new FakeSocket('10.0.0.1', 4);
        connections.admit(d);
        expect(d.destroyed).toBe(false);
    });

    it('closes a connection that has not signed in by the deadline, not one that has', () => {
        const connections = guard();
        const idle = new FakeSocket('10.0.0.1', 1);
        const signedIn = new FakeSocket('10.0.0.1', 2);
        connections.admit(idle);
        connections.admit(signedIn);
        connections.authenticated(signedIn);
        jest.advanceTimersByTime(999);
        expect(idle.destroyed).toBe(false);
        jest.advanceTimersByTime(1);
        expect(idle.destroyed).toBe(true);
        expect(signedIn.destroyed).toBe(false);
        expect(connections.unauthenticatedFrom('10.0.0.1')).toBe(0);
    });
});

describe('source addresses', () => {
    it('writes IPv4 addresses mapped into IPv6 as IPv4', () => {
        expect(sourceAddress({ remoteAddress: '::ffff:192.0.2.7' })).toBe('192.0.2.7');
        expect(sourceAddress({ remoteAddress: 'fd00::2' })).toBe('fd00::2');
        expect(sourceAddress({})).toBe('unknown');
    });

    it('knows the loopback addresses and hosts', () => {
        expect(['127.0.0.1', '127.1.2.3', '::1'].every(isLoopbackAddress)).toBe(true);
        expect(['10.0.0.1', '::', '0.0.0.0', '1127.0.0.1'].some(isLoopbackAddress)).toBe(false);
        expect(['localhost', 'LOCALHOST', '[::1]', '::1', '127.0.0.1'].every(isLoopbackHost)).toBe(
            true
        );
        expect(['0.0.0.0', 'example.com', '[::]'].some(isLoopbackHost)).toBe(false);
    });
});
