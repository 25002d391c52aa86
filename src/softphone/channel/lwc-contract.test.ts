/**
 * The LMS contract test, run on the generated LWC module
 * (force-app/main/default/lwc/softphoneChannel, built from lwc-module.ts by scripts/build.mjs;
 * the metadata checks fail when the committed file is not what the build makes): it must accept
 * and reject the same messages as the adapter's schema, for the same reason (error code and
 * error text), for every message type. It runs
 *   - every example of contract-examples.ts through both sides,
 *   - thousands of seeded mutations of those examples (missing keys, wrong types, boundary values,
 *     unknown keys),
 *   - the LWC builders against the examples (exactly the contract's envelopes) and the adapter's
 *     event builders against the LWC validator.
 * Both sides share one source now; this proves the generated, bundled module (what components
 * run) behaves as that source. jest.config.js lets the adapter project transform that one file.
 */
import { CONTRACT_EXAMPLES, ENVELOPE_INVALID_EXAMPLES } from './test-support/contract-examples';
import type { JsonValue } from './test-support/contract-examples';
import {
    buildCallEndedEvent,
    buildCallLoggedEvent,
    buildCallStartedEvent,
    buildErrorEvent,
    buildPongEvent,
    buildStateEvent
} from './event-builders';
import {
    AGENT_STATES,
    CALL_DIRECTIONS,
    CALL_OUTCOMES,
    CALL_STATES,
    COMMAND_TYPES,
    CONNECTION_STATUSES,
    CONTRACT_LIMITS,
    CONTRACT_VERSION,
    EVENT_TYPES,
    SOFTPHONE_CHANNEL_NAME
} from './message-contract';
import { parseCommand, parseEvent, readRequestId } from './parse-message';
import { seededRandom } from '../shared/seeded-random';

interface LwcContractError {
    readonly code: string;
    readonly message: string;
    readonly requestId?: string;
    readonly type?: string;
}

type LwcResult =
    | { readonly ok: true; readonly message: unknown }
    | { readonly ok: false; readonly error: LwcContractError };

type LwcBuilder = (payload: Record<string, unknown>, requestId?: string) => unknown;

/** The surface of softphoneChannel.js this test relies on. */
interface LwcSoftphoneChannel {
    readonly CONTRACT_VERSION: number;
    readonly SOFTPHONE_CHANNEL_NAME: string;
    readonly COMMAND_TYPES: readonly string[];
    readonly EVENT_TYPES: readonly string[];
    readonly CONTRACT_LIMITS: Readonly<Record<string, number>>;
    readonly AGENT_STATES: readonly string[];
    readonly CONNECTION_STATUSES: readonly string[];
    readonly CALL_DIRECTIONS: readonly string[];
    readonly CALL_STATES: readonly string[];
    readonly CALL_OUTCOMES: readonly string[];
    readonly COMMAND_BUILDERS: Readonly<Record<string, LwcBuilder>>;
    validateCommand(message: unknown): LwcResult;
    validateEvent(message: unknown): LwcResult;
    readRequestId(message: unknown): string | undefined;
    newRequestId(prefix?: string): string;
}

const lwc = jest.requireActual<LwcSoftphoneChannel>(
    '../../../force-app/main/default/lwc/softphoneChannel/softphoneChannel.js'
);

type Kind = 'command' | 'event';

/** Both sides' verdicts in one comparable shape. */
function adapterVerdict(kind: Kind, message: unknown) {
    const result = kind === 'command' ? parseCommand(message) : parseEvent(message);
    if (result.ok) {
        return { ok: true, message: 'command' in result ? result.command : result.event };
    }
    return { ok: false, error: result.error };
}

function lwcVerdict(kind: Kind, message: unknown) {
    const result = kind === 'command' ? lwc.validateCommand(message) : lwc.validateEvent(message);
    return result.ok ? { ok: true, message: result.message } : { ok: false, error: result.error };
}

function expectSameVerdict(kind: Kind, message: unknown) {
    const adapter = adapterVerdict(kind, message);
    const mirror = lwcVerdict(kind, message);
    if (JSON.stringify(adapter) !== JSON.stringify(mirror)) {
        // toEqual prints the difference; the message shows which input caused it.
        expect({ input: message, verdict: mirror }).toEqual({ input: message, verdict: adapter });
    }
    expect(mirror).toEqual(adapter);
    return adapter;
}

describe('LWC softphoneChannel module and adapter schema', () => {
    it('share the version, channel, types, limits and enumerations', () => {
        expect(lwc.CONTRACT_VERSION).toBe(CONTRACT_VERSION);
        expect(lwc.SOFTPHONE_CHANNEL_NAME).toBe(SOFTPHONE_CHANNEL_NAME);
        expect([...lwc.COMMAND_TYPES]).toEqual([...COMMAND_TYPES]);
        expect([...lwc.EVENT_TYPES]).toEqual([...EVENT_TYPES]);
        expect({ ...lwc.CONTRACT_LIMITS }).toEqual({ ...CONTRACT_LIMITS });
        expect([...lwc.AGENT_STATES]).toEqual([...AGENT_STATES]);
        expect([...lwc.CONNECTION_STATUSES]).toEqual([...CONNECTION_STATUSES]);
        expect([...lwc.CALL_DIRECTIONS]).toEqual([...CALL_DIRECTIONS]);
        expect([...lwc.CALL_STATES]).toEqual([...CALL_STATES]);
        expect([...lwc.CALL_OUTCOMES]).toEqual([...CALL_OUTCOMES]);
    });

    describe.each(CONTRACT_EXAMPLES.map((example) => [example.type, example] as const))(
        '%s',
        (_type, example) => {
            it('accept the valid example and its variants with the same output', () => {
                for (const message of [example.valid, ...example.alsoValid]) {
                    const verdict = expectSameVerdict(example.kind, message);
                    expect(verdict.ok).toBe(true);
                }
            });

            it.each(example.invalid.map((entry) => [entry.description, entry] as const))(
                'reject %s with the same error',
                (_description, entry) => {
                    expectSameVerdict(example.kind, entry.message);
                    const result = lwcVerdict(example.kind, entry.message);
                    expect(result.ok).toBe(false);
                    expect(result.error?.code).toBe(entry.code);
                    expect(result.error?.message).toContain(entry.mentions);
                }
            );
        }
    );

    it.each(
        ENVELOPE_INVALID_EXAMPLES.map(
            (entry) => [`${entry.kind}: ${entry.description}`, entry] as const
        )
    )('reject the envelope problem %s with the same error', (_description, entry) => {
        expectSameVerdict(entry.kind, entry.message);
        const result = lwcVerdict(entry.kind, entry.message);
        expect(result.error?.code).toBe(entry.code);
        expect(result.error?.message).toContain(entry.mentions);
    });

    it('agree on every example read as the other kind (commands are not events)', () => {
        for (const example of CONTRACT_EXAMPLES) {
            const other: Kind = example.kind === 'command' ? 'event' : 'command';
            for (const message of [example.valid, ...example.alsoValid]) {
                expect(expectSameVerdict(other, message).ok).toBe(false);
            }
        }
    });

    it('agree on which request ids are valid', () => {
        const candidates: unknown[] = [
            'req-1',
            '',
            'a'.repeat(64),
            'a'.repeat(65),
            'a b',
            'a/b',
            7,
            null,
            undefined,
            ['req-1'],
            lwc.newRequestId()
        ];
        for (const requestId of candidates) {
            expect(lwc.readRequestId({ requestId })).toBe(readRequestId({ requestId }));
        }
        expect(lwc.readRequestId('req-1')).toBe(readRequestId('req-1'));
    });
});

// ---- mutations -------------------------------------------------------------------------------

type JsonObject = { [key: string]: JsonValue };
type Path = readonly (string | number)[];

/** Values that sit on either side of the contract's rules. */
const REPLACEMENTS: readonly JsonValue[] = [
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1767225600000,
    '',
    ' ',
    'x',
    '7',
    '+1 (415) 555-0100',
    '1-800-FLOWERS',
    'req-1',
    'req 1',
    'call-1',
    'Contact',
    '1Contact',
    '0035g00000AbCdEAAZ',
    '00Q5g00000AbCdE',
    'Inbound',
    'Internal',
    'connected',
    'No Answer',
    'Busy',
    'AfterCallWork',
    'dial',
    'state',
    'a'.repeat(64),
    'a'.repeat(65),
    '1'.repeat(40),
    '1'.repeat(41),
    'x'.repeat(255),
    'x'.repeat(256),
    'm'.repeat(1001),
    [],
    ['x'],
    {},
    { callId: 'call-1' },
    { recordId: '0035g00000AbCdEAAZ', objectType: 'Contact' }
];

const EXTRA_KEYS = ['extra', 'callId', 'recordId', 'objectType', 'recordName', 'notes', 'muted'];

function clone<T extends JsonValue>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}

/** Every path into objects and arrays of a message, the root excluded. */
function pathsOf(value: JsonValue, prefix: Path = []): Path[] {
    if (value === null || typeof value !== 'object') {
        return [];
    }
    const keys: (string | number)[] = Array.isArray(value)
        ? value.map((_item, index) => index)
        : Object.keys(value);
    return keys.flatMap((key) => {
        const path = [...prefix, key];
        const child = (value as Record<string | number, JsonValue>)[key] as JsonValue;
        return [path, ...pathsOf(child, path)];
    });
}

function parentOf(root: JsonValue, path: Path): Record<string | number, JsonValue> {
    let node = root as Record<string | number, JsonValue>;
    for (const key of path.slice(0, -1)) {
        node = node[key] as Record<string | number, JsonValue>;
    }
    return node;
}

function valueAt(root: JsonValue, path: Path): JsonValue {
    let node = root;
    for (const key of path) {
        node = (node as Record<string | number, JsonValue>)[key] as JsonValue;
    }
    return node;
}

/** Paths of the message's objects (not arrays), the root included: where a key can be added. */
function objectPathsOf(value: JsonValue): Path[] {
    return [[], ...pathsOf(value)].filter((path) => {
        const node = valueAt(value, path);
        return node !== null && typeof node === 'object' && !Array.isArray(node);
    });
}

function mutate(message: JsonValue, random: () => number): JsonValue {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const result = clone(message);
    const paths = pathsOf(result);
    const roll = random();
    if (paths.length > 0 && roll < 0.3) {
        const path = pick(paths);
        const parent = parentOf(result, path);
        delete parent[path[path.length - 1] as string];
    } else if (paths.length > 0 && roll < 0.85) {
        const path = pick(paths);
        parentOf(result, path)[path[path.length - 1] as string] = clone(pick(REPLACEMENTS));
    } else {
        const objects = objectPathsOf(result);
        if (objects.length > 0) {
            const target = valueAt(result, pick(objects)) as JsonObject;
            target[pick(EXTRA_KEYS)] = clone(pick(REPLACEMENTS));
        }
    }
    return result;
}

describe('seeded mutations of the examples', () => {
    const MUTATIONS_PER_MESSAGE = 40;

    it.each(CONTRACT_EXAMPLES.map((example) => [example.type, example] as const))(
        '%s: both sides give the same verdict on every mutation',
        (type, example) => {
            const random = seededRandom(
                [...type].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7)
            );
            let accepted = 0;
            let rejected = 0;
            for (const base of [example.valid, ...example.alsoValid]) {
                for (let round = 0; round < MUTATIONS_PER_MESSAGE; round += 1) {
                    // One to three mutations stacked, so several problems meet in one message.
                    let message = mutate(base, random);
                    const extra = Math.floor(random() * 3);
                    for (let step = 0; step < extra; step += 1) {
                        message = mutate(message, random);
                    }
                    const verdict = expectSameVerdict(example.kind, message);
                    if (verdict.ok) {
                        accepted += 1;
                    } else {
                        rejected += 1;
                    }
                }
            }
            // The mutations must exercise the rejecting side above all.
            expect(rejected).toBeGreaterThan(accepted);
        }
    );
});

// ---- builders --------------------------------------------------------------------------------

describe('LWC builders', () => {
    const commandExamples = CONTRACT_EXAMPLES.filter((example) => example.kind === 'command');

    it('cover every command type', () => {
        expect(Object.keys(lwc.COMMAND_BUILDERS).sort()).toEqual([...COMMAND_TYPES].sort());
    });

    it.each(commandExamples.map((example) => [example.type, example] as const))(
        '%s: rebuild every valid example exactly, and the adapter accepts it',
        (type, example) => {
            const build = lwc.COMMAND_BUILDERS[type] as LwcBuilder;
            for (const message of [example.valid, ...example.alsoValid]) {
                const { requestId, payload } = message as {
                    requestId: string;
                    payload: Record<string, unknown>;
                };
                const built = build(payload, requestId);
                expect(built).toEqual(message);
                expect(parseCommand(built).ok).toBe(true);
            }
        }
    );

    it('generate request ids the adapter accepts, without repeats', () => {
        const ids = new Set<string>();
        for (let index = 0; index < 2000; index += 1) {
            const id = lwc.newRequestId(index % 2 === 0 ? 'clickToDial' : 'call log/ç');
            expect(readRequestId({ requestId: id })).toBe(id);
            ids.add(id);
        }
        expect(ids.size).toBe(2000);
    });

    it('leave out absent values instead of sending undefined or null', () => {
        const dial = lwc.COMMAND_BUILDERS.dial?.(
            { number: '5550100', recordId: undefined, objectType: null, recordName: undefined },
            'req-1'
        );
        expect(dial).toEqual({
            version: 1,
            type: 'dial',
            requestId: 'req-1',
            payload: { number: '5550100' }
        });
        const disposition = lwc.COMMAND_BUILDERS.setDisposition?.({ callId: 'c1' }, 'req-2');
        expect(parseCommand(disposition).ok).toBe(true);
    });
});

describe('adapter event builders', () => {
    const call = {
        callId: 'call-1',
        direction: 'Outbound' as const,
        state: 'connected' as const,
        from: '',
        to: '+14155550100',
        startedAt: 1,
        muted: false
    };

    it('produce events the LWC validator accepts unchanged', () => {
        const events = [
            buildStateEvent({
                agentState: 'Busy',
                connectionStatus: 'connected',
                activeCall: call,
                softphoneVersion: '0.1.0'
            }),
            buildStateEvent(
                { agentState: 'Available', connectionStatus: 'connected', softphoneVersion: '1' },
                'req-9'
            ),
            buildCallStartedEvent({ call }),
            buildCallEndedEvent({
                call: { ...call, state: 'ended' },
                outcome: 'Busy',
                durationSeconds: 3.6
            }),
            buildCallLoggedEvent({ callId: 'call-1', recordId: 'a015g00000XyZAbAAN' }),
            buildErrorEvent(
                { code: 'bad code!', message: 'x'.repeat(2000), inResponseTo: 'dial' },
                'r'
            ),
            buildErrorEvent({ code: '', message: '' }),
            buildPongEvent('req-1'),
            buildPongEvent()
        ];
        for (const event of events) {
            const result = lwc.validateEvent(event);
            expect(result).toEqual({ ok: true, message: event });
        }
    });
});
