// Runs a script's steps in order, saying what each one does; the first failing step stops the run
// with the CLI's error and what to do about it. Also what the org scripts share around their
// steps: the start of main() and the build step.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown by a step: `message` is what went wrong (the CLI's words), `whatToDo` the way out. */
export class StepFailure extends Error {
    constructor(message, whatToDo) {
        super(message);
        this.whatToDo = whatToDo;
    }
}

/** Throws a StepFailure for a failed `runSf` outcome; returns the outcome otherwise. */
export function expectSuccess(outcome, whatToDo) {
    if (!outcome.ok) {
        throw new StepFailure(`${outcome.command} failed:\n${outcome.message}`, whatToDo);
    }
    return outcome;
}

const indent = (text) => text.replace(/^/gm, '      ');

/**
 * steps: [{ title, run(context) }] where run returns a line saying what it did (or nothing).
 * Resolves to the process exit code: 0 when every step passed, 1 at the first failure.
 */
export async function runSteps(
    steps,
    context,
    { out = process.stdout, err = process.stderr } = {}
) {
    for (const [index, step] of steps.entries()) {
        out.write(`[${index + 1}/${steps.length}] ${step.title}\n`);
        try {
            const done = await step.run(context);
            if (done) {
                out.write(`${indent(done)}\n`);
            }
        } catch (error) {
            const whatToDo = error instanceof StepFailure ? error.whatToDo : undefined;
            err.write(`${indent(`FAILED: ${error.message}`)}\n`);
            if (whatToDo) {
                err.write(`${indent(`What to do: ${whatToDo}`)}\n`);
            }
            err.write(`Stopped at step ${index + 1} of ${steps.length}: ${step.title}.\n`);
            return 1;
        }
    }
    return 0;
}

/**
 * Builds the softphone static resource. It is generated, so it must be built before a deploy
 * (which fails without it) or a package version (which would ship none). `whatToDo` says how to
 * go on once the build error is fixed.
 */
export function buildSoftphoneStep(whatToDo) {
    return {
        title: 'Build the softphone static resource',
        run({ cli }) {
            const build = spawnSync(process.execPath, ['scripts/build.mjs', 'softphone'], {
                cwd: cli.projectRoot,
                encoding: 'utf8'
            });
            if (build.status !== 0) {
                throw new StepFailure(
                    `node scripts/build.mjs softphone failed:\n${(build.stderr || build.stdout || build.error?.message || '').trim()}`,
                    whatToDo
                );
            }
            return 'built force-app/main/default/staticresources/softphone';
        }
    };
}

/**
 * An org script's main(): reads the options with `readOptions(argv)` (a bad one prints the error
 * and the usage, exit code 2), prints the usage for --help (0), insists on running from the
 * project root (1), then resolves to what `body(options, context)` resolves to, where `context`
 * is the steps' context `{ cli: { projectRoot, env } }`.
 */
export async function runCommand(argv, { readOptions, usage }, body) {
    let options;
    try {
        options = readOptions(argv);
    } catch (error) {
        process.stderr.write(`${error.message}\n\n${usage}`);
        return 2;
    }
    if (options.help) {
        process.stdout.write(usage);
        return 0;
    }
    const projectRoot = process.cwd();
    if (!existsSync(join(projectRoot, 'sfdx-project.json'))) {
        process.stderr.write('Run this from the project root (where sfdx-project.json is).\n');
        return 1;
    }
    return body(options, { cli: { projectRoot, env: process.env } });
}
