// Crash resistance (issue 15): a bounded, seeded run of hostile clients against the listener
// bridge as shipped — malformed upgrades, resets, half-open sockets, slow clients, random
// bytes, garbage WebSocket frames, wrong credentials — from one address (127.0.0.2), while an
// agent's softphone is connected from another (127.0.0.1). Afterwards the bridge must still run,
// answer /health, deliver a call to the connected softphone and welcome a new one.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { connectSoftphone, getEvent, startBridge } from './support/listener-bridge-process.mjs';
import { rawSocket, upgradeRequest } from './support/raw-client.mjs';

const SEED = 0x15c0ffee;
const OPERATIONS = 240;
const CONCURRENCY = 12;
const ATTACKER = '127.0.0.2';
const ALLOWED_ORIGIN = 'https://acme--c.vf.force.com';

/** mulberry32: a small seeded generator, so that every run sends the same attack. */
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function makeAttacks(random) {
    const pick = (items) => items[Math.floor(random() * items.length)];
    const int = (max) => Math.floor(random() * max);
    const bytes = (length) => Buffer.from(Array.from({ length }, () => int(256)));
    /** Ends a socket the way a hostile client might: reset, half-close, or just drop it. */
    const finish = async (socket) => {
        const how = int(3);
        if (how === 0) {
            socket.resetAndDestroy();
        } else if (how === 1) {
            // Half-open: the client stops writing but keeps the socket.
            socket.end();
            await pause(int(80));
            socket.destroy();
        } else {
            socket.destroy();
        }
    };
    const open = () => rawSocket({ port: attacks.port }, { localAddress: ATTACKER });
    const attacks = {
        port: 0,
        async malformedUpgrade() {
            const socket = await open();
            const path = pick([
                '/softphone',
                '/softphone?x=1',
                '/nope',
                '/',
                '/event',
                '//softphone'
            ]);
            const origin = pick([undefined, ALLOWED_ORIGIN, 'https://evil.example', 'null']);
            const extra = pick([
                [],
                ['Sec-WebSocket-Version: 99'],
                ['Sec-WebSocket-Key: not-base64'],
                [`X-Pad: ${'a'.repeat(int(20_000))}`],
                ['Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits']
            ]);
            const request = upgradeRequest(path, origin, extra);
            // Whole or cut short; then gone at once (while the bridge answers) or a little later.
            socket.write(random() < 0.6 ? request : request.slice(0, int(request.length) + 1));
            await (random() < 0.6
                ? new Promise((resolve) => setImmediate(resolve))
                : pause(int(20)));
            await finish(socket);
        },
        async resetMidRequest() {
            const socket = await open();
            const request = `POST /event HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"callid":"`;
            socket.write(request.slice(0, int(request.length)));
            await pause(int(10));
            socket.resetAndDestroy();
        },
        async slowClient() {
            const socket = await open();
            const request = upgradeRequest('/softphone', ALLOWED_ORIGIN);
            for (let index = 0; index < 6 + int(6); index += 1) {
                socket.write(request[index]);
                await pause(15);
            }
            await finish(socket);
        },
        async randomBytes() {
            const socket = await open();
            socket.write(bytes(1 + int(4096)));
            await pause(int(20));
            await finish(socket);
        },
        async garbageFrames() {
            const socket = new WebSocket(`ws://127.0.0.1:${attacks.port}/softphone`, {
                origin: ALLOWED_ORIGIN,
                localAddress: ATTACKER
            });
            socket.on('error', () => undefined);
            await new Promise((resolve) => {
                socket.once('open', resolve);
                socket.once('close', resolve);
                socket.once('unexpected-response', resolve);
            });
            if (socket.readyState === WebSocket.OPEN) {
                const raw = socket._socket;
                // Bytes that are not a valid frame (unmasked, reserved bits, bad lengths).
                raw.write(bytes(1 + int(64)));
                await pause(int(20));
                raw.resetAndDestroy();
            } else {
                socket.terminate();
            }
        },
        async badHello() {
            const socket = new WebSocket(`ws://127.0.0.1:${attacks.port}/softphone`, {
                origin: ALLOWED_ORIGIN,
                localAddress: ATTACKER
            });
            socket.on('error', () => undefined);
            socket.on('unexpected-response', () => socket.terminate());
            socket.once('open', () => {
                socket.send(
                    pick([
                        JSON.stringify({
                            type: 'hello',
                            version: 1,
                            agent: 'agent1',
                            token: 'x'.repeat(40)
                        }),
                        JSON.stringify({ type: 'hello', version: 2 }),
                        '{"type":"hello","agent":{"__proto__":1}}',
                        'not json',
                        bytes(64)
                    ])
                );
            });
            await new Promise((resolve) => {
                socket.once('close', resolve);
                setTimeout(resolve, 200);
            });
            socket.terminate();
        },
        async badEvent() {
            const query = pick([
                'type=ringing&callid=x&agent=agent1',
                `constructor=1&__proto__=2&toString=3&callid=${int(1e6)}`,
                '%zz=%%%',
                bytes(40).toString('latin1')
            ]);
            const socket = await open();
            socket.write(
                `GET /event?${encodeURI(query)} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${randomBytes(24).toString('base64url')}\r\n\r\n`
            );
            await new Promise((resolve) => {
                socket.once('data', resolve);
                socket.once('close', resolve);
                setTimeout(resolve, 200);
            });
            await finish(socket);
        }
    };
    return attacks;
}

describe('listener bridge: crash resistance', () => {
    it('survives a seeded run of hostile clients and still delivers calls', async () => {
        const bridge = await startBridge({ env: { LISTENER_ALLOWED_ORIGINS: ALLOWED_ORIGIN } });
        let agent;
        let newcomer;
        try {
            agent = await connectSoftphone(bridge, { origin: ALLOWED_ORIGIN });
            assert.ok(agent.welcome, 'the agent could not connect before the attack');

            const random = seededRandom(SEED);
            const attacks = makeAttacks(random);
            attacks.port = bridge.port;
            const kinds = [
                'malformedUpgrade',
                'resetMidRequest',
                'slowClient',
                'randomBytes',
                'garbageFrames',
                'badHello',
                'badEvent'
            ];
            const plan = Array.from(
                { length: OPERATIONS },
                () => kinds[Math.floor(random() * kinds.length)]
            );
            const counts = Object.fromEntries(kinds.map((kind) => [kind, 0]));
            let next = 0;
            const worker = async () => {
                while (next < plan.length && bridge.exited() === null) {
                    const kind = plan[next];
                    next += 1;
                    counts[kind] += 1;
                    // A refused connection (the bridge's per-address cap) is part of the run.
                    await attacks[kind]().catch(() => undefined);
                }
            };
            await Promise.all(Array.from({ length: CONCURRENCY }, worker));
            for (const kind of kinds) {
                assert.ok(counts[kind] > 0, `the run sent no ${kind}`);
            }

            assert.equal(bridge.exited(), null, `the bridge stopped:\n${bridge.output()}`);
            const health = await fetch(`${bridge.url}health`);
            assert.deepEqual([health.status, await health.json()], [200, { ok: true }]);

            // The softphone connected before the attack still gets its calls.
            const ringing = await getEvent(bridge, {
                callid: 'after-attack-1',
                type: 'ringing',
                agent: 'agent1',
                ani: '+14155550101'
            });
            assert.deepEqual([ringing.status, ringing.body], [200, { ok: true, delivered: 1 }]);
            const call = await agent.waitFor((message) => message.callid === 'after-attack-1');
            assert.equal(call.event, 'ringing');

            // A softphone that connects now is welcomed and gets calls too.
            newcomer = await connectSoftphone(bridge, { agent: 'agent2', origin: ALLOWED_ORIGIN });
            assert.ok(
                newcomer.welcome,
                `refused after the attack: ${JSON.stringify(newcomer.closed)}`
            );
            const second = await getEvent(bridge, {
                callid: 'after-attack-2',
                type: 'ringing',
                agent: 'agent2'
            });
            assert.equal(second.status, 200);
            await newcomer.waitFor((message) => message.callid === 'after-attack-2');

            const output = bridge.output();
            assert.doesNotMatch(output, /Unhandled|ECONNRESET|EPIPE|Error:|at .*\.mjs:\d+/);
            // The attacker's address was named when it was refused.
            assert.match(output, new RegExp(`from ${ATTACKER.replace(/\./g, '\\.')}`));
        } finally {
            await agent?.close();
            await newcomer?.close();
            await bridge.stop();
        }
    });
});
