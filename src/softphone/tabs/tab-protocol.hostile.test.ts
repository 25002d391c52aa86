import { seededRandom } from '../shared/seeded-random';
import * as tabsIndex from '.';
import { parseTabMessage, TAB_PROTOCOL_VERSION, type TabMessageKind } from './tab-protocol';
import { cloneLikeStructuredClone } from './test-support/fake-broadcast-channel';
import { ALL_KINDS, envelope, VALID_BODIES } from './test-support/tab-messages';

const TAB_ID = /^[A-Za-z0-9_-]{1,64}$/;

describe('parseTabMessage: hostile input', () => {
    it('reports a message whose fields throw when read, without throwing', () => {
        const throwing = {
            protocol: 2,
            from: 'tab-a',
            get kind(): string {
                throw new Error('boom');
            }
        };
        expect(parseTabMessage(throwing)).toEqual({ ok: false, reason: 'invalid', detail: 'boom' });
        const throwsText = {
            protocol: 2,
            from: 'tab-a',
            get kind(): string {
                throw 'not an Error';
            }
        };
        expect(parseTabMessage(throwsText)).toEqual({
            ok: false,
            reason: 'invalid',
            detail: 'not an Error'
        });
    });

    it('reports a proxy that throws on every access, without throwing', () => {
        const trap = () => {
            throw new Error('trapped');
        };
        const proxy = new Proxy(
            {},
            {
                get: trap,
                has: trap,
                ownKeys: trap,
                getOwnPropertyDescriptor: trap,
                getPrototypeOf: trap
            }
        );
        const parsed = parseTabMessage(proxy);
        expect(parsed).toEqual({ ok: false, reason: 'invalid', detail: 'trapped' });
    });

    it('survives a cyclic payload in a message it does not read', () => {
        const cyclic: Record<string, unknown> = { type: 'ping' };
        cyclic.self = cyclic;
        const parsed = parseTabMessage(envelope({ kind: 'lmsMessage', message: cyclic }));
        expect(parsed.ok && parsed.message.kind === 'lmsMessage' && parsed.message.message).toBe(
            cyclic
        );
    });

    it('never throws on thousands of mutated messages, and what it accepts is well formed', () => {
        const random = seededRandom(0x7ab5);
        const outcomes = { ok: 0, 'not-ours': 0, 'other-version': 0, invalid: 0 };
        for (let round = 0; round < 3000; round += 1) {
            const data = mutatedMessage(random);
            let parsed: ReturnType<typeof parseTabMessage> | undefined;
            expect(() => {
                parsed = parseTabMessage(data);
            }).not.toThrow();
            if (parsed === undefined) {
                continue;
            }
            if (!parsed.ok) {
                outcomes[parsed.reason] += 1;
                expect(typeof parsed.detail).toBe('string');
                expect(parsed.detail.length).toBeGreaterThan(0);
                continue;
            }
            outcomes.ok += 1;
            const message = parsed.message;
            expect(message.protocol).toBe(TAB_PROTOCOL_VERSION);
            expect(message.from).toMatch(TAB_ID);
            if (message.to !== undefined) {
                expect(message.to).toMatch(TAB_ID);
            }
            expect(ALL_KINDS).toContain(message.kind);
            const allowed = new Set([
                ...Object.keys(VALID_BODIES[message.kind]),
                'protocol',
                'from',
                'to'
            ]);
            for (const key of Object.keys(message)) {
                expect(allowed.has(key)).toBe(true);
            }
            // What it accepts, it accepts again unchanged (a follower may pass it on).
            expect(parseTabMessage(message)).toEqual({ ok: true, message });
        }
        // The fuzz reaches every outcome, so it tests something.
        for (const count of Object.values(outcomes)) {
            expect(count).toBeGreaterThan(50);
        }
    });
});

// ---- the fuzz's mutations ----------------------------------------------------------------------

const HOSTILE_VALUES: readonly (() => unknown)[] = [
    () => null,
    () => undefined,
    () => '',
    () => 'x'.repeat(70_000),
    () => '<img src=x onerror=alert(1)>',
    () => '\u202e\u0000',
    () => -1,
    () => Number.NaN,
    () => Number.POSITIVE_INFINITY,
    () => 2 ** 53,
    () => 0,
    () => true,
    () => [],
    () => [[[[]]]],
    () => ({}),
    () => Object.create(null) as unknown,
    () => ({ toString: () => 'sneaky', valueOf: () => 1 }),
    () => new Date(0),
    () => 'Busy',
    () => 'tab-b',
    () => 1
];
const KEYS = ['kind', 'protocol', 'from', 'to', 'extra', '__proto__', 'constructor', 'name'];

function pick<T>(random: () => number, items: readonly T[]): T {
    return items[Math.floor(random() * items.length)] as T;
}

/** Every path to a value inside `value` (objects and arrays, a few levels deep). */
function pathsOf(
    value: unknown,
    prefix: (string | number)[] = [],
    depth = 0
): (string | number)[][] {
    if (typeof value !== 'object' || value === null || depth > 5) {
        return [];
    }
    const keys: (string | number)[] = Array.isArray(value)
        ? value.map((_, index) => index)
        : Object.keys(value);
    return keys.flatMap((key) => {
        const path = [...prefix, key];
        return [
            path,
            ...pathsOf((value as Record<string | number, unknown>)[key], path, depth + 1)
        ];
    });
}

function parentOf(root: unknown, path: (string | number)[]): Record<string | number, unknown> {
    let node = root as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) {
        node = node[key] as Record<string | number, unknown>;
    }
    return node;
}

function mutatedMessage(random: () => number): unknown {
    const kind = pick(random, ALL_KINDS);
    const to = random() < 0.3 ? { to: 'tab-b' } : {};
    let data: unknown = cloneLikeStructuredClone(envelope(VALID_BODIES[kind], 'tab-a', to));
    const mutations = Math.floor(random() * 3);
    for (let step = 0; step < mutations; step += 1) {
        const choice = random();
        const paths = pathsOf(data);
        if (choice < 0.35 && paths.length > 0) {
            const path = pick(random, paths);
            parentOf(data, path)[path[path.length - 1] as string] = pick(random, HOSTILE_VALUES)();
        } else if (choice < 0.55 && paths.length > 0) {
            const path = pick(random, paths);
            delete parentOf(data, path)[path[path.length - 1] as string];
        } else if (choice < 0.7 && typeof data === 'object' && data !== null) {
            Object.defineProperty(data, pick(random, KEYS), {
                value: pick(random, HOSTILE_VALUES)(),
                enumerable: true,
                configurable: true,
                writable: true
            });
        } else if (choice < 0.85 && typeof data === 'object' && data !== null) {
            (data as Record<string, unknown>).kind = pick(random, ALL_KINDS) as TabMessageKind;
        } else if (choice < 0.93 && typeof data === 'object' && data !== null) {
            (data as Record<string, unknown>).protocol = pick(random, [0, 2, 1, '1', Number.NaN]);
        } else if (choice < 0.97) {
            data = pick(random, HOSTILE_VALUES)();
        } else {
            data = [data];
        }
    }
    return data;
}

describe('the tabs index', () => {
    it('exports what main.ts wires, under names of its own', () => {
        expect(tabsIndex.TAB_PROTOCOL_VERSION).toBe(2);
        expect(tabsIndex.TAB_CHANNEL_NAME).not.toBe(tabsIndex.LEADER_LOCK_NAME);
        for (const name of [
            'claimLeadership',
            'chooseScreenPopTab',
            'sessionToRestore',
            'TabActivity',
            'TabBus',
            'TabFollower',
            'TabLeader'
        ] as const) {
            expect(typeof tabsIndex[name]).toBe('function');
        }
    });
});
