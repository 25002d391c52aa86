// Runs a script's steps in order, saying what each one does; the first failing step stops the run
// with the CLI's error and what to do about it.

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
