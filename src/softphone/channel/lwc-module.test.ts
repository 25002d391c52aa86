// The LWC module's own behaviour (client, ping, helpers), on its TypeScript source: the module
// c/softphoneChannel is generated from it (scripts/build.mjs; the metadata checks keep the two
// the same). Its validators are the adapter's parsers; lwc-contract.test.ts replays every example.
import {
    buildDial,
    buildHangup,
    buildMute,
    buildPing,
    buildSetDisposition,
    createSoftphoneClient,
    formatDuration,
    formatLabel,
    newRequestId,
    remotePartyName,
    sameRecordId,
    toDialableNumber,
    validateCommand,
    validateEvent,
    buildAnswer,
    buildHold,
    buildResume,
    clipText,
    COMMAND_BUILDERS,
    COMMAND_TYPES,
    CONTRACT_ERROR_CODES,
    isSalesforceId,
    buildTransfer as buildTransferWithoutFields,
    buildDropParty
} from './lwc-module';
import type { SoftphoneTransport } from './softphone-client';

/** An in-memory channel: what the client publishes, and a way to deliver messages to it. */
type Listener = (message: unknown) => void;
interface Published {
    readonly type: string;
    readonly requestId: string;
}

function fakeTransport() {
    const listeners = new Set<Listener>();
    const published: Published[] = [];
    const transport: SoftphoneTransport = {
        publish: jest.fn((message: unknown) => {
            published.push(message as Published);
            listeners.forEach((listener) => listener(message));
        }),
        subscribe: jest.fn((listener: Listener) => {
            listeners.add(listener);
            return jest.fn(() => listeners.delete(listener));
        })
    };
    return {
        transport,
        published,
        deliver: (message: unknown) => listeners.forEach((listener) => listener(message)),
        listenerCount: () => listeners.size
    };
}

const pong = (requestId: string) => ({ version: 1, type: 'pong', requestId, payload: {} });

describe('the LWC module c/softphoneChannel', () => {
    afterEach(() => {
        jest.useRealTimers();
    });

    describe('builders', () => {
        it('build the contract envelopes with a fresh request id', () => {
            const dial = buildDial({
                number: '+1 415 555 0100',
                recordId: '0035g00000AbCdEAAZ',
                objectType: 'Contact',
                recordName: 'Jane Doe'
            });
            expect(dial).toEqual({
                version: 1,
                type: 'dial',
                requestId: expect.stringMatching(/^lwc-[a-z0-9-]+$/),
                payload: {
                    number: '+1 415 555 0100',
                    recordId: '0035g00000AbCdEAAZ',
                    objectType: 'Contact',
                    recordName: 'Jane Doe'
                }
            });
            expect(validateCommand(dial).ok).toBe(true);
            expect(buildHangup({}, 'r1')).toEqual({
                version: 1,
                type: 'hangup',
                requestId: 'r1',
                payload: {}
            });
            expect(buildMute({ muted: false }, 'r2').payload).toEqual({ muted: false });
            expect(buildSetDisposition({ callId: 'c1' }, 'r3').payload).toEqual({
                callId: 'c1',
                disposition: ''
            });
            expect(buildPing('r4')).toEqual({
                version: 1,
                type: 'ping',
                requestId: 'r4',
                payload: {}
            });
        });

        it('make unique request ids', () => {
            const ids = new Set(Array.from({ length: 500 }, () => newRequestId()));
            expect(ids.size).toBe(500);
        });
    });

    describe('validators', () => {
        it('name the problem the way the adapter does', () => {
            expect(validateCommand(buildDial({ number: '1-800-FLOWERS' }, 'r1'))).toEqual({
                ok: false,
                error: {
                    code: 'INVALID_FIELD',
                    message: '"payload.number" may contain only digits, spaces and + ( ) - .',
                    requestId: 'r1',
                    type: 'dial'
                }
            });
            expect(validateEvent({ version: 1, type: 'dial', payload: {} })).toMatchObject({
                ok: false,
                error: {
                    code: 'UNKNOWN_TYPE',
                    message: '"dial" is a command, not an event'
                }
            });
        });

        it('return accepted messages without envelope keys outside the contract', () => {
            const result = validateEvent({ version: 1, type: 'pong', payload: {}, extra: 1 });
            expect(result).toEqual({
                ok: true,
                message: { version: 1, type: 'pong', payload: {} }
            });
        });
    });

    describe('client', () => {
        it('publishes valid commands and refuses invalid ones without publishing', () => {
            const { transport, published } = fakeTransport();
            const client = createSoftphoneClient(transport);
            expect(client.send(buildHangup({ callId: 'c1' }, 'r1'))).toEqual({
                ok: true,
                requestId: 'r1'
            });
            expect(client.send(buildDial({ number: '' }, 'r2'))).toMatchObject({
                ok: false,
                error: { code: 'INVALID_FIELD' }
            });
            expect(published.map((message) => message.requestId)).toEqual(['r1']);
        });

        it('reports a publish failure instead of throwing', () => {
            const client = createSoftphoneClient({
                publish: () => {
                    throw new Error('no message context');
                },
                subscribe: () => () => {}
            });
            expect(client.send(buildHangup({}, 'r1'))).toEqual({
                ok: false,
                error: { code: 'PUBLISH_FAILED', message: 'no message context' }
            });
        });

        it('delivers valid events, drops invalid ones and ignores commands', () => {
            const { transport, deliver } = fakeTransport();
            const onInvalidEvent = jest.fn();
            const client = createSoftphoneClient(transport, { onInvalidEvent });
            const listener = jest.fn();
            client.onEvent(listener);

            deliver(pong('r1'));
            deliver({ version: 1, type: 'state', payload: { agentState: 'Sleeping' } });
            deliver(buildHangup({}, 'r2'));
            deliver(null);

            expect(listener).toHaveBeenCalledTimes(1);
            expect(listener).toHaveBeenCalledWith(pong('r1'));
            expect(onInvalidEvent).toHaveBeenCalledTimes(2);
            expect(onInvalidEvent.mock.calls).toEqual([
                [expect.objectContaining({ code: 'INVALID_FIELD' })],
                [expect.objectContaining({ code: 'INVALID_MESSAGE' })]
            ]);
        });

        it('resolves ping with true when the pong with its request id comes back', async () => {
            jest.useFakeTimers();
            const { transport, deliver, published } = fakeTransport();
            const client = createSoftphoneClient(transport);
            const answer = client.ping({ timeoutMs: 1000 });
            const [ping] = published;
            if (ping === undefined) {
                throw new Error('nothing published');
            }
            expect(ping.type).toBe('ping');
            deliver(pong('somebody-else'));
            deliver(pong(ping.requestId));
            await expect(answer).resolves.toBe(true);
            expect(jest.getTimerCount()).toBe(0);
        });

        it('resolves ping with false when nothing answers in time', async () => {
            jest.useFakeTimers();
            const { transport } = fakeTransport();
            const client = createSoftphoneClient(transport);
            const answer = client.ping({ timeoutMs: 1000 });
            jest.advanceTimersByTime(1000);
            await expect(answer).resolves.toBe(false);
        });

        it('settles pending pings and unsubscribes on dispose', async () => {
            jest.useFakeTimers();
            const { transport, listenerCount } = fakeTransport();
            const client = createSoftphoneClient(transport);
            const answer = client.ping();
            client.dispose();
            await expect(answer).resolves.toBe(false);
            expect(listenerCount()).toBe(0);
            expect(client.send(buildPing()).ok).toBe(false);
        });

        it('removes a listener with the function onEvent returns', () => {
            const { transport, deliver } = fakeTransport();
            const client = createSoftphoneClient(transport);
            const listener = jest.fn();
            const remove = client.onEvent(listener);
            remove();
            deliver(pong('r1'));
            expect(listener).not.toHaveBeenCalled();
        });
    });

    describe('builders without fields', () => {
        it('build every command type, by name, with an empty payload where the contract allows', () => {
            expect(Object.keys(COMMAND_BUILDERS).sort()).toEqual([...COMMAND_TYPES].sort());
            expect(buildAnswer().payload).toEqual({});
            expect(buildHangup().payload).toEqual({});
            expect(buildHold().payload).toEqual({});
            expect(buildResume().payload).toEqual({});
            expect(buildMute().payload).toEqual({});
            expect(buildDial().payload).toEqual({});
            expect(buildSetDisposition().payload).toEqual({ disposition: '' });
            expect(COMMAND_BUILDERS.ping({ ignored: true }, 'r9')).toEqual(buildPing('r9'));
            expect(COMMAND_BUILDERS.hold({ callId: 'c1' }, 'r8').payload).toEqual({
                callId: 'c1'
            });
        });

        it('build the transfer, consult and conference commands the contract accepts', () => {
            const built = [
                COMMAND_BUILDERS.transfer({ target: '+1 415 555 0100', mode: 'blind' }, 't1'),
                COMMAND_BUILDERS.transfer({ target: '1002', mode: 'consult', callId: 'c1' }, 't2'),
                COMMAND_BUILDERS.completeConsult({}, 't3'),
                COMMAND_BUILDERS.cancelConsult({}, 't4'),
                COMMAND_BUILDERS.conference({}, 't5'),
                COMMAND_BUILDERS.dropParty({ callId: 'c2' }, 't6'),
                COMMAND_BUILDERS.swap({}, 't7')
            ];
            expect(built.map((message) => validateCommand(message).ok)).toEqual(
                built.map(() => true)
            );
            expect(built.map(({ type, payload }) => [type, payload])).toEqual([
                ['transfer', { target: '+1 415 555 0100', mode: 'blind' }],
                ['transfer', { target: '1002', mode: 'consult', callId: 'c1' }],
                ['completeConsult', {}],
                ['cancelConsult', {}],
                ['conference', {}],
                ['dropParty', { callId: 'c2' }],
                ['swap', {}]
            ]);
            expect(buildTransferWithoutFields().payload).toEqual({});
            expect(buildDropParty().payload).toEqual({});
        });

        it('keep only letters, digits, _ and - of a request id prefix', () => {
            expect(newRequestId('click to dial!')).toMatch(/^clicktodial-/);
            expect(newRequestId('***')).toMatch(/^lwc-/);
            expect(newRequestId(42)).toMatch(/^42-/);
        });

        it('name every error code', () => {
            expect(Object.keys(CONTRACT_ERROR_CODES)).toEqual(Object.values(CONTRACT_ERROR_CODES));
        });
    });

    describe('client edge cases', () => {
        it('reports a thrown non-error as text', () => {
            const client = createSoftphoneClient({
                publish: () => {
                    throw 'no context';
                },
                subscribe: () => undefined
            });
            expect(client.send(buildHangup({}, 'r1'))).toEqual({
                ok: false,
                error: { code: 'PUBLISH_FAILED', message: 'no context' }
            });
            client.dispose();
            client.dispose();
        });

        it('drops invalid events silently without onInvalidEvent, and uses the timers it is given', async () => {
            const { transport, deliver } = fakeTransport();
            const timers: (() => void)[] = [];
            const client = createSoftphoneClient(transport, {
                setTimeout: (callback) => {
                    timers.push(callback);
                    return 0 as unknown as ReturnType<typeof setTimeout>;
                },
                clearTimeout: () => undefined
            });
            const listener = jest.fn();
            client.onEvent(listener);
            deliver({ version: 1, type: 'pong', payload: [] });
            deliver({ version: 1, type: 'pong', payload: {} });
            expect(listener).toHaveBeenCalledTimes(1);
            const answer = client.ping();
            timers.forEach((fire) => fire());
            await expect(answer).resolves.toBe(false);
        });

        it('ignores events after dispose', () => {
            const deliverLater: Listener[] = [];
            const client = createSoftphoneClient({
                publish: () => undefined,
                subscribe: (listener) => {
                    deliverLater.push(listener);
                    return undefined;
                }
            });
            const listener = jest.fn();
            client.onEvent(listener);
            client.dispose();
            deliverLater.forEach((deliver) => deliver(pong('r1')));
            expect(listener).not.toHaveBeenCalled();
        });
    });

    describe('helpers', () => {
        it('clip free text to the contract limit and leave anything else alone', () => {
            expect(clipText('x'.repeat(300))).toHaveLength(255);
            expect(clipText('abcdef', 3)).toBe('abc');
            expect(clipText('short')).toBe('short');
            expect(clipText(undefined)).toBeUndefined();
            expect(isSalesforceId('0035g00000AbCdE')).toBe(true);
            expect(isSalesforceId(42)).toBe(false);
        });

        it('keep only numbers the contract can dial', () => {
            expect(toDialableNumber('  (415) 555-0100 ')).toBe('(415) 555-0100');
            expect(toDialableNumber('+44 20 7183 8750')).toBe('+44 20 7183 8750');
            expect(toDialableNumber('555-0142 ext. 12')).toBeNull();
            expect(toDialableNumber('1-800-FLOWERS')).toBeNull();
            expect(toDialableNumber('1'.repeat(41))).toBeNull();
            expect(toDialableNumber('')).toBeNull();
            expect(toDialableNumber(null)).toBeNull();
        });

        it('compare 15- and 18-character ids of the same record', () => {
            expect(sameRecordId('0035g00000AbCdE', '0035g00000AbCdEAAZ')).toBe(true);
            expect(sameRecordId('0035g00000AbCdEAAZ', '0035g00000AbCdFAAZ')).toBe(false);
            expect(sameRecordId(undefined, '0035g00000AbCdEAAZ')).toBe(false);
            expect(sameRecordId('bad', 'bad')).toBe(false);
        });

        it('format durations as m:ss or h:mm:ss', () => {
            expect(formatDuration(0)).toBe('0:00');
            expect(formatDuration(42)).toBe('0:42');
            expect(formatDuration(125.9)).toBe('2:05');
            expect(formatDuration(3725)).toBe('1:02:05');
            expect(formatDuration(-1)).toBe('');
            expect(formatDuration(null)).toBe('');
        });

        it('fill a label’s placeholders as text, missing ones empty', () => {
            expect(formatLabel('Call {0}: {1}', 'Mobile', '+1 415')).toBe('Call Mobile: +1 415');
            expect(formatLabel('{1} then {0}', 'a', 'b')).toBe('b then a');
            expect(formatLabel('Call {0}{2}', 0)).toBe('Call 0');
            expect(formatLabel('<b>{0}</b>', '<i>')).toBe('<b><i></b>');
            expect(formatLabel(undefined, 'x')).toBe('');
        });

        it('name the other party: phone system name, then related record, then number', () => {
            const inbound = { direction: 'Inbound', from: '+14155550101', to: 'agent' };
            const related = { recordId: '0035g00000AbCdEAAZ', recordName: 'Ada Lovelace' };
            expect(remotePartyName({ ...inbound, remoteName: 'Reception' })).toBe('Reception');
            expect(remotePartyName({ ...inbound, remoteName: ' ', related })).toBe('Ada Lovelace');
            expect(remotePartyName(inbound)).toBe('+14155550101');
            expect(remotePartyName({ direction: 'Outbound', from: 'agent', to: '5550100' })).toBe(
                '5550100'
            );
            expect(remotePartyName({ direction: 'Inbound', from: '' })).toBe('');
            expect(remotePartyName(undefined)).toBe('');
        });
    });
});
