import { LOG_FILE_TYPE } from '../diagnostics/log-download';
import { parseTabMessage, TAB_PROTOCOL_VERSION } from './tab-protocol';
import { ALL_KINDS, envelope, fullViewModel, VALID_BODIES } from './test-support/tab-messages';

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
