/**
 * The LMS bridge fuzz test's generator (lms-bridge.fuzz.test.ts): valid commands and events from
 * the contract's examples, mutated with hostile strings and numbers, polluting keys, deep nesting
 * and wrong types.
 */
import { COMMAND_TYPES, EVENT_TYPES } from '../message-contract';
import { CONTRACT_EXAMPLES } from './contract-examples';
import type { JsonValue } from './contract-examples';

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

/** Random and mutated LMS messages from the contract's examples, reproducible from `random`. */
export class MessageFuzzer {
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
