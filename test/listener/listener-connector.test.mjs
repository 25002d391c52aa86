// The softphone's ListenerConnector and call engine (bundled from the sources) against the
// built bridge, with the `ws` package's WebSocket: an HTTP request rings the softphone.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import {
    SECRET,
    TOKENS,
    connectSoftphone,
    getEvent,
    sign,
    startBridge
} from './support/listener-bridge-process.mjs';
import { importSoftphoneModules } from './support/softphone-modules.mjs';

let modules;

before(async () => {
    modules = await importSoftphoneModules();
});

/** A connector and engine for agent1, connected to the bridge; events and ended calls recorded. */
async function softphoneFor(bridge, options = {}) {
    const made = modules.createListenerConnector({
        settings: { webSocketUrl: bridge.wsUrl },
        credentials: { agent: 'agent1', token: TOKENS.agent1 },
        webSocket: WebSocket,
        reconnect: { baseDelayMs: 100, maxDelayMs: 400 },
        ...options
    });
    assert.equal(made.ok, true);
    const connector = made.connector;
    const engine = new modules.CallEngine({ connector, clock: { now: () => Date.now() } });
    const events = [];
    const ended = [];
    connector.onEvent((event) => events.push(event));
    engine.on('callEnded', (call) => ended.push(call));
    engine.start();
    const connected = await engine.connect();
    return { connector, engine, events, ended, connected };
}

async function until(predicate, what, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

describe('ListenerConnector against the listener bridge', () => {
    let bridge;

    before(async () => {
        bridge = await startBridge();
    });
    after(async () => bridge?.stop());

    it('rings on an HTTP request, exposes the extra pairs, and logs one connected call', async () => {
        const phone = await softphoneFor(bridge);
        try {
            assert.equal(phone.connected.ok, true);
            assert.equal(phone.connector.capabilities.controlledOnPhone, true);
            assert.equal(phone.engine.setAgentState('Available').ok, true);

            const query = new URLSearchParams({
                ani: '+14155550101',
                dnis: '+14155550100',
                callid: 'node-1',
                type: 'ringing',
                agent: 'agent1',
                name: 'Maria Lopez',
                orderId: 'A-1001'
            }).toString();
            assert.equal((await getEvent(bridge, query, sign(query))).status, 200);
            await until(() => phone.engine.snapshot().calls.length === 1, 'the call to ring');
            assert.deepEqual(
                {
                    id: phone.engine.snapshot().calls[0].id,
                    state: phone.engine.snapshot().calls[0].state,
                    from: phone.engine.snapshot().calls[0].from,
                    remoteName: phone.engine.snapshot().calls[0].remoteName
                },
                { id: 'node-1', state: 'ringing', from: '+14155550101', remoteName: 'Maria Lopez' }
            );
            // A map without a prototype (extra pair names are ordinary names): compare its pairs.
            assert.deepEqual(
                { ...phone.connector.callAttributes('node-1') },
                {
                    name: 'Maria Lopez',
                    orderId: 'A-1001'
                }
            );

            await getEvent(bridge, { callid: 'node-1', type: 'answered', agent: 'agent1' });
            await until(() => phone.engine.snapshot().calls[0]?.state === 'connected', 'answered');
            await getEvent(bridge, { callid: 'node-1', type: 'ended', agent: 'agent1' });
            await until(() => phone.ended.length === 1, 'the call to end');
            assert.equal(phone.ended[0].outcome, 'Connected');
            assert.equal(phone.ended[0].direction, 'Inbound');
            assert.equal(phone.engine.snapshot().agentState, 'AfterCallWork');
        } finally {
            await phone.connector.disconnect();
        }
    });

    it('is refused with a wrong token and says why', async () => {
        const phone = await softphoneFor(bridge, {
            credentials: { agent: 'agent1', token: TOKENS.agent2 }
        });
        assert.equal(phone.connected.ok, false);
        assert.equal(phone.connected.error.reason.key, 'connect-failed');
        assert.match(phone.connected.error.reason.error, /refused the agent id or token/);
        assert.equal(phone.connector.connectionStatus, 'disconnected');
    });
});

describe('ListenerConnector when the bridge restarts', () => {
    it('reconnects, and ends the calls the new bridge does not know', async () => {
        let bridge = await startBridge();
        const port = bridge.port;
        const phone = await softphoneFor(bridge);
        try {
            phone.engine.setAgentState('Available');
            await getEvent(bridge, {
                ani: '+14155550101',
                callid: 'restart-1',
                type: 'ringing',
                agent: 'agent1'
            });
            await until(() => phone.engine.snapshot().calls.length === 1, 'the call to ring');
            await bridge.stop();
            await until(
                () => phone.connector.connectionStatus === 'reconnecting',
                'the connector to notice'
            );
            assert.equal(phone.engine.snapshot().calls.length, 1, 'the call stays up meanwhile');
            bridge = await startBridge({ env: { LISTENER_PORT: String(port) } });
            await until(() => phone.connector.connectionStatus === 'connected', 'a reconnection');
            await until(() => phone.ended.length === 1, 'the unknown call to end');
            assert.equal(phone.ended[0].endReason, 'connection-lost');
        } finally {
            await phone.connector.disconnect();
            await bridge.stop();
        }
    });
});

describe('ListenerConnector with a callback URL', () => {
    let bridge;
    let callback;
    const received = [];
    let answer = () => ({ status: 200, body: {} });

    before(async () => {
        callback = await startCallbackServer((request) => {
            received.push(request);
            return answer(request);
        });
        bridge = await startBridge({ env: { LISTENER_CALLBACK_URL: callback.url } });
    });
    after(async () => {
        await bridge?.stop();
        await callback?.close();
    });

    it('sends signed actions the phone system accepts or refuses', async () => {
        const phone = await softphoneFor(bridge);
        try {
            assert.equal(phone.connector.capabilities.controlledOnPhone, false);
            phone.engine.setAgentState('Available');
            await getEvent(bridge, {
                ani: '+14155550101',
                callid: 'cb-1',
                type: 'ringing',
                agent: 'agent1'
            });
            await until(() => phone.engine.snapshot().calls.length === 1, 'the call to ring');

            const answered = await phone.engine.answer('cb-1');
            assert.equal(answered.ok, true);
            assert.equal(phone.engine.snapshot().calls[0].state, 'connected');
            assert.deepEqual(JSON.parse(received[0].body), {
                action: 'answer',
                agent: 'agent1',
                callid: 'cb-1'
            });
            assert.deepEqual(
                sign(received[0].body, Number(received[0].headers['x-listener-timestamp']))[
                    'X-Listener-Signature'
                ],
                received[0].headers['x-listener-signature']
            );

            answer = () => ({ status: 409, body: { message: 'Line is busy' } });
            const held = await phone.engine.hold('cb-1');
            assert.equal(held.ok, false);
            assert.deepEqual(held.error.reason, {
                key: 'call-failed',
                action: 'hold',
                error: 'The phone system refused to hold the call: Line is busy (HTTP 409).'
            });

            answer = () => ({ status: 200, body: {} });
            assert.equal((await phone.engine.hangup('cb-1')).ok, true);
            assert.equal(phone.ended[0].outcome, 'Connected');
            assert.equal(phone.ended[0].endReason, 'local-hangup');
            assert.deepEqual(
                received.map((request) => JSON.parse(request.body).action),
                ['answer', 'hold', 'hangup']
            );
        } finally {
            await phone.connector.disconnect();
        }
    });

    it('dials through the phone system', async () => {
        answer = (request) =>
            JSON.parse(request.body).action === 'dial'
                ? { status: 200, body: { callid: 'out-77' } }
                : { status: 200, body: {} };
        const phone = await softphoneFor(bridge);
        try {
            phone.engine.setAgentState('Available');
            const dialled = await phone.engine.dial('+1 650 555 0131');
            assert.deepEqual(dialled, { ok: true, callId: 'out-77' });
            assert.deepEqual(JSON.parse(received.at(-1).body), {
                action: 'dial',
                agent: 'agent1',
                number: '+1 650 555 0131'
            });
            await getEvent(bridge, { callid: 'out-77', type: 'answered', agent: 'agent1' });
            await until(() => phone.engine.snapshot().calls[0]?.state === 'connected', 'answered');
            await getEvent(bridge, { callid: 'out-77', type: 'ended', agent: 'agent1' });
            await until(() => phone.ended.length === 1, 'the call to end');
            assert.equal(phone.ended[0].direction, 'Outbound');
            assert.equal(phone.ended[0].outcome, 'Connected');
        } finally {
            await phone.connector.disconnect();
        }
    });

    it('transfers blind, consults and completes through the phone system', async () => {
        answer = (request) =>
            JSON.parse(request.body).action === 'consult'
                ? { status: 200, body: { callid: 'cons-1' } }
                : { status: 200, body: {} };
        const phone = await softphoneFor(bridge);
        try {
            phone.engine.setAgentState('Available');
            await getEvent(bridge, {
                ani: '+14155550101',
                callid: 'tr-1',
                type: 'ringing',
                agent: 'agent1'
            });
            await until(() => phone.engine.snapshot().calls.length === 1, 'the call to ring');
            await phone.engine.answer('tr-1');

            // Blind: the phone system's 2xx hands the call on.
            assert.deepEqual(await phone.engine.transfer('tr-1', '201'), { ok: true });
            assert.deepEqual(JSON.parse(received.at(-1).body), {
                action: 'transfer',
                agent: 'agent1',
                callid: 'tr-1',
                number: '201'
            });
            await until(() => phone.ended.length === 1, 'the transferred call to end');
            assert.equal(phone.ended[0].outcome, 'Transferred');
            assert.equal(phone.ended[0].transferredTo, '201');
            phone.engine.completeWrapUp();

            // Consult, then complete: both calls end transferred.
            await getEvent(bridge, {
                ani: '+14155550102',
                callid: 'tr-2',
                type: 'ringing',
                agent: 'agent1'
            });
            await until(
                () => phone.engine.snapshot().calls.length === 1,
                'the second call to ring'
            );
            await phone.engine.answer('tr-2');
            assert.deepEqual(await phone.engine.startConsult('tr-2', '202'), {
                ok: true,
                callId: 'cons-1'
            });
            assert.deepEqual(JSON.parse(received.at(-1).body), {
                action: 'consult',
                agent: 'agent1',
                callid: 'tr-2',
                number: '202'
            });
            await getEvent(bridge, { callid: 'cons-1', type: 'answered', agent: 'agent1' });
            await until(
                () => phone.engine.getCall('cons-1')?.state === 'connected',
                'the consult call to be answered'
            );
            assert.deepEqual(await phone.engine.completeConsult(), { ok: true });
            assert.deepEqual(JSON.parse(received.at(-1).body), {
                action: 'completeConsult',
                agent: 'agent1',
                callid: 'tr-2',
                othercallid: 'cons-1'
            });
            await until(() => phone.ended.length === 3, 'both calls to end');
            assert.deepEqual(
                phone.ended.slice(1).map((call) => [call.id, call.outcome, call.transferredTo]),
                [
                    ['tr-2', 'Transferred', '202'],
                    ['cons-1', 'Transferred', '+14155550102']
                ]
            );
        } finally {
            await phone.connector.disconnect();
        }
    });

    it('merges a conference and drops a party through the phone system, and keeps a call whose transfer it refused', async () => {
        answer = (request) => {
            const action = JSON.parse(request.body).action;
            if (action === 'consult') {
                return { status: 200, body: { callid: 'cons-2' } };
            }
            return action === 'transfer'
                ? { status: 403, body: { message: 'Extension 209 takes no transfers' } }
                : { status: 200, body: {} };
        };
        const phone = await softphoneFor(bridge);
        try {
            phone.engine.setAgentState('Available');
            await getEvent(bridge, {
                ani: '+14155550103',
                callid: 'cf-1',
                type: 'ringing',
                agent: 'agent1'
            });
            await until(() => phone.engine.snapshot().calls.length === 1, 'the call to ring');
            await phone.engine.answer('cf-1');

            // A refused transfer: the message is the agent's, the call stays with the agent.
            const refused = await phone.engine.transfer('cf-1', '209');
            assert.equal(refused.ok, false);
            assert.match(JSON.stringify(refused.error.reason), /Extension 209 takes no transfers/);
            assert.equal(phone.engine.getCall('cf-1')?.state, 'connected');
            assert.equal(phone.ended.length, 0);

            // Consult, then conference: the held call and the connected one are named.
            await phone.engine.startConsult('cf-1', '203');
            await getEvent(bridge, { callid: 'cons-2', type: 'answered', agent: 'agent1' });
            await until(
                () => phone.engine.getCall('cons-2')?.state === 'connected',
                'the consult call to be answered'
            );
            assert.deepEqual(await phone.engine.merge(), { ok: true });
            assert.deepEqual(JSON.parse(received.at(-1).body), {
                action: 'conference',
                agent: 'agent1',
                callid: 'cf-1',
                othercallid: 'cons-2'
            });
            assert.deepEqual(
                phone.engine.snapshot().calls.map((call) => [call.id, call.state]),
                [
                    ['cf-1', 'connected'],
                    ['cons-2', 'connected']
                ]
            );

            // Drop the consulted party: the agent stays with the caller.
            assert.deepEqual(await phone.engine.dropParty('cons-2'), { ok: true });
            assert.deepEqual(JSON.parse(received.at(-1).body), {
                action: 'drop',
                agent: 'agent1',
                callid: 'cons-2'
            });
            await until(() => phone.ended.length === 1, 'the dropped party to end');
            assert.equal(phone.ended[0].id, 'cons-2');
            assert.equal(phone.engine.getCall('cf-1')?.state, 'connected');
            assert.equal(phone.engine.getCall('cf-1')?.conference, undefined);
        } finally {
            await phone.connector.disconnect();
        }
    });

    it('lets an agent act only on their own calls, and tells a reconnecting softphone what was done', async () => {
        answer = () => ({ status: 200, body: {} });
        const phone = await softphoneFor(bridge);
        let intruder;
        try {
            intruder = await connectSoftphone(bridge, { agent: 'agent2' });
            phone.engine.setAgentState('Available');
            await getEvent(bridge, { callid: 'cb-9', type: 'ringing', agent: 'agent1' });
            await until(() => phone.engine.snapshot().calls.length === 1, 'the call to ring');
            const before = received.length;
            intruder.send({ type: 'action', requestId: 'x1', action: 'hangup', callid: 'cb-9' });
            assert.deepEqual(await intruder.waitFor((m) => m.requestId === 'x1'), {
                type: 'actionResult',
                requestId: 'x1',
                ok: false,
                message: 'The bridge has no live call with this callid for you.'
            });
            assert.equal(received.length, before, 'nothing reached the phone system');

            assert.equal((await phone.engine.answer('cb-9')).ok, true);
            const other = await connectSoftphone(bridge, { agent: 'agent1' });
            assert.equal(other.welcome.calls.find((c) => c.callid === 'cb-9')?.event, 'answered');
            await other.close();
            assert.equal((await phone.engine.hangup('cb-9')).ok, true);
            const later = await connectSoftphone(bridge, { agent: 'agent1' });
            assert.equal(later.welcome.calls.find((c) => c.callid === 'cb-9')?.event, 'ended');
            await later.close();
        } finally {
            await phone.connector.disconnect();
            await intruder?.close();
        }
    });

    it('keeps the shared secret out of the callback request', () => {
        assert.ok(received.length > 0);
        for (const request of received) {
            assert.ok(!JSON.stringify(request).includes(SECRET));
        }
    });
});

function startCallbackServer(handle) {
    return new Promise((resolve) => {
        const server = createServer((request, response) => {
            let body = '';
            request.on('data', (chunk) => (body += chunk));
            request.on('end', () => {
                const { status, body: reply } = handle({ headers: request.headers, body });
                response.writeHead(status, { 'content-type': 'application/json' });
                response.end(JSON.stringify(reply));
            });
        });
        server.listen(0, '127.0.0.1', () => {
            resolve({
                url: `http://127.0.0.1:${server.address().port}/cti/actions`,
                close: () => new Promise((done) => server.close(() => done()))
            });
        });
    });
}
