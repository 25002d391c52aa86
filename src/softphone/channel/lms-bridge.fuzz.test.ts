/**
 * Fuzzing the LMS bridge with a fixed seed: 10,000 random and mutated messages through the real
 * LmsBridge (fake host, fake commands). Whatever arrives, nothing escapes as an exception or a
 * rejection, and every message that is not one of our own events gets exactly one answer: the
 * command's normal path when it is valid, else one `error` event naming the problem.
 *
 * A failure prints the seed and the index of the message; `FUZZ_SEED=<n>` replays another seed.
 */
import { seededRandom } from '../shared/seeded-random';
import { COMMAND_FAILED_CODE, LmsBridge } from './lms-bridge';
import type { CommandResult, LmsBridgeError, SoftphoneCommands } from './lms-bridge';
import {
    COMMAND_TYPES,
    CONTRACT_LIMITS,
    SOFTPHONE_CHANNEL_NAME,
    isEventType
} from './message-contract';
import type { CommandType, SoftphoneEventMessage, StatePayload } from './message-contract';
import { parseCommand, parseEvent, readRequestId } from './parse-message';
import type { ContractErrorCode } from './parse-message';
import { MessageFuzzer } from './test-support/message-fuzzer';
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
