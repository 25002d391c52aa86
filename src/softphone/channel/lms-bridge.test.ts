import type { Call } from '../calls/call-model';
import { installLabels } from '../i18n/label-catalog';
import { CONTRACT_EXAMPLES } from './test-support/contract-examples';
import type { JsonValue } from './test-support/contract-examples';
import { COMMAND_FAILED_CODE, LmsBridge } from './lms-bridge';
import type { CommandResult, LmsBridgeError, SoftphoneCommands } from './lms-bridge';
import { SOFTPHONE_CHANNEL_NAME } from './message-contract';
import { RecordingLmsHost } from './test-support/recording-lms-host';
import type { SoftphoneEventMessage, StatePayload } from './message-contract';
import { parseEvent, readRequestId } from './parse-message';

const STATE: StatePayload = {
    agentState: 'Available',
    connectionStatus: 'connected',
    softphoneVersion: '0.1.0'
};

class FakeHost extends RecordingLmsHost {
    unsubscribed: unknown[] = [];

    override publish(args: {
        channelName: string;
        message: SoftphoneEventMessage;
    }): Promise<unknown> {
        expect(args.channelName).toBe(SOFTPHONE_CHANNEL_NAME);
        return super.publish(args);
    }

    unsubscribe(args: { subscription: unknown }): Promise<unknown> {
        this.unsubscribed.push(args.subscription);
        return Promise.resolve(undefined);
    }
}

type CommandName = Exclude<keyof SoftphoneCommands, 'snapshot'>;

function fakeCommands(result: CommandResult = { ok: true }) {
    const ok = () => jest.fn<Promise<CommandResult>, unknown[]>(() => Promise.resolve(result));
    const commands = {
        dial: ok(),
        answer: ok(),
        hangup: ok(),
        hold: ok(),
        resume: ok(),
        mute: ok(),
        setDisposition: ok(),
        transfer: ok(),
        completeConsult: ok(),
        cancelConsult: ok(),
        conference: ok(),
        dropParty: ok(),
        swap: ok(),
        snapshot: jest.fn(() => STATE),
        decline: ok(),
        setAgentState: ok(),
        sendDtmf: ok(),
        completeWrapUp: ok()
    };
    return commands satisfies SoftphoneCommands;
}

function setup(commands: SoftphoneCommands = fakeCommands()) {
    const host = new FakeHost();
    const errors: LmsBridgeError[] = [];
    const bridge = new LmsBridge({
        host,
        channelName: SOFTPHONE_CHANNEL_NAME,
        commands,
        onError: (error) => errors.push(error)
    });
    return { host, bridge, errors };
}

const cmd = (type: string, payload: JsonValue, requestId = 'req-1') => ({
    version: 1,
    type,
    requestId,
    payload
});

describe('LmsBridge commands', () => {
    it.each<[string, JsonValue, CommandName, unknown[]]>([
        ['dial', { number: '+1 415 555 0100' }, 'dial', ['+1 415 555 0100']],
        [
            'dial',
            { number: '5550100', recordId: '0035g00000AbCdEAAZ', objectType: 'Contact' },
            'dial',
            ['5550100', { recordId: '0035g00000AbCdEAAZ', objectType: 'Contact' }]
        ],
        [
            'dial',
            {
                number: '5550100',
                recordId: '0035g00000AbCdEAAZ',
                objectType: 'Contact',
                recordName: 'Jane'
            },
            'dial',
            [
                '5550100',
                { recordId: '0035g00000AbCdEAAZ', objectType: 'Contact', recordName: 'Jane' }
            ]
        ],
        ['answer', {}, 'answer', [undefined]],
        ['answer', { callId: 'c1' }, 'answer', ['c1']],
        ['hangup', { callId: 'c1' }, 'hangup', ['c1']],
        ['hold', {}, 'hold', [undefined]],
        ['resume', { callId: 'c1' }, 'resume', ['c1']],
        ['mute', { muted: true }, 'mute', [true, undefined]],
        ['mute', { muted: false, callId: 'c1' }, 'mute', [false, 'c1']],
        [
            'setDisposition',
            { callId: 'c1', disposition: 'Sale', notes: 'n' },
            'setDisposition',
            ['c1', 'Sale', 'n']
        ],
        [
            'setDisposition',
            { callId: 'c1', disposition: 'Sale' },
            'setDisposition',
            ['c1', 'Sale', undefined]
        ],
        ['transfer', { target: '201', mode: 'blind' }, 'transfer', ['201', 'blind', undefined]],
        [
            'transfer',
            { target: '+14155550123', mode: 'consult', callId: 'c1' },
            'transfer',
            ['+14155550123', 'consult', 'c1']
        ],
        ['completeConsult', {}, 'completeConsult', []],
        ['cancelConsult', {}, 'cancelConsult', []],
        ['conference', {}, 'conference', []],
        ['dropParty', { callId: 'c2' }, 'dropParty', ['c2']],
        ['swap', {}, 'swap', []],
        ['decline', {}, 'decline', [undefined]],
        ['decline', { callId: 'c1' }, 'decline', ['c1']],
        ['setAgentState', { state: 'Available' }, 'setAgentState', ['Available', undefined]],
        ['setAgentState', { state: 'Break', reason: 'Lunch' }, 'setAgentState', ['Break', 'Lunch']],
        ['sendDtmf', { digits: '12#' }, 'sendDtmf', ['12#', undefined]],
        ['sendDtmf', { digits: '*9', callId: 'c1' }, 'sendDtmf', ['*9', 'c1']],
        ['completeWrapUp', { callId: 'c1' }, 'completeWrapUp', ['c1']]
    ])('%s %j calls %s and publishes nothing on success', async (type, payload, method, args) => {
        const commands = fakeCommands();
        const { host, bridge } = setup(commands);
        await bridge.handleMessage(cmd(type, payload));
        expect(commands[method]).toHaveBeenCalledTimes(1);
        expect(commands[method]).toHaveBeenCalledWith(...args);
        expect(host.published).toEqual([]);
    });

    it.each(CONTRACT_EXAMPLES.filter((example) => example.kind === 'command'))(
        'answers every invalid $type example with an error event and calls nothing',
        async (example) => {
            for (const entry of example.invalid) {
                const commands = fakeCommands();
                const { host, bridge } = setup(commands);
                await bridge.handleMessage(entry.message);
                expect(host.published).toHaveLength(1);
                const event = host.published[0];
                expect(event?.type).toBe('error');
                if (event?.type === 'error') {
                    expect(event.payload.code).toBe(entry.code);
                    expect(event.requestId).toBe(readRequestId(entry.message));
                    expect(event.payload.inResponseTo).toBe(example.type);
                }
                const calls = Object.values(commands).reduce(
                    (count, fn) => count + fn.mock.calls.length,
                    0
                );
                expect(calls).toBe(0);
            }
        }
    );

    it('answers ping with pong then state, both echoing the requestId', async () => {
        const { host, bridge } = setup();
        await bridge.handleMessage(cmd('ping', {}, 'p-1'));
        expect(host.published).toEqual([
            { version: 1, type: 'pong', requestId: 'p-1', payload: {} },
            { version: 1, type: 'state', requestId: 'p-1', payload: STATE }
        ]);
    });

    it('answers getState with the state alone, echoing the requestId', async () => {
        const { host, bridge } = setup();
        await bridge.handleMessage(cmd('getState', {}, 's-1'));
        expect(host.published).toEqual([
            { version: 1, type: 'state', requestId: 's-1', payload: STATE }
        ]);
    });

    it('refuses a call-bar command the softphone state does not allow, with its reason', async () => {
        const { host, bridge } = setup(
            fakeCommands({
                ok: false,
                code: 'no-such-call',
                message: 'There is no ringing call to decline.'
            })
        );
        await bridge.handleMessage(cmd('decline', {}, 'd-1'));
        expect(host.published).toEqual([
            {
                version: 1,
                type: 'error',
                requestId: 'd-1',
                payload: {
                    code: 'no-such-call',
                    message: 'There is no ringing call to decline.',
                    inResponseTo: 'decline'
                }
            }
        ]);
    });

    it('turns a failed command into an error event naming the command', async () => {
        const { host, bridge } = setup(
            fakeCommands({ ok: false, code: 'NO_ACTIVE_CALL', message: 'There is no call.' })
        );
        await bridge.handleMessage(cmd('hangup', {}, 'h-1'));
        expect(host.published).toEqual([
            {
                version: 1,
                type: 'error',
                requestId: 'h-1',
                payload: {
                    code: 'NO_ACTIVE_CALL',
                    message: 'There is no call.',
                    inResponseTo: 'hangup'
                }
            }
        ]);
    });

    it('turns a throwing or rejecting handler into a COMMAND_FAILED error event', async () => {
        const commands = fakeCommands();
        commands.dial.mockImplementation(() => {
            throw new Error('connector exploded');
        });
        commands.hold.mockImplementation(() => Promise.reject('no hold today'));
        commands.answer.mockImplementation(() =>
            Promise.resolve(undefined as unknown as CommandResult)
        );
        const { host, bridge } = setup(commands);
        await bridge.handleMessage(cmd('dial', { number: '1' }, 'd'));
        await bridge.handleMessage(cmd('hold', {}, 'h'));
        await bridge.handleMessage(cmd('answer', {}, 'a'));
        expect(host.published.map((event) => [event.type, event.requestId, event.payload])).toEqual(
            [
                [
                    'error',
                    'd',
                    {
                        code: COMMAND_FAILED_CODE,
                        message: 'connector exploded',
                        inResponseTo: 'dial'
                    }
                ],
                [
                    'error',
                    'h',
                    { code: COMMAND_FAILED_CODE, message: 'no hold today', inResponseTo: 'hold' }
                ],
                [
                    'error',
                    'a',
                    expect.objectContaining({ code: COMMAND_FAILED_CODE, inResponseTo: 'answer' })
                ]
            ]
        );
    });

    it('answers a ping whose snapshot throws with an error event', async () => {
        const commands = fakeCommands();
        commands.snapshot.mockImplementation(() => {
            throw new Error('no engine');
        });
        const { host, bridge } = setup(commands);
        await bridge.handleMessage(cmd('ping', {}, 'p'));
        expect(host.published.map((event) => event.type)).toEqual(['pong', 'error']);
        expect(host.published[1]?.requestId).toBe('p');
    });

    it('ignores its own events coming back on the channel', async () => {
        const { host, bridge, errors } = setup();
        await bridge.handleMessage({ version: 1, type: 'state', payload: STATE });
        await bridge.handleMessage({
            version: 1,
            type: 'error',
            payload: { code: 'X', message: 'y' }
        });
        await bridge.handleMessage({ type: 'pong', garbage: true });
        expect(host.published).toEqual([]);
        expect(errors).toEqual([]);
    });

    it('survives a message whose properties throw when read', async () => {
        const { host, bridge } = setup();
        const hostile = new Proxy(
            {},
            {
                get: () => {
                    throw new Error('gotcha');
                },
                has: () => {
                    throw new Error('gotcha');
                }
            }
        );
        await expect(bridge.handleMessage(hostile)).resolves.toBeUndefined();
        expect(host.published).toHaveLength(1);
        expect(host.published[0]?.type).toBe('error');
    });
});

describe('LmsBridge refusals in the agent language', () => {
    afterEach(() => installLabels({}));

    it('words the error it answers with the labels the page installed', async () => {
        installLabels({
            Softphone_Channel_Missing_Field: 'champ "{0}" manquant',
            Softphone_Channel_Phone_Chars:
                '"{0}" ne peut contenir que des chiffres, des espaces et + ( ) - .'
        });
        const { host, bridge } = setup();
        await bridge.handleMessage(cmd('dial', {}, 'fr-1'));
        await bridge.handleMessage(cmd('dial', { number: 'abc1' }, 'fr-2'));
        expect(host.published.map((event) => [event.requestId, event.payload])).toEqual([
            [
                'fr-1',
                expect.objectContaining({
                    code: 'MISSING_FIELD',
                    message: 'champ "payload.number" manquant'
                })
            ],
            [
                'fr-2',
                expect.objectContaining({
                    code: 'INVALID_FIELD',
                    message:
                        '"payload.number" ne peut contenir que des chiffres, des espaces et + ( ) - .'
                })
            ]
        ]);
    });
});

describe('LmsBridge publishing', () => {
    const call: Call = {
        id: 'call-1',
        direction: 'Outbound',
        from: '+14155550100',
        to: '+14155550199',
        state: 'ended',
        startedAt: 1000,
        answeredAt: 2000,
        endedAt: 44_000,
        outcome: 'Connected',
        muted: false
    };

    it('subscribes on start, routes messages from the listener, unsubscribes on stop', async () => {
        const commands = fakeCommands();
        const { host, bridge } = setup(commands);
        await expect(bridge.start()).resolves.toBe(true);
        host.listener?.(cmd('hold', {}));
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(commands.hold).toHaveBeenCalledTimes(1);
        await bridge.stop();
        expect(host.unsubscribed).toEqual([{ id: 'subscription-1' }]);
    });

    it('reports a refused subscription', async () => {
        const host = new FakeHost();
        host.subscribe = () => Promise.reject(new Error('channel not found'));
        const errors: LmsBridgeError[] = [];
        const bridge = new LmsBridge({
            host,
            channelName: SOFTPHONE_CHANNEL_NAME,
            commands: fakeCommands(),
            onError: (error) => errors.push(error)
        });
        await expect(bridge.start()).resolves.toBe(false);
        expect(errors).toEqual([{ kind: 'subscribe', message: 'channel not found' }]);
    });

    it('publishes state, callStarted, callEnded and callLogged events', async () => {
        const { host, bridge } = setup();
        await bridge.publishState(STATE);
        await bridge.publishCallStarted({ ...call, state: 'dialing', answeredAt: undefined });
        await bridge.publishCallEnded(call, 'Connected', 42);
        await bridge.publishCallLogged({ callId: 'call-1', recordId: 'a015g00000XyZAbAAN' });
        expect(host.published.map((event) => event.type)).toEqual([
            'state',
            'callStarted',
            'callEnded',
            'callLogged'
        ]);
        for (const event of host.published) {
            expect(parseEvent(event).ok).toBe(true);
        }
        expect(host.published[2]?.payload).toMatchObject({
            outcome: 'Connected',
            durationSeconds: 42
        });
    });

    it('reports publish failures through onError instead of throwing', async () => {
        const { host, bridge, errors } = setup();
        host.failPublish = true;
        await expect(bridge.publishState(STATE)).resolves.toBeUndefined();
        await expect(bridge.handleMessage(cmd('ping', {}))).resolves.toBeUndefined();
        expect(errors.map((error) => [error.kind, error.eventType])).toEqual([
            ['publish', 'state'],
            ['publish', 'pong'],
            ['publish', 'state']
        ]);
    });

    it('publishes transfer progress and the conference size, valid and clipped', async () => {
        const { host, bridge } = setup();
        await bridge.publishTransfer({ callId: 'call-1', target: '201', progress: 'ringing' });
        await bridge.publishTransfer({
            callId: '',
            target: '1'.repeat(60),
            progress: 'failed',
            reason: 'busy'
        });
        await bridge.publishConference(3);
        await bridge.publishConference(-2);
        expect(host.published.map((event) => [event.type, event.payload])).toEqual([
            ['transferUpdate', { callId: 'call-1', target: '201', progress: 'ringing' }],
            [
                'transferUpdate',
                { callId: 'unknown', target: '1'.repeat(40), progress: 'failed', reason: 'busy' }
            ],
            ['conferenceUpdate', { parties: 3 }],
            ['conferenceUpdate', { parties: 0 }]
        ]);
        for (const event of host.published) {
            expect(parseEvent(event).ok).toBe(true);
        }
    });

    it('reports an outgoing event that breaks the contract and does not publish it', async () => {
        const { host, bridge, errors } = setup();
        await bridge.publishCallLogged({ callId: 'call-1', recordId: 'not an id' });
        expect(host.published).toEqual([]);
        expect(errors).toEqual([
            {
                kind: 'invalid-event',
                eventType: 'callLogged',
                message: '"payload.recordId" must be a 15- or 18-character Salesforce Id'
            }
        ]);
    });

    it('keeps going when onError itself throws', async () => {
        const host = new FakeHost();
        host.failPublish = true;
        const bridge = new LmsBridge({
            host,
            channelName: SOFTPHONE_CHANNEL_NAME,
            commands: fakeCommands(),
            onError: () => {
                throw new Error('sink broken');
            }
        });
        await expect(bridge.publishState(STATE)).resolves.toBeUndefined();
    });
});
