// The listener bridge as shipped (dist/listener-bridge/listener.mjs): start-up, the phone
// system's HTTP side (authentication, validation, limits, replays) and routing to softphones.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import {
    SECRET,
    TOKENS,
    bearer,
    bridgeEnv,
    connectSoftphone,
    getEvent,
    postEvent,
    runBridge,
    sign,
    startBridge
} from './support/listener-bridge-process.mjs';

const ringing = (callid, extra = {}) => ({
    ani: '+14155550101',
    dnis: '+14155550100',
    callid,
    type: 'ringing',
    agent: 'agent1',
    ...extra
});

describe('listener bridge start-up', () => {
    it('refuses to start without a secret or agent tokens, naming what is missing', () => {
        const result = runBridge([], { PATH: process.env.PATH });
        assert.equal(result.status, 2);
        assert.match(result.stderr, /LISTENER_SECRET is not set/);
        assert.match(result.stderr, /LISTENER_AGENT_TOKENS is empty/);
        assert.equal(result.stdout, '');
    });

    it('refuses weak secrets, bad token lists and secrets on the command line', () => {
        const result = runBridge(['--secret', 'x', '--port', '99999'], {
            PATH: process.env.PATH,
            LISTENER_SECRET: 'short',
            LISTENER_AGENT_TOKENS: 'agent1:short-token'
        });
        assert.equal(result.status, 2);
        assert.match(result.stderr, /--secret is not accepted/);
        assert.match(result.stderr, /must be a port number/);
        assert.match(
            result.stderr,
            /LISTENER_SECRET is too weak: it must be 32-256 characters long \(it has 5\)/
        );
        assert.match(result.stderr, /entry 1 \(agent agent1\): the token is too weak/);
        assert.doesNotMatch(result.stderr, /short-token/);
    });

    it('refuses a plain-http callback URL to another host', () => {
        const result = runBridge(
            [],
            bridgeEnv({ LISTENER_CALLBACK_URL: 'http://pbx.example.com/x' })
        );
        assert.equal(result.status, 2);
        assert.match(result.stderr, /must use https:\/\//);
    });

    it('prints help and makes tokens', () => {
        assert.match(runBridge(['--help'], {}).stdout, /^Usage: npm run listener/);
        const token = runBridge(['--generate-token'], {}).stdout.trim();
        assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    });

    it('prints where it listens, on 127.0.0.1 by default, and answers /health', async () => {
        const bridge = await startBridge();
        try {
            assert.match(bridge.output(), /^Listener bridge: http:\/\/127\.0\.0\.1:\d+\/$/m);
            const response = await fetch(`${bridge.url}health`);
            assert.deepEqual(await response.json(), { ok: true });
        } finally {
            await bridge.stop();
        }
    });
});

describe('listener bridge: the phone system side', () => {
    let bridge;
    let softphone;

    before(async () => {
        bridge = await startBridge({ env: { LISTENER_LOG_LEVEL: 'debug' } });
        softphone = await connectSoftphone(bridge);
    });
    after(async () => {
        await softphone?.close();
        await bridge?.stop();
    });

    describe('authentication', () => {
        it('asks for credentials', async () => {
            const result = await getEvent(bridge, ringing('auth-1'), {});
            assert.equal(result.status, 401);
            assert.equal(
                result.headers.get('www-authenticate'),
                'Bearer realm="open-cti-listener"'
            );
            assert.match(result.body.error, /^missing credentials/);
        });

        it('refuses a wrong shared secret and a malformed Authorization header', async () => {
            const wrong = await getEvent(bridge, ringing('auth-2'), bearer('not-the-secret'));
            assert.deepEqual([wrong.status, wrong.body.error], [401, 'wrong shared secret']);
            const basic = await getEvent(bridge, ringing('auth-2'), { Authorization: 'Basic abc' });
            assert.equal(basic.status, 401);
            assert.match(basic.body.error, /must be "Bearer <secret>"/);
        });

        it('accepts an HMAC signature over the query string of a GET', async () => {
            const query = new URLSearchParams(ringing('sig-get-1')).toString();
            const result = await getEvent(bridge, query, sign(query));
            assert.deepEqual([result.status, result.body], [200, { ok: true, delivered: 1 }]);
        });

        it('accepts an HMAC signature over the body of a POST', async () => {
            const body = JSON.stringify(ringing('sig-post-1'));
            const result = await postEvent(bridge, body, {
                headers: sign(body),
                contentType: 'application/json'
            });
            assert.deepEqual([result.status, result.body], [200, { ok: true, delivered: 1 }]);
        });

        it('refuses a signature over other content, with another secret, or malformed', async () => {
            const query = new URLSearchParams(ringing('sig-bad-1')).toString();
            const tampered = await getEvent(bridge, `${query}&extra=1`, sign(query));
            assert.deepEqual(
                [tampered.status, tampered.body.error],
                [401, 'X-Listener-Signature does not match the request']
            );
            const otherSecret = await getEvent(
                bridge,
                query,
                sign(query, undefined, 'another-secret-0123456789')
            );
            assert.equal(otherSecret.status, 401);
            const malformed = await getEvent(bridge, query, {
                'X-Listener-Timestamp': String(Math.floor(Date.now() / 1000)),
                'X-Listener-Signature': 'md5=abc'
            });
            assert.match(malformed.body.error, /sha256= followed by 64 hexadecimal digits/);
            const noTimestamp = await getEvent(bridge, query, {
                'X-Listener-Signature': sign(query)['X-Listener-Signature']
            });
            assert.match(noTimestamp.body.error, /X-Listener-Timestamp must be the Unix time/);
        });

        it('refuses timestamps more than 5 minutes off', async () => {
            const query = new URLSearchParams(ringing('sig-old-1')).toString();
            const now = Math.floor(Date.now() / 1000);
            for (const timestamp of [now - 301 - 5, now + 301 + 5]) {
                const result = await getEvent(bridge, query, sign(query, timestamp));
                assert.equal(result.status, 401);
                assert.match(result.body.error, /more than 300 s from the bridge's clock/);
            }
            const withinWindow = await getEvent(bridge, query, sign(query, now - 240));
            assert.equal(withinWindow.status, 200);
        });

        it('refuses a replayed signed request, even for another event', async () => {
            const query = new URLSearchParams(ringing('sig-replay-1')).toString();
            const headers = sign(query);
            assert.equal((await getEvent(bridge, query, headers)).status, 200);
            const replay = await getEvent(bridge, query, headers);
            assert.equal(replay.status, 409);
            assert.match(replay.body.error, /^replayed request: this signature was already used/);
        });

        it('refuses a replayed event sent with the Bearer secret', async () => {
            assert.equal((await getEvent(bridge, ringing('bearer-replay-1'))).status, 200);
            const replay = await getEvent(bridge, ringing('bearer-replay-1'));
            assert.deepEqual(
                [replay.status, replay.body.error],
                [
                    409,
                    'replayed event: call bearer-replay-1 already had a ringing event for agent agent1'
                ]
            );
            // The next event of the same call is not a replay.
            const answered = await getEvent(bridge, {
                callid: 'bearer-replay-1',
                type: 'answered',
                agent: 'agent1'
            });
            assert.equal(answered.status, 200);
        });
    });

    describe('validation', () => {
        const cases = [
            [{ ...ringing(''), callid: undefined }, 'callid is missing'],
            [ringing('has space'), 'callid must be 1-128 letters, digits or . _ : @ -'],
            [ringing('x'.repeat(129)), 'callid must be 1-128 letters, digits or . _ : @ -'],
            [{ ...ringing('v-1'), type: undefined }, 'type is missing'],
            [ringing('v-1', { type: 'held' }), 'type must be ringing, answered or ended'],
            [{ ...ringing('v-1'), agent: undefined }, 'agent is missing'],
            [
                ringing('v-1', { agent: 'agent one' }),
                'agent must be 1-64 letters, digits or . _ @ + -'
            ],
            [
                ringing('v-1', { agent: 'a'.repeat(65) }),
                'agent must be 1-64 letters, digits or . _ @ + -'
            ],
            [ringing('v-1', { ani: '1'.repeat(41) }), /^ani must be a phone number/],
            [ringing('v-1', { ani: '<script>' }), /^ani must be a phone number/],
            [ringing('v-1', { dnis: 'sip:1000@pbx' }), /^dnis must be a phone number/],
            [
                ringing('v-1', { 'order-id': '1' }),
                'extra parameter names must be 1-40 letters, digits or _ ("order-id" is not)'
            ],
            [ringing('v-1', { ['k'.repeat(41)]: '1' }), /^extra parameter names must be 1-40/],
            [
                ringing('v-1', { note: 'x'.repeat(257) }),
                'extra parameter "note" must be at most 256 characters, without control characters'
            ],
            [ringing('v-1', { note: 'two\nlines' }), /^extra parameter "note" must be at most 256/],
            [
                ringing(
                    'v-1',
                    Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']))
                ),
                'too many extra parameters: at most 20'
            ]
        ];
        for (const [params, expected] of cases) {
            const defined = Object.fromEntries(
                Object.entries(params).filter(([, value]) => value !== undefined)
            );
            it(`400: ${expected}`, async () => {
                const result = await getEvent(bridge, defined);
                assert.equal(result.status, 400);
                if (expected instanceof RegExp) {
                    assert.match(result.body.error, expected);
                } else {
                    assert.equal(result.body.error, expected);
                }
            });
        }

        it('400 for a parameter given twice', async () => {
            const result = await getEvent(bridge, `${new URLSearchParams(ringing('v-2'))}&ANI=1`);
            assert.deepEqual(
                [result.status, result.body.error],
                [400, 'ani is given more than once']
            );
        });

        it('takes 20 extra pairs and a withheld caller', async () => {
            const extras = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v']));
            const result = await getEvent(bridge, ringing('v-3', { ani: 'anonymous', ...extras }));
            assert.equal(result.status, 200);
        });

        it('checks JSON bodies and content types', async () => {
            const post = (body, contentType) => postEvent(bridge, body, { contentType });
            assert.deepEqual(
                (await post('{', 'application/json')).body.error,
                'the body is not valid JSON'
            );
            assert.equal((await post('[1]', 'application/json')).status, 400);
            const nested = await post(
                JSON.stringify({ ...ringing('v-4'), extra: { a: 1 } }),
                'application/json'
            );
            assert.deepEqual(
                [nested.status, nested.body.error],
                [400, 'parameter "extra" must be text or a number']
            );
            const numeric = await post(
                JSON.stringify({ ...ringing('v-5'), ani: 14155550101 }),
                'application/json'
            );
            assert.equal(numeric.status, 200);
            const xml = await post('<call/>', 'text/xml');
            assert.equal(xml.status, 415);
        });

        it('refuses other methods, other paths and parameters in the URL of a POST', async () => {
            const put = await fetch(`${bridge.url}event`, { method: 'PUT', headers: bearer() });
            assert.equal(put.status, 405);
            assert.equal(put.headers.get('allow'), 'GET, POST');
            const elsewhere = await fetch(`${bridge.url}calls`, { headers: bearer() });
            assert.equal(elsewhere.status, 404);
            const mixed = await postEvent(bridge, ringing('v-6'), { path: 'event?callid=x' });
            assert.deepEqual(
                [mixed.status, mixed.body.error],
                [400, 'send the parameters of a POST in its body, not in the URL']
            );
        });

        it('refuses oversized bodies and query strings', async () => {
            const big = await postEvent(bridge, ringing('v-7', { note: 'x'.repeat(9000) }));
            assert.deepEqual(
                [big.status, big.body.error],
                [413, 'the body is larger than 8192 bytes']
            );
            const chunked = await postChunked(bridge, 'a=' + 'x'.repeat(20_000));
            assert.equal(chunked, 413);
            const longQuery = await getEvent(
                bridge,
                `${new URLSearchParams(ringing('v-8'))}&pad=${'x'.repeat(9000)}`
            );
            assert.equal(longQuery.status, 414);
        });
    });

    describe('routing', () => {
        it("sends the event with its extra pairs to the agent's softphone only", async () => {
            const other = await connectSoftphone(bridge, { agent: 'agent2' });
            try {
                const result = await postEvent(
                    bridge,
                    ringing('route-1', { name: 'Maria Lopez', orderId: 'A-1001' })
                );
                assert.deepEqual(result.body, { ok: true, delivered: 1 });
                const message = await softphone.waitFor((m) => m.callid === 'route-1');
                assert.deepEqual(message, {
                    type: 'call',
                    event: 'ringing',
                    callid: 'route-1',
                    ani: '+14155550101',
                    dnis: '+14155550100',
                    attributes: { name: 'Maria Lopez', orderId: 'A-1001' }
                });
                await new Promise((resolve) => setTimeout(resolve, 100));
                assert.equal(other.messages.filter((m) => m.type === 'call').length, 0);
            } finally {
                await other.close();
            }
        });

        it('404s an agent the bridge does not know, or one with no softphone', async () => {
            const unknown = await getEvent(bridge, ringing('route-2', { agent: 'agent9' }));
            assert.deepEqual(
                [unknown.status, unknown.body.error],
                [404, 'agent agent9 is not configured on this bridge (LISTENER_AGENT_TOKENS)']
            );
            const away = await getEvent(bridge, ringing('route-2', { agent: 'agent2' }));
            assert.deepEqual(
                [away.status, away.body.error],
                [404, 'agent agent2 has no softphone connected']
            );
        });

        it('keeps later events of a call for a softphone that reconnects', async () => {
            const phone = await connectSoftphone(bridge, { agent: 'agent2' });
            assert.equal(
                (await getEvent(bridge, ringing('route-3', { agent: 'agent2', queue: 'Sales' })))
                    .status,
                200
            );
            await phone.close();
            const answered = await getEvent(bridge, {
                callid: 'route-3',
                type: 'answered',
                agent: 'agent2'
            });
            assert.deepEqual([answered.status, answered.body], [200, { ok: true, delivered: 0 }]);
            const again = await connectSoftphone(bridge, { agent: 'agent2' });
            try {
                assert.deepEqual(again.welcome, {
                    type: 'welcome',
                    version: 1,
                    agent: 'agent2',
                    actions: false,
                    calls: [
                        {
                            type: 'call',
                            event: 'answered',
                            callid: 'route-3',
                            ani: '+14155550101',
                            dnis: '+14155550100',
                            attributes: { queue: 'Sales' }
                        }
                    ]
                });
            } finally {
                await again.close();
            }
        });

        it('refuses softphones with a wrong token or a bad hello', async () => {
            const wrong = await connectSoftphone(bridge, { agent: 'agent1', token: TOKENS.agent2 });
            assert.equal(wrong.welcome, undefined);
            assert.deepEqual(wrong.closed, { code: 4401, reason: 'agent id or token refused' });
            const unknown = await connectSoftphone(bridge, {
                agent: 'agent9',
                token: TOKENS.agent1
            });
            assert.equal(unknown.closed.code, 4401);
        });

        it('refuses agent actions when the phone system takes none', async () => {
            softphone.send({
                type: 'action',
                requestId: 'q1',
                action: 'hangup',
                callid: 'route-1'
            });
            const result = await softphone.waitFor((m) => m.requestId === 'q1');
            assert.deepEqual(result, {
                type: 'actionResult',
                requestId: 'q1',
                ok: false,
                message:
                    'The phone system takes no actions from the softphone (the bridge has no callback URL).'
            });
        });
    });

    it('logs no secret, token or call data, and writes no file', () => {
        const output = bridge.output();
        assert.match(output, /Softphone connected: agent agent1/);
        assert.match(output, /Delivered a ringing event to agent agent1/);
        for (const secret of [
            SECRET,
            TOKENS.agent1,
            TOKENS.agent2,
            '4155550101',
            'route-1',
            'Maria',
            'A-1001',
            'Sales'
        ]) {
            assert.ok(!output.includes(secret), `the log holds ${secret}`);
        }
        assert.deepEqual(bridge.filesWritten(), []);
    });
});

describe('listener bridge: signed-only mode', () => {
    it('refuses the Bearer secret when signatures are required', async () => {
        const bridge = await startBridge({ args: ['--require-signature'] });
        try {
            const result = await getEvent(bridge, ringing('only-1'));
            assert.equal(result.status, 401);
            assert.match(result.body.error, /accepts signed requests only/);
        } finally {
            await bridge.stop();
        }
    });
});

/** POSTs a body without Content-Length (chunked); resolves with the status, or 413 if reset after it. */
function postChunked(bridge, body) {
    return new Promise((resolve, reject) => {
        const req = request(
            `${bridge.url}event`,
            {
                method: 'POST',
                headers: { ...bearer(), 'content-type': 'application/x-www-form-urlencoded' }
            },
            (response) => {
                response.resume();
                resolve(response.statusCode);
            }
        );
        req.on('error', reject);
        req.write(body.slice(0, 10_000));
        setTimeout(() => req.end(body.slice(10_000)), 50);
    });
}
