// Raw TCP clients of the listener bridge, for the tests that speak to it as an attacker would:
// requests cut short, resets, half-open sockets, bytes that are not HTTP.
import { connect } from 'node:net';

/** Opens a TCP connection to the bridge (from `localAddress` when given); resolves once connected. */
export function rawSocket(bridge, { localAddress } = {}) {
    return new Promise((resolve, reject) => {
        const socket = connect(
            { port: bridge.port, host: '127.0.0.1', ...(localAddress ? { localAddress } : {}) },
            () => resolve(socket)
        );
        socket.on('error', () => undefined);
        socket.once('error', reject);
    });
}

/** A WebSocket upgrade request for `path`, from `origin` when given, with extra header lines. */
export function upgradeRequest(path, origin, extraHeaders = []) {
    return [
        `GET ${path} HTTP/1.1`,
        'Host: 127.0.0.1',
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
        ...(origin ? [`Origin: ${origin}`] : []),
        ...extraHeaders,
        '',
        ''
    ].join('\r\n');
}
