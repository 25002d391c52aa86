import { seededRandom } from '../shared/seeded-random';
import { LOG_FILE_TYPE } from '../diagnostics/log-download';
import * as tabsIndex from '.';
import { parseTabMessage, TAB_PROTOCOL_VERSION, type TabMessageKind } from './tab-protocol';
import { cloneLikeStructuredClone } from './test-support/fake-broadcast-channel';
import { ALL_KINDS, envelope, fullViewModel, VALID_BODIES } from './test-support/tab-messages';

const TAB_ID = /^[A-Za-z0-9_-]{1,64}$/;

function expectInvalid(data: unknown, path: string): string {
    const parsed = parseTabMessage(data);
    if (parsed.ok) {
        throw new Error(`expected ${path} to be rejected, got ${JSON.stringify(parsed.message)}`);
    }
    expect(parsed.reason).toBe('invalid');
    expect(parsed.detail.startsWith(`${path}: `)).toBe(true);
    return parsed.detail;
}

describe('parseTabMessage: valid messages', () => {
    it('has a valid example of every kind', () => {
        expect(ALL_KINDS).toHaveLength(20);
    });

    it.each(ALL_KINDS)('accepts a %s message and returns it with its envelope', (kind) => {
        const body = VALID_BODIES[kind];
        expect(parseTabMessage(envelope(body, 'tab-a'))).toEqual({
            ok: true,
            message: { ...body, protocol: TAB_PROTOCOL_VERSION, from: 'tab-a' }
        });
    });

    it.each(ALL_KINDS)('keeps the one tab a %s message is addressed to', (kind) => {
        const parsed = parseTabMessage(envelope(VALID_BODIES[kind], 'tab-a', { to: 'tab-b' }));
        expect(parsed.ok && parsed.message.to).toBe('tab-b');
    });

    it('has no `to` when the message is for every tab', () => {
        const parsed = parseTabMessage(envelope(VALID_BODIES.bye));
        expect(parsed.ok).toBe(true);
        expect(parsed.ok && 'to' in parsed.message).toBe(false);
    });

    it('accepts every agent action the view has', () => {
        const actions = [
            { name: 'dial', number: '+1 415 555 0101' },
            { name: 'answer', callId: 'c1' },
            { name: 'decline', callId: 'c1' },
            { name: 'hangup', callId: 'c1' },
            { name: 'hold', callId: 'c1' },
            { name: 'resume', callId: 'c1' },
            { name: 'setMuted', callId: 'c1', muted: true },
            { name: 'sendDtmf', callId: 'c1', digit: '#' },
            { name: 'setAgentState', state: 'AfterCallWork' },
            {
                name: 'saveWrapUp',
                callId: 'c1',
                disposition: 'Resolved',
                notes: 'n'.repeat(32_000)
            },
            { name: 'completeWrapUp' },
            { name: 'dismissError', id: 'e1' },
            { name: 'simulateIncoming', from: '+14155550101' },
            { name: 'simulateIncoming', from: '', fromName: 'Ada' }
        ];
        for (const action of actions) {
            const parsed = parseTabMessage(envelope({ kind: 'action', action }));
            expect(parsed).toEqual({
                ok: true,
                message: { kind: 'action', action, protocol: 2, from: 'tab-a' }
            });
        }
    });

    it('accepts a failed screen pop, and a pop that found nobody', () => {
        for (const result of [
            { ok: false, step: 'search', message: 'Search failed' },
            { ok: true },
            { ok: true, related: { recordId: '00Q5g00000AbCdE', objectType: 'Lead' } }
        ]) {
            expect(
                parseTabMessage(envelope({ kind: 'popResult', requestId: 'pop-9', result })).ok
            ).toBe(true);
        }
    });

    it('accepts a 10 KB hostile caller name in the view (the view shows it as text)', () => {
        const name = '<script>alert(1)</script>'.repeat(400);
        const model = fullViewModel({
            calls: [{ ...fullViewModel().calls[0]!, name }]
        });
        const parsed = parseTabMessage(envelope({ kind: 'view', model }));
        expect(
            parsed.ok && parsed.message.kind === 'view' && parsed.message.model.calls[0]?.name
        ).toBe(name);
    });

    it("accepts a held call's hold time, a recent call's record and the keypad's last Call", () => {
        const model = fullViewModel({
            calls: [{ ...fullViewModel().calls[0]!, state: 'held', heldAt: 5 }],
            recentCalls: [
                {
                    callId: 'r1',
                    direction: 'Outbound',
                    number: '1002',
                    endedAt: 1,
                    outcome: 'Connected',
                    durationSeconds: 2,
                    record: { recordId: '003000000000001AAA', objectType: 'Contact' }
                }
            ],
            dialAttempt: { id: 2, number: 'abc', status: 'refused', message: 'Not a number' }
        });
        const parsed = parseTabMessage(envelope({ kind: 'view', model }));
        expect(parsed.ok && parsed.message.kind === 'view' && parsed.message.model).toEqual(model);
    });

    it('keeps view fields it does not check (newer view models still render)', () => {
        const model = { ...fullViewModel(), futureField: { shown: true } };
        const parsed = parseTabMessage(envelope({ kind: 'view', model }));
        expect(parsed.ok && parsed.message.kind === 'view' && parsed.message.model).toEqual(model);
    });

    it('drops fields a message kind does not have', () => {
        const parsed = parseTabMessage(envelope({ ...VALID_BODIES.bye, evil: 'rm -rf' }));
        expect(parsed).toEqual({ ok: true, message: { kind: 'bye', protocol: 2, from: 'tab-a' } });
    });
});

describe('parseTabMessage: other versions and other senders', () => {
    it.each([0, 1, 3, 99, -1, 1.5])(
        'tells a tab of protocol %p apart from a bad message',
        (protocol) => {
            expect(parseTabMessage({ ...VALID_BODIES.hello, protocol, from: 'tab-a' })).toEqual({
                ok: false,
                reason: 'other-version',
                detail: `tab protocol ${String(protocol)}`
            });
        }
    );

    it('does not read the body of another version (its kinds may be new)', () => {
        expect(parseTabMessage({ protocol: 3, from: 'tab-a', kind: 'transfer' })).toMatchObject({
            ok: false,
            reason: 'other-version'
        });
    });

    it.each<[string, unknown]>([
        ['null', null],
        ['undefined', undefined],
        ['a string', 'hello'],
        ['a number', 1],
        ['an array', [envelope(VALID_BODIES.bye)]],
        ['an empty object', {}],
        ['an LMS command', { version: 1, type: 'ping', requestId: 'req-1', payload: {} }],
        ['a protocol as text', { ...VALID_BODIES.bye, protocol: '1', from: 'tab-a' }],
        ['a protocol NaN', { ...VALID_BODIES.bye, protocol: Number.NaN, from: 'tab-a' }],
        ['no sender', { ...VALID_BODIES.bye, protocol: 2 }],
        ['an empty sender', envelope(VALID_BODIES.bye, '')],
        ['a sender with a space', envelope(VALID_BODIES.bye, 'tab a')],
        ['a sender of 65 characters', envelope(VALID_BODIES.bye, 't'.repeat(65))],
        ['a sender that is a number', envelope(VALID_BODIES.bye, 7 as unknown as string)],
        ['an addressee with a slash', envelope(VALID_BODIES.bye, 'tab-a', { to: 'a/b' })],
        ['an addressee null', envelope(VALID_BODIES.bye, 'tab-a', { to: null })]
    ])('is not ours: %s', (_label, data) => {
        expect(parseTabMessage(data)).toEqual({
            ok: false,
            reason: 'not-ours',
            detail: 'not a softphone tab message'
        });
    });

    it('accepts a sender id of exactly 64 token characters', () => {
        expect(parseTabMessage(envelope(VALID_BODIES.bye, 'A_z-9'.repeat(12) + 'abcd')).ok).toBe(
            true
        );
    });
});

describe('parseTabMessage: invalid bodies name the path at fault', () => {
    it('an unknown kind', () => {
        expect(expectInvalid(envelope({ kind: 'formatDisk' }), 'kind')).toContain('"formatDisk"');
    });

    it('a message without a kind', () => {
        expectInvalid(envelope({}), 'kind');
    });

    it('an action with an unknown name', () => {
        expect(
            expectInvalid(envelope({ kind: 'action', action: { name: 'eraseLog' } }), 'action.name')
        ).toContain('"eraseLog"');
    });

    it('an action with a bad argument', () => {
        expectInvalid(
            envelope({ kind: 'action', action: { name: 'setAgentState', state: 'God' } }),
            'action.state'
        );
        expectInvalid(
            envelope({ kind: 'action', action: { name: 'setMuted', callId: 'c1', muted: 'yes' } }),
            'action.muted'
        );
        expectInvalid(
            envelope({ kind: 'action', action: { name: 'hangup', callId: '' } }),
            'action.callId'
        );
        expectInvalid(
            envelope({ kind: 'action', action: { name: 'dial', number: '1'.repeat(41) } }),
            'action.number'
        );
        expectInvalid(
            envelope({
                kind: 'action',
                action: {
                    name: 'saveWrapUp',
                    callId: 'c1',
                    disposition: 'x',
                    notes: 'n'.repeat(32_769)
                }
            }),
            'action.notes'
        );
        expectInvalid(
            envelope({
                kind: 'action',
                action: {
                    name: 'editWrapUp',
                    callId: 'c1',
                    disposition: 'd'.repeat(256),
                    notes: ''
                }
            }),
            'action.disposition'
        );
    });

    it("a view model with a recent call's record that is not a record id, or a Call in a state it cannot show", () => {
        const row = {
            callId: 'r1',
            direction: 'Outbound' as const,
            number: '1002',
            endedAt: 1,
            outcome: 'Connected' as const,
            durationSeconds: 2
        };
        expectInvalid(
            envelope({
                kind: 'view',
                model: fullViewModel({
                    recentCalls: [
                        { ...row, record: { recordId: 'javascript:x', objectType: 'Contact' } }
                    ]
                })
            }),
            'model.recentCalls.0.record.recordId'
        );
        expectInvalid(
            envelope({
                kind: 'view',
                model: fullViewModel({
                    dialAttempt: { id: 1, number: '1', status: 'sent' as 'placing' }
                })
            }),
            'model.dialAttempt.status'
        );
    });

    it('a view model with a wrong agentState', () => {
        expect(
            expectInvalid(
                envelope({
                    kind: 'view',
                    model: fullViewModel({ agentState: 'Sleeping' as 'Busy' })
                }),
                'model.agentState'
            )
        ).toContain('"Sleeping"');
    });

    it('a view model with a caller name over 64 KB, or too many calls', () => {
        const call = fullViewModel().calls[0]!;
        expectInvalid(
            envelope({
                kind: 'view',
                model: fullViewModel({ calls: [{ ...call, name: 'x'.repeat(64 * 1024 + 1) }] })
            }),
            'model.calls.0.name'
        );
        expectInvalid(
            envelope({
                kind: 'view',
                model: fullViewModel({
                    calls: Array.from({ length: 11 }, (_, i) => ({ ...call, callId: `c${i}` }))
                })
            }),
            'model.calls'
        );
    });

    it('a view model whose record choice has no options list or too long an id', () => {
        const call = fullViewModel().calls[0]!;
        expectInvalid(
            envelope({
                kind: 'view',
                model: fullViewModel({
                    calls: [{ ...call, loggedTo: {} as { options: [] } }]
                })
            }),
            'model.calls.0.loggedTo.options'
        );
        expectInvalid(
            envelope({
                kind: 'view',
                model: fullViewModel({
                    calls: [
                        {
                            ...call,
                            loggedTo: { options: [{ recordId: 'x'.repeat(19), label: 'X' }] }
                        }
                    ]
                })
            }),
            'model.calls.0.loggedTo.options.0.recordId'
        );
    });

    it('a view model with an ended call, or a negative start time', () => {
        const call = fullViewModel().calls[0]!;
        expectInvalid(
            envelope({
                kind: 'view',
                model: fullViewModel({ calls: [{ ...call, state: 'ended' }] })
            }),
            'model.calls.0.state'
        );
        expectInvalid(
            envelope({
                kind: 'view',
                model: fullViewModel({ calls: [{ ...call, startedAt: -1 }] })
            }),
            'model.calls.0.startedAt'
        );
    });

    it('a view model with a connection it cannot show', () => {
        expectInvalid(
            envelope({
                kind: 'view',
                model: {
                    ...fullViewModel(),
                    connection: { status: 'melting', connectorLabel: 'x' }
                }
            }),
            'model.connection.status'
        );
    });

    it('a popResult with a bad recordId', () => {
        expect(
            expectInvalid(
                envelope({
                    kind: 'popResult',
                    requestId: 'pop-1',
                    result: {
                        ok: true,
                        related: { recordId: 'javascript:alert(1)', objectType: 'Contact' }
                    }
                }),
                'result.related.recordId'
            )
        ).toContain('Salesforce Id');
    });

    it('a popResult with a bad requestId or a caller name over 1 KB', () => {
        expectInvalid(
            envelope({ kind: 'popResult', requestId: 'pop 1', result: { ok: true } }),
            'requestId'
        );
        expectInvalid(
            envelope({
                kind: 'popResult',
                requestId: 'pop-1',
                result: { ok: true, callerName: 'x'.repeat(1025) }
            }),
            'result.callerName'
        );
    });

    it('activity with a time that is not a finite, non-negative number', () => {
        for (const activeAt of [-1, Number.NaN, Number.POSITIVE_INFINITY, '1']) {
            expectInvalid(envelope({ kind: 'activity', visible: true, activeAt }), 'activeAt');
        }
        expectInvalid(envelope({ kind: 'hello', visible: 'yes', activeAt: 1 }), 'visible');
    });

    it('more than ten credentials, or a long one', () => {
        const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
        expect(expectInvalid(envelope({ kind: 'handover', values: eleven }), 'values')).toBe(
            'values: too many credentials'
        );
        expectInvalid(
            envelope({ kind: 'handover', values: { password: 'p'.repeat(4097) } }),
            'values.password'
        );
    });

    it('a log file named like a path, or of another type', () => {
        const file = VALID_BODIES.logFile.file;
        expectInvalid(
            envelope({ ...VALID_BODIES.logFile, file: { ...file, filename: '../../.bashrc' } }),
            'file.filename'
        );
        expectInvalid(
            envelope({ ...VALID_BODIES.logFile, file: { ...file, type: 'text/html' } }),
            'file.type'
        );
        expect(LOG_FILE_TYPE).toBe(file.type);
    });

    it('a session over 4 MB, and a pop request number over 64 characters', () => {
        expectInvalid(envelope({ kind: 'session', json: 'x'.repeat(4 * 1024 * 1024 + 1) }), 'json');
        expectInvalid(
            envelope({ kind: 'popRequest', requestId: 'pop-1', number: '1'.repeat(65) }),
            'number'
        );
    });
});

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
