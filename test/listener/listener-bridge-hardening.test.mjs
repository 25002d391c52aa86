// The listener bridge as shipped, attacked as an outsider would (issue 15): each finding that
// once held has its test here, against a real bridge process.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import {
    TOKENS,
    connectSoftphone,
    getEvent,
    startBridge
} from './support/listener-bridge-process.mjs';
import { importSoftphoneModules } from './support/softphone-modules.mjs';

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

/** Names of Object.prototype members, each an ordinary extra pair. */
const inheritedNames = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

async function until(predicate, what, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

describe('listener bridge: extra pairs named like Object.prototype members', () => {
    let bridge;
    let modules;

    before(async () => {
        modules = await importSoftphoneModules();
        bridge = await startBridge();
    });
    after(async () => bridge?.stop());

    it('are ordinary names: the call reaches the softphone with all of them, within 20', async () => {
        const made = modules.createListenerConnector({
            settings: { webSocketUrl: bridge.wsUrl },
            credentials: { agent: 'agent1', token: TOKENS.agent1 },
            webSocket: WebSocket,
            reconnect: { baseDelayMs: 100, maxDelayMs: 400 }
        });
        const connector = made.connector;
        const refused = [];
        const logging = modules.createListenerConnector({
            settings: { webSocketUrl: bridge.wsUrl },
            credentials: { agent: 'agent1', token: TOKENS.agent1 },
            webSocket: WebSocket,
            logger: (level, message, details) => {
                if (/Ignored a message/.test(message)) {
                    refused.push(details);
                }
            }
        }).connector;
        const engine = new modules.CallEngine({ connector, clock: { now: () => Date.now() } });
        engine.start();
        try {
            assert.equal((await engine.connect()).ok, true);
            assert.equal(engine.setAgentState('Available').ok, true);
            await logging.connect();
            const pairs = [
                ...inheritedNames.map((name) => [name, `${name} value`]),
                ...Array.from({ length: 15 }, (_, index) => [`k${index}`, 'v'])
            ];
            const ringing = new URLSearchParams([
                ['callid', 'proto-1'],
                ['type', 'ringing'],
                ['agent', 'agent1'],
                ['ani', '+14155550101'],
                ...pairs
            ]);
            assert.equal((await getEvent(bridge, ringing.toString())).status, 200);
            await until(() => engine.snapshot().calls.length === 1, 'the call to ring');
            assert.deepEqual({ ...connector.callAttributes('proto-1') }, Object.fromEntries(pairs));
            assert.equal(
                Object.hasOwn(connector.callAttributes('proto-1'), '__proto__'),
                true,
                'the __proto__ pair was lost'
            );

            // More names of Object.prototype members on the next event: still at most 20 pairs.
            const answered = new URLSearchParams([
                ['callid', 'proto-1'],
                ['type', 'answered'],
                ['agent', 'agent1'],
                ['toString', 'changed'],
                ['propertyIsEnumerable', 'new'],
                ['isPrototypeOf', 'new']
            ]);
            assert.equal((await getEvent(bridge, answered.toString())).status, 200);
            await until(() => engine.snapshot().calls[0]?.state === 'connected', 'answered');
            const attributes = connector.callAttributes('proto-1');
            assert.equal(Object.keys(attributes).length, 20);
            assert.equal(attributes.toString, 'changed');
            assert.equal(Object.hasOwn(attributes, 'isPrototypeOf'), false);
            assert.deepEqual(refused, [], 'the softphone refused a message of the bridge');

            // A softphone that connects now is welcomed with the call, all pairs intact.
            const again = await connectSoftphone(bridge);
            try {
                const parsed = modules.parseBridgeMessage(JSON.stringify(again.welcome));
                assert.equal(parsed.ok, true, JSON.stringify(parsed));
                assert.equal(parsed.value.calls.length, 1);
                assert.equal(parsed.value.calls[0].attributes.__proto__, '__proto__ value');
                assert.equal(parsed.value.calls[0].attributes.constructor, 'constructor value');
            } finally {
                await again.close();
            }
        } finally {
            await connector.disconnect();
            await logging.disconnect();
        }
    });
});

describe('listener bridge: the welcome lists at most 1,000 kept calls', () => {
    it('connects an agent with more than 1,000 kept calls, leaving the oldest out and logging it', async () => {
        const modules = await importSoftphoneModules();
        const bridge = await startBridge();
        const first = await connectSoftphone(bridge);
        try {
            const total = 1001;
            for (let start = 0; start < total; start += 25) {
                const batch = [];
                for (let index = start; index < Math.min(total, start + 25); index += 1) {
                    batch.push(
                        getEvent(bridge, {
                            callid: `many-${index}`,
                            type: 'ringing',
                            agent: 'agent1'
                        })
                    );
                }
                for (const result of await Promise.all(batch)) {
                    assert.equal(result.status, 200);
                }
            }
            const again = await connectSoftphone(bridge);
            try {
                assert.ok(again.welcome, `not welcomed: ${JSON.stringify(again.closed)}`);
                const parsed = modules.parseBridgeMessage(JSON.stringify(again.welcome));
                assert.equal(parsed.ok, true, JSON.stringify(parsed).slice(0, 200));
                assert.equal(parsed.value.droppedCalls, undefined);
                assert.equal(parsed.value.calls.length, 1000);
                assert.equal(parsed.value.calls[0].callid, 'many-1');
                assert.equal(parsed.value.calls.at(-1).callid, 'many-1000');
                assert.match(
                    bridge.output(),
                    /Left 1 kept calls out of the welcome of agent agent1: 0 invalid, 1 beyond the newest 1000\./
                );
            } finally {
                await again.close();
            }
        } finally {
            await first.close();
            await bridge.stop();
        }
    });
});
