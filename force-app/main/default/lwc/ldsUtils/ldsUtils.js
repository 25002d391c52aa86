/**
 * Turns what Lightning Data Service and the UI API report as errors into readable messages, so every
 * component shows errors the same way (wire `error` values, rejected updateRecord promises, plain
 * JavaScript errors). Messages come from the server or the browser: render them as text.
 *
 * Shapes handled:
 * - UI API read errors: `{ body: [{ message }] }`
 * - UI API write errors: `{ body: { message, output: { errors: [{ message }], fieldErrors: { Field: [{ message }] } } } }`
 * - other fetch errors: `{ body: { message } }`, or only `{ statusText }`
 * - JavaScript errors and strings
 */

/**
 * @param {*} errors one error or an array of errors (null and undefined entries are skipped)
 * @returns {string[]} distinct, non-empty messages in the order found
 */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages = list.flatMap((error) => messagesOf(error));
    return [...new Set(messages.map((message) => message.trim()).filter((message) => message))];
}

function messagesOf(error) {
    if (error === null || error === undefined) {
        return [];
    }
    if (typeof error === 'string') {
        return [error];
    }
    const body = error.body;
    if (Array.isArray(body)) {
        return body.flatMap((entry) => messagesOf(entry));
    }
    if (body && typeof body === 'object') {
        const fromOutput = outputMessages(body.output);
        if (fromOutput.length > 0) {
            return fromOutput;
        }
        if (typeof body.message === 'string' && body.message) {
            return [body.message];
        }
    }
    if (typeof error.message === 'string' && error.message) {
        return [error.message];
    }
    if (typeof error.statusText === 'string' && error.statusText) {
        return [error.statusText];
    }
    return [];
}

/** Record-level errors first, then field errors (each one names its field's problem). */
function outputMessages(output) {
    if (!output || typeof output !== 'object') {
        return [];
    }
    const recordErrors = Array.isArray(output.errors)
        ? output.errors.map((entry) => entry && entry.message).filter(Boolean)
        : [];
    const fieldErrors =
        output.fieldErrors && typeof output.fieldErrors === 'object'
            ? Object.values(output.fieldErrors)
                  .flat()
                  .map((entry) => entry && entry.message)
                  .filter(Boolean)
            : [];
    return [...recordErrors, ...fieldErrors];
}
