// The listener bridge as shipped, attacked as an outsider would (issue 15): each finding that
// once held has its test here, against a real bridge process.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { startBridge } from './support/listener-bridge-process.mjs';

/** Opens a raw TCP connection to the bridge; resolves once connected. */
function rawSocket(bridge) {
    return new Promise((resolve, reject) => {
        const socket = connect(bridge.port, '127.0.0.1', () => resolve(socket));
        socket.on('error', () => undefined);
        socket.once('error', reject);
    });
}

/** A WebSocket upgrade request for `path`, from `origin` when given. */
function upgradeRequest(path, origin) {
    return [
        `GET ${path} HTTP/1.1`,
        'Host: 127.0.0.1',
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
        ...(origin ? [`Origin: ${origin}`] : []),
        '',
        ''
    ].join('\r\n');
}

async function health(bridge) {
    const response = await fetch(`${bridge.url}health`);
    return [response.status, await response.json()];
}

/** Fails with the bridge's output when its process has stopped. */
function assertRunning(bridge) {
    assert.equal(bridge.exited(), null, `the bridge stopped:\n${bridge.output()}`);
}

describe('listener bridge: refused upgrades followed by a TCP reset', () => {
    for (const [what, path, origin] of [
        ['a wrong path', '/not-the-softphone', undefined],
        ['a refused Origin', '/softphone', 'https://evil.example.com']
    ]) {
        it(`survives ${what} reset at once, many times`, async () => {
            const bridge = await startBridge({
                env: { LISTENER_ALLOWED_ORIGINS: 'https://acme--c.vf.force.com' }
            });
            try {
                for (let round = 0; round < 60 && bridge.exited() === null; round += 1) {
                    const socket = await rawSocket(bridge).catch(() => undefined);
                    if (!socket) {
                        break;
                    }
                    socket.write(upgradeRequest(path, origin));
                    // Give the bridge the request, then reset before (or while) it answers.
                    await new Promise((resolve) => setImmediate(resolve));
                    socket.resetAndDestroy();
                }
                await new Promise((resolve) => setTimeout(resolve, 100));
                assertRunning(bridge);
                assert.deepEqual(await health(bridge), [200, { ok: true }]);
                assert.doesNotMatch(bridge.output(), /ECONNRESET|Unhandled|Error:/);
            } finally {
                await bridge.stop();
            }
        });
    }
});
