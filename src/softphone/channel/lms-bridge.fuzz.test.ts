/**
 * Fuzzing the LMS bridge with a fixed seed: 10,000 random and mutated messages through the real
 * LmsBridge (fake host, fake commands). Whatever arrives, nothing escapes as an exception or a
 * rejection, and every message that is not one of our own events gets exactly one answer: the
 * command's normal path when it is valid, else one `error` event naming the problem.
 *
 * A failure prints the seed and the index of the message; `FUZZ_SEED=<n>` replays another seed.
 */
import { seededRandom } from '../shared/seeded-random';
import { CONTRACT_EXAMPLES } from './test-support/contract-examples';
import type { JsonValue } from './test-support/contract-examples';
import { COMMAND_FAILED_CODE, LmsBridge } from './lms-bridge';
import type { CommandResult, LmsBridgeError, SoftphoneCommands } from './lms-bridge';
import {
    COMMAND_TYPES,
    CONTRACT_LIMITS,
    EVENT_TYPES,
    SOFTPHONE_CHANNEL_NAME,
    isEventType
} from './message-contract';
import type { CommandType, SoftphoneEventMessage, StatePayload } from './message-contract';
import { parseCommand, parseEvent, readRequestId } from './parse-message';
import type { ContractErrorCode } from './parse-message';
import { RecordingLmsHost } from './test-support/recording-lms-host';

const SEED = Number(process.env.FUZZ_SEED ?? 20260715);
const MESSAGES = 10_000;

const STATE: StatePayload = {
    agentState: 'Available',
    connectionStatus: 'connected',
    softphoneVersion: '0.1.0'
};

const CONTRACT_ERROR_CODES: readonly ContractErrorCode[] = [
    'INVALID_MESSAGE',
    'UNSUPPORTED_VERSION',
    'UNKNOWN_TYPE',
    'MISSING_FIELD',
    'INVALID_FIELD'
];

/** Markup an error message must never carry raw: a tag, a comment or a declaration opening. */
const RAW_MARKUP = /<\s*[A-Za-z!/?]/;
/** Controls and bidi overrides/isolates, which reorder or hide text wherever it is shown. */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// ---- the generator ---------------------------------------------------------------------------

type Path = readonly (string | number)[];
type Mutable = Record<string | number, unknown>;

const HUGE = 'A'.repeat(10 * 1024);

const HOSTILE_STRINGS: readonly string[] = [
    '',
    ' ',
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=1</script>',
    '"><svg onload=alert(1)>',
    '<!-- comment -->',
    'javascript:alert(1)',
    '\u202Eevil',
    '\u0000\u0001\u0007\b\t\n\r\u001b[31m',
    '\u200b\u200e\u2066zero width\u2069',
    '\ud800 lone surrogate',
    '😀'.repeat(50),
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    '%s%n%x',
    '${7*7}{{7*7}}',
    "'; DROP TABLE Phone_Call__c; --",
    '٤١٥٥٥٥٠١٠١',
    '+1 (415) 555-0100',
    '0035g00000AbCdEAAZ',
    'dial',
    'Dial',
    'pong',
    'req-1',
    'r'.repeat(65),
    '1'.repeat(41),
    HUGE,
    'B'.repeat(100 * 1024)
];

const HOSTILE_NUMBERS: readonly number[] = [
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    1,
    2,
    -1,
    0.5,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_VALUE
];

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

class MessageFuzzer {
    private readonly bases: readonly JsonValue[];
    private readonly examples: readonly JsonValue[];
    private nextBase = 0;

    constructor(private readonly random: () => number) {
        // Commands three times as often as events: events are only ignored unless mutated.
        this.bases = CONTRACT_EXAMPLES.flatMap((example) => {
            const valid = [example.valid, ...example.alsoValid];
            return example.kind === 'command' ? [...valid, ...valid, ...valid] : valid;
        });
        this.examples = CONTRACT_EXAMPLES.flatMap((example) => [
            example.valid,
            ...example.alsoValid
        ]);
    }

    /** Every valid example in turn, so that each one is mutated about equally often. */
    get validExamples(): readonly JsonValue[] {
        return this.examples;
    }

    message(): unknown {
        const roll = this.random();
        if (roll < 0.08) {
            return this.randomJson(0);
        }
        if (roll < 0.12) {
            return this.nonJsonRoot();
        }
        const base = this.bases[this.nextBase % this.bases.length] as JsonValue;
        this.nextBase += 1;
        if (roll < 0.27) {
            return clone(base);
        }
        let message: unknown = clone(base);
        const steps = 1 + Math.floor(this.random() * 3);
        for (let step = 0; step < steps; step += 1) {
            message = this.mutate(message);
        }
        return message;
    }

    private int(max: number): number {
        return Math.floor(this.random() * max);
    }

    private pick<T>(items: readonly T[]): T {
        return items[this.int(items.length)] as T;
    }

    randomJson(depth: number): unknown {
        const roll = this.random();
        if (depth >= 4 || roll < 0.5) {
            const scalars: unknown[] = [
                null,
                this.random() < 0.5,
                this.pick(HOSTILE_NUMBERS),
                Math.floor(this.random() * 1e6) - 5e5,
                this.pick(HOSTILE_STRINGS),
                this.randomText()
            ];
            return this.pick(scalars);
        }
        if (roll < 0.7) {
            return Array.from({ length: this.int(5) }, () => this.randomJson(depth + 1));
        }
        const object: Mutable = {};
        const keys = ['version', 'type', 'requestId', 'payload', 'number', 'callId', 'muted'];
        for (let index = this.int(6); index > 0; index -= 1) {
            const key = this.random() < 0.5 ? this.pick(keys) : this.randomText();
            defineOwn(object, key, this.randomJson(depth + 1));
        }
        return object;
    }

    private randomText(): string {
        const length = this.int(20);
        let text = '';
        for (let index = 0; index < length; index += 1) {
            // Mostly printable ASCII, some of anything in the BMP (controls and surrogates too).
            text += String.fromCharCode(
                this.random() < 0.8 ? 32 + this.int(95) : this.int(0x10000)
            );
        }
        return text;
    }

    /** Values a structured clone (how LMS delivers) can carry but JSON cannot, and traps. */
    private nonJsonRoot(): unknown {
        const base = clone(this.pick(this.bases)) as Mutable;
        const options: (() => unknown)[] = [
            () => Object.assign(Object.create(null) as Mutable, base),
            () => Object.freeze(base),
            () => new Proxy(base, { get: () => this.throwNow('get') }),
            () => new Proxy(base, { ownKeys: () => this.throwNow('ownKeys') }),
            () => new Proxy(base, { has: () => this.throwNow('has') }),
            () => new Proxy(base, { getPrototypeOf: () => this.throwNow('getPrototypeOf') }),
            () => ({
                ...base,
                get payload(): unknown {
                    throw new Error('payload getter');
                }
            }),
            () => new Map(Object.entries(base)),
            () => new Date(0),
            () => Symbol('message'),
            () => 12n,
            () => () => base,
            () => undefined
        ];
        return this.pick(options)();
    }

    private throwNow(trap: string): never {
        throw new Error(`trap ${trap}`);
    }

    mutate(message: unknown): unknown {
        const root: { value: unknown } = { value: message };
        const paths = pathsOf(message, ['value']);
        const objects = [['value'] as Path, ...paths].filter((path) =>
            isPlainObject(valueAt(root, path))
        );
        const path = this.pick([['value'] as Path, ...paths]);
        const parent = valueAt(root, path.slice(0, -1)) as Mutable;
        const key = path[path.length - 1] as string | number;
        const current = parent[key];
        switch (this.int(11)) {
            case 0: // drop a field
                if (path.length > 1) {
                    delete parent[key];
                }
                break;
            case 1: {
                // rename a field (a typo, another case, a trailing space)
                if (path.length > 1 && typeof key === 'string') {
                    const renamed = this.pick([
                        `${key}s`,
                        key.slice(1),
                        key.toUpperCase(),
                        `${key} `,
                        key.replace(/[a-z]/, (c) => c.toUpperCase())
                    ]);
                    delete parent[key];
                    defineOwn(parent, renamed, current);
                }
                break;
            }
            case 2: // retype a field
                parent[key] = this.retype(current);
                break;
            case 3:
                parent[key] = this.pick(HOSTILE_STRINGS);
                break;
            case 4:
                parent[key] = this.pick(HOSTILE_NUMBERS);
                break;
            case 5: {
                // prototype-pollution keys, as own properties (as JSON.parse makes them)
                const target = this.pickObject(root, objects);
                if (target !== undefined) {
                    defineOwn(
                        target,
                        this.pick(POLLUTING_KEYS),
                        this.pick([{ polluted: true }, 'polluted', null, [1]])
                    );
                }
                break;
            }
            case 6:
                parent[key] = deepNest(10 + this.int(1000), this.random() < 0.5);
                break;
            case 7: // an array where an object belongs, or an object where a value belongs
                parent[key] = isPlainObject(current)
                    ? this.pick([Object.values(current), [current], []])
                    : { value: current };
                break;
            case 8: {
                // another type: a command, an event, a case variant, unknown
                const target = this.pickObject(root, objects);
                if (target !== undefined) {
                    target.type = this.pick<unknown>([
                        ...COMMAND_TYPES,
                        ...EVENT_TYPES,
                        'DIAL',
                        'transfer',
                        '<b>dial</b>',
                        undefined
                    ]);
                }
                break;
            }
            case 9: {
                const target = this.pickObject(root, objects);
                if (target !== undefined) {
                    defineOwn(target, this.randomText() || 'extra', this.randomJson(2));
                }
                break;
            }
            default:
                parent[key] = this.pick<unknown>([
                    undefined,
                    12n,
                    new Date(NaN),
                    new Map([['a', 1]]),
                    new Uint8Array(4),
                    Symbol('x'),
                    () => 1
                ]);
        }
        return root.value;
    }

    private pickObject(root: { value: unknown }, objects: readonly Path[]): Mutable | undefined {
        return objects.length === 0 ? undefined : (valueAt(root, this.pick(objects)) as Mutable);
    }

    private retype(value: unknown): unknown {
        switch (typeof value) {
            case 'string':
                return this.pick<unknown>([Number(value), value === 'true', [value], { value }]);
            case 'number':
                return this.pick<unknown>([String(value), value !== 0, [value]]);
            case 'boolean':
                return this.pick<unknown>([String(value), Number(value), null]);
            default:
                return this.pick<unknown>(['[object Object]', 1, true, null]);
        }
    }
}

function clone(value: JsonValue): unknown {
    return JSON.parse(JSON.stringify(value)) as unknown;
}

/** `object[key] = value` would set the prototype for `__proto__`: define an own property. */
function defineOwn(object: Mutable, key: string, value: unknown): void {
    Object.defineProperty(object, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true
    });
}

function isPlainObject(value: unknown): value is Mutable {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}

function pathsOf(value: unknown, prefix: Path): Path[] {
    if (typeof value !== 'object' || value === null || prefix.length > 6) {
        return [];
    }
    if (!Array.isArray(value) && !isPlainObject(value)) {
        return [];
    }
    const keys: (string | number)[] = Array.isArray(value)
        ? value.map((_item, index) => index)
        : Object.keys(value);
    return keys.flatMap((key) => {
        const path = [...prefix, key];
        return [path, ...pathsOf((value as Mutable)[key], path)];
    });
}

function valueAt(root: unknown, path: Path): unknown {
    let node = root;
    for (const key of path) {
        node = (node as Mutable)[key];
    }
    return node;
}

/** Built iteratively: thousands of levels without recursion in the generator itself. */
function deepNest(depth: number, asArray: boolean): unknown {
    let value: unknown = 'bottom';
    for (let level = 0; level < depth; level += 1) {
        value = asArray ? [value] : { nested: value };
    }
    return value;
}

// ---- the fakes -------------------------------------------------------------------------------

type Behaviour = 'ok' | 'fail' | 'throw' | 'reject';
type HandlerName = Exclude<keyof SoftphoneCommands, 'snapshot'>;

class FakeCommands implements SoftphoneCommands {
    behaviour: Behaviour = 'ok';
    snapshotThrows = false;
    calls: { name: HandlerName; args: unknown[] }[] = [];

    dial(...args: unknown[]) {
        return this.handle('dial', args);
    }
    answer(...args: unknown[]) {
        return this.handle('answer', args);
    }
    hangup(...args: unknown[]) {
        return this.handle('hangup', args);
    }
    hold(...args: unknown[]) {
        return this.handle('hold', args);
    }
    resume(...args: unknown[]) {
        return this.handle('resume', args);
    }
    mute(...args: unknown[]) {
        return this.handle('mute', args);
    }
    decline(...args: unknown[]) {
        return this.handle('decline', args);
    }
    setAgentState(...args: unknown[]) {
        return this.handle('setAgentState', args);
    }
    sendDtmf(...args: unknown[]) {
        return this.handle('sendDtmf', args);
    }
    completeWrapUp(...args: unknown[]) {
        return this.handle('completeWrapUp', args);
    }
    setDisposition(...args: unknown[]) {
        return this.handle('setDisposition', args);
    }
    transfer(...args: unknown[]) {
        return this.handle('transfer', args);
    }
    completeConsult() {
        return this.handle('completeConsult', []);
    }
    cancelConsult() {
        return this.handle('cancelConsult', []);
    }
    conference() {
        return this.handle('conference', []);
    }
    dropParty(...args: unknown[]) {
        return this.handle('dropParty', args);
    }
    swap() {
        return this.handle('swap', []);
    }
    snapshot(): StatePayload {
        if (this.snapshotThrows) {
            throw new Error('snapshot failed');
        }
        return STATE;
    }

    private handle(name: HandlerName, args: unknown[]): Promise<CommandResult> {
        this.calls.push({ name, args });
        switch (this.behaviour) {
            case 'ok':
                return Promise.resolve({ ok: true });
            case 'fail':
                return Promise.resolve({ ok: false, code: 'BUSY', message: 'Busy. '.repeat(300) });
            case 'throw':
                throw new Error('handler threw');
            case 'reject':
                return Promise.reject(new Error('x'.repeat(5000)));
        }
    }
}

// ---- the run ---------------------------------------------------------------------------------

interface Outcome {
    readonly index: number;
    readonly message: unknown;
    readonly published: readonly SoftphoneEventMessage[];
    readonly calls: readonly { name: HandlerName; args: unknown[] }[];
    readonly behaviour: Behaviour;
    readonly snapshotThrows: boolean;
    readonly escaped?: unknown;
}

function describeMessage(message: unknown): string {
    try {
        const text = JSON.stringify(message, (_key, value: unknown) =>
            typeof value === 'bigint' ? `${value}n` : value
        );
        return text === undefined ? String(message) : text.slice(0, 300);
    } catch {
        return safely(() => Object.prototype.toString.call(message), '[unprintable]');
    }
}

/** Reads a message's `type` the way the bridge does, without letting a trap throw here. */
function typeOf(message: unknown): unknown {
    try {
        return typeof message === 'object' && message !== null
            ? (message as { type?: unknown }).type
            : undefined;
    } catch {
        return undefined;
    }
}

function safely<T>(read: () => T, fallback: T): T {
    try {
        return read();
    } catch {
        return fallback;
    }
}

describe(`LmsBridge fuzz (seed ${SEED}, ${MESSAGES} messages)`, () => {
    const outcomes: Outcome[] = [];
    const bridgeErrors: LmsBridgeError[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    let validExampleCount = 0;

    beforeAll(async () => {
        process.on('unhandledRejection', onUnhandled);
        const random = seededRandom(SEED);
        const fuzzer = new MessageFuzzer(random);
        validExampleCount = fuzzer.validExamples.length;
        const host = new RecordingLmsHost();
        const commands = new FakeCommands();
        const bridge = new LmsBridge({
            host,
            channelName: SOFTPHONE_CHANNEL_NAME,
            commands,
            onError: (error) => bridgeErrors.push(error)
        });
        await bridge.start();
        for (let index = 0; index < MESSAGES; index += 1) {
            const message = fuzzer.message();
            const behaviourRoll = random();
            commands.behaviour =
                behaviourRoll < 0.6
                    ? 'ok'
                    : behaviourRoll < 0.8
                      ? 'fail'
                      : behaviourRoll < 0.9
                        ? 'throw'
                        : 'reject';
            commands.snapshotThrows = random() < 0.1;
            commands.calls = [];
            host.published = [];
            let escaped: unknown;
            try {
                if (index % 10 === 0) {
                    // As LMS delivers: through the subscribed listener, not awaited by anyone.
                    host.listener?.(message);
                    await new Promise((resolve) => setImmediate(resolve));
                } else {
                    await bridge.handleMessage(message);
                }
            } catch (error) {
                escaped = error ?? 'undefined rejection';
            }
            outcomes.push({
                index,
                message,
                published: host.published,
                calls: commands.calls,
                behaviour: commands.behaviour,
                snapshotThrows: commands.snapshotThrows,
                ...(escaped === undefined ? {} : { escaped })
            });
        }
        // Let any stray promise settle before the checks.
        await new Promise((resolve) => setImmediate(resolve));
        // About 1 s on an idle machine. No time is asserted here (timings belong to the bench);
        // the generous limit only lets a loaded machine finish, and still stops a pathological
        // slowdown such as a regex that backtracks on huge input.
    }, 120_000);

    afterAll(() => {
        process.off('unhandledRejection', onUnhandled);
    });

    /** Fails with the first few offending messages, each with its index, to replay them. */
    function expectNone(problems: readonly string[]): void {
        expect(problems.slice(0, 5)).toEqual([]);
    }

    it('lets no exception, rejection or bridge error escape', () => {
        expectNone(
            outcomes
                .filter((outcome) => outcome.escaped !== undefined)
                .map((o) => `#${o.index} ${String(o.escaped)}: ${describeMessage(o.message)}`)
        );
        expect(unhandled).toEqual([]);
        expect(bridgeErrors).toEqual([]);
        expect(outcomes).toHaveLength(MESSAGES);
    });

    it('publishes only events that keep the contract', () => {
        expectNone(
            outcomes.flatMap((outcome) =>
                outcome.published
                    .map((event) => parseEvent(event))
                    .filter((result) => !result.ok)
                    .map((result) => `#${outcome.index}: ${JSON.stringify(result)}`)
            )
        );
    });

    it('answers every message that is not an event exactly once', () => {
        const problems: string[] = [];
        for (const outcome of outcomes) {
            const { message, published, calls } = outcome;
            const types = published.map((event) => event.type);
            const where = () =>
                `#${outcome.index} ${describeMessage(message)} → ${JSON.stringify(published).slice(0, 300)}`;
            if (isEventType(typeOf(message))) {
                if (published.length > 0 || calls.length > 0) {
                    problems.push(`own event answered: ${where()}`);
                }
                continue;
            }
            const parsed = safely(() => parseCommand(message), undefined);
            if (parsed?.ok) {
                const command = parsed.command;
                const requestId = command.requestId;
                if (!published.every((event) => event.requestId === requestId)) {
                    problems.push(`requestId not echoed: ${where()}`);
                }
                if (command.type === 'ping') {
                    // pong goes first; a state that cannot be read follows as an error.
                    const expected = outcome.snapshotThrows ? ['pong', 'error'] : ['pong', 'state'];
                    if (JSON.stringify(types) !== JSON.stringify(expected) || calls.length > 0) {
                        problems.push(`ping not answered with ${expected.join('+')}: ${where()}`);
                    }
                    continue;
                }
                if (command.type === 'getState') {
                    const expected = outcome.snapshotThrows ? ['error'] : ['state'];
                    if (JSON.stringify(types) !== JSON.stringify(expected) || calls.length > 0) {
                        problems.push(`getState not answered with ${expected[0]}: ${where()}`);
                    }
                    continue;
                }
                const failed = outcome.behaviour !== 'ok';
                if (calls.length !== 1 || calls[0]?.name !== command.type) {
                    problems.push(`valid ${command.type} not handled once: ${where()}`);
                } else if (JSON.stringify(types) !== JSON.stringify(failed ? ['error'] : [])) {
                    problems.push(`valid ${command.type} answered wrongly: ${where()}`);
                } else if (failed) {
                    const payload = published[0]?.payload as {
                        code: string;
                        inResponseTo?: string;
                    };
                    const code = outcome.behaviour === 'fail' ? 'BUSY' : COMMAND_FAILED_CODE;
                    if (payload.code !== code || payload.inResponseTo !== command.type) {
                        problems.push(`failure not reported as ${code}: ${where()}`);
                    }
                }
                continue;
            }
            if (calls.length > 0) {
                problems.push(`invalid message reached a handler: ${where()}`);
            }
            if (JSON.stringify(types) !== '["error"]') {
                problems.push(`invalid message not answered with one error: ${where()}`);
                continue;
            }
            const event = published[0] as SoftphoneEventMessage & { type: 'error' };
            // A message that throws when read (a trap; LMS's structured clone cannot carry one)
            // is answered COMMAND_FAILED, without a requestId: nothing in it can be trusted.
            const expectedRequestId =
                parsed === undefined ? undefined : safely(() => readRequestId(message), undefined);
            if (event.requestId !== expectedRequestId) {
                problems.push(`requestId ${String(expectedRequestId)} not echoed: ${where()}`);
            }
            const expectedCode = parsed === undefined ? COMMAND_FAILED_CODE : parsed.error.code;
            if (event.payload.code !== expectedCode) {
                problems.push(`code ${event.payload.code} instead of ${expectedCode}: ${where()}`);
            }
            if (parsed !== undefined && event.payload.inResponseTo !== parsed.error.type) {
                problems.push(`inResponseTo wrong: ${where()}`);
            }
        }
        expectNone(problems);
    });

    it('words every error clearly: a known code, a bounded message that names the problem', () => {
        const problems: string[] = [];
        for (const outcome of outcomes) {
            for (const event of outcome.published) {
                if (event.type !== 'error') {
                    continue;
                }
                const { code, message } = event.payload;
                const where = () =>
                    `#${outcome.index} ${describeMessage(outcome.message)}: ${message.slice(0, 200)}`;
                if (message.length === 0 || message.length > CONTRACT_LIMITS.errorMessageMax) {
                    problems.push(`message length ${message.length}: ${where()}`);
                }
                const isContractError = (CONTRACT_ERROR_CODES as readonly string[]).includes(code);
                if (!isContractError && !['BUSY', COMMAND_FAILED_CODE].includes(code)) {
                    problems.push(`unknown code ${code}: ${where()}`);
                }
                // A contract error names a field, a type, a version or says what the message is.
                if (
                    isContractError &&
                    !/field|"[^"]+"|type|version|must be an object/.test(message)
                ) {
                    problems.push(`message names no problem: ${where()}`);
                }
            }
        }
        expectNone(problems);
    });

    it('exercises every path: valid commands, each rejection code, own events, pings', () => {
        const count = (predicate: (outcome: Outcome) => boolean) =>
            outcomes.filter(predicate).length;
        const handled = count((o) => o.calls.length === 1);
        const ignored = count((o) => isEventType(typeOf(o.message)));
        const pinged = count((o) => o.published.some((event) => event.type === 'pong'));
        const errorCodes = new Set(
            outcomes.flatMap((o) =>
                o.published.flatMap((event) => (event.type === 'error' ? [event.payload.code] : []))
            )
        );
        const handledTypes = new Set(outcomes.flatMap((o) => o.calls.map((call) => call.name)));
        expect(validExampleCount).toBeGreaterThan(20);
        expect(handled).toBeGreaterThan(1000);
        expect(ignored).toBeGreaterThan(300);
        expect(pinged).toBeGreaterThan(20);
        expect([...handledTypes].sort()).toEqual(
            COMMAND_TYPES.filter(
                (type): type is Exclude<CommandType, 'ping' | 'getState'> =>
                    type !== 'ping' && type !== 'getState'
            )
                .slice()
                .sort()
        );
        for (const code of [...CONTRACT_ERROR_CODES, 'BUSY', COMMAND_FAILED_CODE]) {
            expect([code, errorCodes.has(code)]).toEqual([code, true]);
        }
    });

    it('pollutes no prototype', () => {
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.keys(Object.prototype)).toEqual([]);
        expect(typeof Object.prototype.toString).toBe('function');
    });

    /** Error messages that quote the sender's input as it came, matching `pattern`. */
    function errorMessagesMatching(pattern: RegExp): string[] {
        return outcomes.flatMap((outcome) =>
            outcome.published.flatMap((event) =>
                event.type === 'error' && pattern.test(event.payload.message)
                    ? [`#${outcome.index}: ${event.payload.message.slice(0, 200)}`]
                    : []
            )
        );
    }

    // Error messages quote the sender's input (`unknown type "‹img …›"`) with markup brackets
    // replaced, on both sides of the contract.
    it('echoes no raw markup from the input in error messages', () => {
        expectNone(errorMessagesMatching(RAW_MARKUP));
    });

    // Control and bidi characters of the input (`"\u202Eevil"`) are replaced in quotes too.
    it('echoes no raw control or bidi characters from the input in error messages', () => {
        expectNone(errorMessagesMatching(UNSAFE_CHARACTERS));
    });
});
