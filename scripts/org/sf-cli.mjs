// Runs the Salesforce CLI with --json and reads its answer, for the org and packaging scripts.
// Which `sf`: SF_BIN when set, else this project's node_modules/.bin/sf, else `sf` on PATH.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function findSfBinary({ env = process.env, projectRoot = process.cwd() } = {}) {
    if (env.SF_BIN) {
        return env.SF_BIN;
    }
    const projectSf = join(projectRoot, 'node_modules', '.bin', 'sf');
    return existsSync(projectSf) ? projectSf : 'sf';
}

/**
 * Runs `sf <args> --json`. Resolves to { ok, exitCode, json, result, command } and never throws:
 * `ok` is the CLI's own verdict (exit code 0), `json` its parsed answer (undefined if not JSON).
 */
export function runSf(args, { env = process.env, projectRoot = process.cwd() } = {}) {
    const binary = findSfBinary({ env, projectRoot });
    const fullArgs = [...args, '--json'];
    const outcome = spawnSync(binary, fullArgs, {
        cwd: projectRoot,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        // No update nag or telemetry in scripted runs (TOOLING-NOTES: the nag needs this exact name).
        env: { ...env, SF_SKIP_NEW_VERSION_CHECK: 'true', SF_DISABLE_TELEMETRY: 'true' }
    });
    const command = ['sf', ...redactSecrets(fullArgs).map(quoteIfNeeded)].join(' ');
    if (outcome.error) {
        const missing = outcome.error.code === 'ENOENT';
        const message = missing
            ? `the Salesforce CLI (${binary}) was not found: install it (npm install --global @salesforce/cli) or set SF_BIN`
            : outcome.error.message;
        return { ok: false, exitCode: undefined, json: undefined, command, message };
    }
    const json = parseJson(outcome.stdout);
    return {
        ok: outcome.status === 0,
        exitCode: outcome.status,
        json,
        result: json?.result,
        command,
        message: describeFailure(json, outcome.stdout, outcome.stderr)
    };
}

// Flags whose value must not reach logs (the command line is printed when a step fails).
const secretFlags = new Set(['--installation-key']);

function redactSecrets(args) {
    return args.map((arg, index) => (secretFlags.has(args[index - 1]) ? '<redacted>' : arg));
}

// Shows the command as it could be typed again.
function quoteIfNeeded(arg) {
    return /[\s"'$]/.test(arg) ? `"${arg.replace(/(["\\$`])/g, '\\$1')}"` : arg;
}

function parseJson(text) {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

/** The CLI's own words for a failure: its error, the components that failed, or raw output. */
export function describeFailure(json, stdout = '', stderr = '') {
    if (json?.message) {
        return json.name && !json.message.startsWith(json.name)
            ? `${json.name}: ${json.message}`
            : json.message;
    }
    const componentFailures = [json?.result?.details?.componentFailures ?? []].flat();
    if (componentFailures.length > 0) {
        return componentFailures
            .map(
                ({ componentType, fullName, problem }) => `${componentType} ${fullName}: ${problem}`
            )
            .join('\n');
    }
    const output = (stderr || stdout || '').trim();
    return output ? output.split('\n').slice(0, 10).join('\n') : 'no output from the CLI';
}
