import type { BridgeLogger } from './bridge-logger';
import { sourceAddress } from './source-address';

export interface ConnectionGuardOptions {
    readonly maxPerAddress: number;
    readonly deadlineMs: number;
    readonly logger: BridgeLogger;
}

interface Endpoint {
    readonly remoteAddress?: string | undefined;
    readonly remotePort?: number | undefined;
    destroy(): void;
    once(event: 'close', listener: () => void): unknown;
}

interface Pending {
    readonly address: string;
    readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Caps the connections of each source address that have not yet proved who they are (a
 * softphone's sign-in, a phone system's authenticated request), and closes those that have not
 * by a deadline. A connection is known by its address and port, which a TLS socket shares with
 * the TCP socket under it.
 */
export class ConnectionGuard {
    private readonly pending = new Map<string, Pending>();
    private readonly perAddress = new Map<string, number>();
    /** Addresses at their cap whose refusals were logged. */
    private readonly warned = new Set<string>();

    constructor(private readonly options: ConnectionGuardOptions) {}

    /** A new TCP connection: counted, or closed at once when its address has too many. */
    admit(socket: Endpoint): void {
        const address = sourceAddress(socket);
        const count = this.perAddress.get(address) ?? 0;
        if (count >= this.options.maxPerAddress) {
            // Logged once while the address stays at its cap, so that a flood is one line.
            if (!this.warned.has(address)) {
                this.warned.add(address);
                this.options.logger(
                    'warn',
                    `Closing connections from ${address}: it already has ${count} that have not signed in.`
                );
            }
            socket.destroy();
            return;
        }
        const id = key(socket);
        const timer = setTimeout(() => {
            if (this.pending.has(id)) {
                this.options.logger(
                    'info',
                    `Closed a connection from ${address} that did not sign in within ${this.options.deadlineMs / 1000} s.`
                );
                socket.destroy();
            }
        }, this.options.deadlineMs);
        timer.unref();
        this.pending.set(id, { address, timer });
        this.perAddress.set(address, count + 1);
        socket.once('close', () => this.release(id));
    }

    /** The connection has signed in or authenticated: no longer counted, no deadline. */
    authenticated(socket: Pick<Endpoint, 'remoteAddress' | 'remotePort'>): void {
        this.release(key(socket));
    }

    /** Connections of the address not yet signed in (for tests and logs). */
    unauthenticatedFrom(address: string): number {
        return this.perAddress.get(address) ?? 0;
    }

    private release(id: string): void {
        const entry = this.pending.get(id);
        if (!entry) {
            return;
        }
        clearTimeout(entry.timer);
        this.pending.delete(id);
        const left = (this.perAddress.get(entry.address) ?? 1) - 1;
        this.warned.delete(entry.address);
        if (left > 0) {
            this.perAddress.set(entry.address, left);
        } else {
            this.perAddress.delete(entry.address);
        }
    }
}

function key(socket: Pick<Endpoint, 'remoteAddress' | 'remotePort'>): string {
    return `${sourceAddress(socket)} ${socket.remotePort ?? ''}`;
}
