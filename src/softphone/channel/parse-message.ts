/**
 * Turns an unknown LMS message into a typed command or event, or into an error whose message names
 * the problem (`missing field "payload.number"`, `unknown type "dail"`, …) so that the LWC author
 * can fix the sender from the error event alone.
 */
import * as v from 'valibot';
import {
    englishContractWords,
    isContractLabelName,
    type ContractLabelName,
    type ContractWords
} from './contract-words';
import {
    COMMAND_SCHEMAS,
    CONTRACT_LIMITS,
    CONTRACT_VERSION,
    EVENT_SCHEMAS,
    RequestIdSchema,
    isCommandType,
    isEventType
} from './message-contract';
import type {
    CommandType,
    EventType,
    SoftphoneCommandMessage,
    SoftphoneEventMessage
} from './message-contract';

export type ContractErrorCode =
    'INVALID_MESSAGE' | 'UNSUPPORTED_VERSION' | 'UNKNOWN_TYPE' | 'MISSING_FIELD' | 'INVALID_FIELD';

export interface ContractError {
    readonly code: ContractErrorCode;
    readonly message: string;
    /** The message's requestId when it could be read and is itself valid (to echo it). */
    readonly requestId?: string;
    /** The message's type when it is a known type of the expected kind. */
    readonly type?: CommandType | EventType;
}

export type ParseCommandResult =
    | { readonly ok: true; readonly command: SoftphoneCommandMessage }
    | { readonly ok: false; readonly error: ContractError };

export type ParseEventResult =
    | { readonly ok: true; readonly event: SoftphoneEventMessage }
    | { readonly ok: false; readonly error: ContractError };

/** How many issues one error message lists before summarising the rest. */
const MAX_LISTED_ISSUES = 3;

/** `words` formats the error messages: English unless the caller passes its labels. */
export function parseCommand(
    input: unknown,
    words: ContractWords = englishContractWords
): ParseCommandResult {
    const checked = checkEnvelope(input, 'command', words);
    if (!checked.ok) {
        return checked;
    }
    const type = checked.type as CommandType;
    const result = v.safeParse(COMMAND_SCHEMAS[type], input, { abortEarly: false });
    if (result.success) {
        return { ok: true, command: result.output as SoftphoneCommandMessage };
    }
    return { ok: false, error: issuesToError(result.issues, checked.requestId, type, words) };
}

export function parseEvent(
    input: unknown,
    words: ContractWords = englishContractWords
): ParseEventResult {
    const checked = checkEnvelope(input, 'event', words);
    if (!checked.ok) {
        return checked;
    }
    const type = checked.type as EventType;
    const result = v.safeParse(EVENT_SCHEMAS[type], input, { abortEarly: false });
    if (result.success) {
        return { ok: true, event: result.output as SoftphoneEventMessage };
    }
    return { ok: false, error: issuesToError(result.issues, checked.requestId, type, words) };
}

/** The message's requestId if it is a valid one, else undefined (never throws). */
export function readRequestId(input: unknown): string | undefined {
    if (!isRecord(input)) {
        return undefined;
    }
    const candidate = input.requestId;
    return v.is(RequestIdSchema, candidate) ? candidate : undefined;
}

type EnvelopeCheck =
    | { readonly ok: true; readonly type: string; readonly requestId?: string }
    | { readonly ok: false; readonly error: ContractError };

/** Version and type first: they decide which schema applies and are the most useful errors. */
function checkEnvelope(
    input: unknown,
    kind: 'command' | 'event',
    words: ContractWords
): EnvelopeCheck {
    if (!isRecord(input)) {
        return fail(
            'INVALID_MESSAGE',
            words('Softphone_Channel_Not_An_Object', describeValue(input, words))
        );
    }
    const requestId = readRequestId(input);
    const type = input.type;
    const isExpectedKind = kind === 'command' ? isCommandType(type) : isEventType(type);
    // Even a message rejected for its version names a known type, so the answer can say which.
    const knownType = isExpectedKind ? (type as CommandType | EventType) : undefined;
    const failWith = (code: ContractErrorCode, message: string): EnvelopeCheck =>
        fail(code, message, requestId, knownType);
    if (!('version' in input) || input.version === undefined) {
        return failWith('MISSING_FIELD', words('Softphone_Channel_Missing_Field', 'version'));
    }
    if (input.version !== CONTRACT_VERSION) {
        return failWith(
            'UNSUPPORTED_VERSION',
            words(
                'Softphone_Channel_Unsupported_Version',
                describeValue(input.version, words),
                CONTRACT_VERSION
            )
        );
    }
    if (type === undefined) {
        return failWith('MISSING_FIELD', words('Softphone_Channel_Missing_Field', 'type'));
    }
    if (typeof type !== 'string') {
        return failWith(
            'INVALID_FIELD',
            words(
                'Softphone_Channel_Must_Be',
                'type',
                words('Softphone_Channel_A_String'),
                describeValue(type, words)
            )
        );
    }
    if (!isExpectedKind) {
        const other = kind === 'command' ? isEventType(type) : isCommandType(type);
        const message = other
            ? words(
                  kind === 'command'
                      ? 'Softphone_Channel_Event_Not_Command'
                      : 'Softphone_Channel_Command_Not_Event',
                  type
              )
            : words('Softphone_Channel_Unknown_Type', clip(type, 40));
        return failWith('UNKNOWN_TYPE', message);
    }
    return requestId === undefined ? { ok: true, type } : { ok: true, type, requestId };
}

function fail(
    code: ContractErrorCode,
    message: string,
    requestId?: string,
    type?: CommandType | EventType
): EnvelopeCheck {
    return { ok: false, error: withOptional({ code, message }, requestId, type) };
}

function issuesToError(
    issues: readonly v.BaseIssue<unknown>[],
    requestId: string | undefined,
    type: CommandType | EventType,
    words: ContractWords
): ContractError {
    // One problem per field: an empty number is "empty", not also "has no digit".
    const seenPaths = new Set<string>();
    const described = issues
        .filter((issue) => {
            const path = v.getDotPath(issue) ?? '';
            const fresh = !seenPaths.has(path);
            seenPaths.add(path);
            return fresh;
        })
        .map((issue) => describeIssue(issue, words));
    const first = described[0];
    const code: ContractErrorCode = first?.missing ? 'MISSING_FIELD' : 'INVALID_FIELD';
    const listed = described.slice(0, MAX_LISTED_ISSUES).map((issue) => issue.message);
    const rest = described.length - listed.length;
    const message = clip(
        [
            ...listed,
            ...(rest === 0
                ? []
                : [
                      rest === 1
                          ? words('Softphone_Channel_One_More_Problem')
                          : words('Softphone_Channel_More_Problems', rest)
                  ])
        ].join('; '),
        CONTRACT_LIMITS.errorMessageMax
    );
    return withOptional({ code, message }, requestId, type);
}

function withOptional(
    error: { code: ContractErrorCode; message: string },
    requestId: string | undefined,
    type: CommandType | EventType | undefined
): ContractError {
    return {
        ...error,
        ...(requestId === undefined ? {} : { requestId }),
        ...(type === undefined ? {} : { type })
    };
}

interface DescribedIssue {
    readonly missing: boolean;
    readonly message: string;
}

const EXPECTED_TYPE_WORDS: Readonly<Record<string, ContractLabelName>> = {
    string: 'Softphone_Channel_A_String',
    number: 'Softphone_Channel_A_Number',
    boolean: 'Softphone_Channel_True_Or_False',
    Object: 'Softphone_Channel_An_Object',
    Array: 'Softphone_Channel_A_List'
};

function describeIssue(issue: v.BaseIssue<unknown>, words: ContractWords): DescribedIssue {
    const path = clip(v.getDotPath(issue) ?? 'message', 80);
    const isObjectKeyIssue = issue.type === 'object' || issue.type === 'strict_object';
    if (isObjectKeyIssue && issue.expected === 'never') {
        return { missing: false, message: words('Softphone_Channel_Unknown_Field', path) };
    }
    if (isObjectKeyIssue && issue.received === 'undefined' && issue.path !== undefined) {
        return { missing: true, message: words('Softphone_Channel_Missing_Field', path) };
    }
    switch (issue.type) {
        case 'min_length':
            return {
                missing: false,
                message:
                    issue.requirement === 1
                        ? words('Softphone_Channel_Empty', path)
                        : words('Softphone_Channel_Too_Short', path, String(issue.requirement))
            };
        case 'max_length':
            return {
                missing: false,
                message: words(
                    'Softphone_Channel_Too_Long',
                    path,
                    String(issue.requirement),
                    issue.received
                )
            };
        case 'integer':
            return { missing: false, message: words('Softphone_Channel_Whole_Number', path) };
        case 'min_value':
            return {
                missing: false,
                message: words('Softphone_Channel_At_Least', path, String(issue.requirement))
            };
        case 'literal':
            return {
                missing: false,
                message: words(
                    'Softphone_Channel_Must_Be',
                    path,
                    issue.expected ?? words('Softphone_Channel_A_Known_Value'),
                    clip(issue.received, 60)
                )
            };
        case 'picklist':
            return {
                missing: false,
                message: words(
                    'Softphone_Channel_One_Of',
                    path,
                    formatChoices(issue.expected, words),
                    clip(issue.received, 60)
                )
            };
        case 'regex':
        case 'check':
        case 'custom':
            // message-contract.ts names a label as the schema's message; it takes the path.
            return {
                missing: false,
                message: isContractLabelName(issue.message)
                    ? words(issue.message, path)
                    : `"${path}" ${issue.message}`
            };
        default: {
            const expected = issue.expected ?? '';
            const name = EXPECTED_TYPE_WORDS[expected];
            return {
                missing: false,
                message: words(
                    'Softphone_Channel_Must_Be',
                    path,
                    name === undefined ? expected : words(name),
                    clip(issue.received, 60)
                )
            };
        }
    }
}

/** valibot writes picklist choices as `("a" | "b")`; a list reads better in a sentence. */
function formatChoices(expected: string | null, words: ContractWords): string {
    if (expected === null) {
        return words('Softphone_Channel_Listed_Values');
    }
    return expected
        .replace(/^\(|\)$/g, '')
        .split(' | ')
        .join(', ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown, words: ContractWords): string {
    if (value === null) {
        return 'null';
    }
    if (Array.isArray(value)) {
        return words('Softphone_Channel_An_Array');
    }
    if (typeof value === 'string') {
        return `"${clip(value, 40)}"`;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
        return String(value);
    }
    return typeof value;
}

/**
 * Quotes a piece of the sender's input in an error message: markup brackets and control or
 * bidi characters are replaced, so the message is inert and reads the same wherever it lands.
 */
function clip(text: string, max: number): string {
    const safe = text
        .replace(/</g, '‹')
        .replace(/>/g, '›')
        .replace(
            /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g,
            '\ufffd'
        );
    return safe.length <= max ? safe : `${safe.slice(0, max - 1)}…`;
}
