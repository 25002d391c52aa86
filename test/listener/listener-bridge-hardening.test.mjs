// The listener bridge as shipped, attacked as an outsider would (issue 15): each finding that
// once held has its test here, against a real bridge process.
import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import {
    TOKENS,
    bearer,
    connectSoftphone,
    getEvent,
    sign,
    startBridge
} from './support/listener-bridge-process.mjs';
import { rawSocket, upgradeRequest } from './support/raw-client.mjs';
import { importSoftphoneModules } from './support/softphone-modules.mjs';

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
                // The bridge's log line travels on its own pipe: it may trail the welcome.
                const leftOut =
                    /Left 1 kept calls out of the welcome of agent agent1: 0 invalid, 1 beyond the newest 1000\./;
                await until(() => leftOut.test(bridge.output()), 'the left-out log line');
            } finally {
                await again.close();
            }
        } finally {
            await first.close();
            await bridge.stop();
        }
    });
});

/** Opens a WebSocket to the bridge; resolves with how it went: welcome, close code or HTTP status. */
function tryWebSocket(bridge, token) {
    return new Promise((resolve) => {
        const socket = new WebSocket(bridge.wsUrl);
        socket.on('error', () => undefined);
        socket.on('unexpected-response', (_request, response) => {
            resolve({
                status: response.statusCode,
                retryAfter: response.headers['retry-after']
            });
            socket.terminate();
        });
        socket.on('open', () =>
            socket.send(JSON.stringify({ type: 'hello', version: 1, agent: 'agent1', token }))
        );
        socket.on('message', (data) => {
            if (JSON.parse(data.toString()).type === 'welcome') {
                resolve({ welcome: true });
                socket.close();
            }
        });
        socket.on('close', (code) => resolve({ code }));
    });
}

describe('listener bridge: failed sign-ins are limited per address', () => {
    it('locks out an address after 10 wrong softphone tokens, logging it, and lets the phone system in', async () => {
        const bridge = await startBridge();
        try {
            const wrong = `${TOKENS.agent2}-wrong`;
            for (let attempt = 0; attempt < 10; attempt += 1) {
                assert.deepEqual(await tryWebSocket(bridge, wrong), { code: 4401 });
            }
            // From now on, even the right token is refused before it is checked.
            const locked = await tryWebSocket(bridge, TOKENS.agent1);
            assert.equal(locked.status, 429);
            assert.ok(Number(locked.retryAfter) > 0 && Number(locked.retryAfter) <= 60);
            const output = bridge.output();
            assert.match(
                output,
                /Refused a softphone from 127\.0\.0\.1: wrong agent id or token\./
            );
            assert.match(
                output,
                /Refusing softphones from 127\.0\.0\.1 for 60 s: 10 failed sign-ins within 60 s\./
            );
            assert.ok(!output.includes(wrong), 'the log holds the token');
            // The phone system's side has its own count.
            const event = await getEvent(bridge, {
                callid: 'lock-1',
                type: 'ended',
                agent: 'agent1'
            });
            assert.equal(event.status, 404);
        } finally {
            await bridge.stop();
        }
    });

    it('locks out an address after 10 wrong phone-system secrets, logging it', async () => {
        const bridge = await startBridge();
        try {
            const call = { callid: 'lock-2', type: 'ringing', agent: 'agent1' };
            for (let attempt = 0; attempt < 10; attempt += 1) {
                const refused = await getEvent(
                    bridge,
                    call,
                    bearer('Not-The-Secret-0123456789-abcdefgh')
                );
                assert.equal(refused.status, 401);
            }
            const locked = await getEvent(bridge, call, bearer());
            assert.equal(locked.status, 429);
            assert.match(locked.body.error, /^too many failed authentications from this address/);
            assert.ok(Number(locked.headers.get('retry-after')) > 0);
            const output = bridge.output();
            assert.match(
                output,
                /Refused a call event from 127\.0\.0\.1: 401 \(wrong shared secret\)\./
            );
            assert.match(output, /Refusing call events from 127\.0\.0\.1 for 60 s/);
        } finally {
            await bridge.stop();
        }
    });
});

describe('listener bridge: connections that have not signed in are capped per address', () => {
    it('closes the 33rd silent connection of an address at once, and takes softphones once they go', async () => {
        const bridge = await startBridge();
        const silent = [];
        try {
            for (let index = 0; index < 32; index += 1) {
                silent.push(await rawSocket(bridge));
            }
            const extra = await rawSocket(bridge);
            // Closed by the bridge at once; a generous bound only keeps a failure from hanging.
            const outcome = await Promise.race([
                new Promise((resolve) => extra.once('close', () => resolve('closed'))),
                new Promise((resolve) => setTimeout(() => resolve('still open'), 5000))
            ]);
            extra.destroy();
            assert.equal(outcome, 'closed');
            assert.match(
                bridge.output(),
                /Closing connections from 127\.0\.0\.1: it already has 32 that have not signed in\./
            );
            for (const socket of silent) {
                socket.destroy();
            }
            // The count drops as they close; a softphone then signs in.
            let welcomed;
            for (let attempt = 0; attempt < 50 && !welcomed?.welcome; attempt += 1) {
                welcomed = await tryWebSocket(bridge, TOKENS.agent1);
            }
            assert.deepEqual(welcomed, { welcome: true });
            assertRunning(bridge);
        } finally {
            for (const socket of silent) {
                socket.destroy();
            }
            await bridge.stop();
        }
    });
});

/** This computer's first non-loopback IPv4 address, to reach the bridge as another computer would. */
function externalAddress() {
    return Object.values(networkInterfaces())
        .flat()
        .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
}

describe('listener bridge: listening beyond this computer over plain HTTP', () => {
    const address = externalAddress();

    it(
        'warns at start, and refuses the Bearer secret from another address but takes signed events',
        { skip: address ? false : 'this computer has no non-loopback IPv4 address' },
        async () => {
            const bridge = await startBridge({ env: { LISTENER_HOST: '0.0.0.0' } });
            try {
                // The warnings go to stderr, the address to stdout: wait for both.
                await until(() => /Origin allow-list/.test(bridge.output()), 'the warnings');
                const output = bridge.output();
                assert.match(output, /warn Listening on 0\.0\.0\.0 without TLS/);
                assert.match(output, /warn Listening on 0\.0\.0\.0 without an Origin allow-list/);
                const remote = { ...bridge, url: `http://${address}:${bridge.port}/` };
                const call = { callid: 'plain-1', type: 'ended', agent: 'agent1' };
                const refused = await getEvent(remote, call, bearer());
                assert.equal(refused.status, 401);
                assert.match(
                    refused.body.error,
                    /^the Bearer secret is accepted only over https or from this computer/
                );
                const query = new URLSearchParams(call).toString();
                const signed = await getEvent(remote, query, sign(query));
                // Authenticated: refused only because agent1 has no softphone connected.
                assert.equal(signed.status, 404);
                // From this computer, the Bearer secret still works.
                const local = { ...bridge, url: `http://127.0.0.1:${bridge.port}/` };
                assert.equal((await getEvent(local, call, bearer())).status, 404);
            } finally {
                await bridge.stop();
            }
        }
    );

    it('does not warn on 127.0.0.1', async () => {
        const bridge = await startBridge();
        try {
            // The start-up summary is logged after any warning: once it is read, so are they.
            await until(() => /info Agents: 2;/.test(bridge.output()), 'the start-up summary');
            assert.doesNotMatch(bridge.output(), / warn /);
        } finally {
            await bridge.stop();
        }
    });
});
