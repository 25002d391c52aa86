/**
 * Reads the `{ success, returnValue, errors }` envelope every Open CTI callback receives.
 * Errors are documented as an array of `{ code, description, details }` objects (saveLog puts
 * field-level messages in `details`); some pages name the field `error`, and older samples
 * show plain strings, so all of those are accepted.
 */
import { label } from '../i18n';

export type CallbackOutcome =
    | { readonly ok: true; readonly returnValue: unknown; readonly response: object }
    | {
          readonly ok: false;
          readonly messages: readonly string[];
          readonly codes: readonly string[];
      };

const MAX_MESSAGE_LENGTH = 1000;

export function readCallbackResponse(response: unknown): CallbackOutcome {
    if (typeof response !== 'object' || response === null) {
        return { ok: false, messages: [label('Softphone_Pop_Unreadable_Response')], codes: [] };
    }
    const envelope = response as Record<string, unknown>;
    if (envelope.success === true) {
        return { ok: true, returnValue: envelope.returnValue ?? null, response };
    }
    const rawErrors = envelope.errors ?? envelope.error;
    const items = Array.isArray(rawErrors) ? rawErrors : rawErrors === undefined ? [] : [rawErrors];
    const messages: string[] = [];
    const codes: string[] = [];
    for (const item of items) {
        collectError(item, messages, codes);
    }
    return { ok: false, messages, codes };
}

function collectError(item: unknown, messages: string[], codes: string[]): void {
    if (typeof item === 'string') {
        pushMessage(messages, item);
        return;
    }
    if (typeof item !== 'object' || item === null) {
        return;
    }
    const error = item as Record<string, unknown>;
    if (typeof error.code === 'string' && error.code.trim() !== '') {
        codes.push(error.code.trim());
    }
    if (typeof error.description === 'string') {
        pushMessage(messages, error.description);
    } else if (typeof error.message === 'string') {
        pushMessage(messages, error.message);
    }
    // saveLog: details is a list of { message, ... } naming the failing fields.
    if (Array.isArray(error.details)) {
        for (const detail of error.details) {
            if (typeof detail === 'string') {
                pushMessage(messages, detail);
            } else if (typeof detail === 'object' && detail !== null) {
                const message = (detail as Record<string, unknown>).message;
                if (typeof message === 'string') {
                    pushMessage(messages, message);
                }
            }
        }
    }
}

function pushMessage(messages: string[], text: string): void {
    const trimmed = text.trim();
    if (trimmed !== '' && !messages.includes(trimmed)) {
        messages.push(trimmed.slice(0, MAX_MESSAGE_LENGTH));
    }
}
