// Starts the built listener bridge (dist/listener-bridge/listener.mjs, what `npm run listener`
// runs) as a child process, and speaks to it as a phone system (HTTP) and as a softphone (ws).
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const bridgeEntry = join(root, 'dist/listener-bridge/listener.mjs');

// Strong enough for the bridge's rule (32+ characters, two kinds, 10 different).
export const SECRET = 'Phone-System-Secret-0123456789-abcdef';
export const TOKENS = {
    agent1: 'tok-agent1-0123456789abcdef-XYZuvw',
    agent2: 'tok-agent2-0123456789abcdef-XYZuvw'
};

/** Builds the bridge when `npm test`'s build step has not. */
export function ensureBridgeBuilt() {
    if (!existsSync(bridgeEntry)) {
        const result = spawnSync(process.execPath, ['scripts/build.mjs', 'listener'], {
            cwd: root,
            encoding: 'utf8'
        });
        if (result.status !== 0) {
            throw new Error(`could not build the listener bridge: ${result.stderr}`);
        }
    }
}

export function bridgeEnv(extra = {}) {
    return {
        PATH: process.env.PATH,
        LISTENER_SECRET: SECRET,
        LISTENER_AGENT_TOKENS: Object.entries(TOKENS)
            .map(([agent, token]) => `${agent}:${token}`)
            .join(','),
        LISTENER_PORT: '0',
        ...extra
    };
}

/** Runs the bridge to completion (for start-up errors, --help…); resolves { status, stdout, stderr }. */
export function runBridge(args, env) {
    ensureBridgeBuilt();
    const result = spawnSync(process.execPath, [bridgeEntry, ...args], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 10_000
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Starts the bridge in an empty working directory; resolves with its URL, origin, port, the
 * output so far (`output()`), whether it wrote files (`filesWritten()`) and stop().
 */
export function startBridge({ env = {}, args = [] } = {}) {
    ensureBridgeBuilt();
    const workDir = mkdtempSync(join(tmpdir(), 'listener-bridge-cwd-'));
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bridgeEntry, ...args], {
            cwd: workDir,
            env: bridgeEnv(env),
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let stdout = '';
        let stderr = '';
        let started = false;
        const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`the bridge did not start: ${stdout}${stderr}`));
        }, 10_000);
        child.stdout.on('data', (chunk) => {
            stdout += chunk;
            const match = /Listener bridge: (http:\/\/([^/\s]+):(\d+)\/)/.exec(stdout);
            if (match && !started) {
                started = true;
                clearTimeout(timer);
                const exited = new Promise((done) => child.once('exit', done));
                resolve({
                    url: match[1],
                    origin: match[1].slice(0, -1),
                    port: Number(match[3]),
                    wsUrl: `ws://${match[2]}:${match[3]}/softphone`,
                    output: () => stdout + stderr,
                    /** null while the bridge runs; its exit code (or signal) once it stopped. */
                    exited: () => child.exitCode ?? child.signalCode,
                    filesWritten: () => readdirSync(workDir),
                    async stop() {
                        if (child.exitCode === null) {
                            child.kill('SIGTERM');
                            await exited;
                        }
                        rmSync(workDir, { recursive: true, force: true });
                    }
                });
            }
        });
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (code) => {
            if (!started) {
                clearTimeout(timer);
                reject(new Error(`the bridge exited with ${code}: ${stdout}${stderr}`));
            }
        });
    });
}

export function sign(payload, timestamp = Math.floor(Date.now() / 1000), secret = SECRET) {
    const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
    return {
        'X-Listener-Timestamp': String(timestamp),
        'X-Listener-Signature': `sha256=${signature}`
    };
}

export const bearer = (secret = SECRET) => ({ Authorization: `Bearer ${secret}` });

/** GET /event?<params> as the phone system; resolves { status, body, headers }. */
export async function getEvent(bridge, params, headers = bearer()) {
    const query = typeof params === 'string' ? params : new URLSearchParams(params).toString();
    const response = await fetch(`${bridge.url}event?${query}`, { headers });
    return { status: response.status, body: await response.json(), headers: response.headers };
}

/** POST /event with a form (object) or raw body (string with its content type). */
export async function postEvent(
    bridge,
    body,
    { headers = bearer(), contentType = 'application/x-www-form-urlencoded', path = 'event' } = {}
) {
    const text = typeof body === 'string' ? body : new URLSearchParams(body).toString();
    const response = await fetch(`${bridge.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': contentType, ...headers },
        body: text
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
}

/**
 * Connects a softphone-side WebSocket and signs in; resolves once welcomed (or closed) with
 * { welcome, messages, waitFor(predicate), send(message), close(), closed }.
 */
export function connectSoftphone(bridge, { agent = 'agent1', token = TOKENS[agent], origin } = {}) {
    const socket = new WebSocket(bridge.wsUrl, origin ? { origin } : {});
    const messages = [];
    const waiters = [];
    let closed;
    const closedPromise = new Promise((resolve) =>
        socket.on('close', (code, reason) => {
            closed = { code, reason: reason.toString() };
            resolve(closed);
        })
    );
    socket.on('error', () => undefined);
    socket.on('message', (data) => {
        const message = JSON.parse(data.toString());
        messages.push(message);
        for (const waiter of [...waiters]) {
            if (waiter.predicate(message)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve(message);
            }
        }
    });
    const client = {
        socket,
        messages,
        get closed() {
            return closed;
        },
        closedPromise,
        waitFor(predicate, timeoutMs = 5000) {
            const found = messages.find(predicate);
            if (found) {
                return Promise.resolve(found);
            }
            return new Promise((resolve, reject) => {
                const timer = setTimeout(
                    () => reject(new Error(`no matching message; got ${JSON.stringify(messages)}`)),
                    timeoutMs
                );
                waiters.push({
                    predicate,
                    resolve: (message) => {
                        clearTimeout(timer);
                        resolve(message);
                    }
                });
            });
        },
        send: (message) => socket.send(JSON.stringify(message)),
        close: () => {
            socket.close();
            return closedPromise;
        }
    };
    return new Promise((resolve, reject) => {
        socket.once('open', () =>
            socket.send(JSON.stringify({ type: 'hello', version: 1, agent, token }))
        );
        client
            .waitFor((message) => message.type === 'welcome')
            .then((welcome) => resolve(Object.assign(client, { welcome })), reject);
        closedPromise.then(() => resolve(Object.assign(client, { welcome: undefined })));
    });
}
