// The SIP test rig: a throwaway Kamailio (registrar + WebSocket proxy on loopback) and sipp runs
// against it. Shared by the SIP connector's browser tests and, later, the full softphone flow.
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const kamailioConfig = join(here, 'kamailio.cfg');
export const scenarioDir = join(here, 'scenarios');

/** The one command that installs every program the SIP tests drive (Debian/Ubuntu). */
export const sipInstallCommand =
    'apt-get install -y kamailio kamailio-websocket-modules sip-tester chromium';

/** Where Debian puts Kamailio's modules (the directory name carries the architecture). */
export function kamailioModuleDir() {
    const candidates = ['/usr/lib/kamailio/modules'];
    try {
        for (const entry of readdirSync('/usr/lib')) {
            candidates.push(join('/usr/lib', entry, 'kamailio/modules'));
        }
    } catch {
        // No /usr/lib: nothing to find.
    }
    return candidates.find((dir) => existsSync(join(dir, 'websocket.so')));
}

/** The programs the SIP browser tests need, each with where it is or undefined. */
export function sipPrograms() {
    const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
    return {
        kamailio: existsSync('/usr/sbin/kamailio') ? '/usr/sbin/kamailio' : undefined,
        'kamailio websocket module': kamailioModuleDir(),
        sipp: existsSync('/usr/bin/sipp') ? '/usr/bin/sipp' : undefined,
        chromium: existsSync(chromium) ? chromium : undefined
    };
}

/** Names of the missing programs ([] when the rig can run). */
export function missingSipPrograms() {
    return Object.entries(sipPrograms())
        .filter(([, path]) => path === undefined)
        .map(([name]) => name);
}

/** A port nobody listens on now (the kernel picks it; a small race is accepted). */
export function freePort(protocol = 'tcp') {
    return new Promise((resolve, reject) => {
        if (protocol === 'udp') {
            const socket = dgram.createSocket('udp4');
            socket.once('error', reject);
            socket.bind(0, '127.0.0.1', () => {
                const { port } = socket.address();
                socket.close(() => resolve(port));
            });
            return;
        }
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/** The first port the kernel hands out for bind(0) (Linux's default when unreadable). */
function firstEphemeralPort() {
    try {
        const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
            .trim()
            .split(/\s+/)
            .map(Number);
        return Number.isInteger(low) && low > 2048 ? low : 32768;
    } catch {
        return 32768;
    }
}

/** True when the port can be bound now on loopback, over UDP and over TCP. */
async function portFreeBothWays(port) {
    if (await udpPortTaken(port)) {
        return false;
    }
    return new Promise((resolve) => {
        const server = net.createServer();
        server.once('error', () => resolve(false));
        server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
}

/**
 * `count` distinct free ports below the kernel's ephemeral range, for ports that must stay free
 * while nobody holds them: the gateway port between two sipp runs, Kamailio's ports across a
 * restart. A port from bind(0) could meanwhile be handed to anything that binds an ephemeral
 * port (Chromium's WebRTC sockets do, for every call), and the test's INVITE would go there.
 */
async function stablePorts(count) {
    const high = firstEphemeralPort() - 1;
    const low = Math.max(1025, high - 12_000);
    const ports = new Set();
    while (ports.size < count) {
        const port = low + Math.floor(Math.random() * (high - low + 1));
        if (!ports.has(port) && (await portFreeBothWays(port))) {
            ports.add(port);
        }
    }
    return [...ports];
}

function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function canConnect(port) {
    return new Promise((resolve) => {
        const socket = net.connect({ host: '127.0.0.1', port });
        socket.once('connect', () => {
            socket.destroy();
            resolve(true);
        });
        socket.once('error', () => resolve(false));
    });
}

/** True once something holds the UDP port (binding it fails). */
function udpPortTaken(port) {
    return new Promise((resolve) => {
        const socket = dgram.createSocket('udp4');
        socket.once('error', () => resolve(true));
        socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(false)));
    });
}

async function waitFor(check, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (await check()) {
            return;
        }
        if (Date.now() > deadline) {
            throw new Error(`${what} within ${timeoutMs} ms`);
        }
        await delay(5);
    }
}

// Children still running when the test process exits are killed, whatever way it exits. Each
// runs in its own process group (detached) and the whole group is signalled: Kamailio forks
// workers that would outlive a SIGKILL of its main process alone.
const liveChildren = new Set();
const liveDirs = new Set();
process.once('exit', () => {
    for (const child of liveChildren) {
        signalGroup(child, 'SIGKILL');
    }
    for (const dir of liveDirs) {
        rmSync(dir, { recursive: true, force: true });
    }
});

/** A temporary directory removed by its owner, or at the latest when the process exits. */
function temporaryDir(prefix) {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    liveDirs.add(dir);
    return {
        path: dir,
        remove() {
            liveDirs.delete(dir);
            rmSync(dir, { recursive: true, force: true });
        }
    };
}

function spawnTracked(command, args) {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    // detached: the child leads a process group of its own, whose id is its PID.
    startedGroups.add(child.pid);
    liveChildren.add(child);
    child.once('exit', () => liveChildren.delete(child));
    return child;
}

function signalGroup(child, signal) {
    try {
        process.kill(-child.pid, signal);
    } catch {
        // The group is already gone.
    }
}

function stopChild(child, timeoutMs = 3000) {
    if (child.exitCode !== null || child.signalCode !== null) {
        return Promise.resolve();
    }
    return new Promise((resolve) => {
        const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), timeoutMs);
        child.once('exit', () => {
            clearTimeout(timer);
            resolve();
        });
        signalGroup(child, 'SIGTERM');
    });
}

/**
 * Starts Kamailio in the foreground with test/sip/kamailio.cfg on free loopback ports (or the
 * ones given: a restart passes the ports of the Kamailio it replaces) and a temporary runtime
 * directory. Resolves once its WebSocket port accepts connections, with the ports, the ws://
 * URL, the start-up time, its PID, its log so far (log()) and stop().
 */
export async function startKamailio({ sipPort, wsPort, gatewayPort } = {}) {
    const [freeSip, freeWs, freeGateway] = await stablePorts(3);
    const ports = {
        sipPort: sipPort ?? freeSip,
        wsPort: wsPort ?? freeWs,
        gatewayPort: gatewayPort ?? freeGateway
    };
    const runtime = temporaryDir('sip-rig-kamailio-');
    const runtimeDir = runtime.path;
    const moduleDir = kamailioModuleDir();
    if (!moduleDir) {
        runtime.remove();
        throw new Error(`Kamailio's WebSocket module is missing: ${sipInstallCommand}`);
    }
    const started = performance.now();
    const child = spawnTracked('/usr/sbin/kamailio', [
        '-DD',
        '-E',
        '-f',
        kamailioConfig,
        '-L',
        moduleDir,
        '-Y',
        runtimeDir,
        '-P',
        join(runtimeDir, 'kamailio.pid'),
        '-m',
        '64',
        '-M',
        '8',
        '-A',
        `SIP_PORT=${ports.sipPort}`,
        '-A',
        `WS_PORT=${ports.wsPort}`,
        '-A',
        `GATEWAY_PORT=${ports.gatewayPort}`
    ]);
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    let exited = false;
    child.once('exit', () => (exited = true));
    try {
        await waitFor(
            async () => {
                if (exited) {
                    throw new Error(`Kamailio exited at start:\n${log.slice(-3000)}`);
                }
                return canConnect(ports.wsPort);
            },
            5000,
            'Kamailio did not listen'
        );
    } catch (error) {
        await stopChild(child);
        runtime.remove();
        throw error;
    }
    return {
        ...ports,
        webSocketUrl: `ws://127.0.0.1:${ports.wsPort}`,
        startupMs: performance.now() - started,
        pid: child.pid,
        log: () => log,
        async stop() {
            await stopChild(child);
            runtime.remove();
        }
    };
}

/**
 * Starts one sipp run of a scenario in test/sip/scenarios (by file name) against Kamailio:
 * - UAC: `{ scenario, kamailio, service }` calls `service` (the registered user);
 * - UAS: `{ scenario, kamailio, uas: true }` listens on Kamailio's gateway port.
 * `pauseMs` is the scenario's <pause/> (-d); `keys` fill the scenario's [name] fields (-key).
 * Resolves once sipp holds its port, with
 * `done` (a promise of { code, durationMs, stdout, stderr, messages }) and stop().
 * `messages` are the SIP messages sipp sent and received, each with its wall-clock time.
 */
export async function startSipp(options) {
    // A port can be taken for a moment by a socket that binds a random port (Chromium's DNS
    // client does, beside the tests): wait for it to be free, and start again when sipp could
    // not bind. A port held for good still fails, and says so.
    for (let attempt = 1; ; attempt += 1) {
        const localPort = options.uas ? options.kamailio.gatewayPort : await freePort('udp');
        try {
            await waitFor(async () => !(await udpPortTaken(localPort)), 3000, 'still taken');
        } catch {
            throw new Error(
                `Port ${localPort} is held by another process: Kamailio's calls to sipp (${options.scenario}) would go there.`
            );
        }
        try {
            return await startSippOn(localPort, options);
        } catch (error) {
            if (!error.couldNotBind || attempt === 5) {
                throw error;
            }
            await delay(200);
        }
    }
}

async function startSippOn(
    localPort,
    {
        scenario,
        kamailio,
        service = 'agent',
        uas = false,
        pauseMs = 500,
        timeoutSeconds = 30,
        keys = {}
    }
) {
    const work = temporaryDir('sip-rig-sipp-');
    const workDir = work.path;
    const messageFile = join(workDir, 'messages.log');
    const args = [
        '-sf',
        join(scenarioDir, scenario),
        '-i',
        '127.0.0.1',
        '-p',
        String(localPort),
        '-m',
        '1',
        '-nostdin',
        '-d',
        String(pauseMs),
        '-timeout',
        `${timeoutSeconds}s`,
        '-recv_timeout',
        String(timeoutSeconds * 1000),
        '-trace_msg',
        '-message_file',
        messageFile,
        '-trace_err',
        '-error_file',
        join(workDir, 'errors.log'),
        ...Object.entries(keys).flatMap(([key, value]) => ['-key', key, String(value)]),
        ...(uas ? [] : ['-s', service, `127.0.0.1:${kamailio.sipPort}`])
    ];
    const started = performance.now();
    const child = spawnTracked('/usr/bin/sipp', args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const done = new Promise((resolve) => {
        child.once('exit', (code, signal) => {
            const durationMs = performance.now() - started;
            const read = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
            const result = {
                code: code ?? signal,
                durationMs,
                stdout,
                stderr,
                errors: read(join(workDir, 'errors.log')),
                messages: parseSippMessages(read(messageFile))
            };
            work.remove();
            resolve(result);
        });
    });
    let exited = false;
    void done.then(() => (exited = true));
    await waitFor(async () => exited || udpPortTaken(localPort), 5000, 'sipp did not bind');
    if (exited) {
        // Most often: something else holds the port. The test would otherwise send its calls
        // to that something and fail much later, on a timeout that says nothing about why.
        const result = await done;
        const error = new Error(
            `sipp (${scenario}) ended at start with ${result.code} on port ${localPort}:\n${result.stderr}${result.errors}`
        );
        error.couldNotBind = /Unable to bind main socket/.test(result.stderr + result.errors);
        throw error;
    }
    /** The messages traced so far (sipp writes its trace as it goes). */
    const messagesSoFar = () =>
        existsSync(messageFile) ? parseSippMessages(readFileSync(messageFile, 'utf8')) : [];
    return {
        done,
        localPort,
        pid: child.pid,
        messages: messagesSoFar,
        /**
         * Waits until sipp's trace holds `count` messages matching { direction, method?,
         * status? }; resolves with them, or rejects when sipp ends first or on timeout.
         */
        async waitForMessages(wanted, { count = 1, timeoutMs = 10_000 } = {}) {
            let found = [];
            await waitFor(
                async () => {
                    found = findMessages(messagesSoFar(), wanted);
                    return found.length >= count || exited;
                },
                timeoutMs,
                `sipp did not see ${count} × ${JSON.stringify(wanted)}`
            );
            if (found.length < count) {
                const result = await done;
                throw new Error(
                    `sipp ended (${result.code}) before ${count} × ${JSON.stringify(wanted)}:\n${result.errors}`
                );
            }
            return found;
        },
        stop: () => stopChild(child)
    };
}

/** Runs a sipp scenario to its end: resolves with the result of startSipp's `done`. */
export async function runSipp(options) {
    const run = await startSipp(options);
    return run.done;
}

/**
 * Reads sipp's -trace_msg file into [{ at (epoch ms), direction ('sent'|'received'),
 * firstLine, method?, status?, text }]; `text` is the whole message, headers and body.
 */
export function parseSippMessages(text) {
    const messages = [];
    const blocks = text.split(/^-{10,} /m).slice(1);
    for (const block of blocks) {
        const header = block.match(
            /^(\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*\n\s*\w+ message (sent|received)/
        );
        if (!header) {
            continue;
        }
        const [date, time] = header[1].split(/\s+/);
        const [whole, fraction = '0'] = time.split('.');
        const at = new Date(`${date}T${whole}`).getTime() + Number(`0.${fraction}`) * 1000;
        const raw = block.split('\n').slice(2).join('\n').trim();
        const firstLine = raw.split('\n')[0].trim();
        const status = firstLine.match(/^SIP\/2\.0 (\d{3})/);
        messages.push({
            at,
            direction: header[2],
            firstLine,
            ...(status ? { status: Number(status[1]) } : { method: firstLine.split(' ')[0] }),
            text: raw
        });
    }
    return messages;
}

/** Whether a traced message matches { direction, method?, status? }. */
function matches(message, { direction, method, status }) {
    return (
        message.direction === direction &&
        (method === undefined || message.method === method) &&
        (status === undefined || message.status === status)
    );
}

/** The first traced message matching { direction, method?, status? }. */
export function findMessage(messages, wanted) {
    return messages.find((message) => matches(message, wanted));
}

/** Every traced message matching { direction, method?, status? }, in order. */
export function findMessages(messages, wanted) {
    return messages.filter((message) => matches(message, wanted));
}

/** The value of a header (first occurrence, case-insensitive name) in a traced message. */
export function headerOf(message, name) {
    const pattern = new RegExp(`^${name}\\s*:\\s*(.*)$`, 'im');
    return message.text.match(pattern)?.[1].trim();
}

/** Every live process (zombies left out) as { pid, ppid, pgrp }, from /proc (Linux). */
function processTable() {
    const table = [];
    for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) {
            continue;
        }
        let stat;
        try {
            stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        } catch {
            continue; // Gone meanwhile.
        }
        // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
        const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (state !== 'Z') {
            table.push({ pid: Number(entry), ppid: Number(ppid), pgrp: Number(pgrp) });
        }
    }
    return table;
}

/** The process group of `pid`, or undefined when it is gone. */
function processGroupOf(pid) {
    return processTable().find((entry) => entry.pid === pid)?.pgrp;
}

/** Process groups the rig started (Kamailio, sipp): their forked workers count as ours too. */
const startedGroups = new Set();

/**
 * The processes started from this process that still run: its descendants, and anything left
 * in a process group the rig (or `groups`, e.g. a browser's) started, such as a Kamailio worker
 * whose parent died first. [] once a test has stopped everything it started.
 */
export function leftoverProcesses(groups = []) {
    const table = processTable();
    const own = processGroupOf(process.pid);
    const watched = new Set([...startedGroups, ...groups].filter((group) => group !== own));
    const children = new Map();
    for (const entry of table) {
        children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), entry.pid]);
    }
    const found = new Set(table.filter((entry) => watched.has(entry.pgrp)).map((e) => e.pid));
    const queue = [process.pid];
    while (queue.length > 0) {
        for (const child of children.get(queue.shift()) ?? []) {
            found.add(child);
            queue.push(child);
        }
    }
    found.delete(process.pid);
    return [...found].sort((a, b) => a - b);
}

/** The process groups of this process's children now (to watch a browser it launched). */
export function childProcessGroups() {
    const own = processGroupOf(process.pid);
    return [
        ...new Set(
            processTable()
                .filter((entry) => entry.ppid === process.pid && entry.pgrp !== own)
                .map((entry) => entry.pgrp)
        )
    ];
}

/**
 * Waits until leftoverProcesses(groups) is empty; what is still there after `timeoutMs` is
 * killed (SIGKILL, by PID) and reported: resolves with those PIDs and their command lines.
 */
export async function reapLeftovers(groups = [], timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const left = leftoverProcesses(groups);
        if (left.length === 0) {
            return [];
        }
        if (Date.now() > deadline) {
            const described = left.map((pid) => {
                let command = '?';
                try {
                    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
                } catch {
                    // Gone meanwhile.
                }
                try {
                    process.kill(pid, 'SIGKILL');
                } catch {
                    // Gone meanwhile.
                }
                return `${pid} ${command.trim().slice(0, 120)}`;
            });
            return described;
        }
        await delay(50);
    }
}
