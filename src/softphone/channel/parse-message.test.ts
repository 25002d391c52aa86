import { CONTRACT_EXAMPLES, ENVELOPE_INVALID_EXAMPLES } from './test-support/contract-examples';
import type { ContractExample } from './test-support/contract-examples';
import { COMMAND_TYPES, EVENT_TYPES } from './message-contract';
import { parseCommand, parseEvent, readRequestId } from './parse-message';

const parserFor = (kind: 'command' | 'event') => (kind === 'command' ? parseCommand : parseEvent);

describe('contract examples', () => {
    it('cover every command and event type', () => {
        const commandTypes = CONTRACT_EXAMPLES.filter((example) => example.kind === 'command').map(
            (example) => example.type
        );
        const eventTypes = CONTRACT_EXAMPLES.filter((example) => example.kind === 'event').map(
            (example) => example.type
        );
        expect([...commandTypes].sort()).toEqual([...COMMAND_TYPES].sort());
        expect([...eventTypes].sort()).toEqual([...EVENT_TYPES].sort());
    });

    it('are plain JSON', () => {
        const all = { CONTRACT_EXAMPLES, ENVELOPE_INVALID_EXAMPLES };
        expect(JSON.parse(JSON.stringify(all))).toEqual(all);
    });

    it('have unique descriptions within a type', () => {
        for (const example of CONTRACT_EXAMPLES) {
            const descriptions = example.invalid.map((entry) => entry.description);
            expect(new Set(descriptions).size).toBe(descriptions.length);
        }
    });

    describe.each(
        CONTRACT_EXAMPLES.map((example): [string, ContractExample] => [example.type, example])
    )('%s', (_type, example) => {
        const parse = parserFor(example.kind);

        it('accepts the valid example and its variants', () => {
            for (const message of [example.valid, ...example.alsoValid]) {
                const result = parse(message);
                if (!result.ok) {
                    throw new Error(`rejected ${JSON.stringify(message)}: ${result.error.message}`);
                }
                expect(result.ok).toBe(true);
            }
        });

        it.each(example.invalid.map((entry) => [entry.description, entry] as const))(
            'rejects %s',
            (_description, entry) => {
                const result = parse(entry.message);
                expect(result.ok).toBe(false);
                if (!result.ok) {
                    expect(result.error.code).toBe(entry.code);
                    expect(result.error.message).toContain(entry.mentions);
                }
            }
        );
    });

    it.each(
        ENVELOPE_INVALID_EXAMPLES.map(
            (entry) => [`${entry.kind}: ${entry.description}`, entry] as const
        )
    )('rejects the envelope problem %s', (_description, entry) => {
        const result = parserFor(entry.kind)(entry.message);
        expect(result.ok).toBe(false);
        if (!result.ok) {
            expect(result.error.code).toBe(entry.code);
            expect(result.error.message).toContain(entry.mentions);
        }
    });
});

describe('parseCommand', () => {
    it('returns the typed command with its payload', () => {
        const result = parseCommand({
            version: 1,
            type: 'mute',
            requestId: 'r1',
            payload: { muted: true, callId: 'c1' }
        });
        expect(result).toEqual({
            ok: true,
            command: {
                version: 1,
                type: 'mute',
                requestId: 'r1',
                payload: { muted: true, callId: 'c1' }
            }
        });
    });

    it('ignores unknown envelope keys but keeps them out of the command', () => {
        const result = parseCommand({
            version: 1,
            type: 'ping',
            requestId: 'r1',
            payload: {},
            via: 'x'
        });
        expect(result).toEqual({
            ok: true,
            command: { version: 1, type: 'ping', requestId: 'r1', payload: {} }
        });
    });

    it('echoes a valid requestId and the command type in its error', () => {
        const result = parseCommand({ version: 1, type: 'dial', requestId: 'r-7', payload: {} });
        expect(result).toEqual({
            ok: false,
            error: {
                code: 'MISSING_FIELD',
                message: 'missing field "payload.number"',
                requestId: 'r-7',
                type: 'dial'
            }
        });
    });

    it('does not echo an invalid requestId', () => {
        const result = parseCommand({ version: 1, type: 'ping', requestId: 'a b', payload: {} });
        expect(result.ok).toBe(false);
        if (!result.ok) {
            expect(result.error.requestId).toBeUndefined();
        }
    });

    it('lists several problems and summarises the rest', () => {
        const result = parseCommand({
            version: 1,
            type: 'setDisposition',
            requestId: 'r',
            payload: { callId: '', disposition: 1, notes: 2, a: 1, b: 2 }
        });
        expect(result.ok).toBe(false);
        if (!result.ok) {
            expect(result.error.message.split('; ')).toHaveLength(4);
            expect(result.error.message).toMatch(/; and \d+ more problems?$/);
        }
    });

    it('counts the problems it does not list', () => {
        const result = parseCommand({
            version: 1,
            type: 'dial',
            requestId: 'r',
            payload: { number: 1, recordId: 2, objectType: 3, recordName: 4, extra: true }
        });
        expect(!result.ok && result.error).toEqual({
            code: 'INVALID_FIELD',
            message:
                '"payload.number" must be a string (got 1); "payload.recordId" must be a string (got 2); ' +
                '"payload.objectType" must be a string (got 3); and 2 more problems',
            requestId: 'r',
            type: 'dial'
        });
    });

    it('rejects a message whose type changes after the envelope was read', () => {
        // Only a same-page caller can send such an object (LMS clones plain data), but the
        // command returned must be the one the schema checked, never a ping dispatched as a dial.
        const types = ['ping', 'dial'];
        const shifty = {
            version: 1,
            requestId: 'r',
            payload: {},
            get type() {
                return types.shift() ?? 'dial';
            }
        };
        const result = parseCommand(shifty);
        expect(result).toEqual({
            ok: false,
            error: {
                code: 'INVALID_FIELD',
                message: '"type" must be "ping" (got "dial")',
                requestId: 'r',
                type: 'ping'
            }
        });
    });

    it('names the length in a too-long message', () => {
        const result = parseCommand({
            version: 1,
            type: 'dial',
            requestId: 'r',
            payload: { number: '1'.repeat(41) }
        });
        expect(!result.ok && result.error.message).toBe(
            '"payload.number" is too long (max 40 characters, got 41)'
        );
    });

    it('clips an absurdly long type name in its message', () => {
        const result = parseCommand({
            version: 1,
            type: 'x'.repeat(10000),
            requestId: 'r',
            payload: {}
        });
        expect(!result.ok && result.error.message.length).toBeLessThan(80);
    });
});

describe('readRequestId', () => {
    it.each([
        [{ requestId: 'ok_1' }, 'ok_1'],
        [{ requestId: '' }, undefined],
        [{ requestId: 'x'.repeat(65) }, undefined],
        [{ requestId: 12 }, undefined],
        [null, undefined],
        ['requestId', undefined]
    ])('reads %j as %s', (input, expected) => {
        expect(readRequestId(input)).toBe(expected);
    });
});
