// Runs an org script the way a user does (`node scripts/org/<script>` from a project root), with
// the stand-in `sf` first on PATH, in a throw-away project; returns what it printed and every
// program call it made, in order.
import { spawn } from 'node:child_process';
import {
    chmodSync,
    cpSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    rmSync,
    writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');
const fakeSf = join(here, 'fake-sf.mjs');

// The build is the project's own script; here a stub records that it ran (and when).
const buildStub = `import { appendFileSync } from 'node:fs';
appendFileSync(process.env.FAKE_SF_LOG, JSON.stringify({ program: 'build', args: process.argv.slice(2) }) + '\\n');
`;

const samplePlan = [
    { sobject: 'Account', saveRefs: true, resolveRefs: false, files: ['Account.json'] }
];
const sampleAccounts = {
    records: [
        { attributes: { type: 'Account', referenceId: 'AccountRef1' }, Name: 'Fixture Marker Co' }
    ]
};

/** A fixture project plus a bin folder holding the stand-in as `sf` (and as `binName`). */
export function createSandbox({ world = {}, binName = 'sf' } = {}) {
    const root = mkdtempSync(join(tmpdir(), 'org-scripts-'));
    const project = join(root, 'project');
    const bin = join(root, 'bin');
    mkdirSync(join(project, 'scripts'), { recursive: true });
    mkdirSync(join(project, 'force-app', 'main', 'default'), { recursive: true });
    mkdirSync(join(project, 'data'), { recursive: true });
    mkdirSync(bin);
    cpSync(join(repoRoot, 'sfdx-project.json'), join(project, 'sfdx-project.json'));
    cpSync(join(repoRoot, 'config'), join(project, 'config'), { recursive: true });
    cpSync(join(repoRoot, 'CHANGELOG.md'), join(project, 'CHANGELOG.md'));
    writeFileSync(join(project, 'scripts', 'build.mjs'), buildStub);
    writeFileSync(join(project, 'data', 'sample-data-plan.json'), JSON.stringify(samplePlan));
    writeFileSync(join(project, 'data', 'Account.json'), JSON.stringify(sampleAccounts));
    const launcher = join(bin, binName);
    writeFileSync(launcher, `#!/bin/sh\nexec "${process.execPath}" "${fakeSf}" "$@"\n`);
    chmodSync(launcher, 0o755);
    const worldFile = join(root, 'world.json');
    writeFileSync(worldFile, JSON.stringify({ orgs: [], ...world }));
    const logFile = join(root, 'calls.jsonl');
    writeFileSync(logFile, '');
    return { root, project, bin, launcher, worldFile, logFile };
}

export function removeSandbox({ root }) {
    rmSync(root, { recursive: true, force: true });
}

/**
 * For a test file's top level: a function that creates a sandbox (createSandbox's options) for
 * each test; every sandbox it created is removed when the file's tests are done.
 */
export function sandboxPerTest() {
    const created = [];
    after(() => created.forEach(removeSandbox));
    return (options) => {
        const box = createSandbox(options);
        created.push(box);
        return box;
    };
}

export function readWorld(sandbox) {
    return JSON.parse(readFileSync(sandbox.worldFile, 'utf8'));
}

export function updateWorld(sandbox, change) {
    writeFileSync(sandbox.worldFile, JSON.stringify({ ...readWorld(sandbox), ...change }));
}

/**
 * Runs scripts/org/<script> in the sandbox. Resolves to { status, stdout, stderr, calls }, where
 * `calls` lists the calls this run made. Asynchronous, so tests can run side by side.
 */
export function runScript(sandbox, script, args = [], { env = {} } = {}) {
    const before = readFileSync(sandbox.logFile, 'utf8').length;
    const inherited = { ...process.env };
    delete inherited.SF_BIN; // the caller's own override must not leak in
    const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'org', script), ...args], {
        cwd: sandbox.project,
        env: {
            ...inherited,
            PATH: `${sandbox.bin}:${process.env.PATH}`,
            FAKE_SF_LOG: sandbox.logFile,
            FAKE_SF_WORLD: sandbox.worldFile,
            ...env
        }
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    return new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (status) => {
            const calls = readFileSync(sandbox.logFile, 'utf8')
                .slice(before)
                .split('\n')
                .filter(Boolean)
                .map((line) => JSON.parse(line));
            resolve({ status, stdout, stderr, calls });
        });
    });
}

/** "sf org display", "build", … : a call's program and command words. */
export function commandOf({ program, args }) {
    if (program !== 'sf') {
        return program;
    }
    const words = [];
    for (const arg of args) {
        if (arg.startsWith('-')) {
            break;
        }
        words.push(arg);
    }
    return ['sf', ...words].join(' ');
}

/** commandOf for each call of a run, in order. */
export function commandsOf(calls) {
    return calls.map(commandOf);
}

/** The value(s) of --flag in a call. */
export function flagValues({ args }, flag) {
    return args.flatMap((arg, index) => (arg === flag ? [args[index + 1]] : []));
}
